#pragma once

#include "vision/VisionTypes.h"

#include <opencv2/core/mat.hpp>

#include <filesystem>
#include <memory>

namespace fe::vision {

// Passive presentation-attack detection on a single frame. Not thread-safe: one per thread.
class PadModel
{
public:
    virtual ~PadModel() = default;

    // Probability in [0, 1] that the face is a live person rather than a presentation
    // attack (print, screen).
    [[nodiscard]] virtual double liveProbability(const cv::Mat& bgr, const Landmarks& lm) = 0;

    // fr_liveness.onnx through OpenCV DNN, prepared as the model package does: a square-ish
    // context crop 2.7x the face box (clamped to the frame), 128x128, RGB 0..255, NCHW; softmax
    // over three classes, of which the first is "live".
    static std::unique_ptr<PadModel> loadOnnx(const std::filesystem::path& path);
};

} // namespace fe::vision
