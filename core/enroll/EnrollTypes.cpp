#include "enroll/EnrollTypes.h"

namespace fe::enroll {

std::string_view flagKey(FlagType type) noexcept
{
    switch (type) {
    case FlagType::IdPhotoMismatch:
        return "id_photo_mismatch";
    case FlagType::DuplicateIdentity:
        return "duplicate_identity";
    case FlagType::NumberBoundToOtherFace:
        return "number_bound_to_other_face";
    case FlagType::DocumentBoundToOtherFace:
        return "document_bound_to_other_face";
    case FlagType::TooManyNumbers:
        return "too_many_numbers";
    case FlagType::LivenessFailed:
        return "liveness_failed";
    case FlagType::LivenessInconclusive:
        return "liveness_inconclusive";
    case FlagType::LowQualityOverride:
        return "low_quality_override";
    case FlagType::IdPhotoQualityOverride:
        return "id_photo_quality_override";
    case FlagType::LivenessSpontaneous:
        return "liveness_spontaneous";
    }
    return "unknown";
}

std::optional<FlagType> flagFromKey(std::string_view key) noexcept
{
    for (const FlagType t : kAllFlagTypes) {
        if (flagKey(t) == key)
            return t;
    }
    return std::nullopt;
}

std::string flagReasonKey(FlagType type)
{
    return "flag." + std::string(flagKey(type));
}

std::string_view outcomeKey(Outcome outcome) noexcept
{
    switch (outcome) {
    case Outcome::Accepted:
        return "accepted";
    case Outcome::Flagged:
        return "flagged";
    case Outcome::Refused:
        return "refused";
    }
    return "refused";
}

} // namespace fe::enroll
