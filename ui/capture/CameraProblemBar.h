#pragma once

#include "capture/CameraController.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace fe::ui {

// One message per camera problem, in place above the picture, with what the clerk can do:
// try again, switch to the demo camera, or choose another camera. Hidden when all is well.
class CameraProblemBar : public QFrame
{
    Q_OBJECT

public:
    CameraProblemBar(CameraController* camera, QString demoVideo, QWidget* parent = nullptr);

    [[nodiscard]] QString message() const;

Q_SIGNALS:
    // The clerk wants to pick another camera (the page focuses its camera list).
    void chooseCameraRequested();
    void retryRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void showProblem(CameraController::Problem problem);

    CameraController* m_camera;
    QString m_demoVideo;
    QLabel* m_text;
    QPushButton* m_retry;
    QPushButton* m_demo;
    QPushButton* m_choose;
};

} // namespace fe::ui
