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
    m_best = Shot{bgr.clone(), face, analysis.frameIndex, analysis.timestampMs, score};
    return true;
}

} // namespace fe::vision
