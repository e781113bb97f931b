#include "vision/FrameSource.h"

#include "common/Error.h"
#include "common/Logging.h"
#include "vision/MediaFile.h"
#include "vision/VideoRotation.h"

#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <QByteArray>

extern "C" {
#include <libavutil/log.h>
}

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdlib>
#include <mutex>
#include <vector>

namespace fe::vision {
namespace {

bool hasImageExtension(const std::filesystem::path& p)
{
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".jpg" || ext == ".jpeg" || ext == ".png" || ext == ".bmp" || ext == ".webp" || ext == ".tif" ||
           ext == ".tiff" || ext == ".pgm" || ext == ".ppm";
}

cv::Mat toBgr(const cv::Mat& in)
{
    if (in.channels() == 3)
        return in;
    cv::Mat out;
    cv::cvtColor(in, out, in.channels() == 4 ? cv::COLOR_BGRA2BGR : cv::COLOR_GRAY2BGR);
    return out;
}

void applyResize(cv::Mat& frame, cv::Size size)
{
    if (!size.empty() && frame.size() != size) {
        cv::Mat out;
        cv::resize(frame, out, size, 0, 0, cv::INTER_LINEAR);
        frame = out;
    }
}

class StillSource final : public FrameSource
{
public:
    StillSource(DecodedImage image, const SourceOptions& options)
        : m_image(std::move(image.bgr)), m_decodeScale(image.scale), m_options(options)
    {
        applyResize(m_image, options.resize);
        m_count = options.stillSeconds > 0.0
                      ? std::max<std::int64_t>(1, std::llround(options.stillSeconds * options.stillFps))
                      : 1;
        if (options.maxFrames >= 0)
            m_count = std::min(m_count, options.maxFrames);
    }

    bool next(Frame& frame) override
    {
        if (m_index >= m_count)
            return false;
        frame.bgr = m_image; // shared pixels: callers must not write into frames
        frame.decodeScale = m_decodeScale;
        frame.index = m_index;
        frame.timestampMs = static_cast<double>(m_index) * 1000.0 / m_options.stillFps;
        ++m_index;
        return true;
    }
    double fps() const override { return m_options.stillFps; }
    bool isStill() const override { return true; }

private:
    cv::Mat m_image;
    double m_decodeScale = 1.0;
    SourceOptions m_options;
    std::int64_t m_count = 1;
    std::int64_t m_index = 0;
};

class FolderSource final : public FrameSource
{
public:
    FolderSource(std::vector<std::filesystem::path> files, const SourceOptions& options)
        : m_files(std::move(files)), m_options(options)
    {
    }

    bool next(Frame& frame) override
    {
        if (m_index >= static_cast<std::int64_t>(m_files.size()) ||
            (m_options.maxFrames >= 0 && m_index >= m_options.maxFrames))
            return false;
        frame.file = m_files[static_cast<std::size_t>(m_index)];
        DecodedImage image = decodeImage(frame.file);
        frame.bgr = std::move(image.bgr);
        frame.decodeScale = image.scale;
        applyResize(frame.bgr, m_options.resize);
        frame.index = m_index;
        frame.timestampMs = static_cast<double>(m_index) * 1000.0 / m_options.stillFps;
        ++m_index;
        return true;
    }
    double fps() const override { return m_options.stillFps; }
    bool isStill() const override { return true; }
    bool independentFrames() const override { return true; }

private:
    std::vector<std::filesystem::path> m_files;
    SourceOptions m_options;
    std::int64_t m_index = 0;
};

// FFmpeg writes its own diagnostics to stderr; a damaged file is reported once, by us, as
// fe::Error. Its messages go to the fe.vision debug category instead (file names and codec
// complaints only). This installs a callback rather than setting OPENCV_FFMPEG_LOGLEVEL:
// setenv is process-global and unsafe once threads run (getenv in another thread may read a
// freed string). OpenCV keeps the callback unless the user set OPENCV_FFMPEG_LOGLEVEL or
// OPENCV_FFMPEG_DEBUG to debug FFmpeg, which then wins.
void ffmpegLogToCategory(void* avcl, int level, const char* fmt, va_list args)
{
    if (level > AV_LOG_ERROR || !lcVision().isDebugEnabled())
        return;
    char line[512];
    int printPrefix = 1;
    av_log_format_line2(avcl, level, fmt, args, line, sizeof line, &printPrefix);
    qCDebug(lcVision) << "ffmpeg:" << QByteArray(line).trimmed().constData();
}

void quietVideoBackend()
{
    static std::once_flag once;
    std::call_once(once, [] {
        av_log_set_callback(&ffmpegLogToCategory);
        if (std::getenv("OPENCV_LOG_LEVEL") == nullptr)
            cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT);
    });
}

class VideoSource final : public FrameSource
{
public:
    VideoSource(const std::filesystem::path& path, const SourceOptions& options) : m_path(path), m_options(options)
    {
        quietVideoBackend();
        // FFmpeg opens the file by name: refuse a FIFO or device here, where it cannot block.
        MediaFile::check(path);
        if (!m_capture.open(path.string(), cv::CAP_FFMPEG) || !m_capture.isOpened())
            throw Error(ErrorCode::InvalidInput,
                        QT_TRANSLATE_NOOP("fe::Error", "Cannot read the video %1: the file is not a video or is truncated."),
                        {path.string()});
        // Phones store portrait video sideways, with a display rotation in the container.
        // OpenCV 4.6 turns such frames the wrong way (it reads the display matrix's angle with
        // the opposite sign to FFmpeg's players: a portrait video comes out upside down), so
        // its own rotation is switched off and the frames are turned here as players do.
        m_capture.set(cv::CAP_PROP_ORIENTATION_AUTO, 0.0);
        m_rotation = videoDisplayRotation(path);
        m_fps = m_capture.get(cv::CAP_PROP_FPS);
        if (!(m_fps > 0.0 && m_fps < 1000.0))
            m_fps = 25.0;
        const double count = m_capture.get(cv::CAP_PROP_FRAME_COUNT);
        m_expected = count > 0.0 ? static_cast<std::int64_t>(count) : -1;
    }

    bool next(Frame& frame) override
    {
        if (m_options.maxFrames >= 0 && m_index >= m_options.maxFrames)
            return false;
        cv::Mat decoded;
        if (!m_capture.read(decoded) || decoded.empty()) {
            if (m_index == 0)
                throw Error(ErrorCode::InvalidInput,
                            QT_TRANSLATE_NOOP("fe::Error", "The video %1 contains no decodable frame."), {m_path.string()});
            // Containers often over-count by a frame or two; a larger gap is a damaged file.
            if (m_expected > 0 && m_index + 2 < m_expected)
                throw Error(ErrorCode::InvalidInput,
                            QT_TRANSLATE_NOOP("fe::Error", "The video %1 ends after %2 of its %3 frames: it is truncated or corrupt."),
                            {m_path.string(), std::to_string(m_index), std::to_string(m_expected)});
            return false;
        }
        frame.bgr = toBgr(decoded);
        if (m_rotation != 0) {
            cv::Mat upright;
            cv::rotate(frame.bgr, upright,
                       m_rotation == 90    ? cv::ROTATE_90_CLOCKWISE
                       : m_rotation == 180 ? cv::ROTATE_180
                                           : cv::ROTATE_90_COUNTERCLOCKWISE);
            frame.bgr = upright;
        }
        applyResize(frame.bgr, m_options.resize);
        frame.index = m_index;
        frame.timestampMs = static_cast<double>(m_index) * 1000.0 / m_fps;
        ++m_index;
        return true;
    }
    double fps() const override { return m_fps; }
    bool isStill() const override { return false; }

private:
    std::filesystem::path m_path;
    SourceOptions m_options;
    cv::VideoCapture m_capture;
    double m_fps = 25.0;
    int m_rotation = 0; // clockwise degrees
    std::int64_t m_expected = -1;
    std::int64_t m_index = 0;
};

} // namespace

std::vector<std::filesystem::path> listImageFiles(const std::filesystem::path& folder)
{
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    std::filesystem::directory_iterator it(folder, ec);
    if (ec)
        throw Error(ErrorCode::NotFound, QT_TRANSLATE_NOOP("fe::Error", "Cannot list the folder %1."), {folder.string()});
    for (const auto& entry : it) {
        if (!entry.is_directory(ec) && hasImageExtension(entry.path()))
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    if (files.empty())
        throw Error(ErrorCode::InvalidInput, QT_TRANSLATE_NOOP("fe::Error", "The folder %1 holds no images."), {folder.string()});
    return files;
}

std::unique_ptr<FrameSource> FrameSource::open(const std::filesystem::path& path, const SourceOptions& options)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return std::make_unique<FolderSource>(listImageFiles(path), options);
    // Refuses a missing, empty or non-regular file before anything opens it by name.
    MediaFile::check(path);
    // An image by name or by content; anything else is given to the video decoder.
    if (hasImageExtension(path) || looksLikeImage(path))
        return std::make_unique<StillSource>(decodeImage(path), options);
    return std::make_unique<VideoSource>(path, options);
}

} // namespace fe::vision
