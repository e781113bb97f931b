#include "vision/FaceGeometry.h"

#include <algorithm>
#include <cmath>

namespace fe::vision {
namespace {

double dist(const cv::Point2f& a, const cv::Point2f& b)
{
    return std::hypot(static_cast<double>(a.x - b.x), static_cast<double>(a.y - b.y));
}

cv::Point2f mean(const Landmarks& lm, std::initializer_list<int> idx)
{
    cv::Point2f sum(0.f, 0.f);
    for (int i : idx)
        sum += lm[static_cast<std::size_t>(i)];
    return sum * (1.0f / static_cast<float>(idx.size()));
}

// The iBUG 68-point scheme's left/right counterpart of each index.
constexpr std::array<int, 68> kMirrorIndex = {
    16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0,   // jaw
    26, 25, 24, 23, 22, 21, 20, 19, 18, 17,                     // brows
    27, 28, 29, 30, 35, 34, 33, 32, 31,                         // nose
    45, 44, 43, 42, 47, 46, 39, 38, 37, 36, 41, 40,             // eyes
    54, 53, 52, 51, 50, 49, 48, 59, 58, 57, 56, 55,             // outer lip
    64, 63, 62, 61, 60, 67, 66, 65,                             // inner lip
};

} // namespace

double eyeAspectRatio(const Landmarks& lm, bool imageLeft)
{
    const int b = imageLeft ? 36 : 42;
    const auto p = [&](int k) { return lm[static_cast<std::size_t>(b + k)]; };
    const double width = dist(p(0), p(3));
    if (width <= 1e-6)
        return 0.0;
    return (dist(p(1), p(5)) + dist(p(2), p(4))) / (2.0 * width);
}

double mouthOpenRatio(const Landmarks& lm)
{
    const double width = dist(lm[48], lm[54]);
    if (width <= 1e-6)
        return 0.0;
    const double gap = (dist(lm[61], lm[67]) + dist(lm[62], lm[66]) + dist(lm[63], lm[65])) / 3.0;
    return gap / width;
}

cv::Point2f eyeCentre(const Landmarks& lm, bool imageLeft)
{
    return imageLeft ? mean(lm, {36, 37, 38, 39, 40, 41}) : mean(lm, {42, 43, 44, 45, 46, 47});
}

double interEyeDistance(const Landmarks& lm)
{
    return dist(eyeCentre(lm, true), eyeCentre(lm, false));
}

std::array<cv::Point2f, 5> fivePoints(const Landmarks& lm)
{
    return {mean(lm, {37, 38, 40, 41}), mean(lm, {43, 44, 46, 47}), lm[30], mean(lm, {48, 60}),
            mean(lm, {54, 64})};
}

cv::Rect2f landmarkBounds(const Landmarks& lm)
{
    float x0 = lm[0].x, y0 = lm[0].y, x1 = lm[0].x, y1 = lm[0].y;
    for (const auto& p : lm) {
        x0 = std::min(x0, p.x);
        y0 = std::min(y0, p.y);
        x1 = std::max(x1, p.x);
        y1 = std::max(y1, p.y);
    }
    return {x0, y0, x1 - x0, y1 - y0};
}

double noseOffsetRatio(const Landmarks& lm)
{
    // Jaw points 2 and 14 sit roughly at nose-tip height on both sides of the face.
    const double left = lm[2].x;
    const double right = lm[14].x;
    const double span = right - left;
    if (std::abs(span) <= 1e-6)
        return 0.0;
    const double centre = (left + right) / 2.0;
    return std::clamp(2.0 * (lm[30].x - centre) / span, -1.0, 1.0);
}

Landmarks mirrorLandmarks(const Landmarks& lm, int frameWidth)
{
    Landmarks out{};
    const float w = static_cast<float>(frameWidth - 1);
    for (std::size_t i = 0; i < lm.size(); ++i) {
        const auto& p = lm[static_cast<std::size_t>(kMirrorIndex[i])];
        out[i] = {w - p.x, p.y};
    }
    return out;
}

} // namespace fe::vision
