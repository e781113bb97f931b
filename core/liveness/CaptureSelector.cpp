#include "liveness/CaptureSelector.h"

#include "common/Error.h"
#include "vision/FaceAligner.h"

#include <opencv2/imgcodecs.hpp>

#include <algorithm>

namespace fe::liveness {

CaptureSelector::CaptureSelector(vision::FaceEncoder& encoder) : CaptureSelector(encoder, Options{}) {}

CaptureSelector::CaptureSelector(vision::FaceEncoder& encoder, Options options)
    : m_encoder(encoder), m_options(options)
{
}

void CaptureSelector::offer(const cv::Mat& bgr, const vision::FrameAnalysis& analysis)
{
    if (analysis.guidance != vision::Guidance::Ok)
        ++m_blocking[analysis.guidance];
    if (analysis.faces.size() != 1)
        return;
    m_any.offer(bgr, analysis);
    if (analysis.faces.front().quality.passed)
        m_passing.offer(bgr, analysis);
}

vision::Guidance CaptureSelector::blockingGuidance() const
{
    if (m_blocking.empty())
        return vision::Guidance::NoFace;
    return std::max_element(m_blocking.begin(), m_blocking.end(),
                            [](const auto& a, const auto& b) { return a.second < b.second; })
        ->first;
}

std::optional<Portrait> CaptureSelector::portrait(bool allowBelowGate) const
{
    const auto& chosen = m_passing.best() ? m_passing.best() : (allowBelowGate ? m_any.best() : std::nullopt);
    if (!chosen)
        return std::nullopt;
    Portrait p;
    const cv::Mat crop = vision::portraitCrop(chosen->bgr, chosen->face.landmarks, m_options.portraitSize);
    if (!cv::imencode(".jpg", crop, p.jpeg, {cv::IMWRITE_JPEG_QUALITY, m_options.jpegQuality}) || p.jpeg.empty())
        throw Error(ErrorCode::Internal, QT_TRANSLATE_NOOP("fe::Error", "The portrait could not be encoded as JPEG."));
    p.size = crop.size();
    p.faceTemplate = m_encoder.encode(chosen->bgr, chosen->face.landmarks);
    p.quality = chosen->face.quality;
    p.frameIndex = chosen->frameIndex;
    p.timestampMs = chosen->timestampMs;
    p.passedQualityGate = chosen->face.quality.passed;
    return p;
}

} // namespace fe::liveness
