#pragma once

#include "vision/VisionTypes.h"

namespace fe::vision {

// Head pose from 14 of the 68 landmarks by solvePnP against a generic 3D face, with a pinhole
// camera whose focal length equals the frame width (about a 53 degree horizontal field of
// view) and whose principal point is the frame centre. Angles in degrees; the sign convention
// is HeadPose's. Thread-safe (stateless).
HeadPose estimateHeadPose(const Landmarks& lm, cv::Size frameSize);

} // namespace fe::vision
