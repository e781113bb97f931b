#pragma once

#include "capture/AttemptOutcome.h"
#include "capture/FrameMailbox.h"
#include "capture/FrameResult.h"
#include "capture/LiveSettings.h"
#include "enroll/LiveCapture.h"

#include <QImage>
#include <QMutex>
#include <QObject>

#include <opencv2/core/mat.hpp>

#include <atomic>
#include <memory>
#include <optional>

namespace fe::vision {
struct VisionModels;
class FrameAnalyzer;
} // namespace fe::vision
namespace fe::ui {

using SharedMat = std::shared_ptr<const cv::Mat>;
using SharedModels = std::shared_ptr<const vision::VisionModels>;

// The analysis thread's object (DESIGN.md "The GUI's threads"): takes the newest frame from
// the mailbox, maps and converts it, analyses it for the current stage, and publishes the
// picture with its own analysis as one FrameResult. Stages: Preview (convert only), Document
// (face analysis with the document profile, for the ID photo), Live (one LiveCapture attempt:
// analysis, liveness and best shot; afterwards face analysis continues with its profile).
// Frames that arrive while it works replace each other in the mailbox and count as dropped.
//
// Lives on its own QThread: call the slots through queued invocations. takeLatest(),
// analysedCount() and setInjectedDelayMs() are thread-safe.
class AnalysisWorker : public QObject
{
    Q_OBJECT

public:
    explicit AnalysisWorker(std::shared_ptr<FrameMailbox> mailbox, QObject* parent = nullptr);
    ~AnalysisWorker() override;

    // The newest published result (null when none is new) and re-arms resultReady().
    FrameResultPtr takeLatest();
    [[nodiscard]] std::uint64_t analysedCount() const { return m_analysed.load(); }
    [[nodiscard]] std::uint64_t convertedCount() const { return m_converted.load(); }
    // Tests: sleep this long after analysing each frame, to play a slow machine.
    void setInjectedDelayMs(int ms) { m_injectedDelayMs = ms; }

public Q_SLOTS:
    void processFrames();
    // The models, and the live capture's networks when already loaded for this thread (else
    // the first live attempt loads them; later attempts reuse them).
    void setModels(fe::ui::SharedModels models, fe::enroll::LiveCapture::Engines engines);
    void startPreview();
    void startDocument();
    void startLive(int attemptId, fe::ui::LiveSettings settings);
    void stopLive();
    void grabStill(int requestId);
    // A new source: stream time starts again.
    void resetStream();

Q_SIGNALS:
    void resultReady();
    void attemptStarted(int attemptId);
    void attemptFinished(fe::ui::AttemptOutcomePtr outcome);
    void attemptFailed(int attemptId, const QString& message);
    void stillGrabbed(int requestId, fe::ui::SharedMat bgr);
    void unsupportedFrames(const QString& pixelFormat);

private:
    enum class Stage { Preview, Document, Live };
    double streamTimeMs(qint64 startTimeUs, std::int64_t deliveredNs);
    void handle(const FrameMailbox::Item& item);
    void beginLive();
    void finishLive();
    void analyserFor(const std::string& profile);
    void publish(std::shared_ptr<FrameResult> result);

    std::shared_ptr<FrameMailbox> m_mailbox;
    SharedModels m_models;
    enroll::LiveCapture::Engines m_engines;
    Stage m_stage = Stage::Preview;
    std::unique_ptr<vision::FrameAnalyzer> m_analyzer;
    std::string m_analyzerProfile;
    std::unique_ptr<enroll::LiveCapture> m_live;
    int m_attemptId = 0;
    std::optional<LiveSettings> m_pendingLive;
    LiveSettings m_liveSettings;
    cv::Mat m_lastBgr;

    // Stream time: the frames' own times, unwrapped where a looping file starts again.
    double m_streamOffsetMs = 0.0;
    double m_lastStreamMs = -1.0;
    std::int64_t m_firstDeliveredNs = 0;
    bool m_warnedFormat = false;

    QMutex m_latestMutex;
    FrameResultPtr m_latest;
    std::atomic<bool> m_notified{false};
    std::atomic<std::uint64_t> m_analysed{0};
    std::atomic<std::uint64_t> m_converted{0};
    std::atomic<int> m_injectedDelayMs{0};
};

} // namespace fe::ui

Q_DECLARE_METATYPE(fe::ui::SharedMat)
Q_DECLARE_METATYPE(fe::ui::SharedModels)
Q_DECLARE_METATYPE(fe::enroll::LiveCapture::Engines)
