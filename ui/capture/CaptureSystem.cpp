#include "capture/CaptureSystem.h"

#include "capture/CameraController.h"
#include "capture/FrameMailbox.h"
#include "vision/VisionModels.h"

namespace fe::ui {
namespace {
constexpr int kSampleIntervalMs = 500;
}

CaptureSystem::CaptureSystem(QObject* parent) : QObject(parent), m_mailbox(std::make_shared<FrameMailbox>())
{
    qRegisterMetaType<FrameResultPtr>();
    qRegisterMetaType<AttemptOutcomePtr>();
    qRegisterMetaType<SharedMat>();
    qRegisterMetaType<SharedModels>();
    qRegisterMetaType<LiveSettings>();
    qRegisterMetaType<enroll::LiveCapture::Engines>();

    m_worker = new AnalysisWorker(m_mailbox);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("analysis"));
    m_thread.start();

    AnalysisWorker* worker = m_worker;
    m_camera = std::make_unique<CameraController>(m_mailbox, [worker] {
        QMetaObject::invokeMethod(worker, &AnalysisWorker::processFrames, Qt::QueuedConnection);
    });

    connect(m_worker, &AnalysisWorker::resultReady, this, &CaptureSystem::takeResult, Qt::QueuedConnection);
    connect(m_worker, &AnalysisWorker::attemptStarted, this, &CaptureSystem::attemptStarted, Qt::QueuedConnection);
    connect(m_worker, &AnalysisWorker::attemptFinished, this, &CaptureSystem::attemptFinished, Qt::QueuedConnection);
    connect(m_worker, &AnalysisWorker::attemptFailed, this, &CaptureSystem::attemptFailed, Qt::QueuedConnection);
    connect(m_worker, &AnalysisWorker::stillGrabbed, this, &CaptureSystem::stillGrabbed, Qt::QueuedConnection);
    connect(m_worker, &AnalysisWorker::unsupportedFrames, m_camera.get(), &CameraController::reportUnsupportedFormat,
            Qt::QueuedConnection);

    m_sampler.setInterval(kSampleIntervalMs);
    connect(&m_sampler, &QTimer::timeout, this, [this] { m_stats.sample(counters()); });
    m_sampler.start();
    m_stats.sample(counters());
}

CaptureSystem::~CaptureSystem()
{
    m_camera->stop();
    m_stats.sample(counters());
    m_stats.logSummary();
    m_thread.quit();
    m_thread.wait();
    m_camera.reset();
}

CaptureStats::Counters CaptureSystem::counters() const
{
    return {m_mailbox->delivered(), m_worker->analysedCount(), m_mailbox->dropped()};
}

void CaptureSystem::takeResult()
{
    FrameResultPtr r = m_worker->takeLatest();
    // A result still in flight when the camera stopped (a lock, a finished page) belongs to
    // nobody: dropped, so that nothing of the customer's picture outlives the stop.
    if (!r || !m_camera->isRunning())
        return;
    m_latest = r;
    Q_EMIT frameResult(r);
}

void CaptureSystem::setModels(SharedModels models, enroll::LiveCapture::Engines engines)
{
    m_models = models;
    QMetaObject::invokeMethod(m_worker, "setModels", Qt::QueuedConnection, Q_ARG(fe::ui::SharedModels, models),
                              Q_ARG(fe::enroll::LiveCapture::Engines, std::move(engines)));
    Q_EMIT modelsReadyChanged(m_models != nullptr);
}

void CaptureSystem::startCamera()
{
    QMetaObject::invokeMethod(m_worker, &AnalysisWorker::resetStream, Qt::QueuedConnection);
    m_latest.reset();
    m_camera->start();
}

void CaptureSystem::stopCamera()
{
    m_camera->stop();
    m_latest.reset();
}

void CaptureSystem::showPreview()
{
    QMetaObject::invokeMethod(m_worker, &AnalysisWorker::startPreview, Qt::QueuedConnection);
}

void CaptureSystem::startDocument()
{
    QMetaObject::invokeMethod(m_worker, &AnalysisWorker::startDocument, Qt::QueuedConnection);
}

void CaptureSystem::startLive(int attemptId, const LiveSettings& settings)
{
    QMetaObject::invokeMethod(m_worker, "startLive", Qt::QueuedConnection, Q_ARG(int, attemptId),
                              Q_ARG(fe::ui::LiveSettings, settings));
}

void CaptureSystem::stopLive()
{
    QMetaObject::invokeMethod(m_worker, &AnalysisWorker::stopLive, Qt::QueuedConnection);
}

void CaptureSystem::grabStill(int requestId)
{
    QMetaObject::invokeMethod(m_worker, "grabStill", Qt::QueuedConnection, Q_ARG(int, requestId));
}

void CaptureSystem::setInjectedDelayMs(int ms)
{
    m_worker->setInjectedDelayMs(ms);
}

} // namespace fe::ui
