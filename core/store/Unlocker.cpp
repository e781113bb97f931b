#include "store/Unlocker.h"

#include "common/Error.h"
#include "common/Logging.h"
#include "common/SettingsSchema.h"
#include "store/AuditLog.h"
#include "store/CipherMigration.h"
#include "store/DatabaseError.h"
#include "store/FileLock.h"
#include "store/FileUtil.h"
#include "store/Schema.h"
#include "store/SessionState.h"
#include "store/SettingsRepository.h"
#include "store/StoreConstants.h"
#include "store/Transaction.h"
#include "store/UserRepository.h"

#include <algorithm>
#include <map>
#include <sqlcipher/sqlite3.h>

namespace fe::store {
namespace {

std::string minutesText(std::chrono::milliseconds d)
{
    const auto minutes = std::max<std::int64_t>(1, (d.count() + 59'999) / 60'000);
    return std::to_string(minutes);
}

std::chrono::milliseconds lockoutLength(int lockouts)
{
    // 1, 2, 4, ... minutes, capped (StoreConstants.h).
    std::chrono::milliseconds length = constants::kFirstLockout;
    for (int i = 1; i < lockouts && length < constants::kMaxLockout; ++i)
        length *= 2;
    return std::min<std::chrono::milliseconds>(length, constants::kMaxLockout);
}

[[noreturn]] void throwWrongCredentials()
{
    // One message for an unknown name and a wrong password: the reason is clear, and it does
    // not tell a guesser which names exist.
    throw Error(ErrorCode::AuthenticationFailed, QT_TRANSLATE_NOOP("fe::Error", "Wrong user name or password."));
}

// An encrypted database is whole pages (512 bytes at least, a power of two) of random-looking
// bytes: a file of another size, or a plain SQLite database, an image or text, is not one.
// A database that is still empty (size 0) is not a station's either.
bool couldBeDatabase(const std::filesystem::path& path)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size == 0 || size % 512 != 0)
        return false;
    // The first 16 bytes are SQLCipher's random salt: a plain SQLite header, an image's
    // signature or 16 bytes of text (a chance of about 1e-7 for random bytes) are not.
    static constexpr std::string_view kPlainSqlite("SQLite format 3", 16); // with its NUL
    const auto head = readFileHead(path, kPlainSqlite.size());
    if (head.size() != kPlainSqlite.size())
        return false;
    const auto startsWith = [&](std::string_view magic) {
        return std::equal(magic.begin(), magic.end(), head.begin(),
                          [](char m, unsigned char h) { return static_cast<unsigned char>(m) == h; });
    };
    if (startsWith(kPlainSqlite) || startsWith("\x89PNG") || startsWith("\xFF\xD8\xFF"))
        return false;
    return !std::all_of(head.begin(), head.end(),
                        [](unsigned char c) { return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t'; });
}

bool isNotADatabase(const DatabaseError& e)
{
    return e.primaryCode() == SQLITE_NOTADB;
}

} // namespace

void Unlocker::checkFiles(const StorePaths& paths)
{
    std::error_code ec;
    if (!std::filesystem::exists(paths.database, ec))
        throw Error(ErrorCode::NotFound, QT_TRANSLATE_NOOP("fe::Error", "There is no FaceEnroll database at %1."),
                    {paths.database.string()});
    if (std::filesystem::is_directory(paths.database, ec))
        throw Error(ErrorCode::InvalidInput,
                    QT_TRANSLATE_NOOP("fe::Error", "%1 is a folder; give the station's database file in it (the file "
                                                   "beside its .keys file, e.g. station.db)."),
                    {paths.database.string()});
    // Without its key file, a file that cannot be an encrypted database is most likely a wrong
    // path: say that rather than ask for a key file it never had.
    if (!std::filesystem::exists(paths.keyFile, ec) &&
        (!std::filesystem::is_regular_file(paths.database, ec) || !couldBeDatabase(paths.database)))
        throw Error(ErrorCode::InvalidInput,
                    QT_TRANSLATE_NOOP("fe::Error", "%1 is not a FaceEnroll database (it is not an encrypted database file); "
                                                   "check the path."),
                    {paths.database.string()});
    if (!std::filesystem::exists(paths.keyFile, ec))
        throw Error(
            ErrorCode::NotFound,
            QT_TRANSLATE_NOOP("fe::Error", "The key file %1 is missing; without it the database cannot be opened (restore "
                          "it from the backup taken with the database)."),
            {paths.keyFile.string()});
    requireWritableDirectory(paths.directory());
}

SlotCrypto::Binding Unlocker::bindingOf(const KeyFile& keyFile)
{
    return {keyFile.databaseId, keyFile.databaseSalt};
}

void Unlocker::checkBinding(const KeyFile& keyFile, const StorePaths& paths)
{
    // SQLCipher keeps a random salt in the clear in the first 16 bytes of the file; the key
    // file records it at initialisation. A different salt is a different database, told
    // apart before any password is tried.
    const auto head = readFileHead(paths.database, keyFile.databaseSalt.size());
    if (head.size() != keyFile.databaseSalt.size() ||
        !std::equal(head.begin(), head.end(), keyFile.databaseSalt.begin()))
        throw Error(
            ErrorCode::InvalidInput,
            QT_TRANSLATE_NOOP("fe::Error", "Wrong database for this key file: %1 was made for another database than %2."),
            {paths.keyFile.string(), paths.database.string()});
}

Unlocker::OpenedDatabase Unlocker::openDatabase(const StorePaths& paths, KeyFile& keyFile,
                                                const KeyFile::Slot& slot, const SecretBytes& slotSecretKey,
                                                const StoreOptions& options)
{
    const auto binding = bindingOf(keyFile);
    auto current = SlotCrypto::unwrapDatabaseKey(slot.databaseKey, slot.publicKey, slotSecretKey, binding);
    if (!current)
        throw Error(ErrorCode::Corrupt,
                    QT_TRANSLATE_NOOP("fe::Error", "The key slot in %1 is damaged: the database key does not unwrap."),
                    {paths.keyFile.string()});

    std::optional<Connection> db;
    SecretBytes key;
    bool rotated = false;
    try {
        db.emplace(CipherMigration::open(paths, *current, keyFile.databaseId, options.clock));
        key = std::move(*current);
    } catch (const DatabaseError& e) {
        // A key rotation that was interrupted after the database was rekeyed but before the
        // key file caught up: the next key opens it (docs/storage.md, "Key rotation").
        if (!isNotADatabase(e))
            throw; // a full disk, an I/O error: say so, not "wrong key"
        if (!slot.nextDatabaseKey)
            throw Error(
                ErrorCode::Corrupt,
                QT_TRANSLATE_NOOP("fe::Error", "The database %1 does not open with the key from %2: the database is damaged, "
                              "or the key file belongs to another copy of it."),
                {paths.database.string(), paths.keyFile.string()});
        auto next =
            SlotCrypto::unwrapDatabaseKey(*slot.nextDatabaseKey, slot.publicKey, slotSecretKey, binding);
        if (!next)
            throw Error(ErrorCode::Corrupt,
                        QT_TRANSLATE_NOOP("fe::Error", "The key slot in %1 is damaged: the database key does not unwrap."),
                        {paths.keyFile.string()});
        db.emplace(CipherMigration::open(paths, *next, keyFile.databaseId, options.clock));
        key = std::move(*next);
        rotated = true;
    }
    OpenedDatabase out{std::move(*db), std::move(key), std::string(), false};
    // Settle the rotation either way: promote the next key everywhere, or drop it.
    for (auto& s : keyFile.slots) {
        if (!s.nextDatabaseKey)
            continue;
        if (rotated)
            s.databaseKey = *s.nextDatabaseKey;
        s.nextDatabaseKey.reset();
        out.keyFileChanged = true;
    }
    if (rotated)
        qCWarning(lcStore) << "finished an interrupted key rotation";

    // The database must be the one the key file was made for (the salt already matched).
    if (Schema::version(out.db) >= 1) {
        const auto id = out.db.queryText("SELECT database_id FROM store_info");
        if (!id || *id != keyFile.databaseId)
            throw Error(
                ErrorCode::InvalidInput,
                QT_TRANSLATE_NOOP("fe::Error", "Wrong database for this key file: %1 was made for another database than %2."),
                {paths.keyFile.string(), paths.database.string()});
    }
    AuditLog audit(out.db, keyFile.databaseId);
    Schema::migrate(out.db, -1, [&](Connection&, const Schema::Migration& step) {
        audit.append({options.clock(), std::string(kSystemActor),
                      auditActionName(AuditAction::SchemaMigrated), "v" + std::to_string(step.version),
                      "ok"});
    });
    out.localStationId = out.db.queryText("SELECT local_station_id FROM store_info").value_or(std::string());
    return out;
}

void Unlocker::flushPendingEvents(KeyFile& keyFile, AuditLog& audit, UserRepository& users, TimePoint now)
{
    if (keyFile.events.empty() && keyFile.droppedEvents == 0 && keyFile.damagedEvents == 0)
        return;
    std::map<std::string, std::string> idByLabel;
    for (const auto& u : users.list())
        idByLabel.emplace(SlotCrypto::labelFor(u.name, keyFile.databaseId), u.id);
    for (const auto& e : keyFile.events) {
        const auto it = idByLabel.find(e.label);
        AuditEvent event{e.time, std::string(kUnauthenticatedActor), e.action,
                         it != idByLabel.end() ? it->second : "name:" + e.label, e.outcome};
        if (!e.id.empty())
            audit.appendOnce(e.id, event);
        else if (!audit.contains(event)) // written before events had ids
            audit.append(event);
    }
    if (keyFile.droppedEvents > 0) {
        audit.append({keyFile.events.empty() ? now : keyFile.events.back().time,
                      std::string(kSystemActor), auditActionName(AuditAction::LoginFailed), "key-file",
                      "dropped:" + std::to_string(keyFile.droppedEvents)});
    }
    if (keyFile.damagedEvents > 0) {
        qCWarning(lcStore) << "the key file held" << keyFile.damagedEvents
                           << "damaged failed-login lines; they were skipped";
        audit.append({now, std::string(kSystemActor), auditActionName(AuditAction::LoginFailed), "key-file",
                      "damaged:" + std::to_string(keyFile.damagedEvents)});
    }
    keyFile.events.clear();
    keyFile.droppedEvents = 0;
    keyFile.damagedEvents = 0;
}

void Unlocker::markKeyFile(SessionState& state, const KeyFile& keyFile)
{
    state.keyFileMark.stamp = fileStamp(state.paths.keyFile);
    if (const auto* own = keyFile.findUser(SlotCrypto::labelFor(state.user.name, keyFile.databaseId)))
        state.keyFileMark.ownWrap = own->databaseKey.ephemeralPublicKey;
    if (const auto* recovery = keyFile.recovery())
        state.keyFileMark.recoveryWrap = recovery->databaseKey.ephemeralPublicKey;
}

std::unique_ptr<SessionState> Unlocker::makeState(const StorePaths& paths, const StoreOptions& options,
                                                  OpenedDatabase&& opened, const KeyFile& keyFile,
                                                  const User& user, TimePoint now)
{
    auto state = std::make_unique<SessionState>();
    state->paths = paths;
    state->options = options;
    state->databaseKey = std::move(opened.key);
    state->databaseId = keyFile.databaseId;
    state->databaseSalt = keyFile.databaseSalt;
    state->localStationId = opened.localStationId;
    state->user = user;
    state->mustChangePassword = user.mustChangePassword;
    state->lastActivity = now;
    state->idleTimeout = std::chrono::minutes(
        SettingsSchema::integer(setting::kIdleTimeoutMinutes, SettingsRepository(opened.db).get(setting::kIdleTimeoutMinutes)));
    state->db.emplace(std::move(opened.db));
    state->status = SessionState::Status::Active;
    markKeyFile(*state, keyFile);
    return state;
}

std::unique_ptr<SessionState> Unlocker::unlock(const StorePaths& paths, std::string_view userName,
                                               const SecretBytes& password, const StoreOptions& options,
                                               std::string_view loginOutcome)
{
    checkFiles(paths);
    // Nothing typed (an empty password file, /dev/null): a mistake of the caller, not a guess.
    if (password.empty())
        throw Error(ErrorCode::InvalidArgument,
                    QT_TRANSLATE_NOOP("fe::Error", "No password was given (the password is empty); nothing was tried."));
    const FileLock lock(paths.lockFile, options.keyFileLockTimeout, options.onKeyFileLockWait);
    KeyFile keyFile = KeyFile::load(paths.keyFile);
    checkBinding(keyFile, paths);
    const auto binding = bindingOf(keyFile);
    const TimePoint now = options.clock();
    const std::string label = SlotCrypto::labelFor(userName, keyFile.databaseId);

    // A name without a slot is answered exactly like a known one: the same Argon2id work, the
    // same lockout after the same number of failures, the same messages. Whether a name
    // exists is not something a login attempt may tell.
    KeyFile::Slot* slot = keyFile.findUser(label);
    const auto lockoutOf = [&]() -> KeyFile::Lockout* {
        if (slot != nullptr)
            return &slot->lockout;
        auto* unknown = keyFile.findUnknown(label);
        return unknown != nullptr ? &unknown->lockout : nullptr;
    };
    if (const auto* current = lockoutOf(); current != nullptr && current->lockedUntil && *current->lockedUntil > now) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*current->lockedUntil - now);
        keyFile.addEvent({now, label, auditActionName(AuditAction::LoginFailed), "locked"});
        keyFile.save(paths.keyFile);
        throw Error(ErrorCode::Locked,
                    QT_TRANSLATE_NOOP("fe::Error",
                                      "The account %1 is locked after repeated failed logins; try again in %2 minute(s)."),
                    {std::string(userName), minutesText(left)});
    }

    std::optional<SecretBytes> secretKey;
    if (slot != nullptr) {
        secretKey = SlotCrypto::openUserSlot(*slot, password, binding);
    } else {
        // The cost of the most recently made slot: what a wrong password for a real name costs.
        KdfParams cost = options.kdf;
        for (const auto& s : keyFile.slots) {
            if (s.kind == KeyFile::Slot::Kind::User)
                cost = s.kdf;
        }
        SlotCrypto::openDecoySlot(password, cost, binding);
    }
    if (!secretKey) {
        if (slot == nullptr)
            keyFile.unknownName(label, now).lastFailure = now;
        auto& lockout = *lockoutOf();
        ++lockout.failedAttempts;
        keyFile.addEvent({now, label, auditActionName(AuditAction::LoginFailed),
                          slot != nullptr ? "wrong_password" : "unknown_user"});
        if (lockout.failedAttempts >= constants::kMaxFailedLogins) {
            ++lockout.lockouts;
            const auto length = lockoutLength(lockout.lockouts);
            lockout.lockedUntil = now + length;
            lockout.failedAttempts = 0;
            keyFile.addEvent({now, label, auditActionName(AuditAction::Lockout), minutesText(length) + "min"});
            keyFile.save(paths.keyFile);
            qCInfo(lcStore) << "account locked after" << constants::kMaxFailedLogins << "failed logins";
            throw Error(
                ErrorCode::Locked,
                QT_TRANSLATE_NOOP("fe::Error", "Wrong user name or password. After %1 failed attempts the account %2 is "
                                               "now locked for %3 minute(s)."),
                {std::to_string(constants::kMaxFailedLogins), std::string(userName), minutesText(length)});
        }
        keyFile.save(paths.keyFile);
        throwWrongCredentials();
    }

    OpenedDatabase opened = openDatabase(paths, keyFile, *slot, *secretKey, options);
    UserRepository users(opened.db);
    const auto user = users.findByName(userName);
    if (!user || !user->active) {
        // A slot the database does not back (a disabled user whose slot removal did not
        // reach the key file): it opens nothing any more.
        keyFile.removeUser(label);
        keyFile.addEvent({now, label, auditActionName(AuditAction::LoginFailed), "disabled"});
        keyFile.save(paths.keyFile);
        throwWrongCredentials();
    }

    AuditLog audit(opened.db, keyFile.databaseId);
    const bool hadEvents = !keyFile.events.empty() || keyFile.droppedEvents != 0 || keyFile.damagedEvents != 0;
    {
        Transaction tx(opened.db);
        flushPendingEvents(keyFile, audit, users, now);
        audit.append(
            {now, user->id, auditActionName(AuditAction::Login), user->id, std::string(loginOutcome)});
        tx.commit();
    }
    // The key file catches up after the audit rows are safe: a crash in between replays the
    // events next time, and their ids keep them from being recorded twice.
    KeyFile::Slot* mine = keyFile.findUser(label);
    if (mine->lockout.failedAttempts != 0 || mine->lockout.lockouts != 0 || mine->lockout.lockedUntil) {
        mine->lockout = {};
        opened.keyFileChanged = true;
    }
    if (opened.keyFileChanged || hadEvents) {
        try {
            keyFile.save(paths.keyFile);
        } catch (const Error& e) {
            // The login stands; the counters are reset on the next successful one.
            qCWarning(lcStore) << "could not update the key file after login:" << e.what();
        }
    }

    auto state = makeState(paths, options, std::move(opened), keyFile, *user, now);
    qCInfo(lcStore) << "login, role" << roleName(user->role) << (user->mustChangePassword ? "(one-time password)" : "");
    return state;
}

} // namespace fe::store
