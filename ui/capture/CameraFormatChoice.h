#pragma once

#include <QSize>
#include <QVideoFrameFormat>

#include <vector>

namespace fe::ui {

// A camera's offered format, as the chooser sees it (QCameraFormat cannot be built by hand,
// so the choice is made on this plain copy and tested on synthetic lists).
struct FormatInfo
{
    QSize resolution;
    float maxFps = 0.f;
    QVideoFrameFormat::PixelFormat pixelFormat = QVideoFrameFormat::Format_Invalid;
};

// The index of the format to use, -1 for an empty list. Preference (issue 13): a resolution
// from 640x480 to 1280x720 at 25 fps or more, the largest such (a bigger face for the
// portrait), then raw formats over JPEG (no decode on the worker), then the higher rate.
// Without such a format: the one closest to 640x480 at the highest rate.
int chooseCameraFormat(const std::vector<FormatInfo>& formats);

} // namespace fe::ui
