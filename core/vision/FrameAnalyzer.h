#pragma once

#include "vision/EyeStateTracker.h"
#include "vision/VisionTypes.h"

#include <opencv2/core/mat.hpp>

#include <memory>

namespace fe::vision {

class LandmarkModel;

struct AnalyzerOptions
{
    QualityProfile profile = QualityProfile::byName("default");
    // false: the naive baseline that runs the detector on every full-resolution frame.
    bool tracking = true;
    // Whole-frame detection runs on the grey frame scaled down as far as the smallest face
    // the profile accepts (minInterEyeDistancePx) stays findable by the detector; faces
    // smaller than that are neither tracked nor counted.
    // Frames between re-detections in a window around the tracked face; they keep the track
    // honest and re-anchor the landmark box.
    int roiInterval = 6;
    // Frames between whole-frame scans that notice other faces entering the view.
    int fullScanInterval = 48;
    // Consecutive window re-detections that may miss before the track is dropped (a turned
    // head escapes the frontal detector while its landmarks stay good).
    int maxRoiMisses = 3;
    // Frames between the slower searches for small or tightly cropped faces while no face
    // is tracked (the first frame always gets one).
    int thoroughSearchInterval = 12;
    bool assessQuality = true;
    EyeStateTracker::Options eyes;
};

// Per-frame face analysis: detect -> track -> 68 landmarks -> head pose -> eyes and mouth ->
// quality -> guidance. Stateful across frames (tracking, eye baseline, blink count): one
// instance per video stream, used from one thread at a time. The landmark model is shared.
class FrameAnalyzer
{
public:
    FrameAnalyzer(std::shared_ptr<const LandmarkModel> landmarks, AnalyzerOptions options = {});
    ~FrameAnalyzer();
    FrameAnalyzer(FrameAnalyzer&&) noexcept;
    FrameAnalyzer& operator=(FrameAnalyzer&&) noexcept;

    // Frame contract. bgr: 8-bit, 3 channels (1- and 4-channel frames are converted), read
    // during the call only — nothing keeps a reference to its pixels, so the caller may reuse
    // the buffer for the next frame. timestampMs: the frame's presentation time in ms, not
    // decreasing from one call to the next (blink timing and the eye baseline depend on it).
    // The returned analysis is a plain value (frame px, degrees) that may go to another
    // thread. Throws fe::Error(InvalidArgument) for an empty or non-8-bit frame.
    FrameAnalysis analyze(const cv::Mat& bgr, double timestampMs);

    // Forget the track, the eye baseline and the blink count (a new subject).
    void reset();

    [[nodiscard]] const AnalyzerOptions& options() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_d;
};

} // namespace fe::vision
