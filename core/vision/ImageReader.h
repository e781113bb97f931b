#pragma once

#include <cstdint>
#include <filesystem>
#include <opencv2/core/mat.hpp>
#include <string_view>

namespace fe::vision {

// Every image FaceEnroll reads (a photo to analyse, embed or match, an ID-document photo, a
// still shown to the liveness check, a photo in a folder, the GUI's imported ID photo) goes
// through readImage()/decodeImage(). The reader
//  - opens regular files only (MediaFile), so a FIFO or device never blocks it;
//  - reads the dimensions from the header before it decodes, and refuses an image above
//    kMaxImagePixels (a decompression bomb) with the reason;
//  - decodes JPEG, PNG and WebP itself (libjpeg-turbo, libpng, libwebp), reduced while
//    decoding when the image is above kMaxDecodedPixels, so memory stays bounded whatever the
//    size; BMP, TIFF and binary PNM go through OpenCV and must fit kMaxFullDecodePixels;
//  - refuses truncated or corrupt data (a JPEG missing its last rows, a PNG with a bad CRC)
//    instead of using the half-decoded pixels, and keeps the decoders' own messages off stderr;
//  - applies the EXIF orientation of JPEG and PNG files, as cameras expect.
// Thread-safe: no shared state.

// Refused above this many pixels (width x height as stored): 2^28 = 268 Mpx, which admits the
// largest phone photos (200 Mpx sensors, 16320x12240) and a 16384x16384 image.
inline constexpr std::int64_t kMaxImagePixels = std::int64_t{1} << 28;
// Larger JPEG, PNG and WebP images are decoded reduced (by a power-of-two-like factor chosen
// so the result fits): 2^24 = 16.8 Mpx, 4096x4096 or a 12-Mpx phone photo at full size. The
// face analysis has no use for more: the face detector scans a downscaled frame anyway.
inline constexpr std::int64_t kMaxDecodedPixels = std::int64_t{1} << 24;
// BMP, TIFF and PNM are decoded at full size by OpenCV, so they have the lower limit of what
// may be decoded whole: 2^25 = 33.5 Mpx (8K UHD), about 100 MB of pixels.
inline constexpr std::int64_t kMaxFullDecodePixels = std::int64_t{1} << 25;
// Below this side no face can be found.
inline constexpr int kMinImageSide = 32;

enum class ImageFormat
{
    Jpeg,
    Png,
    WebP,
    Bmp,
    Tiff,
    Pnm
};

std::string_view imageFormatName(ImageFormat format) noexcept;

struct ImageLimits
{
    std::int64_t maxPixels = kMaxImagePixels;
    std::int64_t maxDecodedPixels = kMaxDecodedPixels;
    std::int64_t maxFullDecodePixels = kMaxFullDecodePixels;
};

struct DecodedImage
{
    cv::Mat bgr; // 8-bit, 3 channels, orientation applied, at most maxDecodedPixels
    ImageFormat format = ImageFormat::Jpeg;
    cv::Size storedSize;     // as in the file's header (before orientation and reduction), px
    double scale = 1.0;      // decoded px per stored px: 1 at full size, < 1 when reduced
    int exifOrientation = 1; // 1..8 (1: as stored)
};

// Whether a file's content (its magic bytes) is an image, in a format FaceEnroll reads or
// not. Throws like MediaFile::open for a missing, empty or non-regular file.
bool looksLikeImage(const std::filesystem::path& path);

// Throws fe::Error: NotFound; InvalidInput for a non-regular, empty, unsupported, truncated,
// corrupt, too large (above limits.maxPixels) or too small (below kMinImageSide) image; Io.
DecodedImage decodeImage(const std::filesystem::path& path, const ImageLimits& limits = {});

// decodeImage(path).bgr
cv::Mat readImage(const std::filesystem::path& path);

} // namespace fe::vision
