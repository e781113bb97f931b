#include "liveness/ParallaxTracker.h"

#include "liveness/MotionEvidence.h"
#include "vision/FaceGeometry.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>

#include <algorithm>
#include <cmath>
#include <optional>

namespace fe::liveness {
namespace {

// Key frames as in MotionEvidence: every half second, the last four (up to 2 s back); samples
// on every second frame.
constexpr double kKeyIntervalMs = 500.0;
constexpr std::size_t kMaxKeys = 4;
constexpr int kFrameStride = 2;
constexpr std::size_t kMaxSamples = 20000;
// The face region kept with a key: the landmarks' bounds grown by this share on each side.
constexpr double kRegionMargin = 0.3;
// Optical flow: a window of about a third of the inter-eye distance (the texture of a brow or
// a nostril), two pyramid levels for the motion of up to 2 s; points the flow could not follow
// (too little texture, lost) are dropped, and a sample needs this many followed points.
constexpr double kWindowPerIod = 0.3;
constexpr int kMinFollowed = 10;
// Texture below this (the smaller eigenvalue of the window's gradient matrix, per pixel, on
// 0..1 grey levels) cannot be followed reliably.
constexpr double kMinEigenvalue = 1e-3;
// A followed point must come back by the backward flow within this share of the inter-eye
// distance (0.5 px at 50 px).
constexpr double kMaxBackError = 0.01;

cv::Mat toGrey(const cv::Mat& image, const cv::Rect& roi)
{
    cv::Mat grey;
    switch (image.channels()) {
    case 1: grey = image(roi).clone(); break;
    case 4: cv::cvtColor(image(roi), grey, cv::COLOR_BGRA2GRAY); break;
    default: cv::cvtColor(image(roi), grey, cv::COLOR_BGR2GRAY); break;
    }
    return grey;
}

// The RMS residual of the best homography between followed points, without the kTrimmed
// points it fits worst (refitted without them): the flow can follow one point to a wrong
// place consistently (an edge of a hole in a mask, a shadow), while a head's parallax moves
// several points (the nose against the brows).
constexpr std::size_t kTrimmed = 2;

std::optional<double> trimmedResidual(std::vector<cv::Point2f> from, std::vector<cv::Point2f> to)
{
    for (std::size_t pass = 0;; ++pass) {
        const auto h = MotionEvidence::fitHomography(from.data(), to.data(), from.size());
        if (!h)
            return std::nullopt;
        std::vector<std::pair<double, std::size_t>> errors;
        for (std::size_t k = 0; k < from.size(); ++k) {
            const cv::Point2d m = MotionEvidence::apply(*h, from[k]);
            errors.emplace_back((m.x - to[k].x) * (m.x - to[k].x) + (m.y - to[k].y) * (m.y - to[k].y), k);
        }
        if (pass == 1) {
            double sum = 0.0;
            for (const auto& e : errors)
                sum += e.first;
            return std::sqrt(sum / static_cast<double>(errors.size()));
        }
        std::sort(errors.begin(), errors.end());
        errors.resize(errors.size() - std::min(kTrimmed, errors.size() - 8));
        std::vector<cv::Point2f> f, t;
        for (const auto& e : errors) {
            f.push_back(from[e.second]);
            t.push_back(to[e.second]);
        }
        from = std::move(f);
        to = std::move(t);
    }
}

} // namespace

void ParallaxTracker::reset()
{
    m_keys.clear();
    m_samples.clear();
    m_frame = 0;
}

void ParallaxTracker::add(const cv::Mat& image, const vision::Landmarks& lm, double t, bool shapeUsable)
{
    if (image.empty() || image.depth() != CV_8U || !shapeUsable)
        return;
    const double iod = vision::interEyeDistance(lm);
    if (iod < 8.0)
        return;
    const auto& rigid = MotionEvidence::rigidPoints();
    const cv::Rect frame(0, 0, image.cols, image.rows);

    if (m_frame++ % kFrameStride == 0 && m_samples.size() < kMaxSamples && !m_keys.empty()) {
        const int win = std::clamp(static_cast<int>(kWindowPerIod * iod) | 1, 9, 31);
        double largest = -1.0;
        for (const auto& key : m_keys) {
            const cv::Rect roi(cvRound(key.origin.x), cvRound(key.origin.y), key.grey.cols, key.grey.rows);
            if ((roi & frame) != roi)
                continue;
            const cv::Mat now = toGrey(image, roi);
            std::vector<cv::Point2f> next;
            next.reserve(rigid.size());
            for (int i : rigid)
                next.push_back(lm[static_cast<std::size_t>(i)] - key.origin);
            const cv::TermCriteria stop(cv::TermCriteria::COUNT | cv::TermCriteria::EPS, 20, 0.03);
            std::vector<unsigned char> status, statusBack;
            std::vector<float> error;
            cv::calcOpticalFlowPyrLK(key.grey, now, key.points, next, status, error, cv::Size(win, win), 2, stop,
                                     cv::OPTFLOW_USE_INITIAL_FLOW, kMinEigenvalue);
            // Back again: a point the flow really followed comes back to where it started.
            std::vector<cv::Point2f> back = key.points;
            cv::calcOpticalFlowPyrLK(now, key.grey, next, back, statusBack, error, cv::Size(win, win), 2, stop,
                                     cv::OPTFLOW_USE_INITIAL_FLOW, kMinEigenvalue);
            const double maxBack = kMaxBackError * iod;
            std::vector<cv::Point2f> from, to;
            for (std::size_t k = 0; k < status.size(); ++k) {
                const cv::Point2f& p = next[k];
                if (status[k] != 0 && statusBack[k] != 0 && cv::norm(back[k] - key.points[k]) <= maxBack && p.x >= 0.f &&
                    p.y >= 0.f && p.x < now.cols && p.y < now.rows) {
                    from.push_back(key.points[k]);
                    to.push_back(p);
                }
            }
            if (static_cast<int>(from.size()) < kMinFollowed)
                continue;
            if (const auto r = trimmedResidual(from, to))
                largest = std::max(largest, *r / iod);
        }
        if (largest >= 0.0)
            m_samples.push_back(largest);
    }

    if (m_keys.empty() || t - m_keys.back().t >= kKeyIntervalMs) {
        const cv::Rect2f b = vision::landmarkBounds(lm);
        const cv::Rect grown(cvFloor(b.x - kRegionMargin * b.width), cvFloor(b.y - kRegionMargin * b.height),
                             cvCeil(b.width * (1.0 + 2.0 * kRegionMargin)), cvCeil(b.height * (1.0 + 2.0 * kRegionMargin)));
        const cv::Rect roi = grown & frame;
        if (roi.width < 16 || roi.height < 16)
            return;
        Key key;
        key.t = t;
        key.grey = toGrey(image, roi);
        key.origin = cv::Point2f(static_cast<float>(roi.x), static_cast<float>(roi.y));
        for (int i : rigid)
            key.points.push_back(lm[static_cast<std::size_t>(i)] - key.origin);
        m_keys.push_back(std::move(key));
        if (m_keys.size() > kMaxKeys)
            m_keys.pop_front();
    }
}

double ParallaxTracker::nonPlanarity() const
{
    return MotionEvidence::persistentQuantile(m_samples);
}

} // namespace fe::liveness
