#include "capture/AnalysisWorker.h"

#include "capture/FrameConverter.h"
#include "common/Clock.h"
#include "common/Error.h"
#include "common/UiLogging.h"
#include "common/UiText.h"
#include "enroll/LiveCapture.h"
#include "vision/FrameAnalyzer.h"
#include "vision/VisionModels.h"

#include <QThread>

namespace fe::ui {
namespace {

// A frame whose time does not advance gets this much after its predecessor (one frame at
// 30 fps): the analysis needs strictly increasing stream times.
constexpr double kMinFrameStepMs = 1000.0 / 30.0;

FrameResult::Stage toResultStage(int stage)
{
    switch (stage) {
    case 1: return FrameResult::Stage::Document;
    case 2: return FrameResult::Stage::Live;
    default: return FrameResult::Stage::Preview;
    }
}

} // namespace

AnalysisWorker::AnalysisWorker(std::shared_ptr<FrameMailbox> mailbox, QObject* parent)
    : QObject(parent), m_mailbox(std::move(mailbox))
{
}

AnalysisWorker::~AnalysisWorker() = default;

FrameResultPtr AnalysisWorker::takeLatest()
{
    m_notified = false;
    QMutexLocker lock(&m_latestMutex);
    return std::exchange(m_latest, nullptr);
}

void AnalysisWorker::publish(std::shared_ptr<FrameResult> result)
{
    {
        QMutexLocker lock(&m_latestMutex);
        m_latest = std::move(result);
    }
    if (!m_notified.exchange(true))
        Q_EMIT resultReady();
}

void AnalysisWorker::setModels(SharedModels models, enroll::LiveCapture::Engines engines)
{
    m_models = std::move(models);
    m_engines = std::move(engines);
    if (m_stage == Stage::Document)
        analyserFor("document");
    if (m_pendingLive)
        beginLive();
}

void AnalysisWorker::startPreview()
{
    m_live.reset();
    m_pendingLive.reset();
    m_stage = Stage::Preview;
}

void AnalysisWorker::startDocument()
{
    m_live.reset();
    m_pendingLive.reset();
    m_stage = Stage::Document;
    analyserFor("document");
}

void AnalysisWorker::startLive(int attemptId, LiveSettings settings)
{
    m_live.reset();
    m_stage = Stage::Live;
    m_attemptId = attemptId;
    m_liveSettings = settings;
    m_pendingLive = std::move(settings);
    analyserFor(m_liveSettings.qualityProfile);
    if (m_models)
        beginLive();
}

void AnalysisWorker::stopLive()
{
    m_live.reset();
    m_pendingLive.reset();
}

void AnalysisWorker::resetStream()
{
    m_streamOffsetMs = 0.0;
    m_lastStreamMs = -1.0;
    m_firstDeliveredNs = 0;
    m_lastBgr = cv::Mat();
    if (m_analyzer)
        m_analyzer->reset();
}

void AnalysisWorker::analyserFor(const std::string& profile)
{
    if (!m_models) {
        m_analyzer.reset();
        return;
    }
    if (m_analyzer && m_analyzerProfile == profile)
        return;
    try {
        vision::AnalyzerOptions options;
        options.profile = vision::QualityProfile::byName(profile);
        m_analyzer = std::make_unique<vision::FrameAnalyzer>(m_models->landmarks, options);
        m_analyzerProfile = profile;
    } catch (const fe::Error& e) {
        qCWarning(lcCapture) << "cannot make an analyzer:" << e.what();
        m_analyzer.reset();
    }
}

void AnalysisWorker::beginLive()
{
    if (!m_pendingLive || !m_models)
        return;
    const LiveSettings s = *m_pendingLive;
    m_pendingLive.reset();
    try {
        enroll::LiveCapture::Options options;
        options.analyzer.profile = vision::QualityProfile::byName(s.qualityProfile);
        options.liveness.mode = s.mode;
        options.liveness.source = s.source;
        options.liveness.challenges = s.challenges;
        options.liveness.seed = s.seed;
        options.spontaneousWindowMs = s.spontaneousWindowMs;
        if (!m_engines.valid())
            m_engines = enroll::LiveCapture::Engines::load(*m_models);
        m_live = std::make_unique<enroll::LiveCapture>(*m_models, options, m_engines);
        qCDebug(lcCapture) << "live attempt" << m_attemptId << "started";
        Q_EMIT attemptStarted(m_attemptId);
    } catch (const fe::Error& e) {
        Q_EMIT attemptFailed(m_attemptId, UiText::error(e));
    } catch (const std::exception& e) {
        Q_EMIT attemptFailed(m_attemptId, UiText::unexpected(e));
    }
}

void AnalysisWorker::finishLive()
{
    auto outcome = std::make_shared<AttemptOutcome>();
    outcome->attemptId = m_attemptId;
    try {
        outcome->result = m_live->finish(false);
        if (!outcome->result.portrait) {
            outcome->kind = AttemptOutcome::Kind::NoPortrait;
            enroll::LiveResult below = m_live->finish(true);
            if (below.portrait)
                outcome->override = std::move(below);
        } else {
            outcome->kind = outcome->result.liveness.verdict == liveness::Verdict::Live ? AttemptOutcome::Kind::Passed
                                                                                        : AttemptOutcome::Kind::LivenessFlag;
        }
    } catch (const fe::Error& e) {
        m_live.reset();
        Q_EMIT attemptFailed(m_attemptId, UiText::error(e));
        return;
    } catch (const std::exception& e) {
        m_live.reset();
        Q_EMIT attemptFailed(m_attemptId, UiText::unexpected(e));
        return;
    }
    m_live.reset();
    qCDebug(lcCapture) << "live attempt" << m_attemptId << "finished, kind" << static_cast<int>(outcome->kind);
    Q_EMIT attemptFinished(std::move(outcome));
}

double AnalysisWorker::streamTimeMs(qint64 startTimeUs, std::int64_t deliveredNs)
{
    double t = 0.0;
    if (startTimeUs >= 0) {
        t = static_cast<double>(startTimeUs) / 1000.0 + m_streamOffsetMs;
        if (m_lastStreamMs >= 0.0 && t <= m_lastStreamMs) {
            // A looping file started again (or a camera reset its clock): continue from here.
            m_streamOffsetMs += m_lastStreamMs - t + kMinFrameStepMs;
            t = m_lastStreamMs + kMinFrameStepMs;
        }
    } else {
        if (m_firstDeliveredNs == 0)
            m_firstDeliveredNs = deliveredNs;
        t = nsToMs(deliveredNs - m_firstDeliveredNs);
        if (m_lastStreamMs >= 0.0 && t <= m_lastStreamMs)
            t = m_lastStreamMs + kMinFrameStepMs;
    }
    m_lastStreamMs = t;
    return t;
}

void AnalysisWorker::processFrames()
{
    while (auto item = m_mailbox->take())
        handle(*item);
}

void AnalysisWorker::handle(const FrameMailbox::Item& item)
{
    cv::Mat bgr = FrameConverter::toBgr(item.frame);
    if (bgr.empty()) {
        if (!m_warnedFormat) {
            m_warnedFormat = true;
            const QString name = QVideoFrameFormat::pixelFormatToString(item.frame.pixelFormat());
            qCWarning(lcCapture) << "cannot convert camera frames of format" << name;
            Q_EMIT unsupportedFrames(name);
        }
        return;
    }
    ++m_converted;
    m_lastBgr = bgr;
    auto result = std::make_shared<FrameResult>();
    result->seq = item.seq;
    result->deliveredNs = item.deliveredNs;
    result->streamMs = streamTimeMs(item.frame.startTime(), item.deliveredNs);
    result->image = FrameConverter::toImage(bgr);
    result->stage = toResultStage(static_cast<int>(m_stage));
    result->modelsReady = m_models != nullptr;

    try {
        if (m_stage == Stage::Live && m_live) {
            const enroll::LiveCapture::Step step = m_live->feed(bgr, result->streamMs);
            result->analysed = true;
            result->analysis = step.analysis;
            result->attemptId = m_attemptId;
            result->prompt = step.prompt;
            result->spontaneous = m_liveSettings.mode == liveness::Mode::Spontaneous;
            result->liveElapsedMs = step.elapsedMs;
            result->liveWindowMs = m_liveSettings.spontaneousWindowMs;
            result->livenessFinished = step.livenessFinished;
            ++m_analysed;
            if (step.done)
                finishLive();
        } else if (m_stage != Stage::Preview && m_analyzer) {
            result->analysed = true;
            result->analysis = m_analyzer->analyze(bgr, result->streamMs);
            ++m_analysed;
        }
    } catch (const fe::Error& e) {
        qCWarning(lcCapture) << "analysis failed:" << e.what();
        if (m_live) {
            m_live.reset();
            Q_EMIT attemptFailed(m_attemptId, UiText::error(e));
        }
    }
    if (result->analysed) {
        if (const int delay = m_injectedDelayMs.load(); delay > 0)
            QThread::msleep(static_cast<unsigned long>(delay));
    }
    publish(std::move(result));
}

void AnalysisWorker::grabStill(int requestId)
{
    Q_EMIT stillGrabbed(requestId, m_lastBgr.empty() ? nullptr : std::make_shared<const cv::Mat>(m_lastBgr.clone()));
}

} // namespace fe::ui
