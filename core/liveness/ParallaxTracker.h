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
// quantile (as MotionEvidence::rigidNonPlanarity).
//
// Cost: the flow runs on a grey crop of the brows and the nose only, reduced by a whole factor
// to 40-80 px between the eyes, with one pyramid per frame shared by every key frame and
// both directions (the flow used to build both pyramids again, over the whole face at full
// resolution, in each of its eight calls per frame). Not thread-safe.
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
    // A frame's crop: its pyramid (with derivatives) and the tracked points in it.
    struct Crop
    {
        std::vector<cv::Mat> pyramid;
        std::vector<cv::Point2f> points; // tracked landmarks, crop px
        double iod = 0.0;   // crop px
    };
    struct Key
    {
        double t = 0.0;
        Crop crop;
    };

    bool makeCrop(const cv::Mat& image, const vision::Landmarks& landmarks, Crop& into);

    cv::Mat m_full, m_grey;
    cv::Size m_cropSize; // of every crop, crop px (see makeCrop)
    int m_factor = 1;    // frame px per crop px
    Crop m_now;
    std::vector<cv::Point2f> m_next, m_back, m_from, m_to;
    std::vector<unsigned char> m_status, m_statusBack;
    std::vector<float> m_error;
    std::deque<Key> m_keys;
    std::vector<double> m_samples;
    int m_frame = 0;
};

} // namespace fe::liveness
