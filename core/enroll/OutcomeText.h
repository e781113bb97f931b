#pragma once

#include "common/OutcomeTexts.h"
#include "enroll/EnrollTypes.h"
#include "liveness/LivenessTypes.h"
#include "vision/Quality.h"
#include "vision/VisionTypes.h"

#include <string>

// Typed access to the one outcome text table (common/OutcomeTexts.h): the English text of
// each enum value, to be translated in the context fe::kOutcomeTextContext, and the
// translation itself. Thread-safe.
namespace fe::enroll {

[[nodiscard]] const char* outcomeText(FlagType flag) noexcept;
[[nodiscard]] const char* outcomeText(vision::QualityMeasureId measure) noexcept;
[[nodiscard]] const char* outcomeText(vision::Guidance guidance) noexcept;
[[nodiscard]] const char* outcomeText(liveness::Reason reason) noexcept;
[[nodiscard]] const char* outcomeText(liveness::Verdict verdict) noexcept;
[[nodiscard]] const char* outcomeText(liveness::Mode mode) noexcept;
[[nodiscard]] const char* outcomeText(liveness::ChallengeKind challenge) noexcept;

// The same, in the language of the installed translator (UTF-8).
template <typename Outcome> [[nodiscard]] std::string translatedText(Outcome outcome);

} // namespace fe::enroll
