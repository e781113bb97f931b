// init, users, audit, purge, recover, rekey, settings, store-info: the encrypted local store,
// headless. Passwords never come from the command line: --password-file F or the
// FACEENROLL_PASSWORD variable for the acting user, --new-password-file F for a new one.
#include "CliSupport.h"
#include "Commands.h"
#include "StoreAccess.h"
#include "common/Error.h"
#include "common/SettingsSchema.h"
#include "store/Records.h"
#include "store/SecretBytes.h"
#include "store/Session.h"
#include "store/SlotCrypto.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <limits>

namespace fe::cli {
namespace {

using store::SecretBytes;
using store::Session;
using store::Store;
using fe::SettingSpec;
using fe::SettingsSchema;

std::string utf8(const QString& s)
{
    return s.toStdString();
}

// "users add" -> args without the group word, so the parser sees "add" as the command.
QStringList subcommandArgs(const QStringList& args, const QString& group)
{
    if (args.size() < 2 || args[1].startsWith(QLatin1Char('-')))
        throw UsageError(tr("%1 needs a subcommand; run faceenroll-cli --help").arg(group));
    QStringList rest = args.mid(1);
    rest[0] = group + QLatin1Char(' ') + rest[0];
    return rest;
}

QJsonObject toJson(const store::User& u)
{
    QJsonObject o{{QStringLiteral("name"), QString::fromStdString(u.name)},
                  {QStringLiteral("id"), QString::fromStdString(u.id)},
                  {QStringLiteral("role"), QString::fromLatin1(store::roleName(u.role))},
                  {QStringLiteral("active"), u.active},
                  {QStringLiteral("must_change_password"), u.mustChangePassword},
                  {QStringLiteral("created_at"), isoTime(u.createdAt)}};
    if (u.disabledAt)
        o.insert(QStringLiteral("disabled_at"), isoTime(*u.disabledAt));
    return o;
}

int runInit(const QStringList& args)
{
    rejectPasswordOnCommandLine(args);
    QCommandLineParser parser;
    addDbOption(parser);
    parser.addOption({QStringLiteral("admin"), tr("Login name of the first admin."), QStringLiteral("NAME")});
    parser.addOption({kPasswordFileOption,
                      tr("File holding the admin's password (else FACEENROLL_PASSWORD)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("station"), tr("Name of this station."), QStringLiteral("NAME"),
                      QStringLiteral("station")});
    parseOrThrow(parser, args, 0, 0);
    const auto db = dbPath(parser);
    const auto admin = utf8(requiredValue(parser, QStringLiteral("admin")));
    const SecretBytes password = actorPassword(parser);
    const SecretBytes recoveryKey =
        Store::initialize(db, admin, password, {}, utf8(parser.value(QStringLiteral("station"))));
    const auto paths = store::StorePaths::forDatabase(db);
    printSummary(
        {{QStringLiteral("database"), QString::fromStdString(paths.database.string())},
         {QStringLiteral("key_file"), QString::fromStdString(paths.keyFile.string())},
         {QStringLiteral("admin"), QString::fromStdString(admin)},
         {QStringLiteral("recovery_key"),
          QString::fromLatin1(recoveryKey.view().data(), static_cast<qsizetype>(recoveryKey.size()))},
         {QStringLiteral("note"), tr("Write the recovery key down now: it is shown only once and stored "
                                     "nowhere.")}});
    return 0;
}

int runUsers(const QStringList& allArgs)
{
    rejectPasswordOnCommandLine(allArgs);
    const QStringList args = subcommandArgs(allArgs, QStringLiteral("users"));
    const QString sub = args[0].section(QLatin1Char(' '), 1);
    QCommandLineParser parser;
    addActorOptions(parser);
    if (sub == QLatin1String("add")) {
        parser.addPositionalArgument(QStringLiteral("NAME"), tr("Login name of the new user."));
        parser.addOption(
            {QStringLiteral("role"), tr("operator, supervisor or admin."), QStringLiteral("ROLE")});
        parser.addOption(
            {kNewPasswordFileOption, tr("File holding the new user's password."), QStringLiteral("FILE")});
        parseOrThrow(parser, args, 1, 1);
        const auto role = store::parseRole(utf8(requiredValue(parser, QStringLiteral("role"))));
        if (!role)
            throw UsageError(tr("--role takes operator, supervisor or admin"));
        const SecretBytes password = newPassword(parser);
        Session session = login(parser);
        const auto user = session.addUser(utf8(parser.positionalArguments().first()), *role, password);
        session.logout();
        printJson(toJson(user));
        printSummary({{QStringLiteral("added"), QString::fromStdString(user.name)},
                      {QStringLiteral("role"), QString::fromLatin1(store::roleName(user.role))},
                      {QStringLiteral("note"), tr("The password works once: %1 chooses their own at the first login "
                                                  "(faceenroll-cli users passwd).")
                                                   .arg(QString::fromStdString(user.name))}});
        return 0;
    }
    if (sub == QLatin1String("list")) {
        parseOrThrow(parser, args, 0, 0);
        Session session = login(parser);
        const auto users = session.listUsers();
        session.logout();
        int active = 0;
        for (const auto& u : users) {
            printJson(toJson(u));
            active += u.active ? 1 : 0;
        }
        printSummary({{QStringLiteral("users"), static_cast<qint64>(users.size())},
                      {QStringLiteral("active"), active}});
        return 0;
    }
    if (sub == QLatin1String("disable")) {
        parser.addPositionalArgument(QStringLiteral("NAME"), tr("The user to disable."));
        parseOrThrow(parser, args, 1, 1);
        Session session = login(parser);
        session.disableUser(utf8(parser.positionalArguments().first()));
        session.logout();
        printSummary({{QStringLiteral("disabled"), parser.positionalArguments().first()}});
        return 0;
    }
    if (sub == QLatin1String("passwd")) {
        parser.addPositionalArgument(QStringLiteral("NAME"), tr("The user (default: the acting user)."));
        parser.addOption(
            {kNewPasswordFileOption, tr("File holding the new password."), QStringLiteral("FILE")});
        parseOrThrow(parser, args, 0, 1);
        const SecretBytes password = newPassword(parser);
        const QString target = parser.positionalArguments().isEmpty() ? parser.value(kUserOption)
                                                                      : parser.positionalArguments().first();
        // Choosing one's own password is what a one-time password is for.
        Session session =
            login(parser, target == parser.value(kUserOption) ? OneTimePassword::Allow : OneTimePassword::Refuse);
        if (target == parser.value(kUserOption))
            session.changeOwnPassword(password);
        else
            session.resetPassword(utf8(target), password);
        session.logout();
        printSummary({{QStringLiteral("password_changed"), target}});
        return 0;
    }
    throw UsageError(tr("unknown subcommand \"users %1\"; use add, list, disable or passwd").arg(sub));
}

int runAudit(const QStringList& allArgs)
{
    rejectPasswordOnCommandLine(allArgs);
    const QStringList args = subcommandArgs(allArgs, QStringLiteral("audit"));
    const QString sub = args[0].section(QLatin1Char(' '), 1);
    QCommandLineParser parser;
    addActorOptions(parser);
    if (sub == QLatin1String("verify")) {
        parseOrThrow(parser, args, 0, 0);
        Session session = login(parser);
        const auto v = session.verifyAudit();
        session.logout();
        if (!v.valid) {
            const QString reasonTemplate = QCoreApplication::translate("fe::Error", v.reasonTemplate);
            printJson({{QStringLiteral("first_broken"), static_cast<qint64>(*v.firstBroken)},
                       {QStringLiteral("reason"),
                        QString::fromStdString(Error::format(reasonTemplate.toStdString(), v.reasonArgs))}});
        }
        printSummary({{QStringLiteral("entries"), static_cast<qint64>(v.entries)},
                      {QStringLiteral("valid"), v.valid},
                      {QStringLiteral("first_broken"),
                       v.firstBroken ? QJsonValue(static_cast<qint64>(*v.firstBroken)) : QJsonValue()}});
        return 0;
    }
    if (sub == QLatin1String("list")) {
        parser.addOption({QStringLiteral("from"), tr("First row (default 1)."), QStringLiteral("SEQ")});
        parser.addOption({QStringLiteral("limit"), tr("At most N rows."), QStringLiteral("N")});
        parseOrThrow(parser, args, 0, 0);
        const int from = intOption(parser, QStringLiteral("from"), 1, 1, std::numeric_limits<int>::max());
        const int limit = intOption(parser, QStringLiteral("limit"), 0, 0, std::numeric_limits<int>::max());
        Session session = login(parser);
        const auto rows = session.auditEntries(from, static_cast<std::size_t>(limit));
        session.logout();
        for (const auto& r : rows)
            printJson({{QStringLiteral("seq"), static_cast<qint64>(r.seq)},
                       {QStringLiteral("time"), isoTime(r.event.time)},
                       {QStringLiteral("actor"), QString::fromStdString(r.event.actor)},
                       {QStringLiteral("action"), QString::fromStdString(r.event.action)},
                       {QStringLiteral("object"), QString::fromStdString(r.event.objectId)},
                       {QStringLiteral("outcome"), auditOutcomeWord(r.event.outcome)}});
        printSummary({{QStringLiteral("rows"), static_cast<qint64>(rows.size())}});
        return 0;
    }
    throw UsageError(tr("unknown subcommand \"audit %1\"; use verify or list").arg(sub));
}

int runPurge(const QStringList& args)
{
    rejectPasswordOnCommandLine(args);
    QCommandLineParser parser;
    addActorOptions(parser);
    parser.addOption(
        {QStringLiteral("now"), tr("Purge every receipted enrollment now, ignoring the retention "
                                   "period.")});
    parseOrThrow(parser, args, 0, 0);
    Session session = login(parser);
    const auto report =
        session.purge(parser.isSet(QStringLiteral("now")) ? store::PurgeMode::AllReceipted
                                                          : store::PurgeMode::RetentionPeriod);
    session.logout();
    printSummary({{QStringLiteral("purged"), report.purged},
                  {QStringLiteral("retention_days"), report.retentionDays},
                  {QStringLiteral("wal_truncated"), report.walTruncated}});
    return 0;
}

int runRecover(const QStringList& args)
{
    rejectPasswordOnCommandLine(args);
    QCommandLineParser parser;
    addDbOption(parser);
    parser.addOption(
        {QStringLiteral("recovery-key-file"), tr("File holding the recovery key."), QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("new-admin"), tr("Login name of the admin to create."), QStringLiteral("NAME")});
    parser.addOption(
        {kNewPasswordFileOption, tr("File holding the new admin's password."), QStringLiteral("FILE")});
    addLockTimeoutOption(parser);
    parseOrThrow(parser, args, 0, 0);
    const auto db = dbPath(parser);
    const auto admin = utf8(requiredValue(parser, QStringLiteral("new-admin")));
    const SecretBytes keyText = readSecretFile(requiredValue(parser, QStringLiteral("recovery-key-file")));
    const SecretBytes recoveryKey = store::SlotCrypto::parseRecoveryKey(keyText.view());
    const SecretBytes password = newPassword(parser);
    auto recovered = Store::recover(db, recoveryKey, admin, password, storeOptions(parser));
    recovered.session.logout();
    printSummary(
        {{QStringLiteral("admin"), QString::fromStdString(admin)},
         {QStringLiteral("recovery_key"),
          QString::fromLatin1(recovered.recoveryKey.view().data(),
                              static_cast<qsizetype>(recovered.recoveryKey.size()))},
         {QStringLiteral("note"), tr("The old recovery key no longer works. Write the new one down now: it "
                                     "is shown only once.")}});
    return 0;
}

int runRekey(const QStringList& args)
{
    rejectPasswordOnCommandLine(args);
    QCommandLineParser parser;
    addActorOptions(parser);
    parseOrThrow(parser, args, 0, 0);
    Session session = login(parser);
    session.rekey();
    session.logout();
    printSummary({{QStringLiteral("rotated"), true}});
    return 0;
}

// QCommandLineParser reads "-0.1" as the options -0, -. and -1. A value that looks like a
// negative number (and is not the value of an option) is moved behind "--", after which the
// parser takes every argument as positional, so `settings set KEY -0.1` works as typed.
QStringList negativeNumbersAsPositional(const QStringList& args)
{
    static const QRegularExpression negative(QStringLiteral("^-(\\d|\\.\\d)"));
    static const QStringList valueOptions{QStringLiteral("--") + kDbOption, QStringLiteral("--") + kUserOption,
                                          QStringLiteral("--") + kPasswordFileOption,
                                          QStringLiteral("--") + kLockTimeoutOption};
    QStringList kept;
    QStringList moved;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (a == QLatin1String("--")) {
            moved += args.mid(i + 1);
            break;
        }
        const bool isOptionValue = i > 0 && valueOptions.contains(args[i - 1]);
        if (!isOptionValue && negative.match(a).hasMatch())
            moved.append(a);
        else
            kept.append(a);
    }
    if (moved.isEmpty())
        return args;
    return kept + QStringList{QStringLiteral("--")} + moved;
}

// The roles that may change a setting.
QJsonArray settingWriters(const SettingSpec& spec)
{
    QJsonArray roles;
    for (const auto role : store::kAllRoles) {
        if (store::allows(role, store::permissionFor(spec.access)))
            roles.append(QString::fromLatin1(store::roleName(role)));
    }
    return roles;
}

int runSettings(const QStringList& allArgs)
{
    rejectPasswordOnCommandLine(allArgs);
    const QStringList args = subcommandArgs(allArgs, QStringLiteral("settings"));
    const QString sub = args[0].section(QLatin1Char(' '), 1);
    QCommandLineParser parser;
    addActorOptions(parser);
    if (sub == QLatin1String("list")) {
        parseOrThrow(parser, args, 0, 0);
        Session session = login(parser);
        const auto stored = session.settings();
        session.logout();
        int problems = 0;
        for (const auto& spec : SettingsSchema::all()) {
            const std::string key(spec.key);
            const auto it = stored.find(key);
            const std::optional<std::string> value =
                it != stored.end() ? std::optional<std::string>(it->second) : std::nullopt;
            // A computed setting (the match thresholds) not fixed by a stored value reads
            // "calibrated": MatchPolicy chooses it (`calibrate` and `match --purpose` show the figure).
            QString effective = QString::fromStdString(SettingsSchema::effective(spec, value));
            QString defaultValue = QString::fromUtf8(spec.defaultValue.data(), static_cast<qsizetype>(spec.defaultValue.size()));
            if (spec.computed) {
                if (effective.isEmpty())
                    effective = QStringLiteral("calibrated");
                defaultValue = QStringLiteral("calibrated");
            }
            QJsonObject o{{QStringLiteral("key"), QString::fromStdString(key)},
                          {QStringLiteral("value"), effective},
                          {QStringLiteral("default"), defaultValue},
                          {QStringLiteral("type"), QString::fromLatin1(SettingsSchema::typeName(spec.type))},
                          {QStringLiteral("allowed"), QString::fromStdString(SettingsSchema::allowedText(spec))},
                          {QStringLiteral("set_by"), settingWriters(spec)},
                          {QStringLiteral("description"), QCoreApplication::translate("fe::Settings", spec.description)}};
            if (value) {
                o.insert(QStringLiteral("stored"), QString::fromStdString(*value));
                if (SettingsSchema::problem(spec, *value)) {
                    // Readers use the default instead; the admin sees why here.
                    o.insert(QStringLiteral("valid"), false);
                    ++problems;
                }
            }
            printJson(o);
        }
        for (const auto& [key, value] : stored) {
            if (SettingsSchema::find(key) != nullptr)
                continue;
            ++problems;
            printJson({{QStringLiteral("key"), QString::fromStdString(key)},
                       {QStringLiteral("stored"), QString::fromStdString(value)},
                       {QStringLiteral("valid"), false},
                       {QStringLiteral("note"), tr("not a setting of this version; ignored")}});
        }
        printSummary({{QStringLiteral("settings"), static_cast<qint64>(SettingsSchema::all().size())},
                      {QStringLiteral("problems"), problems}});
        return 0;
    }
    if (sub == QLatin1String("set")) {
        parser.addPositionalArgument(QStringLiteral("KEY"), tr("The setting."));
        parser.addPositionalArgument(QStringLiteral("VALUE"), tr("Its new value."));
        const QStringList reordered = negativeNumbersAsPositional(args);
        parseOrThrow(parser, reordered, 2, 2);
        const std::string key = utf8(parser.positionalArguments()[0]);
        const std::string value = utf8(parser.positionalArguments()[1]);
        Session session = login(parser);
        session.setSetting(key, value);
        session.logout();
        printSummary({{QStringLiteral("key"), parser.positionalArguments()[0]},
                      {QStringLiteral("value"), parser.positionalArguments()[1]}});
        return 0;
    }
    throw UsageError(tr("unknown subcommand \"settings %1\"; use list or set").arg(sub));
}

int runStoreInfo(const QStringList& args)
{
    rejectPasswordOnCommandLine(args);
    QCommandLineParser parser;
    addActorOptions(parser);
    parseOrThrow(parser, args, 0, 0);
    Session session = login(parser);
    const auto info = session.info();
    const auto integrity = session.checkIntegrity();
    session.logout();
    printSummary({{QStringLiteral("database_id"), QString::fromStdString(info.databaseId)},
                  {QStringLiteral("schema_version"), info.schemaVersion},
                  {QStringLiteral("cipher_version"), QString::fromStdString(info.cipherVersion)},
                  {QStringLiteral("sqlite_version"), QString::fromStdString(info.sqliteVersion)},
                  {QStringLiteral("page_size"), info.pageSize},
                  {QStringLiteral("journal_mode"), QString::fromStdString(info.journalMode)},
                  {QStringLiteral("enrollments"), static_cast<qint64>(info.enrollments)},
                  {QStringLiteral("users"), static_cast<qint64>(info.users)},
                  {QStringLiteral("audit_entries"), static_cast<qint64>(info.auditEntries)},
                  {QStringLiteral("integrity"), QString::fromStdString(integrity.message)}});
    return 0;
}

} // namespace

void registerStoreCommands(CommandTable& table)
{
    table[QStringLiteral("init")] = {
        runInit, QT_TRANSLATE_NOOP("cli", "--db PATH --admin NAME [--station NAME]  create an encrypted "
                                          "store; prints the recovery key once")};
    table[QStringLiteral("users")] = {
        runUsers, QT_TRANSLATE_NOOP("cli", "add NAME --role ROLE | list | disable NAME | passwd [NAME]  --db "
                                           "PATH --user ACTOR  manage users")};
    table[QStringLiteral("audit")] = {
        runAudit,
        QT_TRANSLATE_NOOP(
            "cli",
            "verify | list [--from SEQ] [--limit N]  --db PATH --user ACTOR  check or show the audit chain")};
    table[QStringLiteral("purge")] = {
        runPurge,
        QT_TRANSLATE_NOOP("cli",
                          "--db PATH --user ACTOR [--now]  remove biometric data of receipted enrollments")};
    table[QStringLiteral("recover")] = {
        runRecover,
        QT_TRANSLATE_NOOP(
            "cli", "--db PATH --recovery-key-file F --new-admin NAME --new-password-file F  regain access")};
    table[QStringLiteral("rekey")] = {
        runRekey, QT_TRANSLATE_NOOP("cli", "--db PATH --user ACTOR  rotate the database key")};
    table[QStringLiteral("settings")] = {
        runSettings,
        QT_TRANSLATE_NOOP("cli", "list | set KEY VALUE  --db PATH --user ACTOR  station settings")};
    table[QStringLiteral("store-info")] = {
        runStoreInfo,
        QT_TRANSLATE_NOOP("cli", "--db PATH --user ACTOR  SQLCipher version, schema, counts, integrity")};
}

} // namespace fe::cli
