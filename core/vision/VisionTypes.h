#pragma once

#include "vision/Quality.h"

#include <opencv2/core/types.hpp>

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace fe::vision {

// The 68 points of the iBUG 300-W annotation, in frame pixels. Index ranges: jaw 0-16,
// brows 17-26, nose 27-35, subject's right eye 36-41 (image left), subject's left eye 42-47,
// outer lip 48-59, inner lip 60-67.
using Landmarks = std::array<cv::Point2f, 68>;

// Head pose in degrees, camera-centred. Sign convention (tested by mirroring):
// yaw > 0 when the face turns towards the image's right edge (the subject's left);
// pitch > 0 when the face tilts up; roll > 0 when the head tilts clockwise in the image.
// A horizontally mirrored frame negates yaw and roll and keeps pitch.
struct HeadPose
{
    double yaw = 0.0;
    double pitch = 0.0;
    double roll = 0.0;
    bool valid = false;
};

// One prioritised hint per frame; the UI translates it, the CLI prints guidanceKey().
enum class Guidance {
    NoFace,
    SeveralFaces,
    MoveCloser,
    MoveBack,
    CentreFace,
    LookStraight,
    StraightenHead,
    MoreLight,
    LessLight,
    OpenEyes,
    CloseMouth,
    HoldStill,
    Ok,
};

std::string_view guidanceKey(Guidance guidance) noexcept;

struct FaceObservation
{
    cv::Rect2f box;           // face box in frame px, in the HOG detector's convention
    Landmarks landmarks{};    // frame px
    HeadPose pose;            // degrees
    double earRight = 0.0;    // eye aspect ratio of the subject's right eye (image left)
    double earLeft = 0.0;     // eye aspect ratio of the subject's left eye (image right)
    double ear = 0.0;         // mean of both
    bool eyesClosed = false;  // against the subject's adaptive open-eye baseline
    // ear over the subject's adaptive open-eye baseline (EyeStateTracker): ~1 open, below its
    // closeRatio (0.78) closed. Set for the primary face, whatever the quality settings.
    double eyeOpenness = 1.0;
    // Mean grey level (0..255) of the face between the eyes and the mouth, on the frame as
    // captured. Set for the primary face, whatever the quality settings.
    double brightness = 0.0;
    double mouthOpen = 0.0;   // inner-lip gap / mouth width (0 = closed)
    double interEyeDistance = 0.0; // px between eye centres
    bool detected = false;    // the box came from a detection on this frame, not the tracker
    QualityReport quality;    // only the primary face is assessed
};

// Wall-clock milliseconds spent per stage on one frame.
struct StageTimings
{
    double detectMs = 0.0;
    double landmarksMs = 0.0;
    double poseMs = 0.0;
    double qualityMs = 0.0;
    double totalMs = 0.0;
};

struct FrameAnalysis
{
    std::int64_t frameIndex = 0;
    double timestampMs = 0.0;
    cv::Size frameSize;
    std::vector<FaceObservation> faces; // the tracked primary face first, if any
    Guidance guidance = Guidance::NoFace;
    bool blinkCompleted = false;        // a blink (close and reopen) ended on this frame
    int blinkCount = 0;                 // blinks since the analyzer was created or reset
    StageTimings timings;

    [[nodiscard]] const FaceObservation* primary() const { return faces.empty() ? nullptr : &faces.front(); }
};

} // namespace fe::vision
