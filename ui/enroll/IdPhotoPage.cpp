#include "enroll/IdPhotoPage.h"

#include "capture/CameraController.h"
#include "capture/CameraPane.h"
#include "capture/CaptureSystem.h"
#include "capture/CaptureView.h"
#include "common/Error.h"
#include "common/UiText.h"
#include "enroll/EnrollmentState.h"
#include "enroll/OverrideDialog.h"
#include "vision/FrameSource.h"

#include <QCheckBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace fe::ui {

IdPhotoPage::IdPhotoPage(EnrollmentState& state, EnrollmentController& controller, CaptureSystem& capture,
                         const QString& demoVideo, QWidget* parent)
    : QWizardPage(parent), m_state(state), m_controller(controller), m_capture(capture),
      m_pane(new CameraPane(capture, demoVideo, FrameResult::Stage::Live, this)), m_view(m_pane->view()),
      m_status(new QLabel(this)), m_captureButton(new QPushButton(this)),
      m_importButton(new QPushButton(this)), m_retakeButton(new QPushButton(this)), m_keepAnyway(new QCheckBox(this)),
      m_reasonLabel(new QLabel(this)), m_reason(new QLineEdit(this))
{
    setObjectName(QStringLiteral("idPhotoPage"));
    m_view->setObjectName(QStringLiteral("idPhotoView"));
    m_view->setSubject(HintSubject::Document);
    m_captureButton->setObjectName(QStringLiteral("captureButton"));
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_retakeButton->setObjectName(QStringLiteral("retakeButton"));
    m_status->setObjectName(QStringLiteral("idPhotoStatus"));
    m_status->setWordWrap(true);
    m_keepAnyway->setObjectName(QStringLiteral("keepIdPhotoCheck"));
    m_reason->setObjectName(QStringLiteral("idPhotoReasonEdit"));
    m_reason->setMaxLength(500);
    m_reasonLabel->setBuddy(m_reason);
    for (QPushButton* b : {m_captureButton, m_importButton, m_retakeButton})
        b->setAutoDefault(false);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_captureButton);
    buttons->addWidget(m_importButton);
    buttons->addWidget(m_retakeButton);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pane, 1);
    layout->addWidget(m_status);
    auto* keep = new QHBoxLayout;
    keep->addWidget(m_keepAnyway);
    keep->addWidget(m_reasonLabel);
    keep->addWidget(m_reason, 1);
    layout->addLayout(keep);
    layout->addLayout(buttons);
    connect(m_keepAnyway, &QCheckBox::toggled, this, [this](bool on) { setKeepAnyway(on, m_reason->text()); });
    connect(m_reason, &QLineEdit::textChanged, this,
            [this](const QString& text) { setKeepAnyway(m_keepAnyway->isChecked(), text); });

    connect(m_captureButton, &QPushButton::clicked, this, &IdPhotoPage::capture);
    connect(m_retakeButton, &QPushButton::clicked, this, &IdPhotoPage::retake);
    connect(m_importButton, &QPushButton::clicked, this, [this] {
        QFileDialog dialog(this, tr("Import the ID photo"));
        dialog.setFileMode(QFileDialog::ExistingFile);
        dialog.setNameFilter(tr("Images (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp)"));
        dialog.setOption(QFileDialog::DontUseNativeDialog, true);
        if (dialog.exec() == QDialog::Accepted && !dialog.selectedFiles().isEmpty())
            importFile(dialog.selectedFiles().first());
    });
    // An idle lock or a cancel forgets the enrollment: the typed reason goes with it.
    connect(&state, &EnrollmentState::wiped, this, &IdPhotoPage::syncOverride);
    connect(&capture, &CaptureSystem::stillGrabbed, this, &IdPhotoPage::onStill);
    connect(&controller, &EnrollmentController::idPhotoChecked, this, &IdPhotoPage::onChecked);
    connect(&controller, &EnrollmentController::idPhotoFailed, this, &IdPhotoPage::onFailed);
    connect(&capture, &CaptureSystem::modelsReadyChanged, this, [this] { showLive(); });
    connect(&controller, &EnrollmentController::readyChanged, this, [this] { showLive(); });
    connect(&controller, &EnrollmentController::indexProgress, this, [this] {
        if (isVisible())
            showLive();
    });
    retranslate();
}

void IdPhotoPage::syncOverride()
{
    const QSignalBlocker b1(m_keepAnyway);
    const QSignalBlocker b2(m_reason);
    m_keepAnyway->setChecked(m_state.idPhotoOverride);
    m_reason->setText(m_state.idPhotoOverrideReason);
    updateOverride();
}

void IdPhotoPage::initializePage()
{
    m_requestId = 0;
    syncOverride();
    if (m_state.idPhoto && m_state.idPhoto->faceFound()) {
        m_view->setStill(m_state.idPhotoImage, m_state.idPhotoFaceBox, m_state.idPhoto->quality);
    } else {
        m_view->clear();
    }
    if (!m_capture.camera()->isRunning())
        m_capture.startCamera();
    m_capture.startDocument();
    m_pane->updateDemo();
    showLive();
    updateButtons();
    m_captureButton->setFocus();
}

void IdPhotoPage::cleanupPage()
{
    m_requestId = 0;
}

bool IdPhotoPage::isComplete() const
{
    if (m_state.idPhoto == nullptr || !m_state.idPhoto->faceFound() || m_requestId != 0)
        return false;
    return m_state.idPhoto->quality.passed ||
           (m_state.idPhotoOverride && m_state.idPhotoOverrideReason.trimmed().size() >= OverrideDialog::kMinReasonLength);
}

bool IdPhotoPage::photoFailedQuality() const
{
    return m_state.idPhoto != nullptr && m_state.idPhoto->faceFound() && !m_state.idPhoto->quality.passed;
}

void IdPhotoPage::setKeepAnyway(bool keep, const QString& reason)
{
    if (!photoFailedQuality())
        return;
    m_state.idPhotoOverride = keep;
    m_state.idPhotoOverrideReason = reason;
    if (m_keepAnyway->isChecked() != keep)
        m_keepAnyway->setChecked(keep);
    if (m_reason->text() != reason)
        m_reason->setText(reason);
    updateOverride();
    Q_EMIT completeChanged();
}

void IdPhotoPage::updateOverride()
{
    // Only for a photo that failed its quality check; a new photo starts unticked.
    const bool failed = photoFailedQuality() && m_requestId == 0;
    m_keepAnyway->setVisible(failed);
    m_reasonLabel->setVisible(failed);
    m_reason->setVisible(failed);
    m_reason->setEnabled(failed && m_state.idPhotoOverride);
}

void IdPhotoPage::showLive()
{
    if (!m_capture.modelsReady())
        m_view->setStatusText(tr("Preparing face analysis…"));
    else if (!m_controller.isReady() && !m_controller.prepare()) {
        if (m_controller.isLoading()) {
            const auto [done, total] = m_controller.loadProgress();
            m_view->setStatusText(total > 0 ? tr("Loading the enrolled faces… %1 of %2").arg(done).arg(total)
                                            : tr("Loading the enrolled faces…"));
        } else {
            m_view->setStatusText(m_controller.prepareError());
        }
    }
    else
        m_view->setStatusText({});
    updateButtons();
}

void IdPhotoPage::capture()
{
    if (m_requestId != 0 || !m_controller.isReady() || m_view->showsStill())
        return;
    m_requestId = m_nextRequest++;
    setStatus(tr("Checking the document photo…"), false);
    updateButtons();
    m_capture.grabStill(m_requestId);
}

void IdPhotoPage::onStill(int requestId, SharedMat bgr)
{
    if (requestId != m_requestId)
        return;
    if (!bgr) {
        m_requestId = 0;
        setStatus(tr("There is no camera picture yet. Wait for the picture, or import an image."), true);
        updateButtons();
        return;
    }
    m_controller.checkIdPhoto(requestId, std::move(bgr));
}

void IdPhotoPage::importFile(const QString& path)
{
    if (m_requestId != 0 || !m_controller.isReady())
        return;
    cv::Mat image;
    try {
        image = vision::readImage(path.toStdString());
    } catch (const fe::Error& e) {
        setStatus(UiText::error(e), true);
        return;
    }
    m_requestId = m_nextRequest++;
    setStatus(tr("Checking the document photo…"), false);
    updateButtons();
    m_controller.checkIdPhoto(m_requestId, std::make_shared<const cv::Mat>(std::move(image)));
}

void IdPhotoPage::onChecked(int requestId, const EnrollmentController::IdPhotoResult& result)
{
    if (requestId != m_requestId)
        return;
    m_requestId = 0;
    if (!result.check->faceFound()) {
        setStatus(result.check->faceCount > 1
                      ? tr("Several faces were found on this picture. Show only the document's photo.")
                      : tr("No face was found on this picture. Hold the document flat and well lit, then "
                           "capture again (or import a better image)."),
                  true);
        updateButtons();
        Q_EMIT completeChanged();
        return;
    }
    m_state.idPhoto = result.check;
    m_state.idPhotoImage = result.image;
    m_state.idPhotoFaceBox = result.faceBox;
    m_state.idPhotoOverride = false;
    m_state.idPhotoOverrideReason.clear();
    syncOverride();
    m_view->setStill(result.image, result.faceBox, result.check->quality);
    setStatus(qualityStatus(), false);
    Q_EMIT m_state.changed();
    updateButtons();
    Q_EMIT completeChanged();
}

QString IdPhotoPage::qualityStatus() const
{
    const vision::QualityReport& quality = m_state.idPhoto->quality;
    const auto failed = quality.failed();
    const int total = static_cast<int>(quality.measures.size());
    if (failed.empty())
        return tr("Face found on the document; all %1 quality measures pass.").arg(total);
    QStringList problems;
    for (auto id : failed)
        problems << UiText::measureProblem(id, quality.find(id)->value);
    return tr("Face found on the document. %1 of %2 quality measures pass (%3): retake it, or keep it "
              "anyway with a reason (the enrollment is then reviewed).")
        .arg(total - static_cast<int>(failed.size()))
        .arg(total)
        .arg(problems.join(QStringLiteral(", ")));
}

void IdPhotoPage::onFailed(int requestId, const QString& message)
{
    if (requestId != m_requestId)
        return;
    m_requestId = 0;
    setStatus(message, true);
    updateButtons();
    Q_EMIT completeChanged();
}

void IdPhotoPage::retake()
{
    if (m_requestId != 0)
        return;
    m_state.idPhoto.reset();
    m_state.idPhotoImage = QImage();
    m_state.idPhotoFaceBox.reset();
    m_state.idPhotoOverride = false;
    m_state.idPhotoOverrideReason.clear();
    syncOverride();
    m_view->clear();
    if (!m_capture.camera()->isRunning())
        m_capture.startCamera();
    m_capture.startDocument();
    setStatus({}, false);
    updateButtons();
    Q_EMIT completeChanged();
    m_captureButton->setFocus();
}

void IdPhotoPage::updateButtons()
{
    const bool ready = m_controller.isReady() && m_requestId == 0;
    const bool still = m_view->showsStill();
    m_captureButton->setEnabled(ready && !still);
    m_importButton->setEnabled(ready);
    m_retakeButton->setEnabled(m_requestId == 0 && still);
    updateOverride();
}

void IdPhotoPage::setStatus(const QString& text, bool error)
{
    m_statusText = text;
    m_statusError = error;
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
}

void IdPhotoPage::retranslate()
{
    setTitle(tr("ID photo"));
    setSubTitle(tr("Hold the photo page of the document up to the camera and capture it, or import a scan."));
    m_captureButton->setText(tr("Ca&pture document"));
    m_importButton->setText(tr("&Import image…"));
    m_retakeButton->setText(tr("Re&take"));
    m_captureButton->setAccessibleName(tr("Capture the document photo from the camera"));
    m_importButton->setAccessibleName(tr("Import the document photo from an image file"));
    m_retakeButton->setAccessibleName(tr("Discard this document photo and capture again"));
    m_view->setAccessibleName(tr("Camera picture of the document"));
    m_keepAnyway->setText(tr("&Keep this ID photo anyway"));
    m_keepAnyway->setAccessibleName(tr("Keep this ID photo although it fails the quality check; a supervisor reviews the enrollment"));
    m_reasonLabel->setText(tr("&Reason:"));
    m_reason->setPlaceholderText(tr("Why this photo (e.g. the document's photo is worn)"));
    m_reason->setAccessibleName(tr("Reason for keeping this ID photo"));
    // The photo on show is described again in the new language; other messages stay until the next action.
    if (m_state.idPhoto && m_state.idPhoto->faceFound() && m_requestId == 0)
        setStatus(qualityStatus(), false);
    showLive();
}

void IdPhotoPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

} // namespace fe::ui
