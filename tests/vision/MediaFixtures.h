#pragma once

// Hostile and odd media, made by the tests at run time (nothing here is committed): image
// bombs, very large photos, truncated files, phone-style rotated videos, a video in which the
// face leaves and comes back. And a way to run the CLI that also measures its peak memory.

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <filesystem>
#include "common/Error.h"
#include "common/TestData.h"

#include <opencv2/core/mat.hpp>
#include <vector>

namespace fe::test {

// A valid PNG of width x height black RGB pixels, a few hundred KB to a few MB on disk however
// large it decodes (a decompression bomb). height must be a multiple of 100. Written in
// milliseconds: the compressed rows are produced once and repeated.
void writeBlackPngBomb(const std::filesystem::path& path, int width, int height);

// A baseline JPEG of width x height made by scaling `picture` (bilinear) to fill it, encoded
// row by row so that memory stays small however large the image. quality 0..100.
void writeLargeJpeg(const std::filesystem::path& path, const cv::Mat& picture, int width, int height,
                    int quality = 90);

// A JPEG of `bgr` with an EXIF APP1 block whose Orientation tag is `orientation` (1..8).
void writeJpegWithExifOrientation(const std::filesystem::path& path, const cv::Mat& bgr, int orientation);

// An Adam7-interlaced PNG of `bgr` (OpenCV writes only non-interlaced PNG).
void writeInterlacedPng(const std::filesystem::path& path, const cv::Mat& bgr);

// A palette PNG of `bgr` (6x6x6 colour cube) whose first palette entry is transparent (tRNS),
// which OpenCV cannot write.
void writePalettePngWithTransparency(const std::filesystem::path& path, const cv::Mat& bgr);

// The first `fraction` (0..1) of a file's bytes, written to `to`.
void writeTruncatedCopy(const std::filesystem::path& from, const std::filesystem::path& to, double fraction);

// A phone-style copy of the first `frames` frames of `video`: the pixels stored turned
// counter-clockwise by displayRotationDeg and the container's display matrix telling players
// to turn them clockwise by displayRotationDeg (FFmpeg's av_display_rotation_set convention,
// which its own players follow), so that the video plays upright, as phones write portrait
// video. Encoded MPEG-4 Part 2 by OpenCV, then remuxed by libavformat to add the matrix
// (OpenCV cannot write it). displayRotationDeg: 90, 180 or 270.
void writePhoneStyleVideo(const std::filesystem::path& video, const std::filesystem::path& out, int frames,
                          int displayRotationDeg);

// The clockwise display rotation of the first video stream as FFmpeg's players apply it
// (-av_display_rotation_get), 0..359 degrees, read back with libavformat; 0 when none.
double displayRotation(const std::filesystem::path& video);

// A video of `frames` encoded at fps (MJPEG in AVI: lossless enough and needs no other codec).
void writeVideo(const std::filesystem::path& out, const std::vector<cv::Mat>& frames, double fps);

// The result of running faceenroll-cli, with the peak resident memory of its process.
struct MeasuredRun : CliResult
{
    long maxRssKb = 0; // getrusage's ru_maxrss of the child: its peak resident set
};

// Mean absolute difference per channel (0..255) of two BGR images; 255 when sizes differ.
double meanAbsDiff(const cv::Mat& a, const cv::Mat& b);

// The English reason an fe::Error gives, its arguments filled in.
QString reasonOf(const fe::Error& e);

// Runs faceenroll-cli with args (stdin empty) and waits up to timeoutMs; throws on timeout.
MeasuredRun runCliMeasured(const QStringList& args, int timeoutMs = 600'000);

} // namespace fe::test
