#include "capture/CameraPicker.h"

#include "capture/CameraController.h"

#include <QEvent>
#include <QFileInfo>

namespace fe::ui {

CameraPicker::CameraPicker(CameraController* camera, QString demoVideo, QWidget* parent)
    : QComboBox(parent), m_camera(camera), m_demoVideo(std::move(demoVideo))
{
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_camera, &CameraController::camerasChanged, this, &CameraPicker::refresh);
    connect(m_camera, &CameraController::choiceChanged, this, &CameraPicker::refresh);
    connect(this, &QComboBox::activated, this, &CameraPicker::onActivated);
    refresh();
}

void CameraPicker::refresh()
{
    const QSignalBlocker block(this);
    clear();
    const CameraChoice current = m_camera->choice();
    for (const auto& device : CameraController::cameras()) {
        CameraChoice c;
        c.kind = CameraChoice::Kind::Device;
        c.deviceId = device.id();
        addItem(device.description(), QVariant::fromValue(c));
    }
    CameraChoice demo = CameraChoice::demoFile(m_demoVideo);
    if (current.isDemo())
        demo = current;
    addItem(tr("Demo camera (%1)").arg(QFileInfo(demo.file).fileName()), QVariant::fromValue(demo));
    for (int i = 0; i < count(); ++i)
        if (itemData(i).value<CameraChoice>() == current)
            setCurrentIndex(i);
    setAccessibleName(tr("Camera"));
}

void CameraPicker::onActivated(int index)
{
    const CameraChoice c = itemData(index).value<CameraChoice>();
    m_camera->setChoice(c);
    Q_EMIT chosen(c);
}

void CameraPicker::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QComboBox::changeEvent(event);
}

} // namespace fe::ui
