#include "capture/CameraController.h"

#include "capture/CameraFormatChoice.h"
#include "capture/FrameConverter.h"
#include "capture/FrameMailbox.h"
#include "common/Clock.h"
#include "common/Error.h"
#include "common/UiLogging.h"
#include "vision/FrameSource.h"

#include <QCamera>
#include <QFileInfo>
#include <QMediaPlayer>
#include <QUrl>
#include <QVideoFrame>
#include <QVideoSink>

namespace fe::ui {
namespace {

// The still-image camera shows its picture at 25 fps, as the CLI's still source does.
constexpr int kStillIntervalMs = 40;
constexpr int kWatchdogIntervalMs = 250;

} // namespace

CameraController::CameraController(std::shared_ptr<FrameMailbox> mailbox, std::function<void()> wakeWorker,
                                   QObject* parent)
    : QObject(parent), m_mailbox(std::move(mailbox)), m_wakeWorker(std::move(wakeWorker)),
      m_sink(std::make_unique<QVideoSink>())
{
    // The backend may deliver on its own thread: the handler only touches the mailbox.
    connect(m_sink.get(), &QVideoSink::videoFrameChanged, m_sink.get(),
            [this](const QVideoFrame& frame) { onFrame(frame); }, Qt::DirectConnection);
    connect(&m_devices, &QMediaDevices::videoInputsChanged, this, &CameraController::onDevicesChanged);
    m_stillTimer.setInterval(kStillIntervalMs);
    m_stillTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_stillTimer, &QTimer::timeout, this, [this] {
        QVideoFrame frame = FrameConverter::fromBgr(m_still, QVideoFrameFormat::Format_YUV420P);
        frame.setStartTime(m_stillFrames * kStillIntervalMs * 1000);
        frame.setEndTime((m_stillFrames + 1) * kStillIntervalMs * 1000);
        ++m_stillFrames;
        m_sink->setVideoFrame(frame);
    });
    m_watchdog.setInterval(kWatchdogIntervalMs);
    connect(&m_watchdog, &QTimer::timeout, this, &CameraController::watchdog);
}

CameraController::~CameraController()
{
    teardown();
}

QList<QCameraDevice> CameraController::cameras()
{
    return QMediaDevices::videoInputs();
}

CameraChoice CameraController::automatic(const QString& demoVideo)
{
    const auto list = cameras();
    if (!list.isEmpty()) {
        CameraChoice c;
        c.kind = CameraChoice::Kind::Device;
        c.deviceId = list.first().id();
        return c;
    }
    return CameraChoice::demoFile(demoVideo);
}

void CameraController::setChoice(const CameraChoice& choice)
{
    if (choice == m_choice)
        return;
    const bool wasRunning = m_running;
    if (wasRunning)
        stop();
    m_choice = choice;
    Q_EMIT choiceChanged();
    if (wasRunning)
        start();
}

QString CameraController::sourceName() const
{
    if (m_choice.kind == CameraChoice::Kind::Device) {
        for (const auto& d : cameras())
            if (d.id() == m_choice.deviceId)
                return d.description();
        return QString::fromLatin1(m_choice.deviceId);
    }
    return QFileInfo(m_choice.file).fileName();
}

void CameraController::start()
{
    teardown();
    m_mailbox->clear();
    m_running = true;
    m_sawFrame = false;
    m_startedNs = monotonicNs();
    m_framesAtLastCheck = m_mailbox->delivered();
    setProblem(Problem::None);
    switch (m_choice.kind) {
    case CameraChoice::Kind::Device: startDevice(); break;
    case CameraChoice::Kind::DemoVideo: startDemoVideo(); break;
    case CameraChoice::Kind::StillImage: startStill(); break;
    }
    m_watchdog.start();
}

void CameraController::stop()
{
    m_running = false;
    m_watchdog.stop();
    teardown();
    m_mailbox->clear();
    if (m_problem != Problem::NoCamera)
        setProblem(Problem::None);
}

void CameraController::teardown()
{
    m_stillTimer.stop();
    if (m_camera) {
        m_session.setCamera(nullptr);
        m_session.setVideoSink(nullptr);
        m_camera->stop();
        m_camera.reset();
    }
    if (m_player) {
        m_player->stop();
        m_player->setVideoSink(nullptr);
        m_player.reset();
    }
}

void CameraController::startDevice()
{
    QCameraDevice device;
    for (const auto& d : cameras())
        if (d.id() == m_choice.deviceId)
            device = d;
    if (device.isNull()) {
        setProblem(Problem::NoCamera, QString::fromLatin1(m_choice.deviceId));
        return;
    }
    m_camera = std::make_unique<QCamera>(device);
    std::vector<FormatInfo> infos;
    const auto formats = device.videoFormats();
    for (const auto& f : formats)
        infos.push_back({f.resolution(), f.maxFrameRate(), f.pixelFormat()});
    if (const int i = chooseCameraFormat(infos); i >= 0) {
        m_camera->setCameraFormat(formats[i]);
        qCInfo(lcCapture) << "camera format" << formats[i].resolution() << formats[i].maxFrameRate() << "fps"
                          << QVideoFrameFormat::pixelFormatToString(formats[i].pixelFormat());
    }
    connect(m_camera.get(), &QCamera::errorOccurred, this, [this](QCamera::Error error, const QString& text) {
        if (error != QCamera::NoError)
            setProblem(Problem::StartFailed, text);
    });
    m_session.setVideoSink(m_sink.get());
    m_session.setCamera(m_camera.get());
    m_camera->start();
}

void CameraController::startDemoVideo()
{
    if (!QFileInfo::exists(m_choice.file)) {
        setProblem(Problem::StartFailed, m_choice.file);
        return;
    }
    m_player = std::make_unique<QMediaPlayer>();
    m_player->setVideoSink(m_sink.get());
    m_player->setLoops(QMediaPlayer::Infinite);
    connect(m_player.get(), &QMediaPlayer::errorOccurred, this,
            [this](QMediaPlayer::Error error, const QString& text) {
                if (error != QMediaPlayer::NoError)
                    setProblem(Problem::StartFailed, text);
            });
    m_player->setSource(QUrl::fromLocalFile(m_choice.file));
    m_player->play();
}

void CameraController::startStill()
{
    try {
        cv::Mat image = vision::readImage(m_choice.file.toStdString());
        // The frames are 4:2:0: an even size.
        m_still = image(cv::Rect(0, 0, image.cols & ~1, image.rows & ~1)).clone();
    } catch (const fe::Error& e) {
        setProblem(Problem::StartFailed, QString::fromLocal8Bit(e.what()));
        return;
    }
    m_stillFrames = 0;
    m_stillTimer.start();
}

void CameraController::onFrame(const QVideoFrame& frame)
{
    if (!frame.isValid())
        return;
    if (m_mailbox->put(frame, monotonicNs()) && m_wakeWorker)
        m_wakeWorker();
}

void CameraController::watchdog()
{
    if (!m_running)
        return;
    const std::uint64_t delivered = m_mailbox->delivered();
    const bool newFrames = delivered != m_framesAtLastCheck;
    m_framesAtLastCheck = delivered;
    if (newFrames) {
        if (!m_sawFrame) {
            m_sawFrame = true;
            Q_EMIT firstFrame();
        }
        if (m_problem == Problem::Stalled)
            setProblem(Problem::None);
        return;
    }
    if (m_problem != Problem::None)
        return;
    const std::int64_t last = m_sawFrame ? m_mailbox->lastDeliveredNs() : m_startedNs;
    if (nsToMs(monotonicNs() - last) > kStallMs)
        setProblem(Problem::Stalled);
}

void CameraController::onDevicesChanged()
{
    Q_EMIT camerasChanged();
    if (m_choice.kind != CameraChoice::Kind::Device || !m_running)
        return;
    const auto list = cameras();
    bool present = false;
    for (const auto& d : list)
        present = present || d.id() == m_choice.deviceId;
    if (!present && m_problem != Problem::Unplugged && m_problem != Problem::NoCamera) {
        qCInfo(lcCapture) << "camera unplugged";
        teardown();
        setProblem(Problem::Unplugged);
    } else if (m_problem == Problem::Unplugged || m_problem == Problem::NoCamera) {
        if (!present && !list.isEmpty()) {
            // Another camera came: use it rather than keep the enrollment waiting.
            m_choice.deviceId = list.first().id();
            present = true;
            Q_EMIT choiceChanged();
        }
        if (present) {
            qCInfo(lcCapture) << "a camera is back; restarting";
            start();
        }
    }
}

void CameraController::reportUnsupportedFormat(const QString& format)
{
    setProblem(Problem::Unsupported, format);
}

void CameraController::setProblem(Problem problem, const QString& detail)
{
    if (problem == m_problem && detail == m_problemDetail)
        return;
    m_problem = problem;
    m_problemDetail = detail;
    if (problem != Problem::None)
        qCInfo(lcCapture) << "camera problem" << problem;
    Q_EMIT problemChanged(problem);
}

} // namespace fe::ui
