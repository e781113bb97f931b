#pragma once

#include "vision/VisionTypes.h"

#include <opencv2/core/mat.hpp>

#include <optional>

namespace fe::vision {

// A scalar for ranking frames of one subject by portrait quality: the number of passed
// measures dominates; frontality and sharpness break ties. Higher is better.
double portraitScore(const FaceObservation& face);

// Keeps the best frame of a stream by portraitScore(). Not thread-safe.
class BestShotSelector
{
public:
    struct Shot
    {
        cv::Mat bgr;            // a deep copy of the frame
        FaceObservation face;
        std::int64_t frameIndex = 0;
        double timestampMs = 0.0;
        double score = 0.0;
    };

    // Considers the primary face of a frame with exactly one face; returns true when it
    // became the best shot.
    bool offer(const cv::Mat& bgr, const FrameAnalysis& analysis);
    void reset() { m_best.reset(); }

    [[nodiscard]] const std::optional<Shot>& best() const { return m_best; }

private:
    std::optional<Shot> m_best;
};

} // namespace fe::vision
