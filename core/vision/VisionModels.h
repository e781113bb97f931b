#pragma once

#include "common/AssetResolver.h"
#include "vision/FaceEncoder.h"
#include "vision/LandmarkModel.h"
#include "vision/PadModel.h"

#include <filesystem>
#include <memory>

namespace fe::vision {

// The models one process needs, found through the AssetResolver. The landmark model is loaded
// once and shared; encoders and PAD models are made per thread (OpenCV DNN nets are not
// thread-safe).
struct VisionModels
{
    std::shared_ptr<const LandmarkModel> landmarks;
    std::filesystem::path featureModel;
    std::filesystem::path livenessModel;

    // Throws fe::Error(AssetMissing) naming the first missing file.
    static VisionModels load(const AssetResolver& assets);

    [[nodiscard]] std::unique_ptr<FaceEncoder> makeEncoder() const { return FaceEncoder::loadOnnx(featureModel); }
    [[nodiscard]] std::unique_ptr<PadModel> makePad() const { return PadModel::loadOnnx(livenessModel); }
};

} // namespace fe::vision
