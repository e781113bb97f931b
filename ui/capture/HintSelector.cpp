#include "capture/HintSelector.h"

#include "vision/FaceGeometry.h"

#include <cmath>

namespace fe::ui {
namespace {

using vision::QualityMeasureId;

bool failed(const vision::QualityReport& report, QualityMeasureId id)
{
    const vision::MeasureResult* r = report.find(id);
    return r != nullptr && !r->passed;
}

cv::Point2f eyeMidpoint(const vision::Landmarks& lm)
{
    return (vision::eyeCentre(lm, true) + vision::eyeCentre(lm, false)) * 0.5f;
}

// The exposure measure's value is the face's mean grey level (0..255): above the middle a
// failing exposure is too bright, below it too dark (as the core's guidance decides).
constexpr double kMidGrey = 127.0;

} // namespace

HintSelector::HintSelector() : HintSelector(Options{}) {}

HintSelector::HintSelector(Options options) : m_options(options) {}

Hint HintSelector::rank(const vision::FrameAnalysis& a, const vision::FrameAnalysis* previous,
                        std::optional<liveness::ChallengeKind> challenge) const
{
    if (a.faces.empty())
        return Hint::NoFace;
    if (a.faces.size() > 1)
        return Hint::SeveralFaces;
    const vision::FaceObservation& face = a.faces.front();
    const vision::QualityReport& q = face.quality;
    const bool turning = challenge == liveness::ChallengeKind::TurnLeft || challenge == liveness::ChallengeKind::TurnRight;
    const bool blinking = challenge == liveness::ChallengeKind::Blink;
    const bool mouthing = challenge == liveness::ChallengeKind::OpenMouth;

    if (failed(q, QualityMeasureId::InterEyeDistance))
        return Hint::TooFar;
    if (failed(q, QualityMeasureId::FaceInFrame))
        return failed(q, QualityMeasureId::Centred) ? Hint::NotCentred : Hint::TooClose;
    if (failed(q, QualityMeasureId::Centred))
        return Hint::NotCentred;
    if (!turning && (failed(q, QualityMeasureId::Yaw) || failed(q, QualityMeasureId::Pitch)))
        return Hint::LookStraight;
    if (!turning && failed(q, QualityMeasureId::Roll))
        return Hint::StraightenHead;
    if (!blinking && failed(q, QualityMeasureId::EyesOpen))
        return Hint::EyesClosed;
    if (!mouthing && failed(q, QualityMeasureId::MouthClosed))
        return Hint::MouthOpen;
    if (failed(q, QualityMeasureId::Sharpness))
        return Hint::Blur;
    if (failed(q, QualityMeasureId::Exposure)) {
        const vision::MeasureResult* e = q.find(QualityMeasureId::Exposure);
        return e->value > kMidGrey ? Hint::TooBright : Hint::TooDark;
    }
    if (failed(q, QualityMeasureId::LightingUniformity))
        return Hint::UnevenLight;
    if (!challenge && previous != nullptr && previous->faces.size() == 1 && face.interEyeDistance > 0.0) {
        const double dtS = (a.timestampMs - previous->timestampMs) / 1000.0;
        if (dtS > 0.0) {
            const cv::Point2f d = eyeMidpoint(face.landmarks) - eyeMidpoint(previous->faces.front().landmarks);
            const double speed = std::hypot(d.x, d.y) / face.interEyeDistance / dtS;
            if (speed > m_options.holdStillIodPerSecond)
                return Hint::HoldStill;
        }
    }
    return Hint::Ready;
}

Hint HintSelector::update(const vision::FrameAnalysis& analysis, std::optional<liveness::ChallengeKind> challenge)
{
    const Hint candidate = rank(analysis, m_previous ? &*m_previous : nullptr, challenge);
    m_previous = analysis;
    if (m_current == Hint::None || candidate == m_current) {
        m_current = candidate;
        m_pendingCount = 0;
        m_pending = Hint::None;
        return m_current;
    }
    if (candidate == m_pending) {
        ++m_pendingCount;
    } else {
        m_pending = candidate;
        m_pendingCount = 1;
    }
    if (m_pendingCount >= m_options.persistFrames) {
        m_current = candidate;
        m_pending = Hint::None;
        m_pendingCount = 0;
    }
    return m_current;
}

void HintSelector::reset()
{
    m_current = Hint::None;
    m_pending = Hint::None;
    m_pendingCount = 0;
    m_previous.reset();
}

} // namespace fe::ui
