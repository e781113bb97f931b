#include "vision/BestShotSelector.h"

#include <algorithm>
#include <cmath>

namespace fe::vision {

double portraitScore(const FaceObservation& face)
{
    double passed = 0.0;
    double sharpness = 0.0;
    for (const auto& m : face.quality.measures) {
        passed += m.passed ? 1.0 : 0.0;
        if (m.id == QualityMeasureId::Sharpness)
            sharpness = m.value;
    }
    const double frontal = face.pose.valid ? 1.0 - std::min(1.0, (std::abs(face.pose.yaw) + std::abs(face.pose.pitch) +
                                                                  std::abs(face.pose.roll)) / 30.0)
                                           : 0.0;
    return passed + 0.5 * frontal + 0.5 * std::min(1.0, sharpness);
}

bool BestShotSelector::offer(const cv::Mat& bgr, const FrameAnalysis& analysis)
{
    if (analysis.faces.size() != 1)
        return false;
    const FaceObservation& face = analysis.faces.front();
    const double score = portraitScore(face);
    if (m_best && score <= m_best->score)
        return false;
    // The best shot's own pixel buffer is reused when nobody else holds it (a frame of
    // 640x480 is 0.9 MB: a new one each time is an mmap, its page faults and an munmap).
    if (m_best && m_best->bgr.u != nullptr && m_best->bgr.u->refcount == 1) {
        bgr.copyTo(m_best->bgr);
        m_best->face = face;
        m_best->frameIndex = analysis.frameIndex;
        m_best->timestampMs = analysis.timestampMs;
        m_best->score = score;
    } else {
        m_best = Shot{bgr.clone(), face, analysis.frameIndex, analysis.timestampMs, score};
    }
    return true;
}

} // namespace fe::vision
