#pragma once

#include <QLoggingCategory>

// One logging category per core module, enabled with QT_LOGGING_RULES="fe.vision.debug=true".
// Log lines carry ids, counts, timings and file names only: never names, document or phone
// numbers, images or templates.
Q_DECLARE_LOGGING_CATEGORY(lcVision)
Q_DECLARE_LOGGING_CATEGORY(lcLiveness)
Q_DECLARE_LOGGING_CATEGORY(lcMatch)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcEnroll)
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcSettings)
