#pragma once

#include "capture/CameraChoice.h"

#include <QComboBox>

namespace fe::ui {

class CameraController;

// The cameras by name (kept up to date when one is plugged in or out) and the demo camera.
// Choosing one switches the controller. GUI thread only.
class CameraPicker : public QComboBox
{
    Q_OBJECT

public:
    CameraPicker(CameraController* camera, QString demoVideo, QWidget* parent = nullptr);

    void refresh();

Q_SIGNALS:
    void chosen(const fe::ui::CameraChoice& choice);

protected:
    void changeEvent(QEvent* event) override;

private:
    void onActivated(int index);

    CameraController* m_camera;
    QString m_demoVideo;
};

} // namespace fe::ui
