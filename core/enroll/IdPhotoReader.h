#pragma once

#include "enroll/EnrollTypes.h"

#include <filesystem>
#include <memory>
#include <opencv2/core/mat.hpp>

namespace fe::vision {
class FaceEncoder;
struct VisionModels;
} // namespace fe::vision

namespace fe::enroll {

// Analyses an ID-document photo for the workflow: finds every face on it (small ones and
// photos cropped tightly to the face too), measures the largest with the "document" quality
// profile and encodes it. The decision on the result is the workflow's
// (EnrollmentService::checkIdPhotoRules: exactly one face, the profile passed or the
// operator's override).
//
// Needs the vision models: run it where LiveCapture runs (the analysis thread). Owns an
// encoder, so not thread-safe; one per thread. Only fe::Error leaves it.
class IdPhotoReader
{
public:
    explicit IdPhotoReader(const vision::VisionModels& models);
    ~IdPhotoReader();
    IdPhotoReader(const IdPhotoReader&) = delete;
    IdPhotoReader& operator=(const IdPhotoReader&) = delete;

    // bgr: 8-bit, 3 channels (1 and 4 are converted), at least vision::kMinImageSide px a side;
    // read during the call only. Throws InvalidInput for an empty, too small or non-8-bit
    // image.
    IdPhotoCheck analyze(const cv::Mat& bgr);

    // Reads the file with vision::readImage — a missing, truncated or corrupt image is
    // refused with the reason (NotFound, InvalidInput) — and analyses it.
    IdPhotoCheck analyzeFile(const std::filesystem::path& path);

    // The encoder this reader uses (MatchIndex::specOf(reader.encoder())).
    [[nodiscard]] const vision::FaceEncoder& encoder() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_d;
};

} // namespace fe::enroll
