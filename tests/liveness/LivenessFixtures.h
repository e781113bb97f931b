#pragma once

#include "../vision/VisionFixtures.h"
#include "liveness/LivenessSession.h"
#include "vision/FaceGeometry.h"

#include <utility>
#include <vector>

namespace fe::test {

struct RecordedFrame
{
    cv::Mat bgr;
    vision::FrameAnalysis analysis;
};

// The analysis liveness is judged on: the low-resolution profile without the quality measures
// (liveness reads eye openness and brightness from the analysis itself; the quality measures
// are for the portrait only).
inline vision::AnalyzerOptions livenessAnalysis()
{
    auto o = lowres();
    o.assessQuality = false;
    return o;
}

// Runs the analyzer over frames [first, first + count) of a demo video and keeps what it saw:
// the landmark, pose and eye sequences the liveness state machine is driven with.
inline std::vector<RecordedFrame> record(fe::Asset video, std::int64_t first, std::int64_t count, bool keepFrames)
{
    vision::SourceOptions o;
    o.maxFrames = first + count;
    auto source = vision::FrameSource::open(asset(video), o);
    vision::FrameAnalyzer analyzer(visionModels().landmarks, lowres());
    std::vector<RecordedFrame> out;
    vision::Frame f;
    while (source->next(f)) {
        if (f.index < first)
            continue;
        // Stream time restarts at the segment, as a live session would see it.
        f.timestampMs -= static_cast<double>(first) * 1000.0 / source->fps();
        auto a = analyzer.analyze(f.bgr, f.timestampMs);
        out.push_back({keepFrames ? f.bgr.clone() : cv::Mat(), std::move(a)});
    }
    return out;
}

// Runs a fresh analyzer over frames (at `fps`, from time zero) and keeps the frames with their
// analyses: an assembled video, analysed as the camera loop would.
inline std::vector<RecordedFrame> analyse(const std::vector<cv::Mat>& frames, double fps,
                                          vision::AnalyzerOptions options = lowres())
{
    vision::FrameAnalyzer analyzer(visionModels().landmarks, std::move(options));
    std::vector<RecordedFrame> out;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        const double t = static_cast<double>(i) * 1000.0 / fps;
        out.push_back({frames[i], analyzer.analyze(frames[i], t)});
    }
    return out;
}

// Frames [first, first + count) of a demo video, decoded.
inline std::vector<cv::Mat> decodeFrames(fe::Asset video, std::int64_t first, std::int64_t count)
{
    vision::SourceOptions o;
    o.maxFrames = first + count;
    auto source = vision::FrameSource::open(asset(video), o);
    std::vector<cv::Mat> out;
    vision::Frame f;
    while (source->next(f)) {
        if (f.index >= first)
            out.push_back(f.bgr.clone());
    }
    return out;
}

inline liveness::LivenessResult drive(liveness::LivenessSession& session, const std::vector<RecordedFrame>& frames)
{
    for (const auto& f : frames) {
        if (session.finished())
            break;
        session.feed(f.bgr, f.analysis);
    }
    return session.finish();
}

inline QString describe(const liveness::LivenessResult& r)
{
    QString s = QString::fromLatin1(liveness::verdictKey(r.verdict).data());
    for (auto reason : r.reasons)
        s += QLatin1Char(' ') + QString::fromLatin1(liveness::reasonKey(reason).data());
    s += QStringLiteral(" | np %1 noise %2").arg(r.nonPlanarity, 0, 'f', 4).arg(r.landmarkNoise, 0, 'f', 4);
    for (const auto& b : r.blinkLog) {
        if (!b.counted)
            s += QLatin1Char(' ') + QString::fromLatin1(liveness::blinkRejectionKey(b.rejection).data());
    }
    s += QStringLiteral(" | blinks %1/%2 parallax %3 depth %4 nose %5 mouth %6 yaw %7 pad %8 same %9")
             .arg(r.blinks)
             .arg(r.blinkLog.size())
             .arg(r.pixelNonPlanarity, 0, 'f', 4)
             .arg(r.depthEvidence, 0, 'f', 4)
             .arg(r.noseRange, 0, 'f', 3)
             .arg(r.mouthRange, 0, 'f', 3)
             .arg(r.yawRange(), 0, 'f', 1)
             .arg(r.passiveScore, 0, 'f', 2)
             .arg(r.sameFaceScore, 0, 'f', 2);
    for (const auto& c : r.challenges)
        s += QStringLiteral(" [%1 met=%2 value=%3 nose=%4 np=%5]")
                 .arg(QString::fromLatin1(liveness::challengeKey(c.kind).data()))
                 .arg(c.met)
                 .arg(c.value, 0, 'f', 2)
                 .arg(c.noseShift, 0, 'f', 3)
                 .arg(c.nonPlanarity, 0, 'f', 4);
    return s;
}

} // namespace fe::test
