#pragma once

#include "capture/FrameResult.h"

#include <QWidget>

#include <optional>

class QHBoxLayout;
class QLabel;

namespace fe::ui {

class CameraPicker;
class CameraProblemBar;
class CaptureSystem;
class CaptureView;

// The camera part of a wizard page that shows the camera (first run's camera choice, the ID
// photo, the live capture): the camera choice, the camera problems with their actions, and the
// painted picture, which shows the capture system's frames of every stage but the one given
// (the other page's), or of every stage. The page adds
// its own controls beside the choice (topRow()) and below. GUI thread only.
class CameraPane : public QWidget
{
    Q_OBJECT

public:
    CameraPane(CaptureSystem& capture, const QString& demoVideo, std::optional<FrameResult::Stage> otherStage,
               QWidget* parent = nullptr);

    [[nodiscard]] CaptureView* view() const { return m_view; }
    [[nodiscard]] CameraPicker* picker() const { return m_picker; }
    [[nodiscard]] QHBoxLayout* topRow() const { return m_top; }
    // Follows the chosen camera: the DEMO label on the picture.
    void updateDemo();

protected:
    void changeEvent(QEvent* event) override;

private:
    CaptureSystem& m_capture;
    CameraPicker* m_picker;
    CameraProblemBar* m_problems;
    CaptureView* m_view;
    QLabel* m_cameraLabel;
    QHBoxLayout* m_top;
};

} // namespace fe::ui
