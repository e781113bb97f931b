#pragma once

#include "store/Roles.h"
#include "store/SecretBytes.h"
#include "store/Session.h"
#include "store/StoreOptions.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

namespace fe::ui {

// The workstation's one way into the encrypted store (all use of store::Store and
// store::Session goes through here): creating the station, logging in and out, locking and
// unlocking, and the session the screens read through. The slow parts (Argon2id at login,
// creation) run on a pool thread and report back by signal; the session itself is used on
// the GUI thread only, and never while such a job holds it.
class StationContext : public QObject
{
    Q_OBJECT

public:
    enum class State { NoStation, LoggedOut, Busy, Active, Locked };
    Q_ENUM(State)
    enum class LockReason { Manual, Idle };

    StationContext(std::filesystem::path database, store::StoreOptions options, QObject* parent = nullptr);
    ~StationContext() override;

    [[nodiscard]] const std::filesystem::path& database() const { return m_database; }
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool stationExists() const;
    [[nodiscard]] bool isActive() const { return m_state == State::Active; }

    // Creates the station and its first admin; createdStation() carries the recovery key.
    void createStation(const QString& stationName, const QString& adminName, const QString& password);
    void login(const QString& userName, const QString& password);
    // Unlocks the locked session with the same user's password.
    void unlock(const QString& password);
    void lock(LockReason reason);
    void logout();

    // The logged-in user (also while locked).
    [[nodiscard]] QString userName() const { return m_userName; }
    [[nodiscard]] store::Role role() const { return m_role; }
    [[nodiscard]] bool can(store::Permission permission) const;
    [[nodiscard]] std::chrono::milliseconds idleTimeout() const;
    [[nodiscard]] QString stationName() const { return m_stationName; }
    // The user logged in with a password an admin set (a new account, a reset): it works
    // once, and nothing else works until they choose their own (choosePassword()).
    [[nodiscard]] bool mustChoosePassword() const;
    // Replaces the logged-in user's password (Argon2id, off the GUI thread); answers with
    // passwordChosen or choosePasswordFailed.
    void choosePassword(const QString& newPassword);

    // Input the UI saw: keeps the session's own idle clock in step.
    void touch();
    // The open session, GUI thread only; throws fe::Error(Locked) when there is none.
    store::Session& session();

    // A password as the store takes it (UTF-8, in locked memory); the copy Qt made is wiped.
    static store::SecretBytes secret(const QString& text);

Q_SIGNALS:
    void stateChanged(fe::ui::StationContext::State state);
    void createdStation(const QString& recoveryKey);
    void createFailed(const QString& message);
    void loggedIn();
    void loginFailed(const QString& message);
    void unlocked();
    void unlockFailed(const QString& message);
    void passwordChosen();
    void choosePasswordFailed(const QString& message);
    // Emitted just before the session locks or ends, while it can still write the audit log.
    void aboutToLock(fe::ui::StationContext::LockReason reason);
    void aboutToLogout();

private:
    struct Job
    {
        std::optional<store::Session> session;
        std::string recoveryKey;
        QString error;
    };
    void run(std::function<Job()> work, std::function<void(Job&)> done);
    void adopt(store::Session session);
    void storeLocked(store::LockReason reason);
    void setState(State state);

    std::filesystem::path m_database;
    store::StoreOptions m_options;
    std::optional<store::Session> m_session;
    State m_state = State::LoggedOut;
    QString m_userName;
    store::Role m_role = store::Role::Operator;
    QString m_stationName;
    std::unique_ptr<QFutureWatcher<std::shared_ptr<Job>>> m_watcher;
};

} // namespace fe::ui
