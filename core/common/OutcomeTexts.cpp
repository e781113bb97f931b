#include "common/OutcomeTexts.h"

#include <QCoreApplication>
#include <array>

namespace fe {
namespace {

using K = OutcomeKind;

// Keys as the modules define them (flagKey, qualityMeasureKey, guidanceKey, reasonKey,
// verdictKey, challengeKey, DocumentTypes); tst_translations checks that every value of every
// enum has its entry here and a Simplified Chinese translation.
// One outcome per line reads better than any wrapping.
// clang-format off
constexpr std::array kTexts = {
    // Enrollment flags: why a supervisor must look at an enrollment.
    OutcomeText{K::Flag, "id_photo_mismatch", QT_TRANSLATE_NOOP("fe::Outcome", "The live face does not match the photo on the ID document.")},
    OutcomeText{K::Flag, "duplicate_identity", QT_TRANSLATE_NOOP("fe::Outcome", "This face is already enrolled under another document.")},
    OutcomeText{K::Flag, "number_bound_to_other_face", QT_TRANSLATE_NOOP("fe::Outcome", "This phone number is already registered to another person's face.")},
    OutcomeText{K::Flag, "document_bound_to_other_face", QT_TRANSLATE_NOOP("fe::Outcome", "This ID document is already registered to another person's face.")},
    OutcomeText{K::Flag, "too_many_numbers", QT_TRANSLATE_NOOP("fe::Outcome", "This person already holds the maximum number of phone numbers.")},
    OutcomeText{K::Flag, "liveness_failed", QT_TRANSLATE_NOOP("fe::Outcome", "The liveness check found signs of a photo, a screen or a mask.")},
    OutcomeText{K::Flag, "liveness_inconclusive", QT_TRANSLATE_NOOP("fe::Outcome", "The liveness check could not decide.")},
    OutcomeText{K::Flag, "low_quality_override", QT_TRANSLATE_NOOP("fe::Outcome", "The operator kept a portrait below the quality standard.")},
    OutcomeText{K::Flag, "id_photo_quality_override", QT_TRANSLATE_NOOP("fe::Outcome", "The operator kept an ID-document photo below the quality standard.")},
    OutcomeText{K::Flag, "liveness_spontaneous", QT_TRANSLATE_NOOP("fe::Outcome", "Liveness was checked without instructions, which cannot tell a recording from a person.")},

    // Quality measures: the condition each one checks (shown as passed or failed).
    OutcomeText{K::QualityMeasure, "face_count", QT_TRANSLATE_NOOP("fe::Outcome", "Only one face in the picture")},
    OutcomeText{K::QualityMeasure, "inter_eye_distance", QT_TRANSLATE_NOOP("fe::Outcome", "Face large enough")},
    OutcomeText{K::QualityMeasure, "face_in_frame", QT_TRANSLATE_NOOP("fe::Outcome", "Whole face in the picture")},
    OutcomeText{K::QualityMeasure, "centred", QT_TRANSLATE_NOOP("fe::Outcome", "Face in the centre")},
    OutcomeText{K::QualityMeasure, "yaw", QT_TRANSLATE_NOOP("fe::Outcome", "Head not turned to the side")},
    OutcomeText{K::QualityMeasure, "pitch", QT_TRANSLATE_NOOP("fe::Outcome", "Head not tilted up or down")},
    OutcomeText{K::QualityMeasure, "roll", QT_TRANSLATE_NOOP("fe::Outcome", "Head held straight")},
    OutcomeText{K::QualityMeasure, "eyes_open", QT_TRANSLATE_NOOP("fe::Outcome", "Eyes open")},
    OutcomeText{K::QualityMeasure, "mouth_closed", QT_TRANSLATE_NOOP("fe::Outcome", "Mouth closed")},
    OutcomeText{K::QualityMeasure, "sharpness", QT_TRANSLATE_NOOP("fe::Outcome", "Picture sharp")},
    OutcomeText{K::QualityMeasure, "exposure", QT_TRANSLATE_NOOP("fe::Outcome", "Face neither too dark nor too bright")},
    OutcomeText{K::QualityMeasure, "lighting_uniformity", QT_TRANSLATE_NOOP("fe::Outcome", "Face evenly lit")},

    // Guidance during the capture, said to the customer.
    OutcomeText{K::Guidance, "no_face", QT_TRANSLATE_NOOP("fe::Outcome", "Please look at the camera.")},
    OutcomeText{K::Guidance, "several_faces", QT_TRANSLATE_NOOP("fe::Outcome", "Only the customer may be in the picture.")},
    OutcomeText{K::Guidance, "move_closer", QT_TRANSLATE_NOOP("fe::Outcome", "Move closer to the camera.")},
    OutcomeText{K::Guidance, "move_back", QT_TRANSLATE_NOOP("fe::Outcome", "Move back from the camera.")},
    OutcomeText{K::Guidance, "centre_face", QT_TRANSLATE_NOOP("fe::Outcome", "Move into the middle of the picture.")},
    OutcomeText{K::Guidance, "look_straight", QT_TRANSLATE_NOOP("fe::Outcome", "Look straight at the camera.")},
    OutcomeText{K::Guidance, "straighten_head", QT_TRANSLATE_NOOP("fe::Outcome", "Hold your head straight.")},
    OutcomeText{K::Guidance, "more_light", QT_TRANSLATE_NOOP("fe::Outcome", "The face is too dark: turn towards the light.")},
    OutcomeText{K::Guidance, "less_light", QT_TRANSLATE_NOOP("fe::Outcome", "The face is too bright: move out of the direct light.")},
    OutcomeText{K::Guidance, "open_eyes", QT_TRANSLATE_NOOP("fe::Outcome", "Please open your eyes.")},
    OutcomeText{K::Guidance, "close_mouth", QT_TRANSLATE_NOOP("fe::Outcome", "Please close your mouth.")},
    OutcomeText{K::Guidance, "hold_still", QT_TRANSLATE_NOOP("fe::Outcome", "Hold still.")},
    OutcomeText{K::Guidance, "ok", QT_TRANSLATE_NOOP("fe::Outcome", "Good. Stay like this.")},

    // Liveness: why the verdict is what it is.
    OutcomeText{K::LivenessReason, "no_face", QT_TRANSLATE_NOOP("fe::Outcome", "No face was seen long enough to check.")},
    OutcomeText{K::LivenessReason, "several_faces", QT_TRANSLATE_NOOP("fe::Outcome", "More than one face was in the picture.")},
    OutcomeText{K::LivenessReason, "face_lost", QT_TRANSLATE_NOOP("fe::Outcome", "The face left the picture during the check.")},
    OutcomeText{K::LivenessReason, "too_dark", QT_TRANSLATE_NOOP("fe::Outcome", "The face was too dark to check.")},
    OutcomeText{K::LivenessReason, "session_timeout", QT_TRANSLATE_NOOP("fe::Outcome", "The check was not finished in time.")},
    OutcomeText{K::LivenessReason, "challenge_timeout", QT_TRANSLATE_NOOP("fe::Outcome", "An instruction was not followed in time.")},
    OutcomeText{K::LivenessReason, "face_changed", QT_TRANSLATE_NOOP("fe::Outcome", "The face changed during the check.")},
    OutcomeText{K::LivenessReason, "flat_motion", QT_TRANSLATE_NOOP("fe::Outcome", "The face moved like a flat picture, not like a real head.")},
    OutcomeText{K::LivenessReason, "no_blink", QT_TRANSLATE_NOOP("fe::Outcome", "No natural blink was seen.")},
    OutcomeText{K::LivenessReason, "no_head_motion", QT_TRANSLATE_NOOP("fe::Outcome", "No natural head movement was seen.")},
    OutcomeText{K::LivenessReason, "wrong_direction", QT_TRANSLATE_NOOP("fe::Outcome", "The head turned the other way.")},
    OutcomeText{K::LivenessReason, "passive_score_low", QT_TRANSLATE_NOOP("fe::Outcome", "The picture looks like a photo, a screen or a mask.")},
    OutcomeText{K::LivenessReason, "wrong_action", QT_TRANSLATE_NOOP("fe::Outcome", "The customer did something other than the instruction asked.")},

    // Liveness modes: how the face was checked (shown with the verdict).
    OutcomeText{K::LivenessMode, "challenge", QT_TRANSLATE_NOOP("fe::Outcome", "With instructions (challenge mode)")},
    OutcomeText{K::LivenessMode, "spontaneous", QT_TRANSLATE_NOOP("fe::Outcome", "Without instructions (spontaneous mode, the weaker check)")},

    // Liveness verdicts.
    OutcomeText{K::Verdict, "live", QT_TRANSLATE_NOOP("fe::Outcome", "Live person")},
    OutcomeText{K::Verdict, "spoof", QT_TRANSLATE_NOOP("fe::Outcome", "Possible photo, screen or mask")},
    OutcomeText{K::Verdict, "inconclusive", QT_TRANSLATE_NOOP("fe::Outcome", "Could not decide")},

    // Liveness challenges: the prompt.
    OutcomeText{K::Challenge, "blink", QT_TRANSLATE_NOOP("fe::Outcome", "Please blink.")},
    OutcomeText{K::Challenge, "turn-left", QT_TRANSLATE_NOOP("fe::Outcome", "Slowly turn your head to your left.")},
    OutcomeText{K::Challenge, "turn-right", QT_TRANSLATE_NOOP("fe::Outcome", "Slowly turn your head to your right.")},
    OutcomeText{K::Challenge, "open-mouth", QT_TRANSLATE_NOOP("fe::Outcome", "Please open your mouth.")},

    // Identity documents.
    OutcomeText{K::DocumentType, "cn_resident_id", QT_TRANSLATE_NOOP("fe::Outcome", "Chinese resident identity card")},
    OutcomeText{K::DocumentType, "passport", QT_TRANSLATE_NOOP("fe::Outcome", "Passport")},
    OutcomeText{K::DocumentType, "national_id", QT_TRANSLATE_NOOP("fe::Outcome", "National identity card of another country")},
};
// clang-format on

} // namespace

std::span<const OutcomeText> outcomeTexts() noexcept
{
    return kTexts;
}

const char* outcomeText(OutcomeKind kind, std::string_view key) noexcept
{
    for (const auto& t : kTexts) {
        if (t.kind == kind && t.key == key)
            return t.text;
    }
    return nullptr;
}

std::string translatedOutcome(OutcomeKind kind, std::string_view key)
{
    const char* text = outcomeText(kind, key);
    if (text == nullptr)
        return std::string(key);
    return QCoreApplication::translate(kOutcomeTextContext, text).toStdString();
}

} // namespace fe
