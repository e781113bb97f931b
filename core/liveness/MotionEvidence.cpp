#include "liveness/MotionEvidence.h"

#include "liveness/KeyFrames.h"
#include "vision/FaceGeometry.h"

#include <opencv2/core.hpp>

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <numeric>

namespace fe::liveness {
namespace {

using keyframes::kFrameStride;
using keyframes::kMaxKeys;
using keyframes::kMaxSamples;
constexpr double kKeyIntervalMs = keyframes::kIntervalMs;
// Samples (every kFrameStride-th frame) over which 3D evidence must persist: 0.5 s at 25 fps.
constexpr std::size_t kPersistSamples = 7;
// Consecutive frames, for the noise of the landmark fit: up to 15 fps.
constexpr double kNeighbourMs = 70.0;
constexpr double kQuantile = 0.9;
// Ranges are taken between these quantiles, so that one bad frame does not make a range.
constexpr double kRangeLow = 0.05;
constexpr double kRangeHigh = 0.95;

// Depths of the rigid landmarks (17-35) of a generic face, in inter-eye distances, towards the
// camera negative, the plane of the eye centres at zero: the brows' inner ends and the nose
// stand out, the brows' outer ends barely. From the generic head model of HeadPoseEstimator,
// the nose tip and the points between interpolated; only the pattern matters (an affine camera
// absorbs the scale).
constexpr std::array<double, 19> kRigidDepth = {
    -0.03, -0.11, -0.20, -0.30, -0.38, // 17-21, the image-left brow from its outer end
    -0.38, -0.30, -0.20, -0.11, -0.03, // 22-26
    -0.34, -0.39, -0.46, -0.55,        // 27-30, the nose from its bridge to its tip
    -0.28, -0.37, -0.42, -0.37, -0.28, // 31-35, the base of the nose
};

double quantile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0.0;
    const auto k = static_cast<std::size_t>(q * static_cast<double>(v.size() - 1));
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
    return v[k];
}

double persistent(const std::vector<double>& v)
{
    // A head's 3D motion lasts; a disturbance of the fit (a flap flicked over the eyes, a hand)
    // comes and goes: only what persists over kPersistSamples samples (0.5 s) counts.
    if (v.size() < kPersistSamples)
        return quantile(v, 0.5);
    std::vector<double> kept;
    kept.reserve(v.size() - kPersistSamples + 1);
    for (std::size_t i = 0; i + kPersistSamples <= v.size(); ++i) {
        std::array<double, kPersistSamples> w{};
        std::copy_n(v.begin() + static_cast<std::ptrdiff_t>(i), kPersistSamples, w.begin());
        std::nth_element(w.begin(), w.begin() + kPersistSamples / 2, w.end());
        kept.push_back(w[kPersistSamples / 2]);
    }
    return quantile(std::move(kept), kQuantile);
}


} // namespace

std::optional<cv::Matx33d> MotionEvidence::fitHomography(const cv::Point2f* src, const cv::Point2f* dst, std::size_t n,
                                                          bool refine)
{
    // What cv::findHomography(src, dst, 0) computes — a normalised DLT, then at most ten
    // Levenberg–Marquardt iterations on the reprojection error in dst — with fixed-size
    // matrices and no allocation: the motion evidence fits eight of these every second frame.
    // The liveness thresholds were set on that fit's residuals, including where ten iterations
    // stop short of the minimum, so the iteration follows the same rule.
    if (n < 4)
        return std::nullopt;
    cv::Point2d cs(0, 0), cd(0, 0);
    for (std::size_t i = 0; i < n; ++i) {
        cs += cv::Point2d(src[i]);
        cd += cv::Point2d(dst[i]);
    }
    cs *= 1.0 / static_cast<double>(n);
    cd *= 1.0 / static_cast<double>(n);
    cv::Point2d ss(0, 0), sd(0, 0);
    for (std::size_t i = 0; i < n; ++i) {
        ss += cv::Point2d(std::abs(src[i].x - cs.x), std::abs(src[i].y - cs.y));
        sd += cv::Point2d(std::abs(dst[i].x - cd.x), std::abs(dst[i].y - cd.y));
    }
    if (std::abs(ss.x) < DBL_EPSILON || std::abs(ss.y) < DBL_EPSILON || std::abs(sd.x) < DBL_EPSILON ||
        std::abs(sd.y) < DBL_EPSILON)
        return std::nullopt;
    ss = cv::Point2d(static_cast<double>(n) / ss.x, static_cast<double>(n) / ss.y);
    sd = cv::Point2d(static_cast<double>(n) / sd.x, static_cast<double>(n) / sd.y);

    cv::Matx<double, 9, 9> ltl = cv::Matx<double, 9, 9>::zeros();
    for (std::size_t i = 0; i < n; ++i) {
        const double x = (dst[i].x - cd.x) * sd.x, y = (dst[i].y - cd.y) * sd.y;
        const double X = (src[i].x - cs.x) * ss.x, Y = (src[i].y - cs.y) * ss.y;
        const double lx[9] = {X, Y, 1, 0, 0, 0, -x * X, -x * Y, -x};
        const double ly[9] = {0, 0, 0, X, Y, 1, -y * X, -y * Y, -y};
        for (int j = 0; j < 9; ++j)
            for (int k = j; k < 9; ++k)
                ltl(j, k) += lx[j] * lx[k] + ly[j] * ly[k];
    }
    for (int j = 0; j < 9; ++j)
        for (int k = 0; k < j; ++k)
            ltl(j, k) = ltl(k, j);
    cv::Matx<double, 9, 1> values;
    cv::Matx<double, 9, 9> vectors;
    cv::eigen(ltl, values, vectors);
    const cv::Matx33d h0(vectors(8, 0), vectors(8, 1), vectors(8, 2), vectors(8, 3), vectors(8, 4), vectors(8, 5),
                         vectors(8, 6), vectors(8, 7), vectors(8, 8));
    const cv::Matx33d invTd(1 / sd.x, 0, cd.x, 0, 1 / sd.y, cd.y, 0, 0, 1);
    const cv::Matx33d ts(ss.x, 0, -cs.x * ss.x, 0, ss.y, -cs.y * ss.y, 0, 0, 1);
    cv::Matx33d h = invTd * h0 * ts;
    if (std::abs(h(2, 2)) < DBL_EPSILON)
        return std::nullopt;
    h *= 1.0 / h(2, 2);
    if (!refine)
        return h;

    // Levenberg–Marquardt on the eight free entries (h22 = 1).
    using Vec8 = cv::Matx<double, 8, 1>;
    using Mat8 = cv::Matx<double, 8, 8>;
    Vec8 p(h(0, 0), h(0, 1), h(0, 2), h(1, 0), h(1, 1), h(1, 2), h(2, 0), h(2, 1));
    // Sum of squared reprojection errors; the largest single error goes to *largest, and the
    // normal equations to *jtj and *jtr when asked for.
    const auto evaluate = [&](const Vec8& q, Mat8* jtj, Vec8* jtr, double* largest) {
        double err = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            const double X = src[i].x, Y = src[i].y;
            double w = q(6) * X + q(7) * Y + 1.0;
            w = std::abs(w) > DBL_EPSILON ? 1.0 / w : 0.0;
            const double xi = (q(0) * X + q(1) * Y + q(2)) * w;
            const double yi = (q(3) * X + q(4) * Y + q(5)) * w;
            const double ex = xi - dst[i].x, ey = yi - dst[i].y;
            err += ex * ex + ey * ey;
            if (largest != nullptr)
                *largest = std::max({*largest, std::abs(ex), std::abs(ey)});
            if (jtj == nullptr)
                continue;
            const double jx[8] = {X * w, Y * w, w, 0, 0, 0, -xi * X * w, -xi * Y * w};
            const double jy[8] = {0, 0, 0, X * w, Y * w, w, -yi * X * w, -yi * Y * w};
            for (int j = 0; j < 8; ++j) {
                (*jtr)(j) += jx[j] * ex + jy[j] * ey;
                for (int k = j; k < 8; ++k)
                    (*jtj)(j, k) += jx[j] * jx[k] + jy[j] * jy[k];
            }
        }
        if (jtj != nullptr)
            for (int j = 0; j < 8; ++j)
                for (int k = 0; k < j; ++k)
                    (*jtj)(j, k) = (*jtj)(k, j);
        return err;
    };
    // Fletcher's modification of Marquardt's damping (as OpenCV's solver uses): the damping is
    // lambda times the first normal matrix's diagonal, lambda is halved (down to a cut-off,
    // then zero) while the gain ratio is good and raised by a step-size factor when it is
    // poor; the step is taken only when it lowers the error.
    Mat8 jtj = Mat8::zeros();
    Vec8 jtr = Vec8::zeros();
    double largestError = 0.0;
    double err = evaluate(p, &jtj, &jtr, &largestError);
    Vec8 damping;
    for (int j = 0; j < 8; ++j)
        damping(j) = jtj(j, j);
    constexpr double kGoodGain = 0.75, kPoorGain = 0.25;
    constexpr double kEps = FLT_EPSILON;
    double lambda = 1.0, cutoff = 0.75;
    for (int iteration = 0; iteration < 10; ++iteration) {
        Mat8 a = jtj;
        for (int j = 0; j < 8; ++j)
            a(j, j) += lambda * damping(j);
        Vec8 step;
        if (!cv::solve(a, jtr, step, cv::DECOMP_SVD))
            break;
        const Vec8 next = p - step;
        const double errNext = evaluate(next, nullptr, nullptr, nullptr);
        const double predicted = step.dot(2.0 * jtr - jtj * step);
        const double gain = (err - errNext) / (std::abs(predicted) > DBL_EPSILON ? predicted : 1.0);
        if (gain > kGoodGain) {
            lambda *= 0.5;
            if (lambda < cutoff)
                lambda = 0.0;
        } else if (gain < kPoorGain) {
            const double t = step.dot(jtr);
            double nu = (errNext - err) / (std::abs(t) > DBL_EPSILON ? t : 1.0) + 2.0;
            nu = std::clamp(nu, 2.0, 10.0);
            if (lambda == 0.0) {
                const Mat8 inverse = jtj.inv(cv::DECOMP_SVD);
                double largest = DBL_EPSILON;
                for (int j = 0; j < 8; ++j)
                    largest = std::max(largest, std::abs(inverse(j, j)));
                lambda = cutoff = 1.0 / largest;
                nu *= 0.5;
            }
            lambda *= nu;
        }
        double stepNorm = 0.0;
        for (int j = 0; j < 8; ++j)
            stepNorm = std::max(stepNorm, std::abs(step(j)));
        if (errNext < err) {
            p = next;
            jtj = Mat8::zeros();
            jtr = Vec8::zeros();
            largestError = 0.0;
            err = evaluate(p, &jtj, &jtr, &largestError);
        }
        if (stepNorm < kEps || largestError < kEps)
            break;
    }
    return cv::Matx33d(p(0), p(1), p(2), p(3), p(4), p(5), p(6), p(7), 1.0);
}

cv::Point2d MotionEvidence::apply(const cv::Matx33d& h, const cv::Point2f& p)
{
    const double w = h(2, 0) * p.x + h(2, 1) * p.y + h(2, 2);
    const double s = std::abs(w) > DBL_EPSILON ? 1.0 / w : 0.0;
    return {(h(0, 0) * p.x + h(0, 1) * p.y + h(0, 2)) * s, (h(1, 0) * p.x + h(1, 1) * p.y + h(1, 2)) * s};
}

const std::vector<int>& MotionEvidence::allPoints()
{
    static const std::vector<int> all = [] {
        std::vector<int> v(68);
        std::iota(v.begin(), v.end(), 0);
        return v;
    }();
    return all;
}

const std::vector<int>& MotionEvidence::rigidPoints()
{
    static const std::vector<int> rigid = [] {
        std::vector<int> v(19);
        std::iota(v.begin(), v.end(), 17);
        return v;
    }();
    return rigid;
}

const std::vector<int>& MotionEvidence::eyePoints()
{
    static const std::vector<int> eyes = [] {
        std::vector<int> v(12);
        std::iota(v.begin(), v.end(), 36);
        return v;
    }();
    return eyes;
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
    std::array<cv::Point2f, 68> src{}, dst{};
    const std::size_t n = std::min(fit.size(), src.size());
    for (std::size_t k = 0; k < n; ++k) {
        src[k] = a[static_cast<std::size_t>(fit[k])];
        dst[k] = b[static_cast<std::size_t>(fit[k])];
    }
    const auto h = fitHomography(src.data(), dst.data(), n);
    const double iod = vision::interEyeDistance(b);
    if (!h || iod < 1.0 || eval.empty())
        return 0.0;
    double sum = 0.0;
    for (int i : eval) {
        const cv::Point2f& p = a[static_cast<std::size_t>(i)];
        const cv::Point2d m = apply(*h, p);
        const cv::Point2f& q = b[static_cast<std::size_t>(i)];
        sum += (m.x - q.x) * (m.x - q.x) + (m.y - q.y) * (m.y - q.y);
    }
    return std::sqrt(sum / static_cast<double>(eval.size())) / iod;
}

double MotionEvidence::lidClosure(const vision::Landmarks& open, const vision::Landmarks& closed)
{
    std::vector<cv::Point2f> src, dst;
    for (int i : rigidPoints()) {
        src.push_back(open[static_cast<std::size_t>(i)]);
        dst.push_back(closed[static_cast<std::size_t>(i)]);
    }
    const auto h = fitHomography(src.data(), dst.data(), src.size());
    if (!h)
        return 1.0;
    // Upper and lower lid point pairs of both eyes.
    static const std::vector<std::pair<int, int>> kPairs = {{37, 41}, {38, 40}, {43, 47}, {44, 46}};
    double expected = 0.0, actual = 0.0;
    for (const auto& [up, low] : kPairs) {
        expected += cv::norm(apply(*h, open[static_cast<std::size_t>(up)]) - apply(*h, open[static_cast<std::size_t>(low)]));
        actual += cv::norm(closed[static_cast<std::size_t>(up)] - closed[static_cast<std::size_t>(low)]);
    }
    return expected > 1e-3 ? actual / expected : 1.0;
}

void MotionEvidence::reset()
{
    m_keys.clear();
    m_previous.reset();
    m_rigid.clear();
    m_depth.clear();
    m_noise.clear();
    m_mouthOpen.clear();
    m_nose.clear();
    m_yawMin = m_yawMax = 0.0;
    m_any = false;
    m_frame = 0;
}

void MotionEvidence::add(const vision::FaceObservation& face, double timestampMs, bool rigidShape)
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
    if (!m_withPairs)
        return;
    if (!rigidShape) {
        m_previous.reset();
        return;
    }
    if (m_frame++ % kFrameStride == 0 && m_rigid.size() < kMaxSamples && !m_keys.empty()) {
        double largest = 0.0, depth = -1.0;
        for (const auto& key : m_keys) {
            // One homography fit per key frame serves both measures.
            const double planar = planarResidual(key.lm, face.landmarks, rigidPoints());
            largest = std::max(largest, planar);
            depth = std::max(depth, depthEvidence(key.lm, face.landmarks, planar));
        }
        m_rigid.push_back(largest);
        m_depth.push_back(depth);
        if (m_previous && timestampMs - m_previous->t <= kNeighbourMs)
            m_noise.push_back(planarResidual(m_previous->lm, face.landmarks, rigidPoints()));
    }
    m_previous = Key{timestampMs, face.landmarks};
    if (m_keys.empty() || timestampMs - m_keys.back().t >= kKeyIntervalMs) {
        m_keys.push_back({timestampMs, face.landmarks});
        if (m_keys.size() > kMaxKeys)
            m_keys.pop_front();
    }
}

double MotionEvidence::rigidNoise() const
{
    return quantile(m_noise, 0.5);
}


double MotionEvidence::persistentQuantile(const std::vector<double>& samples)
{
    return persistent(samples);
}

double MotionEvidence::rigidNonPlanarity() const
{
    return persistent(m_rigid);
}

double MotionEvidence::depthEvidence() const
{
    return persistent(m_depth);
}

double MotionEvidence::depthEvidence(const vision::Landmarks& a, const vision::Landmarks& b)
{
    return depthEvidence(a, b, planarResidual(a, b, rigidPoints()));
}

double MotionEvidence::depthEvidence(const vision::Landmarks& a, const vision::Landmarks& b, double planar)
{
    const std::vector<int>& rigid = rigidPoints();
    const double iodA = vision::interEyeDistance(a), iodB = vision::interEyeDistance(b);
    if (iodA < 1.0 || iodB < 1.0)
        return 0.0;
    // Affine camera on a's points lifted to 3D: b = M [x y z 1]^T, least squares for both rows
    // of M with the same 4x4 normal matrix.
    cv::Matx44d n = cv::Matx44d::zeros();
    cv::Vec4d bu(0, 0, 0, 0), bv(0, 0, 0, 0);
    const cv::Point2f ca = a[30];
    for (std::size_t k = 0; k < rigid.size(); ++k) {
        const auto i = static_cast<std::size_t>(rigid[k]);
        const cv::Vec4d x((a[i].x - ca.x) / iodA, (a[i].y - ca.y) / iodA, kRigidDepth[k], 1.0);
        n += x * x.t();
        bu += x * static_cast<double>(b[i].x);
        bv += x * static_cast<double>(b[i].y);
    }
    cv::Vec4d mu, mv;
    if (!cv::solve(n, bu, mu, cv::DECOMP_CHOLESKY) || !cv::solve(n, bv, mv, cv::DECOMP_CHOLESKY))
        return 0.0;
    double sum = 0.0;
    for (std::size_t k = 0; k < rigid.size(); ++k) {
        const auto i = static_cast<std::size_t>(rigid[k]);
        const cv::Vec4d x((a[i].x - ca.x) / iodA, (a[i].y - ca.y) / iodA, kRigidDepth[k], 1.0);
        const double du = mu.dot(x) - b[i].x, dv = mv.dot(x) - b[i].y;
        sum += du * du + dv * dv;
    }
    const double affine3d = std::sqrt(sum / static_cast<double>(rigid.size())) / iodB;
    return planar - affine3d;
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
