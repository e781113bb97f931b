#include "capture/FrameConverter.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstring>

namespace fe::ui {
namespace {

using PF = QVideoFrameFormat::PixelFormat;

// Keeps a frame mapped for the scope.
class MappedFrame
{
public:
    explicit MappedFrame(const QVideoFrame& frame) : m_frame(frame) { m_ok = m_frame.map(QVideoFrame::ReadOnly); }
    ~MappedFrame()
    {
        if (m_ok)
            m_frame.unmap();
    }
    MappedFrame(const MappedFrame&) = delete;
    MappedFrame& operator=(const MappedFrame&) = delete;

    [[nodiscard]] bool ok() const { return m_ok; }
    // A view of one plane (rows x cols elements of `type`), with the frame's stride.
    [[nodiscard]] cv::Mat plane(int index, int rows, int cols, int type) const
    {
        return cv::Mat(rows, cols, type, const_cast<uchar*>(m_frame.bits(index)),
                       static_cast<std::size_t>(m_frame.bytesPerLine(index)));
    }
    [[nodiscard]] const QVideoFrame& frame() const { return m_frame; }

private:
    QVideoFrame m_frame;
    bool m_ok = false;
};

// The planes of a 4:2:0 frame, copied into OpenCV's packed I420 layout (Y, then U, then V).
cv::Mat packI420(const MappedFrame& m, int w, int h, bool vFirst)
{
    cv::Mat packed(h * 3 / 2, w, CV_8UC1);
    m.plane(0, h, w, CV_8UC1).copyTo(packed.rowRange(0, h));
    uchar* dst = packed.ptr(h);
    const int cw = w / 2;
    const int ch = h / 2;
    for (int p = 1; p <= 2; ++p) {
        const int src = vFirst ? 3 - p : p; // YV12 stores V before U
        const cv::Mat chroma = m.plane(src, ch, cw, CV_8UC1);
        for (int r = 0; r < ch; ++r, dst += cw)
            std::memcpy(dst, chroma.ptr(r), static_cast<std::size_t>(cw));
    }
    return packed;
}

} // namespace

bool FrameConverter::supports(QVideoFrameFormat::PixelFormat f)
{
    switch (f) {
    case PF::Format_YUV420P:
    case PF::Format_YV12:
    case PF::Format_NV12:
    case PF::Format_NV21:
    case PF::Format_YUYV:
    case PF::Format_UYVY:
    case PF::Format_BGRA8888:
    case PF::Format_BGRA8888_Premultiplied:
    case PF::Format_BGRX8888:
    case PF::Format_RGBA8888:
    case PF::Format_RGBX8888:
    case PF::Format_ARGB8888:
    case PF::Format_ARGB8888_Premultiplied:
    case PF::Format_XRGB8888:
    case PF::Format_ABGR8888:
    case PF::Format_XBGR8888:
    case PF::Format_Y8:
    case PF::Format_Jpeg: return true;
    default: return false;
    }
}

cv::Mat FrameConverter::toBgr(const QVideoFrame& frame)
{
    if (!frame.isValid() || !supports(frame.pixelFormat()))
        return {};
    MappedFrame m(frame);
    if (!m.ok())
        return {};
    const PF format = frame.pixelFormat();
    // 4:2:0 and 4:2:2 conversions need even sizes; an odd last row or column is left out.
    int w = frame.width();
    int h = frame.height();
    if (format != PF::Format_Jpeg && format != PF::Format_Y8 && frame.planeCount() >= 1 &&
        (format == PF::Format_YUV420P || format == PF::Format_YV12 || format == PF::Format_NV12 ||
         format == PF::Format_NV21 || format == PF::Format_YUYV || format == PF::Format_UYVY)) {
        w &= ~1;
        h &= ~1;
    }
    if (w <= 0 || h <= 0)
        return {};

    cv::Mat bgr;
    switch (format) {
    case PF::Format_YUV420P: cv::cvtColor(packI420(m, w, h, false), bgr, cv::COLOR_YUV2BGR_I420); break;
    case PF::Format_YV12: cv::cvtColor(packI420(m, w, h, true), bgr, cv::COLOR_YUV2BGR_I420); break;
    case PF::Format_NV12:
    case PF::Format_NV21:
        cv::cvtColorTwoPlane(m.plane(0, h, w, CV_8UC1), m.plane(1, h / 2, w / 2, CV_8UC2), bgr,
                             format == PF::Format_NV12 ? cv::COLOR_YUV2BGR_NV12 : cv::COLOR_YUV2BGR_NV21);
        break;
    case PF::Format_YUYV: cv::cvtColor(m.plane(0, h, w, CV_8UC2), bgr, cv::COLOR_YUV2BGR_YUY2); break;
    case PF::Format_UYVY: cv::cvtColor(m.plane(0, h, w, CV_8UC2), bgr, cv::COLOR_YUV2BGR_UYVY); break;
    case PF::Format_BGRA8888:
    case PF::Format_BGRA8888_Premultiplied:
    case PF::Format_BGRX8888: cv::cvtColor(m.plane(0, h, w, CV_8UC4), bgr, cv::COLOR_BGRA2BGR); break;
    case PF::Format_RGBA8888:
    case PF::Format_RGBX8888: cv::cvtColor(m.plane(0, h, w, CV_8UC4), bgr, cv::COLOR_RGBA2BGR); break;
    case PF::Format_ARGB8888:
    case PF::Format_ARGB8888_Premultiplied:
    case PF::Format_XRGB8888:
    case PF::Format_ABGR8888:
    case PF::Format_XBGR8888: {
        // Byte order A,R,G,B (or A,B,G,R): pick the colour bytes into B,G,R.
        const bool rgb = format != PF::Format_ABGR8888 && format != PF::Format_XBGR8888;
        bgr.create(h, w, CV_8UC3);
        const int fromTo[] = {rgb ? 3 : 1, 0, 2, 1, rgb ? 1 : 3, 2};
        const cv::Mat src = m.plane(0, h, w, CV_8UC4);
        cv::mixChannels(&src, 1, &bgr, 1, fromTo, 3);
        break;
    }
    case PF::Format_Y8: cv::cvtColor(m.plane(0, h, w, CV_8UC1), bgr, cv::COLOR_GRAY2BGR); break;
    case PF::Format_Jpeg: {
        const cv::Mat bytes(1, frame.mappedBytes(0), CV_8UC1, const_cast<uchar*>(frame.bits(0)));
        bgr = cv::imdecode(bytes, cv::IMREAD_COLOR);
        break;
    }
    default: return {};
    }
    return bgr;
}

QImage FrameConverter::toImage(const cv::Mat& bgr)
{
    if (bgr.empty() || bgr.type() != CV_8UC3)
        return {};
    QImage image(bgr.cols, bgr.rows, QImage::Format_RGB32);
    cv::Mat view(bgr.rows, bgr.cols, CV_8UC4, image.bits(), static_cast<std::size_t>(image.bytesPerLine()));
    // QImage::Format_RGB32 is 0xffRRGGBB per pixel: bytes B, G, R, 0xff in memory on the
    // little-endian machines FaceEnroll runs on.
    static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "Format_RGB32 byte order assumed little-endian");
    cv::cvtColor(bgr, view, cv::COLOR_BGR2BGRA);
    return image;
}

QVideoFrame FrameConverter::fromBgr(const cv::Mat& bgr, QVideoFrameFormat::PixelFormat format)
{
    if (bgr.empty() || bgr.type() != CV_8UC3 || format == PF::Format_Jpeg || !supports(format))
        return {};
    const int w = bgr.cols;
    const int h = bgr.rows;
    QVideoFrame frame(QVideoFrameFormat(QSize(w, h), format));
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    const auto plane = [&](int index, int rows, int cols, int type) {
        return cv::Mat(rows, cols, type, frame.bits(index), static_cast<std::size_t>(frame.bytesPerLine(index)));
    };
    switch (format) {
    case PF::Format_YUV420P:
    case PF::Format_YV12:
    case PF::Format_NV12:
    case PF::Format_NV21:
    case PF::Format_YUYV:
    case PF::Format_UYVY: {
        cv::Mat i420;
        cv::cvtColor(bgr, i420, cv::COLOR_BGR2YUV_I420); // needs even w, h
        const cv::Mat y = i420.rowRange(0, h);
        const cv::Mat u = cv::Mat(h / 2, w / 2, CV_8UC1, i420.ptr(h));
        const cv::Mat v = cv::Mat(h / 2, w / 2, CV_8UC1, i420.ptr(h) + (w / 2) * (h / 2));
        if (format == PF::Format_YUV420P || format == PF::Format_YV12) {
            y.copyTo(plane(0, h, w, CV_8UC1));
            const bool yv12 = format == PF::Format_YV12;
            (yv12 ? v : u).copyTo(plane(1, h / 2, w / 2, CV_8UC1));
            (yv12 ? u : v).copyTo(plane(2, h / 2, w / 2, CV_8UC1));
        } else if (format == PF::Format_NV12 || format == PF::Format_NV21) {
            y.copyTo(plane(0, h, w, CV_8UC1));
            const bool nv12 = format == PF::Format_NV12;
            const cv::Mat pair[] = {nv12 ? u : v, nv12 ? v : u};
            cv::Mat uv = plane(1, h / 2, w / 2, CV_8UC2);
            cv::merge(pair, 2, uv);
        } else {
            cv::Mat packed = plane(0, h, w, CV_8UC2);
            const bool yuyv = format == PF::Format_YUYV;
            for (int r = 0; r < h; ++r) {
                const uchar* yr = y.ptr(r);
                const uchar* ur = u.ptr(r / 2);
                const uchar* vr = v.ptr(r / 2);
                uchar* out = packed.ptr(r);
                for (int c = 0; c < w; c += 2, out += 4) {
                    const uchar chroma[2] = {ur[c / 2], vr[c / 2]};
                    if (yuyv) {
                        out[0] = yr[c]; out[1] = chroma[0]; out[2] = yr[c + 1]; out[3] = chroma[1];
                    } else {
                        out[0] = chroma[0]; out[1] = yr[c]; out[2] = chroma[1]; out[3] = yr[c + 1];
                    }
                }
            }
        }
        break;
    }
    case PF::Format_BGRA8888:
    case PF::Format_BGRA8888_Premultiplied:
    case PF::Format_BGRX8888: {
        cv::Mat out = plane(0, h, w, CV_8UC4);
        cv::cvtColor(bgr, out, cv::COLOR_BGR2BGRA);
        break;
    }
    case PF::Format_RGBA8888:
    case PF::Format_RGBX8888: {
        cv::Mat out = plane(0, h, w, CV_8UC4);
        cv::cvtColor(bgr, out, cv::COLOR_BGR2RGBA);
        break;
    }
    case PF::Format_ARGB8888:
    case PF::Format_ARGB8888_Premultiplied:
    case PF::Format_XRGB8888:
    case PF::Format_ABGR8888:
    case PF::Format_XBGR8888: {
        const bool rgb = format != PF::Format_ABGR8888 && format != PF::Format_XBGR8888;
        cv::Mat out = plane(0, h, w, CV_8UC4);
        out.setTo(cv::Scalar::all(255));
        const int fromTo[] = {0, rgb ? 3 : 1, 1, 2, 2, rgb ? 1 : 3};
        cv::mixChannels(&bgr, 1, &out, 1, fromTo, 3);
        break;
    }
    case PF::Format_Y8: {
        cv::Mat out = plane(0, h, w, CV_8UC1);
        cv::cvtColor(bgr, out, cv::COLOR_BGR2GRAY);
        break;
    }
    default: break;
    }
    frame.unmap();
    return frame;
}

} // namespace fe::ui
