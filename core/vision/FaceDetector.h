#pragma once

#include <opencv2/core/mat.hpp>

#include <memory>
#include <vector>

namespace fe::vision {

struct Detection
{
    cv::Rect2f box; // px of the image passed to detect()
    double score = 0.0;
};

// Finds frontal faces in an 8-bit single-channel image. Not thread-safe: one per thread.
class FaceDetector
{
public:
    virtual ~FaceDetector() = default;

    // upsample: how many times the image is doubled before scanning; the HOG detector finds
    // faces of about 80 px and larger, so each doubling halves the smallest findable face.
    [[nodiscard]] virtual std::vector<Detection> detect(const cv::Mat& grey, int upsample = 0) = 0;

    // dlib's HOG + linear SVM frontal face detector. The model is decoded once per process
    // (~0.3 s) and copied for each detector; preloadHog() does that decoding ahead of time, e.g.
    // on another thread while the landmark model loads. Both are thread-safe.
    static std::unique_ptr<FaceDetector> createHog();
    static void preloadHog();
};

} // namespace fe::vision
