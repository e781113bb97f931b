#pragma once

#include "vision/VisionTypes.h"

#include <array>

namespace fe::vision {

// Pure functions of the 68 landmarks; no image access. Thread-safe. Distances in px.

// Eye aspect ratio (Soukupova & Cech 2016): (|p2-p6| + |p3-p5|) / (2 |p1-p4|).
// imageLeft = true: points 36-41 (the subject's right eye).
double eyeAspectRatio(const Landmarks& lm, bool imageLeft);

// Inner-lip opening over mouth-corner distance; 0 for closed lips.
double mouthOpenRatio(const Landmarks& lm);

cv::Point2f eyeCentre(const Landmarks& lm, bool imageLeft);
double interEyeDistance(const Landmarks& lm);

// Image-left eye, image-right eye, nose tip, image-left and image-right mouth corners: the
// five points the face-embedding model's reference alignment uses.
std::array<cv::Point2f, 5> fivePoints(const Landmarks& lm);

// Axis-aligned bounds of all 68 points.
cv::Rect2f landmarkBounds(const Landmarks& lm);

// A purely 2D yaw cue: where the nose tip lies between the jaw contour's sides at nose height,
// -1 (at the image-left side) .. +1 (at the image-right side), 0 when centred. A real head
// turn moves it; a flat picture turned or slid in front of the camera barely does.
double noseOffsetRatio(const Landmarks& lm);

// Landmarks of the horizontally mirrored frame of width `frameWidth`, re-indexed so that each
// index keeps its anatomical meaning (used to test the pose sign convention).
Landmarks mirrorLandmarks(const Landmarks& lm, int frameWidth);

} // namespace fe::vision
