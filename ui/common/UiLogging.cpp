#include "common/UiLogging.h"

// fe.ui.capture logs the capture figures (fps, latency, dropped frames) at info level when
// the workstation exits, so they are on by default.
Q_LOGGING_CATEGORY(lcUi, "fe.ui", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCapture, "fe.ui.capture", QtInfoMsg)
