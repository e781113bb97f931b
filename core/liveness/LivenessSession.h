#pragma once

#include "liveness/FrameCues.h"
#include "liveness/LivenessOptions.h"
#include "liveness/LivenessTypes.h"
#include "vision/VisionTypes.h"

#include <opencv2/core/mat.hpp>

#include <memory>
#include <optional>

namespace fe::vision {
class FaceEncoder;
class PadModel;
} // namespace fe::vision

namespace fe::liveness {

// One liveness session over the analysed frames of one camera stream: a randomised
// challenge sequence (or, in spontaneous mode, natural blinks and head motion), continuity
// and same-face checks, and the passive PAD score, fused into a verdict (docs/liveness.md).
//
// Feed every analysed frame in order; poll prompt() for the UI; call finish() for the
// verdict. A face gone for longer than LivenessOptions::maxFaceGapMs ends the session
// (finished(), verdict inconclusive with face_lost), whoever comes back. The encoder and PAD model are borrowed and must outlive the session. Not
// thread-safe: use it on the analysis thread. Adds about 2 ms of CPU per frame on average at
// 640 x 480 (PAD and templates are sampled, not run on every frame; see `faceenroll-cli bench`
// and docs/liveness.md, Cost).
class LivenessSession
{
public:
    LivenessSession(vision::FaceEncoder& encoder, vision::PadModel& pad, LivenessOptions options = {});
    ~LivenessSession();
    LivenessSession(const LivenessSession&) = delete;
    LivenessSession& operator=(const LivenessSession&) = delete;

    // Frame contract. bgr: the frame `analysis` was computed from, 8-bit BGR, read during
    // the call only: what the session needs later (the last frame, for the final same-face
    // check; evidence frames) is copied, so the caller may overwrite or reuse its buffer as
    // soon as feed() returns (a camera loop reading into one cv::Mat, a mapped QVideoFrame).
    // Timestamps (analysis.timestampMs, ms) must not decrease. An empty image is allowed for
    // driving the state machine with recorded analyses: PAD, templates and evidence are then
    // skipped (not evaluated), and no blink counts (its pixels cannot be checked).
    void feed(const cv::Mat& bgr, const vision::FrameAnalysis& analysis);
    // A recorded frame without its pixels but with the cues a session measured from them
    // (lastCues()): the state machine runs as on the frame itself; PAD scores and templates are
    // taken from the cues when a sample is due and the cues hold one (else at the next frame
    // that does); evidence frames, the end-of-stream template and the pixel parallax of
    // spontaneous mode are skipped. For replaying one recorded stream through many sessions
    // (the evaluation's 200 seeds per recording).
    void feedRecorded(const vision::FrameAnalysis& analysis, const FrameCues& cues);
    // What the last feed() read from its frame's pixels. The eye patches are sampled here, from
    // the eye regions feed() cut out, when asked for (feed() samples them only for the frames a
    // blink is judged on): the first call after a feed() costs what sampling them costs.
    [[nodiscard]] const FrameCues& lastCues() const;

    // Challenge mode: the prompt to show now (none before the face appears or after the end).
    [[nodiscard]] std::optional<Prompt> prompt() const;
    // All challenges met, one failed, or the session timed out.
    [[nodiscard]] bool finished() const;
    [[nodiscard]] const std::vector<ChallengeKind>& sequence() const;
    [[nodiscard]] const LivenessOptions& options() const;

    // The verdict on what was fed so far; the session accepts no frames afterwards.
    LivenessResult finish();

private:
    struct Impl;
    std::unique_ptr<Impl> m_d;
};

} // namespace fe::liveness
