#pragma once

#include "vision/VisionTypes.h"

#include <opencv2/core/mat.hpp>

#include <deque>
#include <vector>

namespace fe::liveness {

// 3D evidence from the pixels rather than from the landmark fit. The rigid landmarks (brows and
// nose) of key frames are followed into later frames by optical flow, so that where they went
// is where the image content went, whatever the landmark fit does: on a still picture or a mask
// the fit can jump between solutions and fake motion, the pixels do not move. A flat picture's
// content moves by one homography however it is held; a head turning shows parallax. The
// measure is the RMS residual of the best homography between a key frame's points and where
// they were followed to, in inter-eye distances, kept where it persists for 0.5 s, high
// quantile (as MotionEvidence::rigidNonPlanarity). Not thread-safe.
class ParallaxTracker
{
public:
    // bgr: the frame (BGR, BGRA or grey); shapeUsable = false when the landmarks may be
    // disturbed (no key frame is taken then, no sample either).
    void add(const cv::Mat& bgr, const vision::Landmarks& landmarks, double timestampMs, bool shapeUsable);
    void reset();

    [[nodiscard]] double nonPlanarity() const;
    [[nodiscard]] int samples() const { return static_cast<int>(m_samples.size()); }

private:
    struct Key
    {
        double t = 0.0;
        cv::Mat grey;                    // the face region
        cv::Point2f origin;              // of the region in the frame, px
        std::vector<cv::Point2f> points; // rigid landmarks, in the region's px
    };

    cv::Mat m_grey;
    std::deque<Key> m_keys;
    std::vector<double> m_samples;
    int m_frame = 0;
};

} // namespace fe::liveness
