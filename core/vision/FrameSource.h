#pragma once

#include "vision/ImageReader.h"

#include <opencv2/core/mat.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace fe::vision {

struct Frame
{
    cv::Mat bgr;              // 8-bit, 3 channels
    std::int64_t index = 0;   // 0-based position in the source
    double timestampMs = 0.0; // presentation time from the source's start
    std::filesystem::path file; // the photo this frame is (a folder source); empty otherwise
    // Frame px per px of the image file: below 1 when a large image was decoded reduced
    // (ImageReader), 1 for video and for images read at full size.
    double decodeScale = 1.0;
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
// decoding early (a truncated or corrupt file). Video frames come upright as the container's
// display rotation says (a phone's portrait video stored sideways), as a player shows them.
// A folder's frames are unrelated photos (independentFrames()): analyse each on its own.
class FrameSource
{
public:
    virtual ~FrameSource() = default;

    // false at the regular end of the source.
    virtual bool next(Frame& frame) = 0;
    [[nodiscard]] virtual double fps() const = 0;
    [[nodiscard]] virtual bool isStill() const = 0;
    // true when consecutive frames are unrelated photos (a folder): no tracking, blink count
    // or other state may carry from one to the next.
    [[nodiscard]] virtual bool independentFrames() const { return false; }

    // Opens by content: a folder, an image or a video. Only regular files are opened (a FIFO
    // or device is refused, never waited on). Throws fe::Error(NotFound / InvalidInput / Io)
    // with the reason (missing, not a regular file, empty, unreadable, too small or too large).
    static std::unique_ptr<FrameSource> open(const std::filesystem::path& path, const SourceOptions& options = {});
};

// The photos of a folder, by name: every entry named like an image (.jpg, .png, ...) that is
// not a folder, in name order. Entries that are not regular files are listed too, so that
// reading them reports why. Throws fe::Error(NotFound / InvalidInput) for a missing folder or
// one without images.
std::vector<std::filesystem::path> listImageFiles(const std::filesystem::path& folder);

} // namespace fe::vision
