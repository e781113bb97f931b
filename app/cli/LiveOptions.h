#pragma once

#include "liveness/LivenessTypes.h"
#include "vision/FrameSource.h"

#include <QString>

#include <vector>

// Options shared by the commands that run a live session from a file (liveness, enroll).
namespace fe::cli {

// "challenge" or "spontaneous"; throws UsageError otherwise.
liveness::Mode parseMode(const QString& mode);
// "blink,turn-left,..."; throws UsageError for an unknown kind or an empty list.
std::vector<liveness::ChallengeKind> parseChallenges(const QString& list);
// A still image is shown to the camera for 5 s at 25 fps: the "photo held up" presentation.
vision::SourceOptions liveSourceOptions();

} // namespace fe::cli
