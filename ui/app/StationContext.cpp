#include "app/StationContext.h"

#include "common/Error.h"
#include "common/UiLogging.h"
#include "common/UiText.h"
#include "store/Store.h"

#include <QtConcurrent/QtConcurrentRun>

#include <cstring>

namespace fe::ui {
namespace {

template <typename F>
QString errorText(F&& f)
{
    try {
        f();
    } catch (const fe::Error& e) {
        return UiText::error(e);
    } catch (const std::exception& e) {
        return UiText::unexpected(e);
    }
    return {};
}

} // namespace

StationContext::StationContext(std::filesystem::path database, store::StoreOptions options, QObject* parent)
    : QObject(parent), m_database(std::move(database)), m_options(std::move(options))
{
    m_state = stationExists() ? State::LoggedOut : State::NoStation;
}

StationContext::~StationContext()
{
    if (m_watcher)
        m_watcher->waitForFinished();
    if (m_session)
        m_session->logout();
}

bool StationContext::stationExists() const
{
    std::error_code ec;
    return std::filesystem::exists(m_database, ec);
}

store::SecretBytes StationContext::secret(const QString& text)
{
    QByteArray utf8 = text.toUtf8();
    store::SecretBytes s(utf8.constData(), static_cast<std::size_t>(utf8.size()));
    std::memset(utf8.data(), 0, static_cast<std::size_t>(utf8.size()));
    return s;
}

void StationContext::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void StationContext::run(std::function<Job()> work, std::function<void(Job&)> done)
{
    // A finished job's watcher stays until the next job replaces it (its result is taken).
    m_watcher = std::make_unique<QFutureWatcher<std::shared_ptr<Job>>>();
    auto* watcher = m_watcher.get();
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, done = std::move(done)] {
        std::shared_ptr<Job> job = watcher->result();
        done(*job);
    });
    m_watcher->setFuture(QtConcurrent::run([work = std::move(work)] { return std::make_shared<Job>(work()); }));
}

void StationContext::createStation(const QString& stationName, const QString& adminName, const QString& password)
{
    if (m_state == State::Busy)
        return;
    setState(State::Busy);
    auto pw = std::make_shared<store::SecretBytes>(secret(password));
    const std::string station = stationName.trimmed().toStdString();
    const std::string admin = adminName.trimmed().toStdString();
    const auto db = m_database;
    const auto options = m_options;
    run(
        [=]() -> Job {
            Job job;
            job.error = errorText([&] {
                std::filesystem::create_directories(db.parent_path().empty() ? "." : db.parent_path());
                store::SecretBytes key = store::Store::initialize(db, admin, *pw, options, station);
                job.recoveryKey.assign(reinterpret_cast<const char*>(key.data()), key.size());
            });
            return job;
        },
        [this](Job& job) {
            if (!job.error.isEmpty()) {
                setState(stationExists() ? State::LoggedOut : State::NoStation);
                Q_EMIT createFailed(job.error);
                return;
            }
            setState(State::LoggedOut);
            QString key = QString::fromStdString(job.recoveryKey);
            std::memset(job.recoveryKey.data(), 0, job.recoveryKey.size());
            Q_EMIT createdStation(key);
        });
}

void StationContext::login(const QString& userName, const QString& password)
{
    if (m_state == State::Busy || m_state == State::NoStation)
        return;
    if (m_session)
        logout();
    setState(State::Busy);
    auto pw = std::make_shared<store::SecretBytes>(secret(password));
    const std::string user = userName.trimmed().toLower().toStdString();
    const auto db = m_database;
    const auto options = m_options;
    run(
        [=]() -> Job {
            Job job;
            job.error = errorText([&] { job.session.emplace(store::Store::unlock(db, user, *pw, options)); });
            return job;
        },
        [this](Job& job) {
            if (!job.session) {
                setState(State::LoggedOut);
                Q_EMIT loginFailed(job.error);
                return;
            }
            adopt(std::move(*job.session));
            setState(State::Active);
            Q_EMIT loggedIn();
        });
}

void StationContext::adopt(store::Session session)
{
    m_session.emplace(std::move(session));
    // The store locks by itself too (the first call after the idle time, another station's
    // key rotation, this account disabled): the screens follow, on the GUI thread.
    m_session->setLockListener([this](store::LockReason reason) {
        QMetaObject::invokeMethod(this, [this, reason] { storeLocked(reason); }, Qt::QueuedConnection);
    });
    m_userName = QString::fromStdString(m_session->user().name);
    m_role = m_session->user().role;
    if (m_session->mustChangePassword())
        return; // nothing else is readable until the user chose their password
    try {
        m_stationName = QString::fromStdString(m_session->setting("station.name").value_or(std::string()));
    } catch (const fe::Error& e) {
        qCWarning(lcUi) << "cannot read the station name:" << e.what();
    }
}

void StationContext::unlock(const QString& password)
{
    if (m_state != State::Locked || !m_session)
        return;
    setState(State::Busy);
    auto pw = std::make_shared<store::SecretBytes>(secret(password));
    // The session goes to the pool thread and comes back: nobody else uses it meanwhile.
    auto holder = std::make_shared<std::optional<store::Session>>(std::move(m_session));
    m_session.reset();
    run(
        [holder, pw]() -> Job {
            Job job;
            job.error = errorText([&] { (*holder)->resume(*pw); });
            job.session = std::move(*holder);
            return job;
        },
        [this](Job& job) {
            m_session = std::move(job.session);
            if (!job.error.isEmpty()) {
                setState(State::Locked);
                Q_EMIT unlockFailed(job.error);
                return;
            }
            setState(State::Active);
            Q_EMIT unlocked();
        });
}

bool StationContext::mustChoosePassword() const
{
    return m_session && m_session->mustChangePassword();
}

void StationContext::choosePassword(const QString& newPassword)
{
    if (m_state != State::Active || !m_session)
        return;
    setState(State::Busy);
    auto pw = std::make_shared<store::SecretBytes>(secret(newPassword));
    // As for unlocking: the session goes to the pool thread and comes back.
    auto holder = std::make_shared<std::optional<store::Session>>(std::move(m_session));
    m_session.reset();
    run(
        [holder, pw]() -> Job {
            Job job;
            job.error = errorText([&] { (*holder)->changeOwnPassword(*pw); });
            job.session = std::move(*holder);
            return job;
        },
        [this](Job& job) {
            m_session = std::move(job.session);
            setState(State::Active);
            if (!job.error.isEmpty()) {
                Q_EMIT choosePasswordFailed(job.error);
                return;
            }
            // What a one-time password could not read.
            adopt(std::move(*m_session));
            Q_EMIT passwordChosen();
        });
}

void StationContext::lock(LockReason reason)
{
    if (m_state != State::Active || !m_session)
        return;
    Q_EMIT aboutToLock(reason);
    // An idle lock is audited as such when the store's own idle time has run out too (the
    // watcher counts the same input the session was touched with); else as a manual lock.
    if (reason != LockReason::Idle || !m_session->lockIfIdle())
        m_session->lock();
    setState(State::Locked);
}

void StationContext::storeLocked(store::LockReason reason)
{
    // Our own lock() has set the state already; this is for locks the store decided.
    if (m_state != State::Active || !m_session)
        return;
    qCInfo(lcUi) << "the store locked the session:" << store::lockReasonName(reason);
    Q_EMIT aboutToLock(reason == store::LockReason::Manual ? LockReason::Manual : LockReason::Idle);
    if (reason == store::LockReason::AccountDisabled) {
        logout();
        return;
    }
    setState(State::Locked);
}

void StationContext::logout()
{
    if (!m_session)
        return;
    if (m_state == State::Active)
        Q_EMIT aboutToLogout();
    m_session->logout();
    m_session.reset();
    m_userName.clear();
    setState(stationExists() ? State::LoggedOut : State::NoStation);
}

bool StationContext::can(store::Permission permission) const
{
    return m_session && m_session->can(permission);
}

std::chrono::milliseconds StationContext::idleTimeout() const
{
    return m_session ? m_session->idleTimeout() : std::chrono::milliseconds(0);
}

void StationContext::touch()
{
    if (m_session && m_state == State::Active)
        m_session->touch();
}

store::Session& StationContext::session()
{
    if (!m_session || m_state != State::Active)
        throw fe::Error(ErrorCode::Locked, QT_TRANSLATE_NOOP("fe::Error", "The session has ended; log in again."));
    return *m_session;
}

} // namespace fe::ui
