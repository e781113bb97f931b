#pragma once

#include "enroll/EnrollTypes.h"
#include "liveness/LivenessOptions.h"
#include "vision/FrameAnalyzer.h"

#include <opencv2/core/mat.hpp>

#include <memory>
#include <optional>

namespace fe::vision {
struct VisionModels;
}

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
    };

    struct Step
    {
        vision::FrameAnalysis analysis;
        std::optional<liveness::Prompt> prompt;
        bool livenessFinished = false;
        bool done = false; // liveness finished and the capture tail has passed
    };

    LiveCapture(const vision::VisionModels& models, Options options);
    ~LiveCapture();
    LiveCapture(const LiveCapture&) = delete;
    LiveCapture& operator=(const LiveCapture&) = delete;

    Step feed(const cv::Mat& bgr, double timestampMs);
    [[nodiscard]] bool done() const;
    [[nodiscard]] const std::vector<liveness::ChallengeKind>& sequence() const;

    // The verdict and the portrait (of the best frame passing the quality gate; with
    // allowBelowGate, of the best frame at all).
    LiveResult finish(bool allowBelowGate = false);

private:
    struct Impl;
    std::unique_ptr<Impl> m_d;
};

} // namespace fe::enroll
