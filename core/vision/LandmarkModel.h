#pragma once

#include "vision/VisionTypes.h"

#include <opencv2/core/mat.hpp>

#include <filesystem>
#include <memory>

namespace fe::vision {

// A 68-point landmark regressor. fit() is const and thread-safe: one loaded model serves every
// analyzer in the process.
class LandmarkModel
{
public:
    virtual ~LandmarkModel() = default;

    // grey: 8-bit frame; box: the face box in the detector's convention, frame px.
    [[nodiscard]] virtual Landmarks fit(const cv::Mat& grey, const cv::Rect2f& box) const = 0;

    // dlib's ensemble-of-regression-trees model (the 68-point iBUG 300-W file), evaluated by
    // FaceEnroll's own cache-friendly implementation of dlib::shape_predictor::operator():
    // the same trees, the same arithmetic, the leaf vectors in one contiguous block instead
    // of 240,000 separate heap blocks. Returns sub-pixel points (dlib rounds to whole px).
    // Throws fe::Error(AssetMissing / InvalidInput) when the file is missing or unreadable.
    // Reader::Fast parses dlib's binary format from the mapped file (about 20x cheaper than
    // dlib's istream reader, the bulk of a process's start-up) and falls back to dlib's reader
    // for anything else; Reader::Dlib always uses dlib's (the reference for tests).
    enum class Reader { Fast, Dlib };
    static std::shared_ptr<const LandmarkModel> loadDlib(const std::filesystem::path& path, Reader reader = Reader::Fast);

    // dlib::shape_predictor itself, as shipped: the reference for tests and the naive baseline.
    static std::shared_ptr<const LandmarkModel> loadDlibReference(const std::filesystem::path& path);
};

} // namespace fe::vision
