#pragma once

#include "capture/Hint.h"
#include "enroll/EnrollTypes.h"
#include "liveness/LivenessTypes.h"
#include "store/Roles.h"
#include "vision/Quality.h"
#include "vision/VisionTypes.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <string_view>

namespace fe {
class Error;
}

namespace fe::ui {

// The one place where the workstation turns the core's codes into words: errors, guidance,
// quality measures, flags, liveness verdicts and reasons, challenges, roles, document types.
// Every text is translatable (context fe::ui::UiText). When the core's typed text table
// lands, this class forwards to it and keeps the UI's own phrasings (hints, chips).
class UiText
{
    Q_DECLARE_TR_FUNCTIONS(fe::ui::UiText)

public:
    // A core error in the user's language, its %N arguments filled in (a guidance key among
    // them is translated too).
    static QString error(const fe::Error& error);
    // An exception that is not an fe::Error: a generic sentence plus what it says.
    static QString unexpected(const std::exception& e);

    static QString hint(Hint hint, HintSubject subject = HintSubject::Person);
    static QString guidance(vision::Guidance guidance);
    static QString guidanceKey(std::string_view key);
    // A few words for a label ("too dark"), where the full sentence does not fit.
    static QString shortGuidance(vision::Guidance guidance);
    static QString shortLivenessReason(liveness::Reason reason);
    static QString shortVerdict(liveness::Verdict verdict);

    // Short chip label of a measure ("Sharpness"), and what its failure means ("Blurred").
    static QString measureName(vision::QualityMeasureId id);
    static QString measureProblem(vision::QualityMeasureId id, double value);

    static QString flagTitle(std::string_view code);
    static QString flagExplanation(std::string_view code);

    static QString verdict(liveness::Verdict verdict);
    static QString livenessReason(liveness::Reason reason);
    static QString livenessMode(liveness::Mode mode);
    static QString challengePrompt(liveness::ChallengeKind kind);

    static QString role(store::Role role);

    static QStringList documentTypeKeys();
    static QString documentType(const QString& key);
};

} // namespace fe::ui
