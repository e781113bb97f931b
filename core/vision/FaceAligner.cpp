#include "vision/FaceAligner.h"

#include "vision/FaceGeometry.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <utility>

namespace fe::vision {
namespace {

// Reference positions of the five points in the 112x112 crop the embedding model expects
// (the layout documented with the model package).
const std::vector<cv::Point2f> kEmbeddingReference = {
    {38.2946f, 51.6963f}, {73.5318f, 51.5014f}, {56.0252f, 71.7366f}, {41.5493f, 92.3655f}, {70.7299f, 92.2041f}};

constexpr int kEmbeddingSize = 112;

} // namespace

cv::Matx23d similarityTransform(const std::vector<cv::Point2f>& from, const std::vector<cv::Point2f>& to)
{
    const std::size_t n = std::min(from.size(), to.size());
    cv::Point2d mf(0, 0), mt(0, 0);
    for (std::size_t i = 0; i < n; ++i) {
        mf += cv::Point2d(from[i]);
        mt += cv::Point2d(to[i]);
    }
    mf *= 1.0 / static_cast<double>(n);
    mt *= 1.0 / static_cast<double>(n);
    // For centred points, the best rotation+scale is a*[x -y; y x] with
    // a = sum(t . f) / sum(|f|^2), b = sum(f x t) / sum(|f|^2).
    double a = 0, b = 0, norm = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const cv::Point2d f = cv::Point2d(from[i]) - mf;
        const cv::Point2d t = cv::Point2d(to[i]) - mt;
        a += f.x * t.x + f.y * t.y;
        b += f.x * t.y - f.y * t.x;
        norm += f.x * f.x + f.y * f.y;
    }
    if (norm <= 1e-12)
        return cv::Matx23d(1, 0, mt.x - mf.x, 0, 1, mt.y - mf.y);
    a /= norm;
    b /= norm;
    return cv::Matx23d(a, -b, mt.x - (a * mf.x - b * mf.y), b, a, mt.y - (b * mf.x + a * mf.y));
}

cv::Mat alignForEmbedding(const cv::Mat& bgr, const Landmarks& lm)
{
    const auto five = fivePoints(lm);
    const std::vector<cv::Point2f> from(five.begin(), five.end());
    cv::Mat out;
    cv::warpAffine(bgr, out, similarityTransform(from, kEmbeddingReference), cv::Size(kEmbeddingSize, kEmbeddingSize),
                   cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(0, 0, 0));
    return out;
}

cv::Rect embeddingFootprint(const Landmarks& lm, cv::Size image)
{
    const auto five = fivePoints(lm);
    const std::vector<cv::Point2f> from(five.begin(), five.end());
    cv::Matx23d inverse;
    cv::invertAffineTransform(similarityTransform(from, kEmbeddingReference), inverse);
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    for (const auto& [u, v] : {std::pair{0.0, 0.0}, std::pair{1.0, 0.0}, std::pair{0.0, 1.0}, std::pair{1.0, 1.0}}) {
        const double x = u * kEmbeddingSize, y = v * kEmbeddingSize;
        const double sx = inverse(0, 0) * x + inverse(0, 1) * y + inverse(0, 2);
        const double sy = inverse(1, 0) * x + inverse(1, 1) * y + inverse(1, 2);
        x0 = std::min(x0, sx);
        y0 = std::min(y0, sy);
        x1 = std::max(x1, sx);
        y1 = std::max(y1, sy);
    }
    // Bilinear sampling reads the pixel after the one a point falls on; two more for rounding.
    constexpr double kMargin = 3.0;
    const double left = std::clamp(std::floor(x0 - kMargin), 0.0, static_cast<double>(image.width));
    const double top = std::clamp(std::floor(y0 - kMargin), 0.0, static_cast<double>(image.height));
    const double right = std::clamp(std::ceil(x1 + kMargin), left, static_cast<double>(image.width));
    const double bottom = std::clamp(std::ceil(y1 + kMargin), top, static_cast<double>(image.height));
    return {static_cast<int>(left), static_cast<int>(top), static_cast<int>(right - left), static_cast<int>(bottom - top)};
}

cv::Mat portraitCrop(const cv::Mat& bgr, const Landmarks& lm, cv::Size size)
{
    const double w = size.width;
    const std::vector<cv::Point2f> from = {eyeCentre(lm, true), eyeCentre(lm, false)};
    const std::vector<cv::Point2f> to = {cv::Point2f(static_cast<float>(0.375 * w), static_cast<float>(0.6 * w)),
                                         cv::Point2f(static_cast<float>(0.625 * w), static_cast<float>(0.6 * w))};
    cv::Mat out;
    cv::warpAffine(bgr, out, similarityTransform(from, to), size, cv::INTER_CUBIC, cv::BORDER_CONSTANT,
                   cv::Scalar(128, 128, 128));
    return out;
}

} // namespace fe::vision
