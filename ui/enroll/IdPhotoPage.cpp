#include "enroll/IdPhotoPage.h"

#include "capture/CameraController.h"
#include "capture/CameraPicker.h"
#include "capture/CameraProblemBar.h"
#include "capture/CaptureSystem.h"
#include "capture/CaptureView.h"
#include "common/Error.h"
#include "common/UiText.h"
#include "enroll/EnrollmentState.h"
#include "vision/FrameSource.h"

#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace fe::ui {

IdPhotoPage::IdPhotoPage(EnrollmentState& state, EnrollmentController& controller, CaptureSystem& capture,
                         const QString& demoVideo, QWidget* parent)
    : QWizardPage(parent), m_state(state), m_controller(controller), m_capture(capture),
      m_picker(new CameraPicker(capture.camera(), demoVideo, this)),
      m_problems(new CameraProblemBar(capture.camera(), demoVideo, this)), m_view(new CaptureView(this)),
      m_cameraLabel(new QLabel(this)), m_status(new QLabel(this)), m_captureButton(new QPushButton(this)),
      m_importButton(new QPushButton(this)), m_retakeButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("idPhotoPage"));
    m_view->setObjectName(QStringLiteral("idPhotoView"));
    m_view->setSubject(HintSubject::Document);
    m_view->setStats(&capture.stats());
    m_captureButton->setObjectName(QStringLiteral("captureButton"));
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_retakeButton->setObjectName(QStringLiteral("retakeButton"));
    m_status->setObjectName(QStringLiteral("idPhotoStatus"));
    m_status->setWordWrap(true);
    for (QPushButton* b : {m_captureButton, m_importButton, m_retakeButton})
        b->setAutoDefault(false);
    m_cameraLabel->setBuddy(m_picker);

    auto* top = new QHBoxLayout;
    top->addWidget(m_cameraLabel);
    top->addWidget(m_picker);
    top->addStretch(1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_captureButton);
    buttons->addWidget(m_importButton);
    buttons->addWidget(m_retakeButton);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_problems);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

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
    connect(m_problems, &CameraProblemBar::chooseCameraRequested, this, [this] {
        m_picker->setFocus();
        m_picker->showPopup();
    });
    connect(&capture, &CaptureSystem::frameResult, this, [this](const FrameResultPtr& r) {
        if (isVisible() && r->stage != FrameResult::Stage::Live)
            m_view->setResult(r);
    });
    connect(&capture, &CaptureSystem::stillGrabbed, this, &IdPhotoPage::onStill);
    connect(&controller, &EnrollmentController::idPhotoChecked, this, &IdPhotoPage::onChecked);
    connect(&controller, &EnrollmentController::idPhotoFailed, this, &IdPhotoPage::onFailed);
    connect(&capture, &CaptureSystem::modelsReadyChanged, this, [this] { showLive(); });
    connect(&controller, &EnrollmentController::readyChanged, this, [this] { showLive(); });
    connect(&controller, &EnrollmentController::indexProgress, this, [this] {
        if (isVisible())
            showLive();
    });
    connect(m_capture.camera(), &CameraController::choiceChanged, this,
            [this] { m_view->setDemo(m_capture.camera()->isDemo()); });
    retranslate();
}

void IdPhotoPage::initializePage()
{
    m_requestId = 0;
    if (m_state.idPhoto && m_state.idPhoto->faceFound()) {
        m_view->setStill(m_state.idPhotoImage, m_state.idPhotoFaceBox, m_state.idPhoto->quality);
    } else {
        m_view->clear();
    }
    if (!m_capture.camera()->isRunning())
        m_capture.startCamera();
    m_capture.startDocument();
    m_view->setDemo(m_capture.camera()->isDemo());
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
    return m_state.idPhoto != nullptr && m_state.idPhoto->faceFound() && m_requestId == 0;
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
    m_view->setStill(result.image, result.faceBox, result.check->quality);
    const auto failed = result.check->quality.failed();
    const int total = static_cast<int>(result.check->quality.measures.size());
    if (failed.empty()) {
        setStatus(tr("Face found on the document; all %1 quality measures pass.").arg(total), false);
    } else {
        QStringList problems;
        for (auto id : failed)
            problems << UiText::measureProblem(id, result.check->quality.find(id)->value);
        setStatus(tr("Face found on the document. %1 of %2 quality measures pass (%3): retake if you can.")
                      .arg(total - static_cast<int>(failed.size()))
                      .arg(total)
                      .arg(problems.join(QStringLiteral(", "))),
                  false);
    }
    Q_EMIT m_state.changed();
    updateButtons();
    Q_EMIT completeChanged();
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
    m_cameraLabel->setText(tr("&Camera:"));
    m_captureButton->setText(tr("Ca&pture document"));
    m_importButton->setText(tr("&Import image…"));
    m_retakeButton->setText(tr("Re&take"));
    m_captureButton->setAccessibleName(tr("Capture the document photo from the camera"));
    m_importButton->setAccessibleName(tr("Import the document photo from an image file"));
    m_retakeButton->setAccessibleName(tr("Discard this document photo and capture again"));
    m_view->setAccessibleName(tr("Camera picture of the document"));
    // A status text of our own is rebuilt by the next action; keep what is shown meanwhile.
    if (m_state.idPhoto && m_state.idPhoto->faceFound() && m_requestId == 0) {
        const auto failed = m_state.idPhoto->quality.failed();
        const int total = static_cast<int>(m_state.idPhoto->quality.measures.size());
        if (failed.empty())
            setStatus(tr("Face found on the document; all %1 quality measures pass.").arg(total), false);
    }
    showLive();
}

void IdPhotoPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

} // namespace fe::ui
