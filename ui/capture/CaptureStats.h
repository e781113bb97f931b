#pragma once

#include <QElapsedTimer>

#include <cstdint>
#include <deque>
#include <vector>

namespace fe::ui {

// The capture path's figures (the F12 overlay, the exit log, --measure): frames delivered
// by the sink and analysed by the worker per second, frame-to-overlay latency (sink delivery
// to the first paint of that frame with its own analysis), and dropped frames. The counters
// come from the mailbox and the worker (read through the sample() call); the latencies from
// the view. GUI thread only.
class CaptureStats
{
public:
    struct Counters
    {
        std::uint64_t delivered = 0;
        std::uint64_t analysed = 0;
        std::uint64_t dropped = 0;
    };

    CaptureStats();

    // Records the counters now (the view calls it about twice a second); rates are taken
    // over the last few seconds of samples.
    void sample(const Counters& counters);
    void addLatencyMs(double ms);

    [[nodiscard]] double captureFps() const;
    [[nodiscard]] double analysisFps() const;
    [[nodiscard]] std::uint64_t dropped() const { return m_last.dropped; }
    [[nodiscard]] const Counters& last() const { return m_last; }
    [[nodiscard]] double latencyPercentile(double q) const;      // recent samples
    [[nodiscard]] const std::vector<double>& allLatencies() const { return m_allLatencies; }
    [[nodiscard]] std::uint64_t paintedWithAnalysis() const { return m_allLatencies.size(); }

    // One log line with the session's figures (fps over the whole run, latency percentiles).
    void logSummary() const;

private:
    struct Sample
    {
        qint64 ms;
        Counters counters;
    };
    QElapsedTimer m_clock;
    std::deque<Sample> m_samples;
    Counters m_last;
    Sample m_first{};
    bool m_haveFirst = false;
    std::deque<double> m_recentLatencies;
    std::vector<double> m_allLatencies;
};

} // namespace fe::ui
