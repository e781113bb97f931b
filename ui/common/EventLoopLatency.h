#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <vector>

namespace fe::ui {

// Samples the GUI event loop's latency: a precise timer asks to run every intervalMs, and
// each time it fires, how late it is (ms beyond the interval) is one sample. A busy GUI
// thread (a slow slot, a slow paint) shows up as late timer events. Lives on the thread it
// measures.
class EventLoopLatency : public QObject
{
    Q_OBJECT

public:
    explicit EventLoopLatency(int intervalMs = 5, QObject* parent = nullptr);

    void start();
    void stop();
    void clear();
    [[nodiscard]] const std::vector<double>& samples() const { return m_samples; }
    [[nodiscard]] double percentile(double q) const;
    [[nodiscard]] double maximum() const;

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    int m_intervalMs;
    std::vector<double> m_samples;
};

} // namespace fe::ui
