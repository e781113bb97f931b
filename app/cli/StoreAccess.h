#pragma once

#include "store/Clock.h"
#include "store/SecretBytes.h"
#include "store/Session.h"
#include "store/StoreOptions.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <filesystem>
#include <optional>
#include <string>

// How CLI commands reach the encrypted store: --db, --user and the acting user's password
// from --password-file or FACEENROLL_PASSWORD (never from the command line).
namespace fe::cli {

extern const QString kDbOption;
extern const QString kUserOption;
extern const QString kPasswordFileOption;
extern const QString kNewPasswordFileOption;
extern const QString kLockTimeoutOption;

void addDbOption(QCommandLineParser& parser);
// --db, --user, --password-file, --lock-timeout.
void addActorOptions(QCommandLineParser& parser);
void addLockTimeoutOption(QCommandLineParser& parser);
// The store options a command runs with: --lock-timeout, and "waiting for another FaceEnroll
// process…" on stderr when the key file's lock is taken.
store::StoreOptions storeOptions(const QCommandLineParser& parser);

// A password given as an option would sit in the shell history and in /proc/PID/cmdline.
void rejectPasswordOnCommandLine(const QStringList& args);

QString requiredValue(const QCommandLineParser& parser, const QString& name);
std::filesystem::path dbPath(const QCommandLineParser& parser);

// The whole file, without one trailing line break; Qt's copy is wiped before it is freed.
// An empty file (or /dev/null, or a lone line break) is a usage error: nothing was typed,
// so nothing is tried (it must not count as a failed login).
store::SecretBytes readSecretFile(const QString& path);
store::SecretBytes actorPassword(const QCommandLineParser& parser);
store::SecretBytes newPassword(const QCommandLineParser& parser);

enum class OneTimePassword
{
    Refuse, // the command cannot run in a session that must first choose its own password
    Allow,  // "users passwd" for oneself: what a one-time password is for
};

// Unlocks the store as --user. While another FaceEnroll process holds the key file's lock,
// says so on stderr at once, and gives up after --lock-timeout seconds (exit 2).
store::Session login(const QCommandLineParser& parser, OneTimePassword oneTime = OneTimePassword::Refuse);

QString isoTime(store::TimePoint t);

// One status vocabulary for every command (enroll, list, show, review, audit, --status):
// accepted, flagged, approved, rejected. The store's "pending_review" is shown as "flagged",
// the word enroll reports when it raises a flag.
QString statusWord(store::EnrollmentStatus status);
// A word of that vocabulary (or the store's own name) -> status; nothing for another word.
std::optional<store::EnrollmentStatus> parseStatusWord(const QString& word);
// An audit row's outcome as shown: an enrollment status in the same vocabulary.
QString auditOutcomeWord(const std::string& outcome);

} // namespace fe::cli
