#pragma once

#include "vision/VisionTypes.h"

#include <opencv2/core/matx.hpp>

#include <cstddef>
#include <deque>
#include <optional>
#include <vector>

namespace fe::liveness {

// Evidence that the face in front of the camera is a 3D, moving face and not a flat picture.
// A flat picture, however it is slid, rotated, scaled or turned, moves its landmarks by one
// homography; a real head turning or a face talking does not. The measure is the RMS residual
// of the best homography between a frame's landmarks and earlier key frames' landmarks, as a
// fraction of the inter-eye distance. Not thread-safe.
class MotionEvidence
{
public:
    // Landmarks that move rigidly with the skull (brows, eye corners, nose): their residual
    // shows 3D parallax without counting speech or expressions.
    static const std::vector<int>& rigidPoints();
    static const std::vector<int>& allPoints(); // 0..67
    static const std::vector<int>& mouthPoints(); // outer and inner lips

    // Fits the homography that best maps a's `fit` points onto b's, then returns the RMS
    // distance over the `eval` points between b and the mapped a, divided by b's inter-eye
    // distance. fit == eval: how far the motion is from a flat picture's; fit = rigid,
    // eval = lids or mouth: how much those parts moved against the head.
    static double residual(const vision::Landmarks& a, const vision::Landmarks& b, const std::vector<int>& fit,
                           const std::vector<int>& eval);
    // How far the eyes closed between an open and a closed frame, with the head's own motion
    // (a homography of the rigid points) taken out: the closed frame's lid gap over the open
    // frame's lid gap carried into the closed frame. ~0.3-0.6 for a blink, ~1 for a tilted
    // or flexed picture whose eyes narrow only by foreshortening.
    static double lidClosure(const vision::Landmarks& open, const vision::Landmarks& closed);

    // The homography that best maps src onto dst (n >= 4 points; least reprojection error in
    // dst, as cv::findHomography with method 0 computes it), or nullopt for degenerate points.
    static std::optional<cv::Matx33d> fitHomography(const cv::Point2f* src, const cv::Point2f* dst, std::size_t n);
    static cv::Point2d apply(const cv::Matx33d& h, const cv::Point2f& p);

    static double planarResidual(const vision::Landmarks& a, const vision::Landmarks& b,
                                 const std::vector<int>& points)
    {
        return residual(a, b, points, points);
    }

    void add(const vision::FaceObservation& face, double timestampMs);
    void reset();

    // High quantile (0.9) of the residuals seen, all 68 points (3D or non-rigid motion).
    [[nodiscard]] double nonPlanarity() const;
    // The same over the rigid points only (3D motion of the head).
    [[nodiscard]] double rigidNonPlanarity() const;
    // Spread (95th minus 5th percentile) of the mouth-open ratio: speech and expressions.
    [[nodiscard]] double mouthRange() const;
    // Spread of the 2D nose offset ratio (vision::noseOffsetRatio): a head turning in 3D moves
    // the nose across the face; a turned picture barely does.
    [[nodiscard]] double noseRange() const;
    [[nodiscard]] double yawMin() const { return m_yawMin; }
    [[nodiscard]] double yawMax() const { return m_yawMax; }
    [[nodiscard]] int samples() const { return static_cast<int>(m_all.size()); }

private:
    struct Key
    {
        double t;
        vision::Landmarks lm;
    };
    std::deque<Key> m_keys;
    std::vector<double> m_all;
    std::vector<double> m_rigid;
    std::vector<double> m_mouthOpen;
    std::vector<double> m_nose;
    double m_yawMin = 0.0, m_yawMax = 0.0;
    bool m_any = false;
    int m_frame = 0;
};

} // namespace fe::liveness
