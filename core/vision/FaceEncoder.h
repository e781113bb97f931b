#pragma once

#include "vision/VisionTypes.h"

#include <opencv2/core/mat.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace fe::vision {

// A face template: an L2-normalised embedding and the model that made it. Templates of
// different models are never compared.
struct FaceTemplate
{
    std::vector<float> values;
    std::string modelId;
    std::string modelVersion; // the model's version as its package states it, e.g. "0.0.1"

    [[nodiscard]] bool empty() const { return values.empty(); }
};

// Default 1:1 decision threshold on the cosine similarity of two fr_feature templates; see
// docs/models.md for how it was measured on the demo media.
inline constexpr double kDefaultVerificationThreshold = 0.40;

// Cosine similarity in [-1, 1]; throws fe::Error(InvalidArgument) for templates of different
// models or sizes.
float cosineSimilarity(const FaceTemplate& a, const FaceTemplate& b);

// Face image -> template. Not thread-safe (the network keeps buffers): one per thread.
class FaceEncoder
{
public:
    virtual ~FaceEncoder() = default;

    // Aligns the face with its landmarks, then encodes it.
    [[nodiscard]] virtual FaceTemplate encode(const cv::Mat& bgr, const Landmarks& lm) = 0;
    // Encodes an already aligned 112x112 BGR crop (see alignForEmbedding()).
    [[nodiscard]] virtual FaceTemplate encodeAligned(const cv::Mat& aligned) = 0;
    [[nodiscard]] virtual std::string modelId() const = 0;
    [[nodiscard]] virtual std::string modelVersion() const = 0;
    [[nodiscard]] virtual int dimension() const = 0;

    // fr_feature.onnx through OpenCV DNN: RGB, (v - 127) / 128, NCHW 1x3x112x112 -> 512 floats.
    static std::unique_ptr<FaceEncoder> loadOnnx(const std::filesystem::path& path);
};

} // namespace fe::vision
