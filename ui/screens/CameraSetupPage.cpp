#include "screens/CameraSetupPage.h"

#include "capture/CameraController.h"
#include "capture/CameraPicker.h"
#include "capture/CameraPane.h"
#include "capture/CaptureSystem.h"
#include "capture/CaptureView.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

namespace fe::ui {

CameraSetupPage::CameraSetupPage(CaptureSystem& capture, const QString& demoVideo, QWidget* parent)
    : QWizardPage(parent), m_capture(capture), m_pane(new CameraPane(capture, demoVideo, std::nullopt, this)),
      m_view(m_pane->view())
{
    setObjectName(QStringLiteral("cameraSetupPage"));
    m_view->setObjectName(QStringLiteral("cameraSetupView"));
    m_view->setGuidanceEnabled(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pane, 1);
    retranslate();
}

void CameraSetupPage::initializePage()
{
    m_capture.showPreview();
    m_capture.startCamera();
    m_pane->updateDemo();
    m_pane->picker()->refresh();
    m_pane->picker()->setFocus();
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
    m_view->setAccessibleName(tr("Live picture of the chosen camera"));
}

void CameraSetupPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

} // namespace fe::ui
