#pragma once

// Inputs of the enrollment tests, analysed from the demo media: the live step over a window of
// a video (spontaneous liveness, lowres profile: the demo videos are small), or a still held
// to the camera for 5 s.

#include "../vision/VisionFixtures.h"
#include "enroll/LiveCapture.h"

namespace fe::test {

inline enroll::LiveCapture::Options spontaneousLowres()
{
    enroll::LiveCapture::Options o;
    o.analyzer = lowres();
    o.liveness.mode = liveness::Mode::Spontaneous;
    o.liveness.source = liveness::CaptureSource::DemoCamera; // the demo media
    return o;
}

// The live step over frames [first, first + count) of a demo video, timed from the window's start.
inline enroll::LiveResult liveWindow(Asset video, std::int64_t first, std::int64_t count)
{
    enroll::LiveCapture capture(visionModels(), spontaneousLowres());
    vision::SourceOptions so;
    so.maxFrames = first + count;
    auto source = vision::FrameSource::open(asset(video), so);
    vision::Frame f;
    while (source->next(f)) {
        if (f.index >= first)
            capture.feed(f.bgr, f.timestampMs - first * 1000.0 / source->fps());
    }
    return capture.finish();
}

// A still shown to the camera for 5 s at 25 fps: the "photo held up" presentation.
inline enroll::LiveResult liveStill(const cv::Mat& still)
{
    enroll::LiveCapture capture(visionModels(), spontaneousLowres());
    for (int i = 0; i < 125; ++i)
        capture.feed(still, i * 40.0);
    return capture.finish();
}

} // namespace fe::test
