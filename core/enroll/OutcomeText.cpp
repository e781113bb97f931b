#include "enroll/OutcomeText.h"

#include <QCoreApplication>

namespace fe::enroll {

const char* outcomeText(FlagType flag) noexcept
{
    return fe::outcomeText(OutcomeKind::Flag, flagKey(flag));
}

const char* outcomeText(vision::QualityMeasureId measure) noexcept
{
    return fe::outcomeText(OutcomeKind::QualityMeasure, vision::qualityMeasureKey(measure));
}

const char* outcomeText(vision::Guidance guidance) noexcept
{
    return fe::outcomeText(OutcomeKind::Guidance, vision::guidanceKey(guidance));
}

const char* outcomeText(liveness::Reason reason) noexcept
{
    return fe::outcomeText(OutcomeKind::LivenessReason, liveness::reasonKey(reason));
}

const char* outcomeText(liveness::Verdict verdict) noexcept
{
    return fe::outcomeText(OutcomeKind::Verdict, liveness::verdictKey(verdict));
}

const char* outcomeText(liveness::Mode mode) noexcept
{
    return fe::outcomeText(OutcomeKind::LivenessMode, liveness::modeKey(mode));
}

const char* outcomeText(liveness::ChallengeKind challenge) noexcept
{
    return fe::outcomeText(OutcomeKind::Challenge, liveness::challengeKey(challenge));
}

template <typename Outcome> std::string translatedText(Outcome outcome)
{
    const char* text = outcomeText(outcome);
    return text ? QCoreApplication::translate(kOutcomeTextContext, text).toStdString() : std::string();
}

template std::string translatedText(FlagType);
template std::string translatedText(vision::QualityMeasureId);
template std::string translatedText(vision::Guidance);
template std::string translatedText(liveness::Reason);
template std::string translatedText(liveness::Verdict);
template std::string translatedText(liveness::Mode);
template std::string translatedText(liveness::ChallengeKind);

} // namespace fe::enroll
