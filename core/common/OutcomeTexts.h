#pragma once

#include <span>
#include <string>
#include <string_view>

namespace fe {

// The one table of what FaceEnroll tells a person about an outcome, in plain words: the
// enrollment flags, the quality measures, the capture guidance, the liveness reasons, verdicts
// and challenge prompts, and the document types. Every module names its outcomes with stable
// keys (the CLI prints them, the store records them); this table turns a key into the English
// text the GUI translates in the context kOutcomeTextContext ("fe::Outcome"), so a clerk reads
// "Move closer to the camera" in their language. core/enroll/OutcomeText.h gives typed access
// (one function per enum). Thread-safe: constant data.
enum class OutcomeKind
{
    Flag,           // enroll::FlagType, by flagKey()
    QualityMeasure, // vision::QualityMeasureId, by qualityMeasureKey(): the condition checked
    Guidance,       // vision::Guidance, by guidanceKey(): said to the customer during capture
    LivenessReason, // liveness::Reason, by reasonKey()
    Verdict,        // liveness::Verdict, by verdictKey()
    LivenessMode,   // liveness::Mode, by modeKey()
    Challenge,      // liveness::ChallengeKind, by challengeKey(): the prompt
    DocumentType,   // enroll::DocumentTypes, by key: the document's name
};

inline constexpr const char* kOutcomeTextContext = "fe::Outcome";

struct OutcomeText
{
    OutcomeKind kind;
    std::string_view key;
    const char* text; // English, marked with QT_TRANSLATE_NOOP in kOutcomeTextContext
};

[[nodiscard]] std::span<const OutcomeText> outcomeTexts() noexcept;
// The English text of an outcome; nullptr for a key the table does not know.
[[nodiscard]] const char* outcomeText(OutcomeKind kind, std::string_view key) noexcept;
// The same, translated by the installed QTranslator (UTF-8); the key itself when unknown.
[[nodiscard]] std::string translatedOutcome(OutcomeKind kind, std::string_view key);

} // namespace fe
