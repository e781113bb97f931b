#pragma once

#include "vision/BestShotSelector.h"
#include "vision/FaceEncoder.h"
#include "vision/VisionTypes.h"

#include <opencv2/core/mat.hpp>

#include <map>
#include <optional>
#include <vector>

namespace fe::liveness {

// The enrollment portrait: an ICAO token crop (eyes level, 0.25 W apart, at 0.6 W from the
// top), JPEG, and the template of the same frame.
struct Portrait
{
    std::vector<unsigned char> jpeg;
    cv::Size size;
    vision::FaceTemplate faceTemplate;
    vision::QualityReport quality;  // of the chosen frame, as the analyzer measured it
    std::int64_t frameIndex = 0;
    double timestampMs = 0.0;
    bool passedQualityGate = false;
};

// Best-shot capture during and just after a live session: keeps the best frame that passes
// the quality gate (and the best frame overall, for an operator override), and builds the
// portrait from it. When no frame passes, blockingGuidance() names the hint that blocked most
// often. The encoder is borrowed. Not thread-safe.
class CaptureSelector
{
public:
    struct Options
    {
        cv::Size portraitSize = cv::Size(480, 640);
        int jpegQuality = 92;
    };

    explicit CaptureSelector(vision::FaceEncoder& encoder);
    CaptureSelector(vision::FaceEncoder& encoder, Options options);

    void offer(const cv::Mat& bgr, const vision::FrameAnalysis& analysis);

    [[nodiscard]] bool hasPassingFrame() const { return m_passing.best().has_value(); }
    [[nodiscard]] vision::Guidance blockingGuidance() const;

    // The portrait of the best passing frame; with allowBelowGate, of the best frame at all
    // when none passed (the operator's low-quality override). nullopt without any face.
    [[nodiscard]] std::optional<Portrait> portrait(bool allowBelowGate = false) const;

private:
    vision::FaceEncoder& m_encoder;
    Options m_options;
    vision::BestShotSelector m_passing;
    vision::BestShotSelector m_any;
    std::map<vision::Guidance, int> m_blocking;
};

} // namespace fe::liveness
