#pragma once

#include "common/EventLoopLatency.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>

namespace fe::ui {

class CaptureSystem;
class CaptureView;
class ModelLoader;

// `faceenroll --demo-camera [FILE] --measure SECONDS`: the live capture view on the demo
// camera, no station or login, for that long; then one JSON object on stdout with the
// capture path's figures (issue 13 "Performance"):
//   start_to_preview_ms  process start -> first frame painted
//   start_to_ready_ms    process start -> first frame painted with its analysis
//   capture_fps, analysis_fps, dropped     over the steady window (from 1 s after ready)
//   overlay_latency_ms {p50, p95}          sink delivery -> painted with its own analysis
//   ui_stall_ms {p50, p99}                 GUI event-loop lateness, 5 ms timer, steady window
class MeasureMode : public QObject
{
    Q_OBJECT

public:
    MeasureMode(QString demoFile, double seconds, QObject* parent = nullptr);
    ~MeasureMode() override;

    void start();
    // The process's start on the monotonic clock (from /proc on Linux, else now).
    static std::int64_t processStartNs();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void onPainted();
    void finish();

    QString m_demoFile;
    double m_seconds;
    std::unique_ptr<CaptureSystem> m_capture;
    std::unique_ptr<ModelLoader> m_models;
    std::unique_ptr<CaptureView> m_view;
    EventLoopLatency m_latency;
    std::int64_t m_startNs = 0;
    std::optional<double> m_previewMs;
    std::optional<double> m_readyMs;
    std::int64_t m_steadyNs = 0;
    std::uint64_t m_steadyDelivered = 0;
    std::uint64_t m_steadyAnalysed = 0;
    std::uint64_t m_steadyDropped = 0;
    std::size_t m_steadyLatencyIndex = 0;
    bool m_steady = false;
    QString m_error;
};

} // namespace fe::ui
