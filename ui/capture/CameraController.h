#pragma once

#include "capture/CameraChoice.h"

#include <QCameraDevice>
#include <QList>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QObject>
#include <QTimer>

#include <opencv2/core/mat.hpp>

#include <functional>
#include <memory>

class QCamera;
class QMediaPlayer;
class QVideoSink;

namespace fe::ui {

class FrameMailbox;

// The picture source (issue 13 "Camera and threading"): QMediaDevices lists the cameras
// (and follows hot-plugging), QCamera -> QMediaCaptureSession -> the application's own
// QVideoSink; the demo camera plays a file in a loop through QMediaPlayer into the same sink,
// or shows a still image as frames. The sink's handler only puts the frame into the mailbox
// (on whatever thread the backend delivers it) and wakes the worker.
//
// Problems each have their own state: no camera, a camera that will not start (busy or
// failing), a stream that stalled for more than 2 s, a camera unplugged while in use (it is
// restarted when a camera comes back). GUI thread only, except the sink handler.
class CameraController : public QObject
{
    Q_OBJECT

public:
    enum class Problem {
        None,
        NoCamera,      // the chosen camera is not connected, or there is none
        StartFailed,   // the camera is busy or failed to start; the demo file cannot be played
        Stalled,       // no frame for more than kStallMs
        Unplugged,     // the camera in use was disconnected
        Unsupported,   // its frames come in a format that cannot be converted
    };
    Q_ENUM(Problem)

    // Issue 13: "stream stalled for more than 2 s".
    static constexpr int kStallMs = 2000;

    CameraController(std::shared_ptr<FrameMailbox> mailbox, std::function<void()> wakeWorker,
                     QObject* parent = nullptr);
    ~CameraController() override;

    [[nodiscard]] static QList<QCameraDevice> cameras();
    // The first camera when there is one, else the demo video.
    [[nodiscard]] static CameraChoice automatic(const QString& demoVideo);

    void setChoice(const CameraChoice& choice);
    [[nodiscard]] const CameraChoice& choice() const { return m_choice; }
    [[nodiscard]] bool isDemo() const { return m_choice.isDemo(); }
    // A readable name: the camera's description, or the demo file's name.
    [[nodiscard]] QString sourceName() const;

    void start();
    void stop();
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] Problem problem() const { return m_problem; }
    [[nodiscard]] QString problemDetail() const { return m_problemDetail; }
    void reportUnsupportedFormat(const QString& format);

    [[nodiscard]] QVideoSink* sink() const { return m_sink.get(); }
    // Tests and the measurement mode: the demo player (null for other sources).
    [[nodiscard]] QMediaPlayer* demoPlayer() const { return m_player.get(); }

Q_SIGNALS:
    void camerasChanged();
    void problemChanged(fe::ui::CameraController::Problem problem);
    void choiceChanged();
    void firstFrame();

private:
    void startDevice();
    void startDemoVideo();
    void startStill();
    void onFrame(const class QVideoFrame& frame);
    void onDevicesChanged();
    void watchdog();
    void setProblem(Problem problem, const QString& detail = {});
    void teardown();

    std::shared_ptr<FrameMailbox> m_mailbox;
    std::function<void()> m_wakeWorker;
    CameraChoice m_choice;
    QMediaDevices m_devices;
    std::unique_ptr<QVideoSink> m_sink;
    QMediaCaptureSession m_session;
    std::unique_ptr<QCamera> m_camera;
    std::unique_ptr<QMediaPlayer> m_player;
    QTimer m_stillTimer;
    cv::Mat m_still;
    qint64 m_stillFrames = 0;
    QTimer m_watchdog;
    bool m_running = false;
    bool m_sawFrame = false;
    std::int64_t m_startedNs = 0;
    std::uint64_t m_framesAtLastCheck = 0;
    Problem m_problem = Problem::None;
    QString m_problemDetail;
};

} // namespace fe::ui
