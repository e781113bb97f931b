#include "liveness/ParallaxTracker.h"

#include "liveness/KeyFrames.h"
#include "liveness/MotionEvidence.h"
#include "vision/FaceGeometry.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>

#include <algorithm>
#include <cmath>
#include <optional>

namespace fe::liveness {
namespace {

// Key frames as in MotionEvidence (KeyFrames.h): the same pairs of frames are compared.
using keyframes::kFrameStride;
using keyframes::kMaxKeys;
using keyframes::kMaxSamples;
constexpr double kKeyIntervalMs = keyframes::kIntervalMs;
// The crop the flow runs on: the brows and the nose, reduced by a whole factor (mean of n x n
// blocks on a grid fixed in the frame) to kCropIod to 2 kCropIod px between the eyes. A
// resampling at any other scale, or on a grid that moved with the crop, would change a still
// picture's pixels whenever its landmark fit jumps, and the flow would see that as motion. The
// tracked points' bounds are grown by kCropMarginIod on each side: room for the window at the
// coarsest pyramid level.
constexpr double kCropIod = 40.0;
constexpr double kCropMarginIod = 0.7;
// Room for the face to come closer before the crop must grow (see makeCrop).
constexpr double kCropSlack = 1.2;
// Optical flow: a window of about a third of the inter-eye distance (the texture of a brow or
// a nostril), two pyramid levels for the motion of up to 2 s. The pyramids are built with
// borders for the largest window, once per frame, and shared by every key and both directions.
constexpr double kWindowPerIod = 0.3;
constexpr int kMinWindow = 9;
constexpr int kMaxWindow = 31;
constexpr int kPyramidLevels = 2;
// Points the flow could not follow (too little texture, lost) are dropped, and a sample needs
// this many followed points.
constexpr int kMinFollowed = 10;
// Texture below this (the smaller eigenvalue of the window's gradient matrix, per pixel, on
// 0..1 grey levels) cannot be followed reliably.
constexpr double kMinEigenvalue = 1e-3;
// A followed point must come back by the backward flow within this share of the inter-eye
// distance (0.5 px at 50 px).
constexpr double kMaxBackError = 0.01;

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
    m_cropSize = {};
    m_factor = 1;
}

bool ParallaxTracker::makeCrop(const cv::Mat& image, const vision::Landmarks& lm, Crop& into)
{
    const double iod = vision::interEyeDistance(lm);
    if (iod < 8.0)
        return false;
    const auto& tracked = MotionEvidence::rigidPoints();
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    for (int i : tracked) {
        const cv::Point2f& p = lm[static_cast<std::size_t>(i)];
        x0 = std::min(x0, p.x);
        y0 = std::min(y0, p.y);
        x1 = std::max(x1, p.x);
        y1 = std::max(y1, p.y);
    }
    // The flow compares pyramids of one size: every crop of a session has the size and the
    // reduction of its first one (with room for the face to come closer), centred on the
    // tracked points. A face that outgrows it starts the key frames again.
    const double m = kCropMarginIod * iod;
    const cv::Size need(cvCeil(x1 - x0 + 2.0 * m), cvCeil(y1 - y0 + 2.0 * m));
    if (m_cropSize.empty() || need.width > m_cropSize.width * m_factor || need.height > m_cropSize.height * m_factor) {
        m_factor = std::max(1, static_cast<int>(iod / kCropIod));
        m_cropSize = cv::Size(cvCeil(kCropSlack * need.width / m_factor), cvCeil(kCropSlack * need.height / m_factor));
        m_keys.clear();
    }
    const int n = m_factor;
    const cv::Size frameSize(m_cropSize.width * n, m_cropSize.height * n);
    // The origin on the reduction's grid: the same content gives the same crop pixels.
    const cv::Rect roi(n * cvFloor(0.5 * (x0 + x1 - frameSize.width) / n), n * cvFloor(0.5 * (y0 + y1 - frameSize.height) / n),
                       frameSize.width, frameSize.height);
    if (roi.width < 16 || roi.height < 16 || (roi & cv::Rect(0, 0, image.cols, image.rows)) != roi)
        return false;
    const cv::Mat region = image(roi);
    if (n == 1) {
        switch (image.channels()) {
        case 1: region.copyTo(m_grey); break;
        case 3: cv::cvtColor(region, m_grey, cv::COLOR_BGR2GRAY); break;
        case 4: cv::cvtColor(region, m_grey, cv::COLOR_BGRA2GRAY); break;
        default: return false;
        }
    } else {
        switch (image.channels()) {
        case 1: cv::resize(region, m_grey, m_cropSize, 0, 0, cv::INTER_AREA); break;
        case 3:
            cv::cvtColor(region, m_full, cv::COLOR_BGR2GRAY);
            cv::resize(m_full, m_grey, m_cropSize, 0, 0, cv::INTER_AREA);
            break;
        case 4:
            cv::cvtColor(region, m_full, cv::COLOR_BGRA2GRAY);
            cv::resize(m_full, m_grey, m_cropSize, 0, 0, cv::INTER_AREA);
            break;
        default: return false;
        }
    }
    // Block (u, v) of the reduction covers frame px [n u, n u + n): its centre is n u + (n - 1) / 2.
    into.iod = iod / n;
    into.points.clear();
    const auto fn = static_cast<float>(n);
    for (int i : tracked) {
        const cv::Point2f& p = lm[static_cast<std::size_t>(i)];
        into.points.emplace_back((p.x - static_cast<float>(roi.x) + 0.5f) / fn - 0.5f, (p.y - static_cast<float>(roi.y) + 0.5f) / fn - 0.5f);
    }
    cv::buildOpticalFlowPyramid(m_grey, into.pyramid, cv::Size(kMaxWindow, kMaxWindow), kPyramidLevels, true);
    return true;
}

void ParallaxTracker::add(const cv::Mat& image, const vision::Landmarks& lm, double t, bool shapeUsable)
{
    if (image.empty() || image.depth() != CV_8U || !shapeUsable)
        return;
    const bool sampleDue = m_frame++ % kFrameStride == 0 && m_samples.size() < kMaxSamples && !m_keys.empty();
    const bool keyDue = m_keys.empty() || t - m_keys.back().t >= kKeyIntervalMs;
    if ((!sampleDue && !keyDue) || !makeCrop(image, lm, m_now))
        return;
    if (m_keys.empty()) {
        // No key (the first frame, or the crop grew): this frame becomes one.
        m_keys.push_back({t, std::move(m_now)});
        m_now = Crop{};
        return;
    }

    if (sampleDue) {
        const int side = std::clamp(static_cast<int>(kWindowPerIod * m_now.iod) | 1, kMinWindow, kMaxWindow);
        const cv::Size window(side, side);
        const cv::TermCriteria stop(cv::TermCriteria::COUNT | cv::TermCriteria::EPS, 20, 0.03);
        const double maxBack = kMaxBackError * m_now.iod;
        const auto w = static_cast<float>(m_grey.cols), h = static_cast<float>(m_grey.rows);
        double largest = -1.0;
        for (const auto& key : m_keys) {
            const Crop& k = key.crop;
            // Each point starts where the landmarks put it in this frame's crop.
            m_next = m_now.points;
            cv::calcOpticalFlowPyrLK(k.pyramid, m_now.pyramid, k.points, m_next, m_status, m_error, window, kPyramidLevels,
                                     stop, cv::OPTFLOW_USE_INITIAL_FLOW, kMinEigenvalue);
            // Back again: a point the flow really followed comes back to where it started.
            m_back = k.points;
            cv::calcOpticalFlowPyrLK(m_now.pyramid, k.pyramid, m_next, m_back, m_statusBack, m_error, window, kPyramidLevels,
                                     stop, cv::OPTFLOW_USE_INITIAL_FLOW, kMinEigenvalue);
            m_from.clear();
            m_to.clear();
            for (std::size_t i = 0; i < m_status.size(); ++i) {
                const cv::Point2f& p = m_next[i];
                if (m_status[i] != 0 && m_statusBack[i] != 0 && cv::norm(m_back[i] - k.points[i]) <= maxBack && p.x >= 0.f &&
                    p.y >= 0.f && p.x < w && p.y < h) {
                    m_from.push_back(k.points[i]);
                    m_to.push_back(p);
                }
            }
            if (static_cast<int>(m_from.size()) < kMinFollowed)
                continue;
            // The two crops are placed differently in their frames: a shift, which the
            // homography absorbs.
            if (const auto r = trimmedResidual(m_from, m_to))
                largest = std::max(largest, *r / m_now.iod);
        }
        if (largest >= 0.0)
            m_samples.push_back(largest);
    }

    if (keyDue) {
        m_keys.push_back({t, std::move(m_now)});
        m_now = Crop{};
        if (m_keys.size() > kMaxKeys)
            m_keys.pop_front();
    }
}

double ParallaxTracker::nonPlanarity() const
{
    return MotionEvidence::persistentQuantile(m_samples);
}

} // namespace fe::liveness
