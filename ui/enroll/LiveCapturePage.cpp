#include "enroll/LiveCapturePage.h"

#include "capture/CameraController.h"
#include "capture/CameraPane.h"
#include "capture/CaptureSystem.h"
#include "capture/CaptureView.h"
#include "common/UiText.h"
#include "enroll/AttemptStrip.h"
#include "enroll/EnrollmentController.h"
#include "enroll/EnrollmentState.h"
#include "enroll/OverrideDialog.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <QWizard>

namespace fe::ui {

LiveCapturePage::LiveCapturePage(EnrollmentState& state, EnrollmentController& controller, CaptureSystem& capture,
                                 const QString& demoVideo, QWidget* parent)
    : QWizardPage(parent), m_state(state), m_controller(controller), m_capture(capture),
      m_pane(new CameraPane(capture, demoVideo, FrameResult::Stage::Document, this)), m_view(m_pane->view()),
      m_strip(new AttemptStrip(this)), m_status(new QLabel(this)),
      m_landmarks(new QCheckBox(this)), m_retry(new QPushButton(this)), m_continue(new QPushButton(this)),
      m_override(new QPushButton(this))
{
    setObjectName(QStringLiteral("livePage"));
    m_view->setObjectName(QStringLiteral("liveView"));
    m_view->setSubject(HintSubject::Person);
    // The customer faces this picture: a mirror, so that their left is the screen's left
    // (the analysis and the portrait keep the camera's own frame).
    m_view->setMirrored(true);
    m_status->setObjectName(QStringLiteral("liveStatus"));
    m_status->setWordWrap(true);
    m_landmarks->setObjectName(QStringLiteral("landmarksCheck"));
    m_landmarks->setChecked(true);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_continue->setObjectName(QStringLiteral("continueButton"));
    m_override->setObjectName(QStringLiteral("overrideButton"));
    for (QPushButton* b : {m_retry, m_continue, m_override})
        b->setAutoDefault(false);
    m_pane->topRow()->addWidget(m_landmarks);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_retry);
    buttons->addWidget(m_continue);
    buttons->addWidget(m_override);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pane, 1);
    layout->addWidget(m_strip);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    connect(m_landmarks, &QCheckBox::toggled, m_view, &CaptureView::setLandmarksVisible);
    connect(m_retry, &QPushButton::clicked, this, &LiveCapturePage::startAttempt);
    connect(m_continue, &QPushButton::clicked, this, &LiveCapturePage::continueForReview);
    connect(m_override, &QPushButton::clicked, this, [this] {
        OverrideDialog dialog(m_state.failedAttempts(), this);
        if (dialog.exec() == QDialog::Accepted)
            applyOverride(dialog.reason());
    });
    connect(&capture, &CaptureSystem::attemptStarted, this, &LiveCapturePage::onStarted);
    connect(&capture, &CaptureSystem::attemptFinished, this, &LiveCapturePage::onFinished);
    connect(&capture, &CaptureSystem::attemptFailed, this, &LiveCapturePage::onFailed);
    connect(&capture, &CaptureSystem::modelsReadyChanged, this, [this](bool ready) {
        if (ready && m_pendingStart && isVisible())
            startAttempt();
        updateControls();
    });
    connect(m_capture.camera(), &CameraController::choiceChanged, this, [this] {
        // Another camera means other settings (a recording cannot follow prompts): start over.
        if (isVisible() && m_running)
            startAttempt();
    });
    connect(m_capture.camera(), &CameraController::problemChanged, this, [this](CameraController::Problem p) {
        // An unplugged camera interrupts the attempt (continuity is gone); when pictures come
        // back, a new attempt starts. The enrollment so far is kept.
        if (!isVisible())
            return;
        if (p == CameraController::Problem::Unplugged && m_running) {
            m_capture.stopLive();
            m_running = false;
            m_pendingStart = true;
        } else if (p == CameraController::Problem::None && m_pendingStart && m_capture.modelsReady()) {
            startAttempt();
        }
        updateControls();
    });
    retranslate();
}

void LiveCapturePage::initializePage()
{
    m_view->clear();
    m_error.clear();
    if (!m_capture.camera()->isRunning())
        m_capture.startCamera();
    m_pane->updateDemo();
    m_strip->setAttempts(m_state.attempts);
    if (!m_state.chosen)
        startAttempt();
    updateControls();
}

void LiveCapturePage::cleanupPage()
{
    stop();
}

void LiveCapturePage::stop()
{
    if (m_running)
        m_capture.stopLive();
    m_running = false;
    m_pendingStart = false;
}

bool LiveCapturePage::isComplete() const
{
    return m_state.chosen != nullptr && !m_running;
}

void LiveCapturePage::startAttempt()
{
    m_error.clear();
    if (!m_capture.camera()->isRunning())
        m_capture.startCamera();
    m_state.chosen.reset();
    m_state.overrideUsed = false;
    m_state.overrideReason.clear();
    if (!m_capture.modelsReady()) {
        // The picture shows meanwhile; the attempt starts when the models are there.
        m_pendingStart = true;
        m_capture.showPreview();
        updateControls();
        return;
    }
    m_pendingStart = false;
    m_attemptId = m_nextAttempt++;
    m_running = true;
    m_view->clear();
    const LiveSettings settings = m_controller.liveSettings(m_capture.camera()->choice());
    m_spontaneous = settings.mode == liveness::Mode::Spontaneous;
    m_capture.startLive(m_attemptId, settings);
    updateControls();
    Q_EMIT completeChanged();
}

void LiveCapturePage::onStarted(int attemptId)
{
    if (attemptId == m_attemptId)
        updateControls();
}

void LiveCapturePage::onFinished(const AttemptOutcomePtr& outcome)
{
    if (!m_running || outcome->attemptId != m_attemptId)
        return;
    m_running = false;
    EnrollmentState::Attempt attempt;
    attempt.id = outcome->attemptId;
    attempt.kind = outcome->kind;
    attempt.outcome = outcome;
    m_state.attempts.push_back(attempt);
    m_strip->setAttempts(m_state.attempts);
    if (outcome->kind == AttemptOutcome::Kind::Passed) {
        m_state.chosen = outcome;
        Q_EMIT m_state.changed();
        updateControls();
        Q_EMIT completeChanged();
        // Auto-capture: the portrait is taken; the result is the next thing to see.
        QTimer::singleShot(0, this, [this] {
            if (wizard() != nullptr && wizard()->currentPage() == this && isComplete())
                wizard()->next();
        });
        return;
    }
    Q_EMIT m_state.changed();
    updateControls();
    Q_EMIT completeChanged();
    m_retry->setFocus();
}

void LiveCapturePage::onFailed(int attemptId, const QString& message)
{
    if (attemptId != m_attemptId)
        return;
    m_running = false;
    m_error = message;
    updateControls();
}

void LiveCapturePage::continueForReview()
{
    if (m_running || m_state.attempts.empty())
        return;
    const auto& last = m_state.attempts.back();
    if (last.kind != AttemptOutcome::Kind::LivenessFlag)
        return;
    m_state.chosen = last.outcome;
    m_state.overrideUsed = false;
    Q_EMIT completeChanged();
    if (wizard() != nullptr && wizard()->currentPage() == this)
        wizard()->next();
}

void LiveCapturePage::applyOverride(const QString& reason)
{
    if (m_running || m_state.attempts.empty() || m_state.failedAttempts() < m_controller.maxFailedAttempts())
        return;
    if (reason.trimmed().size() < OverrideDialog::kMinReasonLength)
        return;
    // The best picture of the attempts that failed, newest first.
    for (auto it = m_state.attempts.rbegin(); it != m_state.attempts.rend(); ++it) {
        if (it->kind == AttemptOutcome::Kind::NoPortrait && it->outcome->override) {
            m_state.chosen = it->outcome;
            m_state.overrideUsed = true;
            m_state.overrideReason = reason.trimmed();
            Q_EMIT completeChanged();
            if (wizard() != nullptr && wizard()->currentPage() == this)
                wizard()->next();
            return;
        }
    }
    m_error = tr("No attempt saw a face at all, so there is nothing to keep. Try again or cancel.");
    updateControls();
}

void LiveCapturePage::updateControls()
{
    const bool ready = m_capture.modelsReady();
    const bool lastFlagged = !m_state.attempts.empty() && m_state.attempts.back().kind == AttemptOutcome::Kind::LivenessFlag;
    const bool canOverride = m_state.failedAttempts() >= m_controller.maxFailedAttempts();
    m_retry->setVisible(!m_running && !m_state.attempts.empty() && !m_pendingStart);
    m_retry->setEnabled(ready);
    m_continue->setVisible(!m_running && lastFlagged);
    m_override->setVisible(!m_running && canOverride && !lastFlagged);
    QString status;
    if (!m_error.isEmpty())
        status = m_error;
    else if (!ready)
        status = tr("Preparing face analysis… the capture starts by itself.");
    else if (m_running)
        status = m_spontaneous
                     ? tr("Capturing: the portrait is taken automatically when the check is done.")
                     : tr("Capturing: ask the customer to follow the prompts on the picture.");
    else if (m_pendingStart)
        status = tr("Waiting for the camera… the capture goes on when pictures come back.");
    else if (lastFlagged)
        status = tr("A portrait was taken, but liveness was not confirmed. Try again, or continue: a supervisor "
                    "will review the enrollment.");
    else if (!m_state.attempts.empty() && !m_state.chosen)
        status = canOverride ? tr("%n attempt(s) failed. Try again, continue with an override, or cancel the "
                                  "enrollment.",
                                  nullptr, m_state.failedAttempts())
                             : tr("The attempt failed. Help the customer follow the guidance, then try again.");
    m_status->setText(status);
    m_view->setStatusText(!ready ? tr("Preparing face analysis…") : QString());
    m_view->setGuidanceEnabled(true);
    updateOutcome(canOverride);
}

void LiveCapturePage::updateOutcome(bool canOverride)
{
    // Once an attempt is over the picture's guidance line says what happens next, never
    // "hold still" to a customer whose capture has ended.
    if (m_running || m_pendingStart || m_state.attempts.empty()) {
        m_view->setOutcome(m_error.isEmpty() || m_running ? QString() : tr("The capture stopped: try again"), false);
        return;
    }
    const EnrollmentState::Attempt& last = m_state.attempts.back();
    switch (last.kind) {
    case AttemptOutcome::Kind::Passed:
        m_view->setOutcome(tr("Portrait taken: done"), true);
        return;
    case AttemptOutcome::Kind::LivenessFlag:
        m_view->setOutcome(tr("Liveness not confirmed: try again, or continue for review"), false);
        return;
    case AttemptOutcome::Kind::NoPortrait:
        m_view->setOutcome(canOverride ? tr("Attempt failed: %1. Try again, override or cancel")
                                             .arg(AttemptStrip::shortReason(last))
                                       : tr("Attempt failed: %1. Try again").arg(AttemptStrip::shortReason(last)),
                           false);
        return;
    }
}

void LiveCapturePage::retranslate()
{
    setTitle(tr("Live capture"));
    setSubTitle(tr("The customer looks at the camera. Guidance and prompts appear on the picture."));
    m_landmarks->setText(tr("Show &landmarks"));
    m_landmarks->setAccessibleName(tr("Show the face landmarks on the picture"));
    m_retry->setText(tr("Try &again"));
    m_retry->setAccessibleName(tr("Start a new capture attempt"));
    m_continue->setText(tr("Continue for &review"));
    m_continue->setAccessibleName(tr("Keep this portrait; a supervisor reviews the liveness result"));
    m_override->setText(tr("Continue with &override…"));
    m_override->setAccessibleName(tr("Keep the best portrait below the quality standard, with a reason"));
    m_view->setAccessibleName(tr("Live camera picture"));
    updateControls();
}

void LiveCapturePage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

} // namespace fe::ui
