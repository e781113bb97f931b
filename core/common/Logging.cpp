#include "common/Logging.h"

Q_LOGGING_CATEGORY(lcVision, "fe.vision", QtWarningMsg)
Q_LOGGING_CATEGORY(lcLiveness, "fe.liveness", QtWarningMsg)
Q_LOGGING_CATEGORY(lcMatch, "fe.match", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStore, "fe.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcEnroll, "fe.enroll", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSync, "fe.sync", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSettings, "fe.settings", QtWarningMsg)
