#pragma once

#include "liveness/LivenessTypes.h"
#include "vision/VisionTypes.h"

#include <QImage>
#include <QMetaType>

#include <cstdint>
#include <memory>
#include <optional>

namespace fe::ui {

// What the analysis worker did with one camera frame, handed to the view as an immutable
// snapshot: the picture and the analysis of that same picture, never of another.
struct FrameResult
{
    enum class Stage { Preview, Document, Live };

    std::uint64_t seq = 0;        // the sink's delivery number
    std::int64_t deliveredNs = 0; // monotonicNs() at delivery (for the overlay latency)
    double streamMs = 0.0;        // the frame's stream time, as fed to the analysis
    QImage image;                 // Format_RGB32

    Stage stage = Stage::Preview;
    bool modelsReady = false;
    bool analysed = false;
    vision::FrameAnalysis analysis; // frame px; valid when analysed

    // Live stage: the attempt and its progress.
    int attemptId = 0;
    bool spontaneous = false;
    std::optional<liveness::Prompt> prompt;
    double liveElapsedMs = 0.0;
    double liveWindowMs = 0.0;    // spontaneous mode's window
    bool livenessFinished = false;
};

using FrameResultPtr = std::shared_ptr<const FrameResult>;

} // namespace fe::ui

Q_DECLARE_METATYPE(fe::ui::FrameResultPtr)
