#include "store/Store.h"

#include "common/Error.h"
#include "common/Logging.h"
#include "common/SettingsSchema.h"
#include "store/AuditLog.h"
#include "store/Connection.h"
#include "store/FileLock.h"
#include "store/FileUtil.h"
#include "store/KeyFile.h"
#include "store/Schema.h"
#include "store/SessionState.h"
#include "store/SettingsRepository.h"
#include "store/SlotCrypto.h"
#include "store/StoreConstants.h"
#include "store/SyncRepository.h"
#include "store/Transaction.h"
#include "store/Unlocker.h"
#include "store/UserRepository.h"
#include "store/Uuid.h"

#include <unistd.h>

namespace fe::store {
namespace {

void validateNewPassword(const SecretBytes& password)
{
    if (password.size() < constants::kMinPasswordLength || password.size() > constants::kMaxPasswordLength)
        throw Error(
            ErrorCode::InvalidArgument, QT_TRANSLATE_NOOP("fe::Error", "A password needs %1 to %2 characters."),
            {std::to_string(constants::kMinPasswordLength), std::to_string(constants::kMaxPasswordLength)});
}

// Removes, on failure, what this initialize() call created, and nothing else: when another
// process is initialising the same path at the same moment, the files there are its files.
// The database's WAL, SHM and journal belong to whoever created the database.
class InitCleanup
{
public:
    explicit InitCleanup(const StorePaths& paths) : m_paths(paths) {}
    ~InitCleanup()
    {
        if (m_done)
            return;
        if (m_createdKeyFile)
            ::unlink(m_paths.keyFile.c_str());
        if (m_createdDatabase) {
            for (const auto& p : {m_paths.database.string(), m_paths.database.string() + "-wal",
                                  m_paths.database.string() + "-shm", m_paths.database.string() + "-journal"})
                ::unlink(p.c_str());
        }
    }
    InitCleanup(const InitCleanup&) = delete;
    InitCleanup& operator=(const InitCleanup&) = delete;
    void createdDatabase() { m_createdDatabase = true; }
    void createdKeyFile() { m_createdKeyFile = true; }
    void done() { m_done = true; }

private:
    const StorePaths& m_paths;
    bool m_createdDatabase = false;
    bool m_createdKeyFile = false;
    bool m_done = false;
};

} // namespace

SecretBytes Store::initialize(const std::filesystem::path& database, std::string_view adminName,
                              const SecretBytes& password, const StoreOptions& options,
                              std::string_view stationName)
{
    validateUserName(adminName);
    validateNewPassword(password);
    options.kdf.validate();
    const auto paths = StorePaths::forDatabase(database);
    requireWritableDirectory(paths.directory());
    SettingsSchema::validate(setting::kStationName, stationName);
    std::error_code ec;
    for (const auto& p : {paths.database, paths.keyFile}) {
        if (std::filesystem::exists(p, ec))
            throw Error(ErrorCode::Conflict,
                        QT_TRANSLATE_NOOP("fe::Error", "%1 exists already; FaceEnroll will not overwrite it."), {p.string()});
    }

    // The checks above are advice: another process may create either file at any moment. The
    // database is created with O_EXCL and the key file with link(2), each failing with
    // Conflict if the name is taken, and the cleanup removes only what this call created.
    InitCleanup cleanup(paths);
    const TimePoint now = truncateToMillis(options.clock());
    const SecretBytes databaseKey = SecretBytes::random(constants::kDatabaseKeyBytes);
    const std::string databaseId = newUuid();
    const std::string stationId = newUuid();
    User admin;
    admin.id = newUuid();
    admin.name = std::string(adminName);
    admin.role = Role::Admin;
    admin.createdAt = now;

    createPrivateFile(paths.database);
    cleanup.createdDatabase();
    {
        Connection db = Connection::openEncrypted(paths.database, databaseKey, Connection::Mode::Create);
        Schema::migrate(db);
        Transaction tx(db);
        auto& info =
            db.cached("INSERT INTO store_info (singleton, database_id, local_station_id, created_at) "
                      "VALUES (1, ?1, ?2, ?3)");
        info.bind(1, databaseId).bind(2, stationId).bind(3, toMillis(now));
        info.run();
        info.reset();
        auto& station = db.cached("INSERT INTO stations (id, name, created_at) VALUES (?1, ?2, ?3)");
        station.bind(1, stationId).bind(2, stationName).bind(3, toMillis(now));
        station.run();
        station.reset();
        UserRepository(db).insert(admin, {});
        SettingsRepository settings(db);
        for (const auto key : {setting::kRetentionDays, setting::kIdleTimeoutMinutes})
            settings.set(key, SettingsSchema::find(key)->defaultValue, now, admin.id);
        settings.set(setting::kStationName, stationName, now, admin.id);
        AuditLog audit(db, databaseId);
        audit.append({now, admin.id, auditActionName(AuditAction::StoreInitialized), databaseId, "ok"});
        audit.append(
            {now, admin.id, auditActionName(AuditAction::UserAdded), admin.id, roleName(Role::Admin)});
        SyncRepository(db).createStationKey(audit, stationId, admin.id, now); // signs its bundles (issue 14)
        tx.commit();
        // Everything into the main file before the salt is read and the connection closed.
        db.checkpointTruncate();
    }

    KeyFile keyFile;
    keyFile.databaseId = databaseId;
    const auto head = readFileHead(paths.database, keyFile.databaseSalt.size());
    if (head.size() != keyFile.databaseSalt.size())
        throw Error(ErrorCode::Internal, QT_TRANSLATE_NOOP("fe::Error", "The new database %1 has no header."),
                    {paths.database.string()});
    std::copy(head.begin(), head.end(), keyFile.databaseSalt.begin());
    const auto binding = Unlocker::bindingOf(keyFile);
    SecretBytes recoveryKey = SlotCrypto::newRecoveryKey();
    keyFile.slots.push_back(SlotCrypto::createUserSlot(SlotCrypto::labelFor(adminName, databaseId), password,
                                                       options.kdf, databaseKey, binding));
    keyFile.slots.push_back(SlotCrypto::createRecoverySlot(recoveryKey, databaseKey, binding));
    writeNewFile(paths.keyFile, keyFile.serialize());
    cleanup.createdKeyFile();
    syncDirectory(paths.directory());
    cleanup.done();
    qCInfo(lcStore) << "store initialised";
    return SlotCrypto::formatRecoveryKey(recoveryKey);
}

Session Store::unlock(const std::filesystem::path& database, std::string_view userName,
                      const SecretBytes& password, const StoreOptions& options)
{
    return Session(Unlocker::unlock(StorePaths::forDatabase(database), userName, password, options));
}

Store::Recovery Store::recover(const std::filesystem::path& database, const SecretBytes& recoveryKey,
                               std::string_view newAdminName, const SecretBytes& newAdminPassword,
                               const StoreOptions& options)
{
    validateUserName(newAdminName);
    validateNewPassword(newAdminPassword);
    const auto paths = StorePaths::forDatabase(database);
    Unlocker::checkFiles(paths);
    std::unique_ptr<SessionState> state;
    SecretBytes newRecoveryKey = SlotCrypto::newRecoveryKey();
    {
        const FileLock lock(paths.lockFile, options.keyFileLockTimeout, options.onKeyFileLockWait);
        // Damaged user slots must not stand between an admin and the recovery slot.
        KeyFile keyFile = KeyFile::load(paths.keyFile, KeyFile::Parse::SkipDamagedLines);
        Unlocker::checkBinding(keyFile, paths);
        const auto binding = Unlocker::bindingOf(keyFile);
        const KeyFile::Slot* recovery = keyFile.recovery();
        if (recovery == nullptr)
            throw Error(ErrorCode::Corrupt, QT_TRANSLATE_NOOP("fe::Error", "The key file %1 has no usable recovery slot."),
                        {paths.keyFile.string()});
        const auto secretKey = SlotCrypto::openRecoverySlot(*recovery, recoveryKey);
        if (!secretKey)
            throw Error(ErrorCode::AuthenticationFailed, QT_TRANSLATE_NOOP("fe::Error", "That recovery key does not open %1."),
                        {paths.database.string()});
        const KeyFile::Slot recoveryCopy = *recovery;
        auto opened = Unlocker::openDatabase(paths, keyFile, recoveryCopy, *secretKey, options);
        UserRepository users(opened.db);
        if (users.findByName(newAdminName))
            throw Error(
                ErrorCode::Conflict,
                QT_TRANSLATE_NOOP("fe::Error", "The user name %1 is taken (disabled accounts keep their name for the audit "
                              "trail)."),
                {std::string(newAdminName)});
        const TimePoint now = truncateToMillis(options.clock());
        User admin;
        admin.id = newUuid();
        admin.name = std::string(newAdminName);
        admin.role = Role::Admin;
        admin.createdAt = now;

        const std::string previous = keyFile.serialize();
        const auto label = SlotCrypto::labelFor(newAdminName, keyFile.databaseId);
        auto adminSlot =
            SlotCrypto::createUserSlot(label, newAdminPassword, options.kdf, opened.key, binding);
        auto recoverySlot = SlotCrypto::createRecoverySlot(newRecoveryKey, opened.key, binding);

        Transaction tx(opened.db);
        AuditLog audit(opened.db, keyFile.databaseId);
        Unlocker::flushPendingEvents(keyFile, audit, users, now);
        users.insert(admin, {});
        audit.append(
            {now, admin.id, auditActionName(AuditAction::Recovery), admin.id,
             keyFile.damagedLines > 0 ? "damaged_lines:" + std::to_string(keyFile.damagedLines) : "ok"});
        audit.append(
            {now, admin.id, auditActionName(AuditAction::UserAdded), admin.id, roleName(Role::Admin)});
        audit.append({now, admin.id, auditActionName(AuditAction::Login), admin.id, "recovery"});
        std::erase_if(keyFile.slots,
                      [](const KeyFile::Slot& s) { return s.kind == KeyFile::Slot::Kind::Recovery; });
        keyFile.slots.push_back(std::move(adminSlot));
        keyFile.slots.push_back(std::move(recoverySlot));
        keyFile.damagedLines = 0;
        keyFile.removeUnknown(label);
        keyFile.save(paths.keyFile);
        try {
            tx.commit();
        } catch (...) {
            try {
                writeFileAtomically(paths.keyFile, previous);
            } catch (const Error& e) {
                qCWarning(lcStore) << "could not restore the key file after a failed recovery:" << e.what();
            }
            throw;
        }

        state = Unlocker::makeState(paths, options, std::move(opened), keyFile, admin, now);
    }
    qCWarning(lcStore) << "store recovered with the recovery key; a new admin was created";
    return {Session(std::move(state)), SlotCrypto::formatRecoveryKey(newRecoveryKey)};
}

} // namespace fe::store
