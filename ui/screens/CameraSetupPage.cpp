#include "screens/CameraSetupPage.h"

#include "capture/CameraController.h"
#include "capture/CameraPicker.h"
#include "capture/CameraProblemBar.h"
#include "capture/CaptureSystem.h"
#include "capture/CaptureView.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

namespace fe::ui {

CameraSetupPage::CameraSetupPage(CaptureSystem& capture, const QString& demoVideo, QWidget* parent)
    : QWizardPage(parent), m_capture(capture), m_label(new QLabel(this)),
      m_picker(new CameraPicker(capture.camera(), demoVideo, this)),
      m_problems(new CameraProblemBar(capture.camera(), demoVideo, this)), m_view(new CaptureView(this))
{
    setObjectName(QStringLiteral("cameraSetupPage"));
    m_view->setObjectName(QStringLiteral("cameraSetupView"));
    m_view->setGuidanceEnabled(false);
    m_label->setBuddy(m_picker);
    auto* row = new QHBoxLayout;
    row->addWidget(m_label);
    row->addWidget(m_picker);
    row->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_problems);
    layout->addWidget(m_view, 1);
    connect(&capture, &CaptureSystem::frameResult, this, [this](const FrameResultPtr& r) {
        if (isVisible())
            m_view->setResult(r);
    });
    connect(capture.camera(), &CameraController::choiceChanged, this,
            [this] { m_view->setDemo(m_capture.camera()->isDemo()); });
    connect(m_problems, &CameraProblemBar::chooseCameraRequested, this, [this] {
        m_picker->setFocus();
        m_picker->showPopup();
    });
    retranslate();
}

void CameraSetupPage::initializePage()
{
    m_capture.showPreview();
    m_capture.startCamera();
    m_view->setDemo(m_capture.camera()->isDemo());
    m_picker->refresh();
    m_picker->setFocus();
}

void CameraSetupPage::cleanupPage()
{
    m_capture.stopCamera();
}

bool CameraSetupPage::validatePage()
{
    QSettings().setValue(QStringLiteral("camera/choice"), m_capture.camera()->choice().toSetting());
    m_capture.stopCamera();
    return true;
}

void CameraSetupPage::retranslate()
{
    setTitle(tr("Camera"));
    setSubTitle(tr("Choose the camera that faces the customer. The picture below is live."));
    m_label->setText(tr("&Camera:"));
    m_view->setAccessibleName(tr("Live picture of the chosen camera"));
}

void CameraSetupPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

} // namespace fe::ui
