#include "vision/QualityAssessor.h"

#include "vision/FaceGeometry.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace fe::vision {
namespace {

// Geometry of the normalised face crop (see QualityAssessor::normalisedFace).
constexpr int kCropSize = 128;
constexpr float kCropEyeY = 52.f;
constexpr float kCropEyeLeftX = 40.f;
constexpr float kCropEyeRightX = 88.f;
const cv::Rect kCentralRegion(24, 36, 80, 76); // brows to chin-top, cheek to cheek

// Fraction of the face's landmark height added above the brows for the forehead and hair,
// so that "fully in frame" means the whole head, as ICAO asks.
constexpr float kForeheadShare = 0.35f;

cv::Rect2f headExtent(const Landmarks& lm)
{
    cv::Rect2f r = landmarkBounds(lm);
    const float extra = r.height * kForeheadShare;
    r.y -= extra;
    r.height += extra;
    return r;
}

class FaceCountMeasure final : public QualityMeasure
{
public:
    QualityMeasureId id() const override { return QualityMeasureId::FaceCount; }
    MeasureResult evaluate(const QualityInput& in, const QualityProfile&, const cv::Mat&) const override
    {
        return {id(), static_cast<double>(in.faceCount), in.faceCount == 1};
    }
};

class InterEyeDistanceMeasure final : public QualityMeasure
{
public:
    QualityMeasureId id() const override { return QualityMeasureId::InterEyeDistance; }
    MeasureResult evaluate(const QualityInput& in, const QualityProfile& p, const cv::Mat&) const override
    {
        return {id(), in.face.interEyeDistance, in.face.interEyeDistance >= p.minInterEyeDistancePx};
    }
};

class FaceInFrameMeasure final : public QualityMeasure
{
public:
    QualityMeasureId id() const override { return QualityMeasureId::FaceInFrame; }
    MeasureResult evaluate(const QualityInput& in, const QualityProfile& p, const cv::Mat&) const override
    {
        const cv::Rect2f head = headExtent(in.face.landmarks);
        const double w = in.grey.cols;
        const double h = in.grey.rows;
        const double margin = std::min({head.x / w, head.y / h, (w - head.x - head.width) / w,
                                        (h - head.y - head.height) / h});
        return {id(), margin, margin >= p.frameMargin};
    }
};

class CentredMeasure final : public QualityMeasure
{
public:
    QualityMeasureId id() const override { return QualityMeasureId::Centred; }
    MeasureResult evaluate(const QualityInput& in, const QualityProfile& p, const cv::Mat&) const override
    {
        const cv::Rect2f head = headExtent(in.face.landmarks);
        const double dx = (head.x + head.width / 2.0) / in.grey.cols - 0.5;
        const double dy = (head.y + head.height / 2.0) / in.grey.rows - 0.5;
        const double offset = std::max(std::abs(dx), std::abs(dy));
        return {id(), offset, offset <= p.maxCentreOffset};
    }
};

class AngleMeasure final : public QualityMeasure
{
public:
    explicit AngleMeasure(QualityMeasureId which) : m_id(which) {}
    QualityMeasureId id() const override { return m_id; }
    MeasureResult evaluate(const QualityInput& in, const QualityProfile& p, const cv::Mat&) const override
    {
        const HeadPose& pose = in.face.pose;
        switch (m_id) {
        case QualityMeasureId::Yaw: return {m_id, pose.yaw, pose.valid && std::abs(pose.yaw) <= p.maxYawDeg};
        case QualityMeasureId::Pitch:
            return {m_id, pose.pitch, pose.valid && std::abs(pose.pitch) <= p.maxPitchDeg};
        default: return {m_id, pose.roll, pose.valid && std::abs(pose.roll) <= p.maxRollDeg};
        }
    }

private:
    QualityMeasureId m_id;
};

class EyesOpenMeasure final : public QualityMeasure
{
public:
    QualityMeasureId id() const override { return QualityMeasureId::EyesOpen; }
    MeasureResult evaluate(const QualityInput& in, const QualityProfile& p, const cv::Mat&) const override
    {
        return {id(), in.eyeOpenness, !in.face.eyesClosed && in.eyeOpenness >= p.minEyeOpenRatio};
    }
};

class MouthClosedMeasure final : public QualityMeasure
{
public:
    QualityMeasureId id() const override { return QualityMeasureId::MouthClosed; }
    MeasureResult evaluate(const QualityInput& in, const QualityProfile& p, const cv::Mat&) const override
    {
        return {id(), in.face.mouthOpen, in.face.mouthOpen <= p.maxMouthOpen};
    }
};

// Contrast-normalised sharpness: the Laplacian's variance over the intensity variance, on a
// face resampled to a fixed inter-eye distance. Dividing by the intensity variance makes a
// darker or brighter copy of the same face score the same; only lost detail lowers it.
class SharpnessMeasure final : public QualityMeasure
{
public:
    QualityMeasureId id() const override { return QualityMeasureId::Sharpness; }
    MeasureResult evaluate(const QualityInput&, const QualityProfile& p, const cv::Mat& face) const override
    {
        const cv::Mat region = face(kCentralRegion);
        cv::Mat lap;
        cv::Laplacian(region, lap, CV_32F, 1);
        cv::Scalar lapMean, lapStd, mean, stddev;
        cv::meanStdDev(lap, lapMean, lapStd);
        cv::meanStdDev(region, mean, stddev);
        const double var = stddev[0] * stddev[0];
        const double value = var > 1.0 ? (lapStd[0] * lapStd[0]) / var : 0.0;
        return {id(), value, value >= p.minSharpness};
    }
};

class ExposureMeasure final : public QualityMeasure
{
public:
    QualityMeasureId id() const override { return QualityMeasureId::Exposure; }
    MeasureResult evaluate(const QualityInput&, const QualityProfile& p, const cv::Mat& face) const override
    {
        const cv::Mat region = face(kCentralRegion);
        const double mean = cv::mean(region)[0];
        const int clipped = cv::countNonZero(region <= 5) + cv::countNonZero(region >= 250);
        const double clippedShare = static_cast<double>(clipped) / static_cast<double>(region.total());
        const bool ok = mean >= p.minBrightness && mean <= p.maxBrightness && clippedShare <= p.maxClippedShare;
        return {id(), mean, ok};
    }
};

class LightingUniformityMeasure final : public QualityMeasure
{
public:
    QualityMeasureId id() const override { return QualityMeasureId::LightingUniformity; }
    MeasureResult evaluate(const QualityInput&, const QualityProfile& p, const cv::Mat& face) const override
    {
        const cv::Rect left(kCentralRegion.x, kCentralRegion.y, kCentralRegion.width / 2, kCentralRegion.height);
        const cv::Rect right(left.x + left.width, left.y, left.width, left.height);
        const double l = cv::mean(face(left))[0];
        const double r = cv::mean(face(right))[0];
        const double imbalance = (l + r) > 1.0 ? std::abs(l - r) / (l + r) : 0.0;
        return {id(), imbalance, imbalance <= p.maxLightingImbalance};
    }
};

} // namespace

QualityAssessor::QualityAssessor(QualityProfile profile) : m_profile(std::move(profile))
{
    m_measures.push_back(std::make_unique<FaceCountMeasure>());
    m_measures.push_back(std::make_unique<InterEyeDistanceMeasure>());
    m_measures.push_back(std::make_unique<FaceInFrameMeasure>());
    m_measures.push_back(std::make_unique<CentredMeasure>());
    m_measures.push_back(std::make_unique<AngleMeasure>(QualityMeasureId::Yaw));
    m_measures.push_back(std::make_unique<AngleMeasure>(QualityMeasureId::Pitch));
    m_measures.push_back(std::make_unique<AngleMeasure>(QualityMeasureId::Roll));
    m_measures.push_back(std::make_unique<EyesOpenMeasure>());
    m_measures.push_back(std::make_unique<MouthClosedMeasure>());
    m_measures.push_back(std::make_unique<SharpnessMeasure>());
    m_measures.push_back(std::make_unique<ExposureMeasure>());
    m_measures.push_back(std::make_unique<LightingUniformityMeasure>());
}

QualityAssessor::~QualityAssessor() = default;
QualityAssessor::QualityAssessor(QualityAssessor&&) noexcept = default;
QualityAssessor& QualityAssessor::operator=(QualityAssessor&&) noexcept = default;

cv::Mat QualityAssessor::normalisedFace(const cv::Mat& grey, const Landmarks& lm)
{
    const cv::Point2f a = eyeCentre(lm, true);
    const cv::Point2f b = eyeCentre(lm, false);
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    const double d = std::hypot(dx, dy);
    const double scale = d > 1e-3 ? (kCropEyeRightX - kCropEyeLeftX) / d : 1.0;
    const double angle = std::atan2(dy, dx);
    const double c = std::cos(-angle) * scale;
    const double s = std::sin(-angle) * scale;
    // Rotate and scale about the left eye, then move it to its crop position.
    const cv::Matx23d m(c, -s, kCropEyeLeftX - (c * a.x - s * a.y), s, c, kCropEyeY - (s * a.x + c * a.y));
    cv::Mat out;
    cv::warpAffine(grey, out, m, cv::Size(kCropSize, kCropSize), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return out;
}

QualityReport QualityAssessor::assess(const QualityInput& input) const
{
    QualityReport report;
    report.assessed = true;
    const cv::Mat face = normalisedFace(input.grey, input.face.landmarks);
    report.measures.reserve(m_measures.size());
    report.passed = true;
    for (const auto& measure : m_measures) {
        report.measures.push_back(measure->evaluate(input, m_profile, face));
        report.passed = report.passed && report.measures.back().passed;
    }
    return report;
}

Guidance QualityAssessor::guidanceFor(const QualityReport& report, int faceCount)
{
    if (faceCount <= 0)
        return Guidance::NoFace;
    if (faceCount > 1)
        return Guidance::SeveralFaces;
    const auto failed = [&](QualityMeasureId id) {
        const MeasureResult* r = report.find(id);
        return r != nullptr && !r->passed;
    };
    if (failed(QualityMeasureId::InterEyeDistance))
        return Guidance::MoveCloser;
    if (failed(QualityMeasureId::FaceInFrame)) {
        // A face that cannot fit with its margins is too close; otherwise it is off-centre.
        const MeasureResult* centred = report.find(QualityMeasureId::Centred);
        return (centred != nullptr && centred->passed) ? Guidance::MoveBack : Guidance::CentreFace;
    }
    if (failed(QualityMeasureId::Centred))
        return Guidance::CentreFace;
    if (failed(QualityMeasureId::Yaw) || failed(QualityMeasureId::Pitch))
        return Guidance::LookStraight;
    if (failed(QualityMeasureId::Roll))
        return Guidance::StraightenHead;
    if (failed(QualityMeasureId::Exposure)) {
        const MeasureResult* e = report.find(QualityMeasureId::Exposure);
        return (e != nullptr && e->value > 127.0) ? Guidance::LessLight : Guidance::MoreLight;
    }
    if (failed(QualityMeasureId::LightingUniformity))
        return Guidance::MoreLight;
    if (failed(QualityMeasureId::EyesOpen))
        return Guidance::OpenEyes;
    if (failed(QualityMeasureId::MouthClosed))
        return Guidance::CloseMouth;
    if (failed(QualityMeasureId::Sharpness))
        return Guidance::HoldStill;
    return Guidance::Ok;
}

} // namespace fe::vision
