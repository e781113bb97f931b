#include "capture/CameraPane.h"

#include "capture/CameraController.h"
#include "capture/CameraPicker.h"
#include "capture/CameraProblemBar.h"
#include "capture/CaptureSystem.h"
#include "capture/CaptureView.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace fe::ui {

CameraPane::CameraPane(CaptureSystem& capture, const QString& demoVideo, std::optional<FrameResult::Stage> otherStage,
                       QWidget* parent)
    : QWidget(parent), m_capture(capture), m_picker(new CameraPicker(capture.camera(), demoVideo, this)),
      m_problems(new CameraProblemBar(capture.camera(), demoVideo, this)), m_view(new CaptureView(this)),
      m_cameraLabel(new QLabel(this)), m_top(new QHBoxLayout)
{
    m_view->setStats(&capture.stats());
    m_cameraLabel->setBuddy(m_picker);
    m_top->addWidget(m_cameraLabel);
    m_top->addWidget(m_picker);
    m_top->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_top);
    layout->addWidget(m_problems);
    layout->addWidget(m_view, 1);

    connect(m_problems, &CameraProblemBar::chooseCameraRequested, this, [this] {
        m_picker->setFocus();
        m_picker->showPopup();
    });
    connect(&capture, &CaptureSystem::frameResult, this, [this, otherStage](const FrameResultPtr& r) {
        if (isVisible() && r->stage != otherStage)
            m_view->setResult(r);
    });
    connect(capture.camera(), &CameraController::choiceChanged, this, &CameraPane::updateDemo);
    m_cameraLabel->setText(tr("&Camera:"));
}

void CameraPane::updateDemo()
{
    m_view->setDemo(m_capture.camera()->isDemo());
}

void CameraPane::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        m_cameraLabel->setText(tr("&Camera:"));
    QWidget::changeEvent(event);
}

} // namespace fe::ui
