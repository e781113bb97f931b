#pragma once

#include "enroll/EnrollTypes.h"

#include <QMetaType>

#include <memory>
#include <optional>

namespace fe::ui {

// The end of one live-capture attempt.
struct AttemptOutcome
{
    enum class Kind {
        Passed,       // a live verdict and a portrait that passed the quality gate
        LivenessFlag, // a portrait that passed the gate, but the verdict is spoof or inconclusive
        NoPortrait,   // no frame passed the quality gate: a failed attempt
    };

    int attemptId = 0;
    Kind kind = Kind::NoPortrait;
    enroll::LiveResult result;                  // the strict result (portrait passed the gate, if any)
    std::optional<enroll::LiveResult> override; // the best portrait below the gate, for an override
};

using AttemptOutcomePtr = std::shared_ptr<const AttemptOutcome>;

} // namespace fe::ui

Q_DECLARE_METATYPE(fe::ui::AttemptOutcomePtr)
