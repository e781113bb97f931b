#include "liveness/BlinkValidator.h"

#include "common/Logging.h"
#include "liveness/MotionEvidence.h"

namespace fe::liveness {

void BlinkValidator::gap()
{
    m_open.reset();
    m_closed.reset();
    m_closedEar = 1e9;
}

std::optional<BlinkRecord> BlinkValidator::update(const vision::FaceObservation& face, bool blinkCompleted,
                                                  const EyePatches& eyes, double t)
{
    return update(face, blinkCompleted, Sample{face.landmarks, eyes, {}, t});
}

std::optional<BlinkRecord> BlinkValidator::update(const vision::FaceObservation& face, bool blinkCompleted,
                                                  const EyePatches::Regions& regions, double t)
{
    return update(face, blinkCompleted, Sample{face.landmarks, {}, regions, t});
}

std::optional<BlinkRecord> BlinkValidator::update(const vision::FaceObservation& face, bool blinkCompleted, Sample sample)
{
    const double t = sample.t;
    if (face.eyesClosed) {
        if (!m_closed)
            m_closedSince = t;
        if (face.ear < m_closedEar) {
            m_closedEar = face.ear;
            m_closed = std::move(sample);
        }
        return std::nullopt;
    }
    std::optional<BlinkRecord> record;
    if (blinkCompleted && m_open && m_closed)
        record = judge(*m_open, *m_closed, m_closedSince, t);
    // The reference for the next closure: the last frame before it with the eyes open. A
    // closure that ended without a blink (too long) is forgotten.
    m_open = std::move(sample);
    m_closed.reset();
    m_closedEar = 1e9;
    return record;
}

BlinkRecord BlinkValidator::judge(const Sample& open, const Sample& closed, double closedSince, double t) const
{
    BlinkRecord r;
    r.atMs = t;
    r.closedSinceMs = closedSince;
    r.lidClosure = MotionEvidence::lidClosure(open.landmarks, closed.landmarks);
    r.rigidShift = MotionEvidence::planarResidual(open.landmarks, closed.landmarks, MotionEvidence::rigidPoints());
    const EyePatches openEyes = open.patches(), closedEyes = closed.patches();
    if (openEyes.valid && closedEyes.valid) {
        const EyeChange c = compareEyes(openEyes, closedEyes);
        r.eyeChange = c.change;
        r.eyeDetail = c.detail;
    }
    if (r.lidClosure > m_options.blinkMaxLidClosure)
        r.rejection = BlinkRejection::Foreshortened;
    else if (!openEyes.valid || !closedEyes.valid)
        r.rejection = BlinkRejection::NotVerified;
    else if (r.eyeChange < m_options.blinkMinEyeChange)
        r.rejection = BlinkRejection::NoPixelChange;
    else if (r.eyeDetail < m_options.blinkMinEyeDetail)
        r.rejection = BlinkRejection::UniformPatch;
    else if (r.rigidShift > m_options.blinkMaxRigidShift)
        r.rejection = BlinkRejection::FaceMoved;
    r.counted = r.rejection == BlinkRejection::None;
    qCDebug(lcLiveness) << "blink at" << t << "ms: lid closure" << r.lidClosure << "eye change" << r.eyeChange << "detail"
                        << r.eyeDetail << "rigid shift" << r.rigidShift << blinkRejectionKey(r.rejection).data();
    return r;
}

} // namespace fe::liveness
