#pragma once

#include "enroll/EnrollTypes.h"
#include "liveness/LivenessOptions.h"
#include "vision/FrameAnalyzer.h"

#include <memory>
#include <opencv2/core/mat.hpp>
#include <optional>

namespace fe::vision {
struct VisionModels;
class FaceEncoder;
class PadModel;
} // namespace fe::vision

namespace fe::enroll {

// The live step of an enrollment, frame by frame: analysis, the liveness session and the
// best-shot portrait. The GUI's analysis thread and the CLI's file reader (`enroll` and
// `liveness`) both drive this one class.
//
// Frame contract (feed):
//  - pixels: 8-bit BGR, 3 channels (1- and 4-channel frames are converted), at least
//    vision::kMinImageSide px a side;
//  - lifetime: read during the call only. Whatever must outlive it (the portrait's frame,
//    the frame the final same-face check encodes, evidence) is copied, so the caller may reuse
//    or overwrite its buffer as soon as feed() returns (cv::VideoCapture::read into one Mat, a
//    zero-copy QVideoFrame mapping);
//  - timestamps: the frame's presentation time in ms, finite and not decreasing (equal
//    timestamps are allowed, e.g. a still shown repeatedly); liveness timing depends on them.
// A frame that breaks the contract throws fe::Error(InvalidArgument) and changes nothing.
//
// Threading: owns its encoder and PAD model (OpenCV DNN nets are per thread); not
// thread-safe: create and feed it on one thread (the analysis worker), and hand the plain
// values it returns (Step, LiveResult) to the UI. Only fe::Error leaves it (OpenCV exceptions
// and allocation failures are converted).
class LiveCapture
{
public:
    struct Options
    {
        vision::AnalyzerOptions analyzer;
        liveness::LivenessOptions liveness;
        // After the liveness session ends, frames keep coming this long for the portrait.
        double captureTailMs = 1000.0;
        // Spontaneous mode has no prompts that end it: the session ends after this much stream
        // time from the first frame (what the CLI's --live-seconds and the GUI's live step use).
        double spontaneousWindowMs = 10000.0;
    };

    struct Step
    {
        vision::FrameAnalysis analysis;
        std::optional<liveness::Prompt> prompt;
        bool livenessFinished = false;
        bool done = false;      // liveness finished and the capture tail has passed
        double elapsedMs = 0.0; // stream time since the first frame fed
    };

    // The per-thread networks a live capture runs (OpenCV DNN nets are not thread-safe):
    // loaded once and reused by the attempts of one thread, so that a new attempt does not
    // load them again. Use them from one thread at a time.
    struct Engines
    {
        std::shared_ptr<vision::FaceEncoder> encoder;
        std::shared_ptr<vision::PadModel> pad;
        static Engines load(const vision::VisionModels& models);
        [[nodiscard]] bool valid() const { return encoder && pad; }
    };

    LiveCapture(const vision::VisionModels& models, Options options);
    LiveCapture(const vision::VisionModels& models, Options options, Engines engines);
    ~LiveCapture();
    LiveCapture(const LiveCapture&) = delete;
    LiveCapture& operator=(const LiveCapture&) = delete;

    Step feed(const cv::Mat& bgr, double timestampMs);
    [[nodiscard]] bool done() const;
    [[nodiscard]] const std::vector<liveness::ChallengeKind>& sequence() const;
    [[nodiscard]] const Options& options() const;

    // The verdict and the portrait (of the best frame passing the quality gate; with
    // allowBelowGate, of the best frame at all). The session takes no frames afterwards.
    LiveResult finish(bool allowBelowGate = false);

private:
    struct Impl;
    std::unique_ptr<Impl> m_d;
};

} // namespace fe::enroll
