#pragma once

#include "liveness/EyePatches.h"
#include "liveness/LivenessOptions.h"
#include "liveness/LivenessTypes.h"
#include "vision/VisionTypes.h"

#include <optional>

namespace fe::liveness {

// Tells a blink from what imitates one. The analyzer reports a blink whenever the eye aspect
// ratio dips and recovers; that also happens when a picture is tilted (foreshortening), when
// the landmark fit jitters on a still picture or a mask, and when a flap is flicked over the
// eyes of a print. A blink counts only when, between the last open frame and the most closed
// one:
//  - the lids closed against the rigid face (MotionEvidence::lidClosure),
//  - the pixels of the eye regions changed (EyePatches: jitter moves landmarks, not pixels),
//  - the closed eye kept its detail (lids and lashes, not a uniform patch),
//  - the rigid face (brows, nose) stayed where it was (a patch over the eyes drags the whole
//    landmark fit).
// Whether the face is 3D at all is not this class's question: the session asks it of the
// motion (spontaneous mode) or of a head turn (challenge mode). Not thread-safe.
class BlinkValidator
{
public:
    explicit BlinkValidator(const LivenessOptions& options) : m_options(options) {}

    // A frame with exactly one face. cues: the frame's eye patches (invalid when no pixels
    // were given). Returns the record of a blink that ended on this frame.
    std::optional<BlinkRecord> update(const vision::FaceObservation& face, bool blinkCompleted, const EyePatches& eyes,
                                      double timestampMs);
    // The same with the frame's eye regions cut out: their patches are sampled only for the
    // frames a blink is judged on (the most closed frame and the open frame before it), the
    // same patches as sample() on every frame gives, at a fraction of the cost.
    std::optional<BlinkRecord> update(const vision::FaceObservation& face, bool blinkCompleted,
                                      const EyePatches::Regions& regions, double timestampMs);
    // A frame without exactly one face: a closure in progress is abandoned.
    void gap();

private:
    struct Sample
    {
        vision::Landmarks landmarks{};
        EyePatches eyes;            // given, or
        EyePatches::Regions regions; // sampled from these when judged
        double t = 0.0;

        [[nodiscard]] EyePatches patches() const { return eyes.valid ? eyes : regions.patches(); }
    };

    std::optional<BlinkRecord> update(const vision::FaceObservation& face, bool blinkCompleted, Sample sample);

    BlinkRecord judge(const Sample& open, const Sample& closed, double closedSince, double t) const;

    LivenessOptions m_options;
    std::optional<Sample> m_open;
    std::optional<Sample> m_closed;
    double m_closedEar = 1e9;
    double m_closedSince = 0.0;
};

} // namespace fe::liveness
