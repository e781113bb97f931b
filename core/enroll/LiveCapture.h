#pragma once

#include "enroll/EnrollTypes.h"
#include "liveness/LivenessOptions.h"
#include "vision/FrameAnalyzer.h"

#include <opencv2/core/mat.hpp>

#include <memory>
#include <optional>

namespace fe::vision {
struct VisionModels;
class FaceEncoder;
class PadModel;
} // namespace fe::vision

namespace fe::enroll {

// The live step of an enrollment, frame by frame: analysis, the liveness session and the
// best-shot portrait. The GUI's analysis thread and the CLI's file reader both drive this one
// class. Owns its encoder and PAD model (OpenCV DNN nets are per thread). Not thread-safe.
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
    // allowBelowGate, of the best frame at all).
    LiveResult finish(bool allowBelowGate = false);

private:
    struct Impl;
    std::unique_ptr<Impl> m_d;
};

} // namespace fe::enroll
