#include "vision/EyeStateTracker.h"

#include <algorithm>
#include <vector>

namespace fe::vision {

EyeStateTracker::EyeStateTracker() : EyeStateTracker(Options{}) {}

EyeStateTracker::EyeStateTracker(Options options) : m_options(options) {}

void EyeStateTracker::reset()
{
    m_history.clear();
    m_baseline = 0.0;
    m_closed = false;
    m_closedSince = 0.0;
    m_lastBelowClose = 0.0;
    m_lastT = 0.0;
    m_blinks = 0;
}

void EyeStateTracker::markGap(double timestampMs)
{
    m_closed = false;
    m_lastT = timestampMs;
}

double EyeStateTracker::computeBaseline() const
{
    if (m_history.empty() || m_history.back().t - m_history.front().t < m_options.warmupMs)
        return m_options.populationBaseline;
    std::vector<double> ears;
    ears.reserve(m_history.size());
    for (const auto& s : m_history)
        ears.push_back(s.ear);
    const auto k = static_cast<std::size_t>(m_options.baselineQuantile * static_cast<double>(ears.size() - 1));
    std::nth_element(ears.begin(), ears.begin() + static_cast<std::ptrdiff_t>(k), ears.end());
    return ears[k];
}

EyeStateTracker::State EyeStateTracker::update(double ear, double timestampMs)
{
    m_history.push_back({timestampMs, ear});
    while (!m_history.empty() && timestampMs - m_history.front().t > m_options.windowMs)
        m_history.pop_front();
    m_baseline = computeBaseline();
    m_lastT = timestampMs;

    State state;
    state.baseline = m_baseline;
    state.openness = m_baseline > 0.0 ? ear / m_baseline : 1.0;
    if (state.openness < m_options.closeRatio) {
        if (!m_closed)
            m_closedSince = timestampMs;
        m_closed = true;
        m_lastBelowClose = timestampMs;
    } else if (m_closed && state.openness > m_options.openRatio) {
        m_closed = false;
        // The lids often reopen slowly (or only partly while the gaze moves); the blink's
        // length is the time spent properly closed, not the time until fully open.
        if (m_lastBelowClose - m_closedSince <= m_options.maxBlinkMs) {
            ++m_blinks;
            state.blinkCompleted = true;
        }
    }
    state.closed = m_closed;
    return state;
}

} // namespace fe::vision
