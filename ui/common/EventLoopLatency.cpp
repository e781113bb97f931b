#include "common/EventLoopLatency.h"

#include "common/Percentiles.h"

#include <algorithm>

namespace fe::ui {

EventLoopLatency::EventLoopLatency(int intervalMs, QObject* parent) : QObject(parent), m_intervalMs(intervalMs)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopLatency::tick);
}

void EventLoopLatency::start()
{
    m_clock.start();
    m_lastNs = m_clock.nsecsElapsed();
    m_timer.start();
}

void EventLoopLatency::stop()
{
    m_timer.stop();
}

void EventLoopLatency::clear()
{
    m_samples.clear();
}

void EventLoopLatency::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const double lateMs = static_cast<double>(now - m_lastNs) / 1e6 - m_intervalMs;
    m_lastNs = now;
    m_samples.push_back(std::max(0.0, lateMs));
}

double EventLoopLatency::percentile(double q) const
{
    return fe::ui::percentile(m_samples, q);
}

double EventLoopLatency::maximum() const
{
    return m_samples.empty() ? 0.0 : *std::max_element(m_samples.begin(), m_samples.end());
}

} // namespace fe::ui
