#include "app/MainWindow.h"

#include "app/ModelLoader.h"
#include "app/StationContext.h"
#include "capture/CameraController.h"
#include "capture/CaptureSystem.h"
#include "capture/CaptureView.h"
#include "common/IdleWatcher.h"
#include "common/UiLogging.h"
#include "common/UiText.h"
#include "enroll/EnrollmentController.h"
#include "enroll/EnrollmentState.h"
#include "enroll/EnrollmentWizard.h"
#include "screens/ChoosePasswordWidget.h"
#include "screens/FirstRunWizard.h"
#include "screens/HomeWidget.h"
#include "screens/LoginWidget.h"

#include <QAction>
#include <QCloseEvent>
#include <QLabel>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>

namespace fe::ui {
namespace {
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kCameraKey = QStringLiteral("camera/choice");
} // namespace

MainWindow::MainWindow(AppOptions options, QWidget* parent)
    : QMainWindow(parent), m_options(std::move(options)),
      m_station(new StationContext(m_options.databasePath().toStdString(), m_options.storeOptions, this)),
      m_capture(new CaptureSystem(this)), m_models(new ModelLoader(this)), m_idle(new IdleWatcher(this)),
      m_stack(new QStackedWidget(this)), m_login(new LoginWidget(*m_station, this)),
      m_choosePassword(new ChoosePasswordWidget(*m_station, this)),
      m_home(new HomeWidget(*m_station, this)), m_statusStation(new QLabel(this)), m_statusCamera(new QLabel(this)),
      m_lockAction(new QAction(this)), m_debugAction(new QAction(this)), m_newAction(new QAction(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setCentralWidget(m_stack);
    m_stack->addWidget(m_login);
    m_stack->addWidget(m_choosePassword);
    m_stack->addWidget(m_home);
    statusBar()->addWidget(m_statusStation, 1);
    statusBar()->addPermanentWidget(m_statusCamera);

    // Models load while the first screens show.
    connect(m_models, &ModelLoader::loaded, m_capture, &CaptureSystem::setModels);
    connect(m_models, &ModelLoader::failed, this, [this](const QString& text) {
        qCWarning(lcUi) << "models failed to load";
        statusBar()->showMessage(text);
    });
    m_models->start();
    chooseCamera();

    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_lockAction->setShortcutContext(Qt::ApplicationShortcut);
    connect(m_lockAction, &QAction::triggered, this, &MainWindow::lockStation);
    m_debugAction->setShortcut(QKeySequence(Qt::Key_F12));
    m_debugAction->setShortcutContext(Qt::ApplicationShortcut);
    connect(m_debugAction, &QAction::triggered, this, &MainWindow::toggleDebugOverlay);
    m_newAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_newAction->setShortcutContext(Qt::ApplicationShortcut);
    connect(m_newAction, &QAction::triggered, this, [this] {
        if (m_stack->currentWidget() == m_home)
            startEnrollment();
    });
    addAction(m_lockAction);
    addAction(m_debugAction);
    addAction(m_newAction);

    connect(m_station, &StationContext::loggedIn, this, &MainWindow::afterLogin);
    connect(m_station, &StationContext::unlocked, this, &MainWindow::afterLogin);
    connect(m_station, &StationContext::passwordChosen, this, &MainWindow::afterLogin);
    // Locking or logging out ends the enrollment in progress and drops the enrollment service
    // with its in-memory gallery; both are made again after the next login.
    connect(m_station, &StationContext::aboutToLock, this, [this](StationContext::LockReason) {
        discardEnrollment("locked");
        dropController();
    });
    connect(m_station, &StationContext::aboutToLogout, this, [this] {
        discardEnrollment("logout");
        dropController();
    });
    connect(m_station, &StationContext::stateChanged, this, [this](StationContext::State s) {
        if (s == StationContext::State::Locked || s == StationContext::State::LoggedOut) {
            m_idle->stop();
            // (The first run creates the station, LoggedOut, and goes on to its own pages.)
            if (m_stack->currentWidget() != m_login && m_firstRun == nullptr)
                showLogin();
        }
        updateStatus();
    });
    connect(m_idle, &IdleWatcher::idle, this, [this] {
        qCInfo(lcUi) << "idle lock";
        m_station->lock(StationContext::LockReason::Idle);
    });
    connect(m_idle, &IdleWatcher::activity, m_station, &StationContext::touch);
    connect(m_home, &HomeWidget::newEnrollmentRequested, this, &MainWindow::startEnrollment);
    connect(m_home, &HomeWidget::lockRequested, this, &MainWindow::lockStation);
    connect(m_home, &HomeWidget::logoutRequested, this, [this] { m_station->logout(); });
    connect(m_capture->camera(), &CameraController::choiceChanged, this, &MainWindow::updateStatus);

    const QByteArray geometry = QSettings().value(kGeometryKey).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        resize(1100, 800);
    }
    retranslate();
    if (m_station->state() == StationContext::State::NoStation)
        showFirstRun();
    else
        showLogin();
}

MainWindow::~MainWindow()
{
    if (m_wizard)
        discardEnrollment("closed");
    m_idle->stop();
    // The screens (and a wizard whose deletion is pending) use the capture system and the
    // station: they go first.
    delete m_stack;
    dropController();
}

EnrollmentWizard* MainWindow::enrollmentWizard() const
{
    return m_wizard;
}

QWidget* MainWindow::currentScreen() const
{
    return m_stack->currentWidget();
}

void MainWindow::chooseCamera()
{
    CameraChoice choice;
    const QString saved = QSettings().value(kCameraKey).toString();
    if (m_options.forceDemoCamera)
        choice = CameraChoice::demoFile(m_options.demoFile);
    else if (!saved.isEmpty())
        choice = CameraChoice::fromSetting(saved);
    else
        choice = CameraController::automatic(m_options.demoFile);
    if (choice.isDemo() && choice.file.isEmpty())
        choice.file = m_options.demoFile;
    m_capture->camera()->setChoice(choice);
}

void MainWindow::showFirstRun()
{
    m_firstRun = new FirstRunWizard(*m_station, *m_capture, m_options.demoFile, this);
    m_stack->addWidget(m_firstRun);
    m_stack->setCurrentWidget(m_firstRun);
    connect(m_firstRun, &FirstRunWizard::completed, this, [this] {
        const QString admin = m_firstRun->adminName();
        m_stack->removeWidget(m_firstRun);
        m_firstRun->deleteLater();
        m_firstRun = nullptr;
        chooseCamera();
        m_login->setUserName(admin);
        showLogin();
    });
    updateStatus();
}

void MainWindow::showLogin()
{
    m_login->prepare();
    m_stack->setCurrentWidget(m_login);
    updateStatus();
}

void MainWindow::showHome()
{
    m_home->refresh();
    if (m_pendingNotice != 0) {
        m_home->showNotice(static_cast<HomeWidget::Notice>(m_pendingNotice));
        m_pendingNotice = 0;
    }
    m_stack->setCurrentWidget(m_home);
    m_home->setFocus();
    updateStatus();
}

void MainWindow::afterLogin()
{
    m_idle->start(m_options.idleTimeoutOverride.value_or(m_station->idleTimeout()));
    // A one-time password (an admin set it) is replaced before anything else opens.
    if (m_station->mustChoosePassword()) {
        m_choosePassword->prepare();
        m_stack->setCurrentWidget(m_choosePassword);
        updateStatus();
        return;
    }
    if (m_controller == nullptr)
        m_controller = new EnrollmentController(*m_station, *m_capture, this);
    m_home->clearMessage();
    showHome();
}

void MainWindow::startEnrollment()
{
    if (!m_station->isActive() || !m_station->can(store::Permission::Enroll) || m_wizard)
        return;
    m_home->clearMessage();
    m_controller->prepare();
    m_wizard = new EnrollmentWizard(*m_controller, *m_capture, m_options.demoFile, this);
    connect(m_wizard, &EnrollmentWizard::saved, this, &MainWindow::onSaved);
    connect(m_wizard, &EnrollmentWizard::refused, this, [this] {
        m_pendingNotice = static_cast<int>(HomeWidget::Notice::Refused);
        finishEnrollment();
    });
    connect(m_wizard, &EnrollmentWizard::cancelled, this, [this] {
        m_pendingNotice = static_cast<int>(HomeWidget::Notice::Cancelled);
        finishEnrollment();
    });
    m_stack->addWidget(m_wizard);
    m_stack->setCurrentWidget(m_wizard);
    if (m_debugOverlay) {
        for (CaptureView* v : m_wizard->findChildren<CaptureView*>())
            v->setDebugOverlayVisible(true);
    }
    m_wizard->restart();
    updateStatus();
}

void MainWindow::onSaved(const enroll::EnrollmentOutcome& outcome)
{
    const QString id = QString::fromStdString(outcome.enrollmentId);
    const bool flagged = outcome.outcome == enroll::Outcome::Flagged;
    finishEnrollment();
    m_home->showNotice(flagged ? HomeWidget::Notice::SavedFlagged : HomeWidget::Notice::Saved, id);
}

void MainWindow::finishEnrollment()
{
    if (m_wizard) {
        m_stack->removeWidget(m_wizard);
        m_wizard->deleteLater();
        m_wizard = nullptr;
    }
    m_capture->stopLive();
    m_capture->stopCamera();
    if (m_station->isActive())
        showHome();
}

void MainWindow::discardEnrollment(const char* why)
{
    if (!m_wizard)
        return;
    // Customer data never stays behind a locked screen: wiped from memory, nothing stored.
    if (m_wizard->state().hasCustomerData() || m_wizard->state().consentGiven) {
        if (m_controller != nullptr)
            m_controller->recordAbandoned(why);
        if (std::string_view(why) == "locked")
            m_pendingNotice = static_cast<int>(HomeWidget::Notice::Discarded);
    }
    m_wizard->discard();
    m_stack->removeWidget(m_wizard);
    m_wizard->deleteLater();
    m_wizard = nullptr;
    m_capture->stopLive();
    m_capture->stopCamera();
}

void MainWindow::dropController()
{
    delete m_controller;
    m_controller = nullptr;
}

void MainWindow::lockStation()
{
    if (m_station->isActive())
        m_station->lock(StationContext::LockReason::Manual);
}

void MainWindow::toggleDebugOverlay()
{
    m_debugOverlay = !m_debugOverlay;
    for (CaptureView* v : findChildren<CaptureView*>())
        v->setDebugOverlayVisible(m_debugOverlay);
}

void MainWindow::updateStatus()
{
    QString who;
    if (m_station->isActive() || m_station->state() == StationContext::State::Locked) {
        who = m_station->stationName().isEmpty()
                  ? tr("%1 (%2)").arg(m_station->userName(), UiText::role(m_station->role()))
                  : tr("Station %1 · %2 (%3)")
                        .arg(m_station->stationName(), m_station->userName(), UiText::role(m_station->role()));
        if (m_station->state() == StationContext::State::Locked)
            who += QStringLiteral(" · ") + tr("locked");
    }
    m_statusStation->setText(who);
    const CameraController* cam = m_capture->camera();
    m_statusCamera->setText(cam->isDemo() ? tr("DEMO camera: %1").arg(cam->sourceName())
                                          : tr("Camera: %1").arg(cam->sourceName()));
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("FaceEnroll"));
    m_lockAction->setText(tr("Lock"));
    m_debugAction->setText(tr("Show capture figures"));
    m_newAction->setText(tr("New enrollment"));
    updateStatus();
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings().setValue(kGeometryKey, saveGeometry());
    if (m_wizard)
        discardEnrollment("closed");
    m_station->logout();
    QMainWindow::closeEvent(event);
}

} // namespace fe::ui
