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
// The crop the flow runs on: the face from the forehead to below the nose, reduced by a whole
// factor (mean of n x n blocks on a grid fixed in the frame) to kCropIod to 2 kCropIod px
// between the eyes. A resampling at any other scale, or on a grid that moved with the crop,
// would change a still picture's pixels whenever its landmark fit jumps, and the flow would see
// that as motion. The bounds of the brows and the nose are grown by kCropMarginIod on each
// side: room for the forehead and cheek points and for the window at the coarsest level.
constexpr double kCropIod = 40.0;
constexpr double kCropMarginIod = 0.7;
// Room for the face to come closer before the crop must grow (see makeCrop).
constexpr double kCropSlack = 1.2;
// The pyramid of each crop: levels 0-2, built once per frame with borders for the largest
// window and shared by every key.
constexpr int kPyramidLevels = 2;
// The plane pass: levels 1-2 (20-40 px between the eyes at level 1), a 9 px window (a brow's
// or a cheek's texture), the landmarks' own motion as the first guess.
constexpr int kPlaneLevel = 1;
constexpr int kPlaneWindow = 9;
// The parallax pass, on the key warped onto the frame: what is left to move is parallax and
// the plane's error, under 2 px; an 11 px window on the crop's own level.
constexpr int kParallaxWindow = 11;
constexpr int kParallaxLevels = 0;
constexpr int kRefinements = 1;
// The part of the key warped for a pass: the points' bounds, grown by half the window and
// this much for the motion left.
constexpr int kRoiSlackPx = 4;
// Samples are measured against every kKeyStep-th key, from the oldest.
constexpr std::size_t kKeyStep = 2;
// Where the points of both passes lie besides the nose: the brows' upper edges, the forehead
// above the brows, the cheeks below the eye centres and below the outer eye corners, in IOD
// along the face's vertical (perpendicular to the line through the eye centres). They stay off the
// eye and mouth holes of a cut-out mask (tests/liveness/PresentationSets.cpp cuts ellipses of
// up to 0.45 x 0.27 IOD around the eyes and 0.6 x 0.35 IOD around the mouth).
constexpr double kBrowEdgeIod = 0.12;
constexpr double kForeheadIod = 0.3;
constexpr double kCheekIod = 0.45;
constexpr double kOuterCheekIod = 0.4;
// A plane needs this many followed points, the parallax this many.
constexpr int kMinPlanePoints = 8;
constexpr int kMinFollowed = 10;
// Texture below this (the smaller eigenvalue of the window's gradient matrix, per pixel, on
// 0..1 grey levels) cannot be followed reliably.
constexpr double kMinEigenvalue = 1e-3;
// A followed point must come back by the backward flow within this share of the inter-eye
// distance (0.5 px at 50 px).
constexpr double kMaxBackError = 0.01;

// Each point's squared distance from where `h` carries it, with its index.
std::vector<std::pair<double, std::size_t>> squaredErrors(const cv::Matx33d& h, const std::vector<cv::Point2f>& from,
                                                          const std::vector<cv::Point2f>& to)
{
    std::vector<std::pair<double, std::size_t>> errors;
    errors.reserve(from.size());
    for (std::size_t k = 0; k < from.size(); ++k) {
        const cv::Point2d m = MotionEvidence::apply(h, from[k]);
        errors.emplace_back((m.x - to[k].x) * (m.x - to[k].x) + (m.y - to[k].y) * (m.y - to[k].y), k);
    }
    return errors;
}

// The point pairs named by the first `count` entries of `errors`, in that order.
void keepPoints(const std::vector<std::pair<double, std::size_t>>& errors, std::size_t count, const std::vector<cv::Point2f>& from,
                const std::vector<cv::Point2f>& to, std::vector<cv::Point2f>& f, std::vector<cv::Point2f>& t)
{
    f.clear();
    t.clear();
    for (std::size_t k = 0; k < count; ++k) {
        f.push_back(from[errors[k].second]);
        t.push_back(to[errors[k].second]);
    }
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
        auto errors = squaredErrors(*h, from, to);
        if (pass == 1) {
            double sum = 0.0;
            for (const auto& e : errors)
                sum += e.first;
            return std::sqrt(sum / static_cast<double>(errors.size()));
        }
        std::sort(errors.begin(), errors.end());
        std::vector<cv::Point2f> f, t;
        keepPoints(errors, errors.size() - std::min(kTrimmed, errors.size() - 8), from, to, f, t);
        from = std::move(f);
        to = std::move(t);
    }
}

// The plane of the points' motion: the homography fitted to all of them, then again without
// the quarter it fits worst (points on the edge of a hole, on a shadow or lost by the flow).
// Cheaper than a random-sample search and enough here: most points lie on the rigid surface.
constexpr double kPlaneKept = 0.75;

std::optional<cv::Matx33d> robustPlane(const std::vector<cv::Point2f>& from, const std::vector<cv::Point2f>& to,
                                       std::vector<cv::Point2f>& f, std::vector<cv::Point2f>& t)
{
    const auto h = MotionEvidence::fitHomography(from.data(), to.data(), from.size(), false);
    if (!h)
        return std::nullopt;
    auto errors = squaredErrors(*h, from, to);
    const auto kept = std::max<std::size_t>(4, static_cast<std::size_t>(kPlaneKept * static_cast<double>(from.size())));
    std::nth_element(errors.begin(), errors.begin() + static_cast<std::ptrdiff_t>(kept - 1), errors.end());
    keepPoints(errors, kept, from, to, f, t);
    return MotionEvidence::fitHomography(f.data(), t.data(), f.size(), false);
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
    const auto fn = static_cast<float>(n);
    const cv::Point2f origin(static_cast<float>(roi.x), static_cast<float>(roi.y));
    const auto toCrop = [&](cv::Point2f p) { return (p - origin + cv::Point2f(0.5f, 0.5f)) / fn - cv::Point2f(0.5f, 0.5f); };
    const auto at = [&](int i) { return lm[static_cast<std::size_t>(i)]; };
    // The face's own axes: across along the eye centres, down perpendicular to them.
    const cv::Point2f left = vision::eyeCentre(lm, true), right = vision::eyeCentre(lm, false);
    const cv::Point2f across = (right - left) * static_cast<float>(1.0 / iod);
    const cv::Point2f down(-across.y, across.x);
    const auto off = [&](cv::Point2f p, double iodDown) { return p + down * static_cast<float>(iodDown * iod); };
    into.rigid.clear();
    for (int i : tracked)
        into.rigid.push_back(toCrop(at(i)));
    // The textured rigid surface, off the eye and mouth holes: the upper edges of the brows,
    // the forehead, the cheeks; the plane pass adds the lower nose bridge, the parallax pass
    // the bridge and the tip (where a head's parallax is largest). Not the brows' lower edges
    // nor the top of the bridge, between the eyes, nor the nose base above the mouth: their
    // windows reach into a cut-out mask's holes, where the wearer's own face moves in 3D.
    into.plane.clear();
    into.parallax.clear();
    for (int i = 17; i <= 26; ++i)
        into.plane.push_back(toCrop(off(at(i), -kBrowEdgeIod)));
    for (int i : {18, 20, 23, 25})
        into.plane.push_back(toCrop(off(at(i), -kForeheadIod)));
    into.plane.push_back(toCrop(off(left, kCheekIod)));
    into.plane.push_back(toCrop(off(right, kCheekIod)));
    into.plane.push_back(toCrop(off(at(36), kOuterCheekIod)));
    into.plane.push_back(toCrop(off(at(45), kOuterCheekIod)));
    into.parallax = into.plane;
    into.plane.push_back(toCrop(at(28)));
    for (int i = 28; i <= 30; ++i)
        into.parallax.push_back(toCrop(at(i)));
    cv::buildOpticalFlowPyramid(m_grey, into.pyramid, cv::Size(kParallaxWindow, kParallaxWindow), kPyramidLevels, true);
    return true;
}

double ParallaxTracker::measure(const Crop& k)
{
    const cv::TermCriteria stop(cv::TermCriteria::COUNT | cv::TermCriteria::EPS, 20, 0.03);
    const auto w = static_cast<float>(m_grey.cols), h = static_cast<float>(m_grey.rows);
    const auto inside = [w, h](const cv::Point2f& p) { return p.x >= 0.f && p.y >= 0.f && p.x < w && p.y < h; };

    // 1. The plane, on the coarse level: each point starts where the landmarks' motion (their
    // homography from the key to this frame) puts it; the flow decides where it went.
    const auto guess = MotionEvidence::fitHomography(k.rigid.data(), m_now.rigid.data(), k.rigid.size(), false);
    if (!guess)
        return -1.0;
    constexpr float kCoarse = 1.f / static_cast<float>(1 << kPlaneLevel);
    m_start.clear();
    m_next.clear();
    for (const auto& p : k.plane) {
        m_start.push_back(p * kCoarse);
        const cv::Point2d g = MotionEvidence::apply(*guess, p);
        m_next.emplace_back(static_cast<float>(g.x) * kCoarse, static_cast<float>(g.y) * kCoarse);
    }
    // The pyramids hold image and derivatives per level.
    m_keyCoarse.assign(k.pyramid.begin() + 2 * kPlaneLevel, k.pyramid.end());
    m_nowCoarse.assign(m_now.pyramid.begin() + 2 * kPlaneLevel, m_now.pyramid.end());
    cv::calcOpticalFlowPyrLK(m_keyCoarse, m_nowCoarse, m_start, m_next, m_status, m_error, cv::Size(kPlaneWindow, kPlaneWindow),
                             kPyramidLevels - kPlaneLevel, stop, cv::OPTFLOW_USE_INITIAL_FLOW, kMinEigenvalue);
    m_from.clear();
    m_to.clear();
    for (std::size_t i = 0; i < m_status.size(); ++i) {
        const cv::Point2f p = m_next[i] / kCoarse;
        if (m_status[i] != 0 && inside(p)) {
            m_from.push_back(k.plane[i]);
            m_to.push_back(p);
        }
    }
    if (static_cast<int>(m_from.size()) < kMinPlanePoints)
        return -1.0;
    // A few points on a hole's edge or a shadow do not bend the plane.
    const auto plane = robustPlane(m_from, m_to, m_keptFrom, m_keptTo);
    if (!plane)
        return -1.0;
    cv::Matx33d hp = *plane;

    // 2. The plane refined at full crop resolution: the key warped onto this frame by it, the
    // plane points followed from where it put them (what is left is the coarse pass's error,
    // a few px), the homography of that motion composed with it.
    const cv::Size window(kParallaxWindow, kParallaxWindow);
    const auto inRoi = [this](const cv::Point2f& p) {
        return p.x >= 0.f && p.y >= 0.f && p.x < static_cast<float>(m_roi.width) && p.y < static_cast<float>(m_roi.height);
    };
    for (int refine = 0; refine < kRefinements; ++refine) {
        if (!warpKey(k, hp, k.plane))
            return -1.0;
        m_next = m_start;
        cv::calcOpticalFlowPyrLK(m_warpedPyramid, m_nowRoi, m_start, m_next, m_status, m_error, window, kParallaxLevels, stop,
                                 cv::OPTFLOW_USE_INITIAL_FLOW, kMinEigenvalue);
        m_from.clear();
        m_to.clear();
        const cv::Point2f tl(static_cast<float>(m_roi.x), static_cast<float>(m_roi.y));
        for (std::size_t i = 0; i < m_status.size(); ++i) {
            if (m_status[i] != 0 && inRoi(m_next[i])) {
                m_from.push_back(m_start[i] + tl);
                m_to.push_back(m_next[i] + tl);
            }
        }
        if (static_cast<int>(m_from.size()) < kMinPlanePoints)
            return -1.0;
        const auto delta = robustPlane(m_from, m_to, m_keptFrom, m_keptTo);
        if (!delta)
            return -1.0;
        hp = *delta * hp;
    }

    // 3. The parallax: the key warped onto this frame by the plane, the rigid points followed
    // from where the warp put them, forward and back.
    if (!warpKey(k, hp, k.parallax))
        return -1.0;
    m_next = m_start;
    cv::calcOpticalFlowPyrLK(m_warpedPyramid, m_nowRoi, m_start, m_next, m_status, m_error, window, kParallaxLevels, stop,
                             cv::OPTFLOW_USE_INITIAL_FLOW, kMinEigenvalue);
    // Back again: a point the flow really followed comes back to where it started.
    m_back = m_start;
    cv::calcOpticalFlowPyrLK(m_nowRoi, m_warpedPyramid, m_next, m_back, m_statusBack, m_error, window, kParallaxLevels, stop,
                             cv::OPTFLOW_USE_INITIAL_FLOW, kMinEigenvalue);
    const double maxBack = kMaxBackError * m_now.iod;
    m_from.clear();
    m_to.clear();
    for (std::size_t i = 0; i < m_status.size(); ++i) {
        if (m_status[i] != 0 && m_statusBack[i] != 0 && inRoi(m_next[i]) && cv::norm(m_back[i] - m_start[i]) <= maxBack) {
            m_from.push_back(m_start[i]);
            m_to.push_back(m_next[i]);
        }
    }
    if (static_cast<int>(m_from.size()) < kMinFollowed)
        return -1.0;
    const auto r = trimmedResidual(m_from, m_to);
    return r ? *r / m_now.iod : -1.0;
}

bool ParallaxTracker::warpKey(const Crop& k, const cv::Matx33d& plane, const std::vector<cv::Point2f>& points)
{
    // Where the plane puts the points in this frame's crop, and the part of the crop the flow
    // will read around them: only that part of the key is warped (a warp costs per pixel).
    m_start.clear();
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    for (const auto& p : points) {
        const cv::Point2d q = MotionEvidence::apply(plane, p);
        m_start.emplace_back(static_cast<float>(q.x), static_cast<float>(q.y));
        x0 = std::min(x0, m_start.back().x);
        y0 = std::min(y0, m_start.back().y);
        x1 = std::max(x1, m_start.back().x);
        y1 = std::max(y1, m_start.back().y);
    }
    const int margin = kParallaxWindow / 2 + kRoiSlackPx;
    const cv::Rect crop(0, 0, m_grey.cols, m_grey.rows);
    m_roi = cv::Rect(cv::Point(cvFloor(x0) - margin, cvFloor(y0) - margin), cv::Point(cvCeil(x1) + margin + 1, cvCeil(y1) + margin + 1)) & crop;
    if (m_roi.width < kParallaxWindow || m_roi.height < kParallaxWindow)
        return false;
    const cv::Matx33d shift(1, 0, -m_roi.x, 0, 1, -m_roi.y, 0, 0, 1);
    cv::warpPerspective(k.pyramid.front(), m_warped, shift * plane, m_roi.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    const cv::Size window(kParallaxWindow, kParallaxWindow);
    cv::buildOpticalFlowPyramid(m_warped, m_warpedPyramid, window, kParallaxLevels, true);
    // This frame's level 0 and its derivatives over the same part (views into the crop's
    // pyramid, whose borders the flow reads beyond the part).
    m_nowRoi.assign({m_now.pyramid[0](m_roi), m_now.pyramid[1](m_roi)});
    const cv::Point2f tl(static_cast<float>(m_roi.x), static_cast<float>(m_roi.y));
    for (auto& p : m_start)
        p -= tl;
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
        // Against every second key from the oldest (1.5-2 s and 0.5-1 s back once four are
        // kept): a head's parallax grows with the time between the frames, and each key costs
        // two warps.
        double largest = -1.0;
        for (std::size_t i = 0; i < m_keys.size(); i += kKeyStep)
            largest = std::max(largest, measure(m_keys[i].crop));
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
