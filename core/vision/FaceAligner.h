#pragma once

#include "vision/VisionTypes.h"

#include <opencv2/core/mat.hpp>

namespace fe::vision {

// Crops that normalise a face's position and scale. Stateless and thread-safe.

// 112x112 crop for the embedding model: least-squares similarity transform of fivePoints()
// onto the model's reference points (the ArcFace/InsightFace 112x112 layout).
cv::Mat alignForEmbedding(const cv::Mat& bgr, const Landmarks& lm);

// The part of an image of this size (px) that alignForEmbedding() reads for these landmarks,
// clamped to the image: a copy of these pixels into an image of the same size aligns to the
// same crop, bit for bit, whatever the rest of that image holds.
cv::Rect embeddingFootprint(const Landmarks& lm, cv::Size image);

// ICAO / ISO/IEC 19794-5 token portrait: eyes level, eye midpoint at (0.5 W, 0.6 W) from the
// top-left corner, inter-eye distance 0.25 W, aspect 3:4. Areas outside the frame are filled
// with a neutral grey. Default 480x640.
cv::Mat portraitCrop(const cv::Mat& bgr, const Landmarks& lm, cv::Size size = cv::Size(480, 640));

// The 2x3 similarity transform (rotation, uniform scale, translation) that best maps `from`
// onto `to` in the least-squares sense (Umeyama 1991).
cv::Matx23d similarityTransform(const std::vector<cv::Point2f>& from, const std::vector<cv::Point2f>& to);

} // namespace fe::vision
