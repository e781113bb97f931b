#pragma once

#include "vision/VisionTypes.h"

#include <opencv2/core/mat.hpp>
#include <opencv2/core/matx.hpp>

#include <deque>
#include <vector>

namespace fe::liveness {

// 3D evidence from the pixels rather than from the landmark fit: plane + parallax. A flat
// picture's content moves by one homography however it is held, turned or worn; a head turning
// shows parallax (the nose against the brows and the outer face). For each pair of a key frame
// (two of the four keys, 1.5-2 s and 0.5-1 s back) and a frame:
//  1. the plane: points on the textured rigid surface of the face (the brows' upper edges, the
//     forehead, the cheeks, the lower nose bridge; not the eyes, the mouth or the base of the
//     nose, where a cut-out mask has holes) followed from the key into the frame by optical
//     flow on a coarse pyramid level, and the homography of that motion fitted without the
//     quarter of the points it fits worst (a point on a hole's edge or a shadow does not bend
//     it); refined once at full crop resolution on the key warped by it;
//  2. the parallax: the key warped onto the frame by that plane, and the rigid points (the
//     same surface points and the nose bridge and tip) followed again from where the warp put
//     them, forward and back; the RMS residual of the best homography between where the warp
//     put them and where the flow found them, in inter-eye distances.
// The plane comes from the pixels, not from the landmarks: the landmark fit jumps between
// solutions on a still picture or a mask, the pixels do not move; and after the warp the flow
// compares like with like, so its translation-only windows no longer err under the
// foreshortening of a turned or worn print. The landmarks only place the points in the key
// frame and give the flow its first guess. Samples as MotionEvidence::rigidNonPlanarity: the
// largest over the keys, kept where it persists for 0.5 s, high quantile.
//
// Cost: the flow runs on a grey crop of the face reduced by a whole factor to 40-80 px between
// the eyes (on a grid fixed in the frame, so a still picture's crop pixels do not change when
// its landmark fit jumps), with one pyramid per frame shared by every key; the plane pass runs
// one pyramid level down; only the part of the key around the points is warped; samples are
// measured against two of the four keys (1.5-2 s and 0.5-1 s back). Not thread-safe.
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
    // A frame's crop: its pyramid (with derivatives) and, in crop px, the points of both
    // passes and the rigid landmarks (for the flow's first guess).
    struct Crop
    {
        std::vector<cv::Mat> pyramid;
        std::vector<cv::Point2f> plane;    // plane pass
        std::vector<cv::Point2f> parallax; // parallax pass
        std::vector<cv::Point2f> rigid;    // landmarks 17-35
        double iod = 0.0;                  // crop px
    };
    struct Key
    {
        double t = 0.0;
        Crop crop;
    };

    bool makeCrop(const cv::Mat& image, const vision::Landmarks& landmarks, Crop& into);
    // The residual of one key against the current crop, IOD; < 0 when it cannot be measured.
    double measure(const Crop& key);
    // Warps the part of the key around `points` carried by `plane` onto this frame's crop
    // (m_warped, m_warpedPyramid, m_roi) and views the same part of this frame (m_nowRoi);
    // m_start: the carried points, in that part's px. False when nothing is left to follow.
    bool warpKey(const Crop& key, const cv::Matx33d& plane, const std::vector<cv::Point2f>& points);

    cv::Mat m_full, m_grey, m_warped;
    cv::Size m_cropSize; // of every crop, crop px (see makeCrop)
    int m_factor = 1;    // frame px per crop px
    Crop m_now;
    std::vector<cv::Mat> m_warpedPyramid, m_nowRoi, m_keyCoarse, m_nowCoarse;
    cv::Rect m_roi; // of the crop, the part warped for the current pass
    std::vector<cv::Point2f> m_start, m_next, m_back, m_from, m_to, m_keptFrom, m_keptTo;
    std::vector<unsigned char> m_status, m_statusBack;
    std::vector<float> m_error;
    std::deque<Key> m_keys;
    std::vector<double> m_samples;
    int m_frame = 0;
};

} // namespace fe::liveness
