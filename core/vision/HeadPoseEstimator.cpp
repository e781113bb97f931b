#include "vision/HeadPoseEstimator.h"

#include <opencv2/calib3d.hpp>

#include <array>
#include <cmath>

namespace fe::vision {
namespace {

// Generic head model (arbitrary units, about 1 cm) in camera-aligned axes for a frontal face:
// X to the image right, Y down, Z away from the camera. Derived from the widely used 14-point
// dlib head model with its axes flipped to the camera's.
struct ModelPoint
{
    int index;
    cv::Point3f p;
};
const std::array<ModelPoint, 14> kModel = {{
    {17, {-6.825897f, -6.760612f, -4.402142f}},
    {21, {-1.330353f, -7.122144f, -6.903745f}},
    {22, {1.330353f, -7.122144f, -6.903745f}},
    {26, {6.825897f, -6.760612f, -4.402142f}},
    {36, {-5.311432f, -5.485328f, -3.987654f}},
    {39, {-1.789930f, -5.393625f, -4.413414f}},
    {42, {1.789930f, -5.393625f, -4.413414f}},
    {45, {5.311432f, -5.485328f, -3.987654f}},
    {31, {-2.005628f, -1.409845f, -6.165652f}},
    {35, {2.005628f, -1.409845f, -6.165652f}},
    {48, {-2.774015f, 2.080775f, -5.048531f}},
    {54, {2.774015f, 2.080775f, -5.048531f}},
    {57, {0.000000f, 3.116408f, -6.097667f}},
    {8, {0.000000f, 7.415691f, -4.070434f}},
}};

constexpr double kRadToDeg = 180.0 / 3.14159265358979323846;

} // namespace

HeadPose estimateHeadPose(const Landmarks& lm, cv::Size frameSize)
{
    std::vector<cv::Point3f> object;
    std::vector<cv::Point2f> image;
    object.reserve(kModel.size());
    image.reserve(kModel.size());
    for (const auto& m : kModel) {
        object.push_back(m.p);
        image.push_back(lm[static_cast<std::size_t>(m.index)]);
    }
    const double f = frameSize.width;
    const cv::Matx33d camera(f, 0, frameSize.width / 2.0, 0, f, frameSize.height / 2.0, 0, 0, 1);
    // Start from a frontal face in front of the camera: a distance that makes the model's
    // inter-eye width match the observed one.
    const double iod = cv::norm(lm[45] - lm[36]);
    const double z = iod > 1.0 ? f * 10.62 / iod : 50.0;
    cv::Vec3d rvec(0, 0, 0);
    cv::Vec3d tvec(0, 0, z);
    const auto centre = (lm[30] - cv::Point2f(frameSize.width / 2.f, frameSize.height / 2.f));
    tvec[0] = centre.x * z / f;
    tvec[1] = centre.y * z / f;
    HeadPose pose;
    if (!cv::solvePnP(object, image, camera, cv::noArray(), rvec, tvec, true, cv::SOLVEPNP_ITERATIVE))
        return pose;
    cv::Matx33d r;
    cv::Rodrigues(rvec, r);
    // The face's forward normal (towards the camera) and its rightward axis, in camera axes.
    const cv::Vec3d n(-r(0, 2), -r(1, 2), -r(2, 2));
    const cv::Vec3d right(r(0, 0), r(1, 0), r(2, 0));
    pose.yaw = std::atan2(n[0], -n[2]) * kRadToDeg;
    pose.pitch = std::atan2(-n[1], std::hypot(n[0], n[2])) * kRadToDeg;
    pose.roll = std::atan2(right[1], right[0]) * kRadToDeg;
    pose.valid = std::isfinite(pose.yaw) && std::isfinite(pose.pitch) && std::isfinite(pose.roll);
    return pose;
}

} // namespace fe::vision
