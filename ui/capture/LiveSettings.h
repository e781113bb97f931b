#pragma once

#include "liveness/LivenessTypes.h"

#include <QMetaType>
#include <QString>

#include <cstdint>
#include <vector>

namespace fe::ui {

// How one live-capture attempt runs (see EnrollmentController::liveSettings for where the
// values come from).
struct LiveSettings
{
    liveness::Mode mode = liveness::Mode::Challenge;
    // The demo video played as a camera, or a camera at the counter (liveness.spontaneous_mode).
    liveness::CaptureSource source = liveness::CaptureSource::Camera;
    std::vector<liveness::ChallengeKind> challenges; // empty: the core's random draw
    std::string qualityProfile = "default";
    double spontaneousWindowMs = 10000.0;
    std::uint64_t seed = 0;
};

} // namespace fe::ui

Q_DECLARE_METATYPE(fe::ui::LiveSettings)
