#include "RecordedTurns.h"

#include <algorithm>
#include <cmath>

namespace fe::test {
namespace {

constexpr double kStillDeg = 4.0;
constexpr double kTurnDeg = 16.0;

bool oneFace(const CuedFrame& f)
{
    return f.analysis.faces.size() == 1;
}

double yaw(const CuedFrame& f)
{
    return f.analysis.faces.front().pose.yaw;
}

bool allOneFace(const std::vector<CuedFrame>& s, std::size_t a, std::size_t b)
{
    for (std::size_t i = a; i < b; ++i) {
        if (!oneFace(s[i]))
            return false;
    }
    return true;
}

double medianYaw(const std::vector<CuedFrame>& s, std::size_t a, std::size_t b)
{
    std::vector<double> v;
    for (std::size_t i = a; i < b; ++i)
        v.push_back(yaw(s[i]));
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
    return v[v.size() / 2];
}

} // namespace

RecordedTurns findTurns(const std::vector<CuedFrame>& s, std::size_t first, std::size_t last, double fps)
{
    RecordedTurns out;
    last = std::min(last, s.size());
    const auto second = static_cast<std::size_t>(fps);
    for (std::size_t i = first + second; i + 2 * second < last;) {
        if (!allOneFace(s, i - second, i + 1)) {
            ++i;
            continue;
        }
        const double base = medianYaw(s, i - second, i);
        if (std::abs(yaw(s[i]) - base) > kStillDeg) {
            ++i;
            continue;
        }
        std::size_t peak = 0;
        for (std::size_t j = i + 1; j < i + 2 * second && j < last && oneFace(s[j]); ++j) {
            if (std::abs(yaw(s[j]) - base) >= kTurnDeg) {
                peak = j;
                break;
            }
        }
        if (peak == 0) {
            ++i;
            continue;
        }
        std::size_t onset = i;
        for (std::size_t j = i; j < peak; ++j) {
            if (std::abs(yaw(s[j]) - base) < 3.0)
                onset = j;
        }
        const std::size_t a = onset >= second ? onset - second : 0;
        const std::size_t b = std::min(last, peak + static_cast<std::size_t>(0.2 * fps));
        if (a >= first && allOneFace(s, a, b))
            (yaw(s[peak]) > base ? out.left : out.right).emplace_back(s.begin() + static_cast<std::ptrdiff_t>(a), s.begin() + static_cast<std::ptrdiff_t>(b));
        i = b + second;
    }
    return out;
}

liveness::LivenessResult playClip(liveness::LivenessSession& session, const std::vector<CuedFrame>& clip, double fps)
{
    for (std::size_t i = 0; i < clip.size() && !session.finished(); ++i) {
        vision::FrameAnalysis a = clip[i].analysis;
        a.timestampMs = static_cast<double>(i) * 1000.0 / fps;
        session.feedRecorded(a, clip[i].cues);
    }
    return session.finish();
}

} // namespace fe::test
