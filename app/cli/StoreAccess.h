#pragma once

#include "store/Clock.h"
#include "store/SecretBytes.h"
#include "store/Session.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <filesystem>

// How CLI commands reach the encrypted store: --db, --user and the acting user's password
// from --password-file or FACEENROLL_PASSWORD (never from the command line).
namespace fe::cli {

extern const QString kDbOption;
extern const QString kUserOption;
extern const QString kPasswordFileOption;
extern const QString kNewPasswordFileOption;

void addDbOption(QCommandLineParser& parser);
void addActorOptions(QCommandLineParser& parser);

// A password given as an option would sit in the shell history and in /proc/PID/cmdline.
void rejectPasswordOnCommandLine(const QStringList& args);

QString requiredValue(const QCommandLineParser& parser, const QString& name);
std::filesystem::path dbPath(const QCommandLineParser& parser);

// The whole file, without one trailing line break; Qt's copy is wiped before it is freed.
store::SecretBytes readSecretFile(const QString& path);
store::SecretBytes actorPassword(const QCommandLineParser& parser);
store::SecretBytes newPassword(const QCommandLineParser& parser);

// Unlocks the store as --user.
store::Session login(const QCommandLineParser& parser);

QString isoTime(store::TimePoint t);

} // namespace fe::cli
