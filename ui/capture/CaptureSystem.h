#pragma once

#include "capture/AnalysisWorker.h"
#include "capture/CaptureStats.h"

#include <QObject>
#include <QThread>
#include <QTimer>

#include <memory>

namespace fe::ui {

class CameraController;
class FrameMailbox;

// The capture path in one piece (DESIGN.md "The GUI's threads"): the camera controller and
// its sink, the one-frame mailbox, the analysis worker on its own thread, the figures.
// Screens show frameResult() snapshots and steer the worker's stage through it. Lives as
// long as the workstation. GUI thread only.
class CaptureSystem : public QObject
{
    Q_OBJECT

public:
    explicit CaptureSystem(QObject* parent = nullptr);
    ~CaptureSystem() override;

    [[nodiscard]] CameraController* camera() const { return m_camera.get(); }
    [[nodiscard]] CaptureStats& stats() { return m_stats; }
    [[nodiscard]] CaptureStats::Counters counters() const;
    [[nodiscard]] bool modelsReady() const { return m_models != nullptr; }
    [[nodiscard]] const SharedModels& models() const { return m_models; }
    [[nodiscard]] FrameResultPtr latest() const { return m_latest; }

    void setModels(SharedModels models, enroll::LiveCapture::Engines engines = {});
    // Starts (or restarts) the camera with a fresh stream clock; stops it.
    void startCamera();
    void stopCamera();
    void showPreview();
    void startDocument();
    void startLive(int attemptId, const LiveSettings& settings);
    void stopLive();
    void grabStill(int requestId);
    // Tests: play a slow analysis.
    void setInjectedDelayMs(int ms);

Q_SIGNALS:
    void frameResult(fe::ui::FrameResultPtr result);
    void modelsReadyChanged(bool ready);
    void attemptStarted(int attemptId);
    void attemptFinished(fe::ui::AttemptOutcomePtr outcome);
    void attemptFailed(int attemptId, const QString& message);
    void stillGrabbed(int requestId, fe::ui::SharedMat bgr);

private:
    void takeResult();

    std::shared_ptr<FrameMailbox> m_mailbox;
    QThread m_thread;
    AnalysisWorker* m_worker = nullptr; // owned by m_thread's lifetime (deleteLater)
    std::unique_ptr<CameraController> m_camera;
    CaptureStats m_stats;
    QTimer m_sampler;
    SharedModels m_models;
    FrameResultPtr m_latest;
};

} // namespace fe::ui
