#pragma once

#include "vision/VisionTypes.h"

#include <opencv2/core/mat.hpp>

#include <memory>
#include <vector>

namespace fe::vision {

// What a quality measure may look at for one face on one frame.
struct QualityInput
{
    const cv::Mat& grey;           // the whole frame, 8-bit
    const FaceObservation& face;   // landmarks, pose, eyes and mouth already measured
    int faceCount = 1;
    double eyeOpenness = 1.0;      // EAR over the subject's open-eye baseline
};

// One portrait-quality check (OFIQ's Measure): a raw value and pass/fail against the profile.
class QualityMeasure
{
public:
    virtual ~QualityMeasure() = default;
    [[nodiscard]] virtual QualityMeasureId id() const = 0;
    [[nodiscard]] virtual MeasureResult evaluate(const QualityInput& input, const QualityProfile& profile,
                                                 const cv::Mat& normalisedFace) const = 0;
};

// Runs every measure of a profile on a face and turns the failures into one guidance hint.
// Thread-safe after construction (const).
class QualityAssessor
{
public:
    explicit QualityAssessor(QualityProfile profile);
    ~QualityAssessor();
    QualityAssessor(QualityAssessor&&) noexcept;
    QualityAssessor& operator=(QualityAssessor&&) noexcept;

    [[nodiscard]] QualityReport assess(const QualityInput& input) const;
    [[nodiscard]] const QualityProfile& profile() const { return m_profile; }

    // The highest-priority hint for a report; faceCount decides "no face" / "several faces".
    [[nodiscard]] static Guidance guidanceFor(const QualityReport& report, int faceCount);

    // The face region, similarity-aligned so that the eyes are 48 px apart in a 128x128 grey
    // crop; photometric measures read its central eyes-to-mouth region.
    [[nodiscard]] static cv::Mat normalisedFace(const cv::Mat& grey, const Landmarks& lm);

private:
    QualityProfile m_profile;
    std::vector<std::unique_ptr<QualityMeasure>> m_measures;
};

} // namespace fe::vision
