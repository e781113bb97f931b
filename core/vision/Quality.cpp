#include "vision/Quality.h"

#include "common/Error.h"

namespace fe::vision {

std::string_view qualityMeasureKey(QualityMeasureId id) noexcept
{
    switch (id) {
    case QualityMeasureId::FaceCount: return "face_count";
    case QualityMeasureId::InterEyeDistance: return "inter_eye_distance";
    case QualityMeasureId::FaceInFrame: return "face_in_frame";
    case QualityMeasureId::Centred: return "centred";
    case QualityMeasureId::Yaw: return "yaw";
    case QualityMeasureId::Pitch: return "pitch";
    case QualityMeasureId::Roll: return "roll";
    case QualityMeasureId::EyesOpen: return "eyes_open";
    case QualityMeasureId::MouthClosed: return "mouth_closed";
    case QualityMeasureId::Sharpness: return "sharpness";
    case QualityMeasureId::Exposure: return "exposure";
    case QualityMeasureId::LightingUniformity: return "lighting_uniformity";
    }
    return "unknown";
}

const MeasureResult* QualityReport::find(QualityMeasureId id) const
{
    for (const auto& m : measures) {
        if (m.id == id)
            return &m;
    }
    return nullptr;
}

std::vector<QualityMeasureId> QualityReport::failed() const
{
    std::vector<QualityMeasureId> out;
    for (const auto& m : measures) {
        if (!m.passed)
            out.push_back(m.id);
    }
    return out;
}

QualityProfile QualityProfile::byName(std::string_view name)
{
    QualityProfile p;
    p.name = std::string(name);
    if (name == "default")
        return p;
    if (name == "icao") {
        // ICAO 9303-3 / ISO/IEC 19794-5 token image: at least 90 px between the eye centres.
        p.minInterEyeDistancePx = 90.0;
        p.maxYawDeg = 5.0;
        p.maxPitchDeg = 5.0;
        p.maxRollDeg = 8.0;
        return p;
    }
    if (name == "lowres") {
        // Only for the bundled demo videos (360x288 and 400x300, inter-eye distance about
        // 32-57 px, strongly compressed): a smaller face and less fine detail are accepted.
        p.minInterEyeDistancePx = 32.0;
        p.minSharpness = 0.05;
        return p;
    }
    if (name == "document") {
        // The face on an identity document, scanned or photographed: small (30 px between the
        // eyes on a card photographed at arm's length), cropped tightly by the card's own photo
        // frame, printed and re-imaged (less detail). Still frontal, eyes open, evenly lit.
        p.minInterEyeDistancePx = 30.0;
        p.maxCentreOffset = 0.5;
        p.frameMargin = -0.25;
        p.maxYawDeg = 12.0;
        p.maxPitchDeg = 15.0;
        p.maxRollDeg = 12.0;
        p.maxMouthOpen = 0.2;
        p.minSharpness = 0.03;
        p.minBrightness = 45.0;
        p.maxBrightness = 220.0;
        p.maxClippedShare = 0.10;
        p.maxLightingImbalance = 0.35;
        return p;
    }
    throw Error(ErrorCode::InvalidArgument,
                QT_TRANSLATE_NOOP("fe::Error", "Unknown quality profile \"%1\"; use icao, default, lowres or document."), {std::string(name)});
}

std::vector<std::string> QualityProfile::names()
{
    return {"icao", "default", "lowres", "document"};
}

} // namespace fe::vision
