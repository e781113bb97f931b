#pragma once

#include <QLoggingCategory>

// The workstation's logging categories (enable with QT_LOGGING_RULES="fe.ui*.debug=true").
// Like the core's, they log ids, counts and timings only: never names, document or phone
// numbers, images or templates.
Q_DECLARE_LOGGING_CATEGORY(lcUi)
Q_DECLARE_LOGGING_CATEGORY(lcCapture)
