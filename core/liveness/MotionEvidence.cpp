#include "liveness/MotionEvidence.h"

#include "vision/FaceGeometry.h"

#include <opencv2/calib3d.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace fe::liveness {
namespace {

// A new key frame every half second; residuals against the last four (up to 2 s back), on
// every second frame: enough pairs to see slow turns, cheap enough per frame.
constexpr double kKeyIntervalMs = 500.0;
constexpr std::size_t kMaxKeys = 4;
constexpr int kFrameStride = 2;
constexpr double kQuantile = 0.9;
// Ranges are taken between these quantiles, so that one bad frame does not make a range.
constexpr double kRangeLow = 0.05;
constexpr double kRangeHigh = 0.95;
// Bounds the memory of a long spontaneous session (20 s at 30 fps is 600 frames).
constexpr std::size_t kMaxSamples = 20000;

const std::vector<int>& allPoints()
{
    static const std::vector<int> all = [] {
        std::vector<int> v(68);
        std::iota(v.begin(), v.end(), 0);
        return v;
    }();
    return all;
}

double quantile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0.0;
    const auto k = static_cast<std::size_t>(q * static_cast<double>(v.size() - 1));
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
    return v[k];
}

} // namespace

const std::vector<int>& MotionEvidence::rigidPoints()
{
    static const std::vector<int> rigid = {17, 19, 21, 22, 24, 26, 27, 28, 29, 30, 31, 33, 35, 36, 39, 42, 45};
    return rigid;
}

const std::vector<int>& MotionEvidence::mouthPoints()
{
    static const std::vector<int> mouth = [] {
        std::vector<int> v(20);
        std::iota(v.begin(), v.end(), 48);
        return v;
    }();
    return mouth;
}

double MotionEvidence::residual(const vision::Landmarks& a, const vision::Landmarks& b, const std::vector<int>& fit,
                                const std::vector<int>& eval)
{
    std::vector<cv::Point2f> src, dst;
    src.reserve(fit.size());
    dst.reserve(fit.size());
    for (int i : fit) {
        src.push_back(a[static_cast<std::size_t>(i)]);
        dst.push_back(b[static_cast<std::size_t>(i)]);
    }
    const cv::Mat h = cv::findHomography(src, dst, 0);
    const double iod = vision::interEyeDistance(b);
    if (h.empty() || iod < 1.0)
        return 0.0;
    std::vector<cv::Point2f> from, to, mapped;
    for (int i : eval) {
        from.push_back(a[static_cast<std::size_t>(i)]);
        to.push_back(b[static_cast<std::size_t>(i)]);
    }
    cv::perspectiveTransform(from, mapped, h);
    double sum = 0.0;
    for (std::size_t i = 0; i < mapped.size(); ++i) {
        const cv::Point2f d = mapped[i] - to[i];
        sum += static_cast<double>(d.x) * d.x + static_cast<double>(d.y) * d.y;
    }
    return std::sqrt(sum / static_cast<double>(mapped.size())) / iod;
}

double MotionEvidence::lidClosure(const vision::Landmarks& open, const vision::Landmarks& closed)
{
    std::vector<cv::Point2f> src, dst;
    for (int i : rigidPoints()) {
        src.push_back(open[static_cast<std::size_t>(i)]);
        dst.push_back(closed[static_cast<std::size_t>(i)]);
    }
    const cv::Mat h = cv::findHomography(src, dst, 0);
    if (h.empty())
        return 1.0;
    // Upper and lower lid point pairs of both eyes.
    static const std::vector<std::pair<int, int>> kPairs = {{37, 41}, {38, 40}, {43, 47}, {44, 46}};
    std::vector<cv::Point2f> lids;
    for (const auto& [up, low] : kPairs) {
        lids.push_back(open[static_cast<std::size_t>(up)]);
        lids.push_back(open[static_cast<std::size_t>(low)]);
    }
    std::vector<cv::Point2f> carried;
    cv::perspectiveTransform(lids, carried, h);
    double expected = 0.0, actual = 0.0;
    for (std::size_t k = 0; k < kPairs.size(); ++k) {
        expected += cv::norm(carried[2 * k] - carried[2 * k + 1]);
        actual += cv::norm(closed[static_cast<std::size_t>(kPairs[k].first)] - closed[static_cast<std::size_t>(kPairs[k].second)]);
    }
    return expected > 1e-3 ? actual / expected : 1.0;
}

void MotionEvidence::reset()
{
    m_keys.clear();
    m_all.clear();
    m_rigid.clear();
    m_mouthOpen.clear();
    m_nose.clear();
    m_yawMin = m_yawMax = 0.0;
    m_any = false;
    m_frame = 0;
}

void MotionEvidence::add(const vision::FaceObservation& face, double timestampMs)
{
    if (face.pose.valid) {
        m_yawMin = m_any ? std::min(m_yawMin, face.pose.yaw) : face.pose.yaw;
        m_yawMax = m_any ? std::max(m_yawMax, face.pose.yaw) : face.pose.yaw;
        m_any = true;
    }
    if (m_mouthOpen.size() < kMaxSamples) {
        m_mouthOpen.push_back(face.mouthOpen);
        m_nose.push_back(vision::noseOffsetRatio(face.landmarks));
    }
    if (m_frame++ % kFrameStride == 0 && m_all.size() < kMaxSamples) {
        for (const auto& key : m_keys) {
            m_all.push_back(planarResidual(key.lm, face.landmarks, allPoints()));
            m_rigid.push_back(planarResidual(key.lm, face.landmarks, rigidPoints()));
        }
    }
    if (m_keys.empty() || timestampMs - m_keys.back().t >= kKeyIntervalMs) {
        m_keys.push_back({timestampMs, face.landmarks});
        if (m_keys.size() > kMaxKeys)
            m_keys.pop_front();
    }
}

double MotionEvidence::nonPlanarity() const
{
    return quantile(m_all, kQuantile);
}

double MotionEvidence::rigidNonPlanarity() const
{
    return quantile(m_rigid, kQuantile);
}

double MotionEvidence::mouthRange() const
{
    return quantile(m_mouthOpen, kRangeHigh) - quantile(m_mouthOpen, kRangeLow);
}

double MotionEvidence::noseRange() const
{
    return quantile(m_nose, kRangeHigh) - quantile(m_nose, kRangeLow);
}

} // namespace fe::liveness
