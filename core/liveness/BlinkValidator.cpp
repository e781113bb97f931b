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
    if (face.eyesClosed) {
        if (!m_closed)
            m_closedSince = t;
        if (face.ear < m_closedEar) {
            m_closedEar = face.ear;
            m_closed = Sample{face.landmarks, eyes, t};
        }
        return std::nullopt;
    }
    std::optional<BlinkRecord> record;
    if (blinkCompleted && m_open && m_closed)
        record = judge(*m_open, *m_closed, m_closedSince, t);
    // The reference for the next closure: the last frame before it with the eyes open. A
    // closure that ended without a blink (too long) is forgotten.
    m_open = Sample{face.landmarks, eyes, t};
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
    if (open.eyes.valid && closed.eyes.valid) {
        const EyeChange c = compareEyes(open.eyes, closed.eyes);
        r.eyeChange = c.change;
        r.eyeDetail = c.detail;
    }
    if (r.lidClosure > m_options.blinkMaxLidClosure)
        r.rejection = BlinkRejection::Foreshortened;
    else if (!open.eyes.valid || !closed.eyes.valid)
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
