#include "capture/CaptureStats.h"

#include "common/Percentiles.h"
#include "common/UiLogging.h"

namespace fe::ui {
namespace {
// Rates over this window; latency percentiles over this many recent frames.
constexpr qint64 kRateWindowMs = 3000;
constexpr std::size_t kRecentLatencies = 240;
constexpr std::size_t kMaxKeptLatencies = 100000;

double rate(std::uint64_t a, std::uint64_t b, qint64 dtMs)
{
    return dtMs > 0 ? static_cast<double>(b - a) * 1000.0 / static_cast<double>(dtMs) : 0.0;
}
} // namespace

CaptureStats::CaptureStats()
{
    m_clock.start();
}

void CaptureStats::sample(const Counters& counters)
{
    const qint64 now = m_clock.elapsed();
    m_last = counters;
    m_samples.push_back({now, counters});
    if (!m_haveFirst) {
        m_first = m_samples.back();
        m_haveFirst = true;
    }
    while (m_samples.size() > 2 && now - m_samples.front().ms > kRateWindowMs)
        m_samples.pop_front();
}

void CaptureStats::addLatencyMs(double ms)
{
    m_recentLatencies.push_back(ms);
    if (m_recentLatencies.size() > kRecentLatencies)
        m_recentLatencies.pop_front();
    if (m_allLatencies.size() < kMaxKeptLatencies)
        m_allLatencies.push_back(ms);
}

double CaptureStats::captureFps() const
{
    if (m_samples.size() < 2)
        return 0.0;
    return rate(m_samples.front().counters.delivered, m_samples.back().counters.delivered,
                m_samples.back().ms - m_samples.front().ms);
}

double CaptureStats::analysisFps() const
{
    if (m_samples.size() < 2)
        return 0.0;
    return rate(m_samples.front().counters.analysed, m_samples.back().counters.analysed,
                m_samples.back().ms - m_samples.front().ms);
}

double CaptureStats::latencyPercentile(double q) const
{
    return percentile(std::vector<double>(m_recentLatencies.begin(), m_recentLatencies.end()), q);
}

void CaptureStats::logSummary() const
{
    if (!m_haveFirst || m_samples.empty())
        return;
    const Sample& last = m_samples.back();
    const qint64 dt = last.ms - m_first.ms;
    qCInfo(lcCapture).nospace() << "capture summary: " << last.counters.delivered << " frames delivered ("
                                << rate(m_first.counters.delivered, last.counters.delivered, dt) << " fps), "
                                << last.counters.analysed << " analysed ("
                                << rate(m_first.counters.analysed, last.counters.analysed, dt) << " fps), "
                                << last.counters.dropped << " dropped; overlay latency p50 "
                                << percentile(m_allLatencies, 0.5) << " ms, p95 " << percentile(m_allLatencies, 0.95)
                                << " ms over " << m_allLatencies.size() << " frames";
}

} // namespace fe::ui
