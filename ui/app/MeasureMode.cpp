#include "app/MeasureMode.h"

#include "app/ModelLoader.h"
#include "capture/CameraController.h"
#include "capture/CaptureSystem.h"
#include "capture/CaptureView.h"
#include "common/Clock.h"
#include "common/Percentiles.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace fe::ui {
namespace {

// The steady window starts this long after the first analysed frame is painted: the first
// live attempt loads its encoder and PAD model then, which is start-up, not steady state.
constexpr double kSettleMs = 1000.0;
// The attempt never ends during a measurement.
constexpr double kWindowMarginMs = 60000.0;

double round1(double v)
{
    return std::round(v * 10.0) / 10.0;
}

} // namespace

std::int64_t MeasureMode::processStartNs()
{
#ifdef __linux__
    // Field 22 of /proc/self/stat: start time in clock ticks after boot (CLOCK_BOOTTIME).
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray text = stat.readAll();
        const int close = text.lastIndexOf(')');
        const QList<QByteArray> fields = text.mid(close + 2).split(' ');
        // After "pid (comm) ", the state is field 3: starttime (22) is at index 19.
        if (fields.size() > 19) {
            bool ok = false;
            const double ticks = fields[19].toDouble(&ok);
            timespec boot{};
            if (ok && clock_gettime(CLOCK_BOOTTIME, &boot) == 0) {
                const double startS = ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
                const double nowS = static_cast<double>(boot.tv_sec) + static_cast<double>(boot.tv_nsec) / 1e9;
                return monotonicNs() - static_cast<std::int64_t>((nowS - startS) * 1e9);
            }
        }
    }
#endif
    return monotonicNs();
}

MeasureMode::MeasureMode(QString demoFile, double seconds, QObject* parent)
    : QObject(parent), m_demoFile(std::move(demoFile)), m_seconds(seconds)
{
}

MeasureMode::~MeasureMode() = default;

void MeasureMode::start()
{
    m_startNs = processStartNs();
    m_capture = std::make_unique<CaptureSystem>();
    m_models = std::make_unique<ModelLoader>();
    m_view = std::make_unique<CaptureView>();
    m_view->setStats(&m_capture->stats());
    m_view->setWindowTitle(QStringLiteral("FaceEnroll --measure"));
    m_view->resize(960, 720);
    m_view->setDemo(true);
    m_view->setMirrored(true); // as the live page shows it
    m_view->setStatusText(tr("Preparing face analysis…"));

    LiveSettings live;
    live.mode = liveness::Mode::Spontaneous;
    live.qualityProfile = "lowres";
    live.spontaneousWindowMs = m_seconds * 1000.0 + kWindowMarginMs;

    connect(m_models.get(), &ModelLoader::loaded, this, [this, live](SharedModels models, enroll::LiveCapture::Engines engines) {
        m_capture->setModels(std::move(models), std::move(engines));
        m_capture->startLive(1, live);
        m_view->setStatusText({});
    });
    connect(m_models.get(), &ModelLoader::failed, this, [this](const QString& text) {
        m_error = text;
        finish();
    });
    connect(m_capture.get(), &CaptureSystem::frameResult, this, [this](const FrameResultPtr& r) {
        m_view->setResult(r);
        m_view->repaint(); // paint now: the figures are about this frame
        onPainted();
    });
    m_capture->camera()->setChoice(CameraChoice::demoFile(m_demoFile));
    m_view->show();
    m_models->start();
    m_capture->showPreview();
    m_capture->startCamera();
    QTimer::singleShot(static_cast<int>(m_seconds * 1000.0), this, &MeasureMode::finish);
}

void MeasureMode::onPainted()
{
    const FrameResultPtr r = m_view->result();
    if (!r)
        return;
    const double sinceStart = nsToMs(monotonicNs() - m_startNs);
    if (!m_previewMs)
        m_previewMs = sinceStart;
    if (r->analysed && !m_readyMs)
        m_readyMs = sinceStart;
    if (m_readyMs && !m_steady && sinceStart - *m_readyMs >= kSettleMs) {
        m_steady = true;
        m_steadyNs = monotonicNs();
        const auto c = m_capture->counters();
        m_steadyDelivered = c.delivered;
        m_steadyAnalysed = c.analysed;
        m_steadyDropped = c.dropped;
        m_steadyLatencyIndex = m_capture->stats().allLatencies().size();
        m_latency.start();
    }
}

void MeasureMode::finish()
{
    m_latency.stop();
    QJsonObject out;
    if (!m_error.isEmpty()) {
        out.insert(QStringLiteral("error"), m_error);
    } else {
        const auto c = m_capture->counters();
        const double steadyS = m_steady ? nsToMs(monotonicNs() - m_steadyNs) / 1000.0 : 0.0;
        const auto& all = m_capture->stats().allLatencies();
        const std::vector<double> latencies(all.begin() + static_cast<std::ptrdiff_t>(std::min(m_steadyLatencyIndex, all.size())),
                                            all.end());
        out.insert(QStringLiteral("start_to_preview_ms"), m_previewMs ? QJsonValue(round1(*m_previewMs)) : QJsonValue());
        out.insert(QStringLiteral("start_to_ready_ms"), m_readyMs ? QJsonValue(round1(*m_readyMs)) : QJsonValue());
        out.insert(QStringLiteral("capture_fps"),
                   steadyS > 0 ? round1(static_cast<double>(c.delivered - m_steadyDelivered) / steadyS) : 0.0);
        out.insert(QStringLiteral("analysis_fps"),
                   steadyS > 0 ? round1(static_cast<double>(c.analysed - m_steadyAnalysed) / steadyS) : 0.0);
        out.insert(QStringLiteral("overlay_latency_ms"),
                   QJsonObject{{QStringLiteral("p50"), round1(percentile(latencies, 0.5))},
                               {QStringLiteral("p95"), round1(percentile(latencies, 0.95))}});
        out.insert(QStringLiteral("ui_stall_ms"), QJsonObject{{QStringLiteral("p50"), round1(m_latency.percentile(0.5))},
                                                              {QStringLiteral("p99"), round1(m_latency.percentile(0.99))}});
        out.insert(QStringLiteral("dropped"), static_cast<qint64>(c.dropped - m_steadyDropped));
        out.insert(QStringLiteral("dropped_total"), static_cast<qint64>(c.dropped));
        out.insert(QStringLiteral("steady_seconds"), round1(steadyS));
        const FrameResultPtr last = m_capture->latest();
        if (last)
            out.insert(QStringLiteral("frame_size"),
                       QStringLiteral("%1x%2").arg(last->image.width()).arg(last->image.height()));
    }
    const QByteArray json = QJsonDocument(out).toJson(QJsonDocument::Compact);
    std::fwrite(json.constData(), 1, static_cast<std::size_t>(json.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    Q_EMIT finished(m_error.isEmpty() ? 0 : 2);
}

} // namespace fe::ui
