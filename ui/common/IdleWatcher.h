#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

namespace fe::ui {

// The idle lock's clock: an application-wide event filter restarts a single-shot timer on
// every input event (keys, mouse, wheel, touch); when it runs out, idle() is emitted once.
// Each input also calls the activity callback at most every activityIntervalMs (the
// workstation uses it to keep the store session's own idle clock in step). KeePassXC's
// InactivityTimer is the model. GUI thread only.
class IdleWatcher : public QObject
{
    Q_OBJECT

public:
    explicit IdleWatcher(QObject* parent = nullptr);
    ~IdleWatcher() override;

    void start(std::chrono::milliseconds timeout);
    void stop();
    [[nodiscard]] bool isActive() const { return m_active; }
    [[nodiscard]] std::chrono::milliseconds timeout() const { return std::chrono::milliseconds(m_timer.interval()); }

Q_SIGNALS:
    void idle();
    // Input was seen (throttled to one signal per second).
    void activity();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void expired();

    QTimer m_timer;
    bool m_active = false;
    qint64 m_lastActivityMs = 0;
};

} // namespace fe::ui
