#include "StoreAccess.h"

#include "CliSupport.h"
#include "store/Store.h"
#include "store/StoreConstants.h"

#include <QDateTime>
#include <QFile>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <sodium.h>

namespace fe::cli {

// Unqualified types keep lupdate's parser in this namespace (it files tr() by namespace).
using store::SecretBytes;
using store::Session;
using store::StoreOptions;
using store::TimePoint;

const QString kDbOption = QStringLiteral("db");
const QString kUserOption = QStringLiteral("user");
const QString kPasswordFileOption = QStringLiteral("password-file");
const QString kNewPasswordFileOption = QStringLiteral("new-password-file");
const QString kLockTimeoutOption = QStringLiteral("lock-timeout");

QString isoTime(TimePoint t)
{
    return QDateTime::fromMSecsSinceEpoch(store::toMillis(t), Qt::UTC).toString(Qt::ISODateWithMs);
}

QString statusWord(store::EnrollmentStatus status)
{
    if (status == store::EnrollmentStatus::PendingReview)
        return QStringLiteral("flagged");
    return QString::fromLatin1(store::toString(status));
}

std::optional<store::EnrollmentStatus> parseStatusWord(const QString& word)
{
    if (word == QLatin1String("flagged"))
        return store::EnrollmentStatus::PendingReview;
    return store::parseEnrollmentStatus(word.toStdString());
}

QString auditOutcomeWord(const std::string& outcome)
{
    if (const auto status = store::parseEnrollmentStatus(outcome))
        return statusWord(*status);
    return QString::fromStdString(outcome);
}

SecretBytes readSecretFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw UsageError(tr("cannot read %1: %2").arg(path, f.errorString()));
    QByteArray bytes = f.readAll();
    qsizetype n = bytes.size();
    if (n > 0 && bytes[n - 1] == '\n')
        --n;
    if (n > 0 && bytes[n - 1] == '\r')
        --n;
    SecretBytes secret(bytes.constData(), static_cast<std::size_t>(n));
    sodium_memzero(bytes.data(), static_cast<std::size_t>(bytes.size()));
    if (secret.empty())
        throw UsageError(tr("%1 is empty: write the password into the file (one line)").arg(path));
    return secret;
}

SecretBytes actorPassword(const QCommandLineParser& parser)
{
    if (parser.isSet(kPasswordFileOption))
        return readSecretFile(parser.value(kPasswordFileOption));
    // Read once, then wiped in the environment block itself (what /proc/PID/environ and a
    // child process would see) and removed. The CLI reads it on its main thread before it
    // starts any other.
    char* env = std::getenv("FACEENROLL_PASSWORD");
    const std::size_t n = env != nullptr ? std::strlen(env) : 0;
    if (n == 0) {
        qunsetenv("FACEENROLL_PASSWORD");
        throw UsageError(tr("no password: pass --password-file FILE or set FACEENROLL_PASSWORD (passwords are never "
                            "taken on the command line)"));
    }
    SecretBytes secret(env, n);
    sodium_memzero(env, n);
    qunsetenv("FACEENROLL_PASSWORD");
    return secret;
}

SecretBytes newPassword(const QCommandLineParser& parser)
{
    if (!parser.isSet(kNewPasswordFileOption))
        throw UsageError(tr("no new password: pass --new-password-file FILE"));
    return readSecretFile(parser.value(kNewPasswordFileOption));
}

void addDbOption(QCommandLineParser& parser)
{
    parser.addOption({kDbOption, tr("The store's database file."), QStringLiteral("PATH")});
}

void addActorOptions(QCommandLineParser& parser)
{
    addDbOption(parser);
    parser.addOption({kUserOption, tr("The user who acts (logs in)."), QStringLiteral("NAME")});
    parser.addOption({kPasswordFileOption, tr("File holding that user's password (else FACEENROLL_PASSWORD)."),
                      QStringLiteral("FILE")});
    addLockTimeoutOption(parser);
}

void addLockTimeoutOption(QCommandLineParser& parser)
{
    parser.addOption({kLockTimeoutOption,
                      tr("Seconds to wait for another FaceEnroll process that holds the key file (default %1).")
                          .arg(std::chrono::seconds(store::constants::kKeyFileLockTimeout).count()),
                      QStringLiteral("SECONDS")});
}

StoreOptions storeOptions(const QCommandLineParser& parser)
{
    StoreOptions options;
    const auto seconds = std::chrono::seconds(store::constants::kKeyFileLockTimeout).count();
    options.keyFileLockTimeout =
        std::chrono::seconds(intOption(parser, kLockTimeoutOption, static_cast<int>(seconds), 0, 3600));
    options.onKeyFileLockWait = [] {
        const QByteArray line =
            tr("faceenroll-cli: waiting for another FaceEnroll process to finish with the store…").toLocal8Bit();
        std::fwrite(line.constData(), 1, static_cast<std::size_t>(line.size()), stderr);
        std::fputc('\n', stderr);
        std::fflush(stderr);
    };
    return options;
}

QString requiredValue(const QCommandLineParser& parser, const QString& name)
{
    if (!parser.isSet(name) || parser.value(name).isEmpty())
        throw UsageError(tr("--%1 is required").arg(name));
    return parser.value(name);
}

std::filesystem::path dbPath(const QCommandLineParser& parser)
{
    return std::filesystem::path(requiredValue(parser, kDbOption).toStdString());
}

Session login(const QCommandLineParser& parser, OneTimePassword oneTime)
{
    const auto db = dbPath(parser);
    const QString user = requiredValue(parser, kUserOption);
    const SecretBytes password = actorPassword(parser);
    Session session = store::Store::unlock(db, user.toStdString(), password, storeOptions(parser));
    if (session.mustChangePassword() && oneTime == OneTimePassword::Refuse) {
        session.logout();
        throw UsageError(tr("the password of %1 was set by an administrator and works only once: choose your own first "
                            "(faceenroll-cli users passwd --db %2 --user %1 --new-password-file FILE)")
                             .arg(user, QString::fromStdString(db.string())));
    }
    return session;
}

void rejectPasswordOnCommandLine(const QStringList& args)
{
    for (const auto& a : args) {
        if (a == QLatin1String("--password") || a.startsWith(QLatin1String("--password=")) ||
            a == QLatin1String("--new-password") || a.startsWith(QLatin1String("--new-password=")))
            throw UsageError(tr("passwords are never taken on the command line; use --password-file FILE or "
                                "FACEENROLL_PASSWORD (and --new-password-file FILE for a new one)"));
    }
}

} // namespace fe::cli
