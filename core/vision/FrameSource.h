#pragma once

#include <opencv2/core/mat.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace fe::vision {

struct Frame
{
    cv::Mat bgr;              // 8-bit, 3 channels
    std::int64_t index = 0;   // 0-based position in the source
    double timestampMs = 0.0; // presentation time from the source's start
};

struct SourceOptions
{
    std::int64_t maxFrames = -1; // stop after this many frames (-1: all)
    cv::Size resize;             // scale every frame to this size (empty: as decoded)
    // A still image is presented as a stream of stillSeconds at stillFps (the "photo held to
    // the camera" presentation); 0 seconds means one frame.
    double stillSeconds = 0.0;
    double stillFps = 25.0;
};

// A sequence of frames from a video file, a still image or a folder of images. Not
// thread-safe. next() throws fe::Error(InvalidInput) when a source that promised frames stops
// decoding early (a truncated or corrupt file).
class FrameSource
{
public:
    virtual ~FrameSource() = default;

    // false at the regular end of the source.
    virtual bool next(Frame& frame) = 0;
    [[nodiscard]] virtual double fps() const = 0;
    [[nodiscard]] virtual bool isStill() const = 0;

    // Opens by content: a folder, an image or a video. Throws fe::Error(NotFound / InvalidInput)
    // with the reason (missing, empty, unreadable, too small).
    static std::unique_ptr<FrameSource> open(const std::filesystem::path& path, const SourceOptions& options = {});
};

// Reads one image; throws fe::Error(NotFound / InvalidInput) for a missing, corrupt or too small
// image (below kMinImageSide px).
cv::Mat readImage(const std::filesystem::path& path);

inline constexpr int kMinImageSide = 32;

} // namespace fe::vision
