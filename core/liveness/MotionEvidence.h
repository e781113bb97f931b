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
    // Landmarks that move rigidly with the skull and that neither the eyes nor the mouth move:
    // the brows and the nose (17-35). Their residual shows 3D parallax without counting speech,
    // expressions, blinks, or a flap or cut-out over the eyes or the mouth of a picture.
    static const std::vector<int>& rigidPoints();
    static const std::vector<int>& eyePoints();   // 36-47
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
    // How much better a rigid 3D face explains the motion of the rigid points from a to b than
    // a plane does: the homography's RMS residual minus the residual of an affine camera
    // moving a's points lifted to 3D with a generic face's depths (both models have eight
    // parameters), in IOD. Positive for a head turning or nodding; about zero or below for a
    // picture, however it moves, and for noise of the landmark fit.
    static double depthEvidence(const vision::Landmarks& a, const vision::Landmarks& b);
    // The same with the homography's residual of the rigid points already known
    // (planarResidual(a, b, rigidPoints())): add() measures both for every key frame.
    static double depthEvidence(const vision::Landmarks& a, const vision::Landmarks& b, double planar);

    // The homography that best maps src onto dst (n >= 4 points; least reprojection error in
    // dst, as cv::findHomography with method 0 computes it), or nullopt for degenerate points.
    // A high quantile (0.9) of what persists in a series of samples over 0.5 s (a running
    // median of seven samples taken every second frame): a head's 3D motion lasts, a
    // disturbance of the fit (a flap flicked over the eyes, a hand) comes and goes.
    static double persistentQuantile(const std::vector<double>& samples);

    // refine = false: the normalised DLT only, without the Levenberg–Marquardt iterations (a
    // fifth of the cost; ParallaxTracker's plane and first guess, which the flow refines).
    static std::optional<cv::Matx33d> fitHomography(const cv::Point2f* src, const cv::Point2f* dst, std::size_t n,
                                                    bool refine = true);
    static cv::Point2d apply(const cv::Matx33d& h, const cv::Point2f& p);

    static double planarResidual(const vision::Landmarks& a, const vision::Landmarks& b,
                                 const std::vector<int>& points)
    {
        return residual(a, b, points, points);
    }

    // withPairs = false: only the yaw, mouth and nose ranges are kept (challenge mode, where the
    // turn challenges measure the residuals they need).
    explicit MotionEvidence(bool withPairs = true) : m_withPairs(withPairs) {}

    // rigidShape = false: the frame's landmarks may be disturbed (eyes closing, a flap, a
    // cut-out): it counts for the ranges but not for the residuals, and is no key frame.
    void add(const vision::FaceObservation& face, double timestampMs, bool rigidShape = true);
    void reset();

    // The rigid points' residual of each frame against the key frames 0.5 to 2 s before it
    // (the largest), kept only where it persists for 0.5 s (a running median), then its high
    // quantile (0.9): 3D motion of the head, plus the landmark fit's own noise.
    [[nodiscard]] double rigidNonPlanarity() const;
    // Median of the same residual between consecutive frames (40 ms apart at 25 fps), where a
    // head moves too little to show parallax: the landmark fit's noise on this stream, which
    // depends on the camera, the resolution and the compression, not on the face.
    [[nodiscard]] double rigidNoise() const;
    // The same persistent high quantile of depthEvidence().
    [[nodiscard]] double depthEvidence() const;
    // Spread (95th minus 5th percentile) of the mouth-open ratio: speech and expressions.
    [[nodiscard]] double mouthRange() const;
    // Spread of the 2D nose offset ratio (vision::noseOffsetRatio): a head turning in 3D moves
    // the nose across the face; a turned picture barely does.
    [[nodiscard]] double noseRange() const;
    [[nodiscard]] double yawMin() const { return m_yawMin; }
    [[nodiscard]] double yawMax() const { return m_yawMax; }
    [[nodiscard]] int samples() const { return static_cast<int>(m_rigid.size()); }

private:
    struct Key
    {
        double t;
        vision::Landmarks lm;
    };
    std::deque<Key> m_keys;
    std::optional<Key> m_previous;
    std::vector<double> m_rigid;
    std::vector<double> m_depth;
    std::vector<double> m_noise;
    std::vector<double> m_mouthOpen;
    std::vector<double> m_nose;
    double m_yawMin = 0.0, m_yawMax = 0.0;
    bool m_any = false;
    bool m_withPairs = true;
    int m_frame = 0;
};

} // namespace fe::liveness
