#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fe::vision {

enum class QualityMeasureId {
    FaceCount,
    InterEyeDistance,
    FaceInFrame,
    Centred,
    Yaw,
    Pitch,
    Roll,
    EyesOpen,
    MouthClosed,
    Sharpness,
    Exposure,
    LightingUniformity,
};

std::string_view qualityMeasureKey(QualityMeasureId id) noexcept;

// One measure's outcome, OFIQ-style: the raw value in the unit the profile states, and
// whether it passed the profile's threshold.
struct MeasureResult
{
    QualityMeasureId id;
    double value = 0.0;
    bool passed = false;
};

struct QualityReport
{
    std::vector<MeasureResult> measures;
    bool passed = false;
    bool assessed = false;

    [[nodiscard]] const MeasureResult* find(QualityMeasureId id) const;
    [[nodiscard]] std::vector<QualityMeasureId> failed() const;
};

// Thresholds for an enrollment portrait. Defaults follow ICAO 9303 part 3 / ISO/IEC 19794-5
// token-image guidance and ISO/IEC 29794-5 measure definitions; the photometric limits were
// calibrated on the demo media (docs/models.md).
struct QualityProfile
{
    std::string name;
    double minInterEyeDistancePx = 60.0; // ICAO: >= 90 px; a 720p counter camera: 60 px
    double maxCentreOffset = 0.20;       // face centre from frame centre, fraction of frame size
    double frameMargin = 0.02;           // required margin between face and frame edge, fraction
    double maxYawDeg = 8.0;              // ISO/IEC 19794-5: +-5 deg recommended, +-8 tolerated
    double maxPitchDeg = 8.0;
    double maxRollDeg = 8.0;
    double minEyeOpenRatio = 0.70;       // EAR / subject's open-eye baseline
    double maxMouthOpen = 0.12;          // inner-lip gap / mouth width
    double minSharpness = 0.10;          // var(Laplacian) / var(I) on the normalised face crop
    double minBrightness = 60.0;         // face mean grey level, 0..255
    double maxBrightness = 200.0;
    double maxClippedShare = 0.05;       // share of face pixels at <= 5 or >= 250
    double maxLightingImbalance = 0.25;  // |L - R| / (L + R) of face-half means

    // "icao", "default" or "lowres"; throws fe::Error(InvalidArgument) for other names.
    static QualityProfile byName(std::string_view name);
    static std::vector<std::string> names();
};

} // namespace fe::vision
