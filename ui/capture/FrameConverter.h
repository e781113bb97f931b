#pragma once

#include <QImage>
#include <QVideoFrame>
#include <QVideoFrameFormat>

#include <opencv2/core/mat.hpp>

namespace fe::ui {

// Camera frames to the analysis' 8-bit BGR and to the view's QImage, on the worker thread.
// The frame is mapped and its planes converted with OpenCV (YUV420P, YV12, NV12, NV21, YUYV,
// UYVY, the 32-bit RGB orders, Y8, JPEG): under Xvfb QVideoFrame::toImage() renders through
// the RHI and cost 11.6 ms a frame (410 ms the first), the mapped conversion 0.45 ms.
class FrameConverter
{
public:
    // A new BGR image (never shared with the frame), or an empty Mat when the frame cannot
    // be mapped or its format is not one of the above.
    static cv::Mat toBgr(const QVideoFrame& frame);
    [[nodiscard]] static bool supports(QVideoFrameFormat::PixelFormat format);

    // A deep copy in QImage::Format_RGB32 (the raster engine's own format; its bytes are
    // B, G, R, 0xff on little-endian machines, so one cvtColor fills it).
    static QImage toImage(const cv::Mat& bgr);

    // A frame of the given format holding the BGR image: what the still-image camera feeds
    // to the sink, and what the tests convert back. Supports the formats toBgr supports,
    // except JPEG.
    static QVideoFrame fromBgr(const cv::Mat& bgr, QVideoFrameFormat::PixelFormat format);
};

} // namespace fe::ui
