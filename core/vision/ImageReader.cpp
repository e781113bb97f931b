#include "vision/ImageReader.h"

#include "common/Error.h"
#include "common/Logging.h"
#include "vision/MediaFile.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

// jpeglib.h needs <cstdio> first, and jerror.h needs jpeglib.h's configuration.
// clang-format off
#include <jpeglib.h>
#include <jerror.h>
// clang-format on
#include <png.h>
#include <webp/decode.h>

// The JPEG and PNG decoders report errors by longjmp (their C API). Each decoder keeps every
// object it touches after setjmp in one heap-allocated job (never in automatic variables that
// change between setjmp and longjmp), and calls nothing between setjmp and the end of
// decoding that owns a destructor: a longjmp therefore skips no C++ destructor and leaves no
// value indeterminate. The job's destructor releases the decoder on every path.

namespace fe::vision {
namespace {

// WebP, BMP, TIFF and PNM are decoded from memory: files above this are refused (a photo in
// these formats at kMaxFullDecodePixels is at most 4 bytes per pixel, 134 MB).
constexpr std::int64_t kMaxBufferedFileBytes = std::int64_t{256} << 20;
// Memory a progressive JPEG may take for its coefficient buffer (2 bytes per sample, the
// whole image): 384 MB admits a 4:2:0 progressive photo of 128 Mpx and keeps the process
// under 1 GB with the models loaded. libjpeg's own allocator is capped a little above it.
constexpr std::int64_t kMaxJpegCoefficientBytes = std::int64_t{384} << 20;
constexpr long kJpegMemoryCap = 448L << 20;

std::string megapixels(std::int64_t pixels)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", static_cast<double>(pixels) / 1e6);
    return text;
}

std::string str(std::int64_t v)
{
    return std::to_string(v);
}

[[noreturn]] void throwNotImage(const std::filesystem::path& path)
{
    throw Error(ErrorCode::InvalidInput,
                QT_TRANSLATE_NOOP("fe::Error", "The file %1 is not a readable image."), {path.string()});
}

[[noreturn]] void throwUnsupported(const std::filesystem::path& path, const char* what)
{
    throw Error(ErrorCode::InvalidInput,
                QT_TRANSLATE_NOOP(
                    "fe::Error",
                    "The image %1 is in a format FaceEnroll does not read (%2); give a JPEG or PNG file."),
                {path.string(), what});
}

[[noreturn]] void throwTooLarge(const std::filesystem::path& path, std::int64_t w, std::int64_t h,
                                std::int64_t limit)
{
    throw Error(
        ErrorCode::InvalidInput,
        QT_TRANSLATE_NOOP(
            "fe::Error",
            "The image %1 is %2x%3 px (%4 megapixels); FaceEnroll reads images of up to %5 megapixels. "
            "Scale it down first."),
        {path.string(), str(w), str(h), megapixels(w * h), megapixels(limit)});
}

[[noreturn]] void throwTooLargeForFormat(const std::filesystem::path& path, const char* format,
                                         std::int64_t w, std::int64_t h, std::int64_t limit)
{
    throw Error(
        ErrorCode::InvalidInput,
        QT_TRANSLATE_NOOP(
            "fe::Error",
            "The image %1 is %2x%3 px; %4 images are read up to %5 megapixels. Convert it to a baseline "
            "JPEG or a non-interlaced PNG, or scale it down."),
        {path.string(), str(w), str(h), format, megapixels(limit)});
}

[[noreturn]] void throwTruncated(const std::filesystem::path& path)
{
    throw Error(
        ErrorCode::InvalidInput,
        QT_TRANSLATE_NOOP(
            "fe::Error",
            "The image %1 is truncated: the file ends before the picture does. Copy or export it again."),
        {path.string()});
}

[[noreturn]] void throwCorrupt(const std::filesystem::path& path)
{
    throw Error(
        ErrorCode::InvalidInput,
        QT_TRANSLATE_NOOP("fe::Error",
                          "The image %1 is corrupt: its picture data is damaged. Copy or export it again."),
        {path.string()});
}

void checkSize(const std::filesystem::path& path, std::int64_t w, std::int64_t h, const ImageLimits& limits)
{
    if (w <= 0 || h <= 0)
        throwCorrupt(path);
    if (w * h > limits.maxPixels)
        throwTooLarge(path, w, h, limits.maxPixels);
    if (w < kMinImageSide || h < kMinImageSide)
        throw Error(
            ErrorCode::InvalidInput,
            QT_TRANSLATE_NOOP("fe::Error",
                              "The image %1 is %2x%3 px; at least %4x%4 px are needed to find a face."),
            {path.string(), str(w), str(h), std::to_string(kMinImageSide)});
}

// ---- Format detection -------------------------------------------------------------------

struct Sniffed
{
    std::optional<ImageFormat> format;
    const char* otherImage = nullptr; // an image format FaceEnroll does not read
};

Sniffed sniff(const unsigned char* b, std::size_t n)
{
    const auto is = [&](const char* sig, std::size_t len, std::size_t at = 0) {
        return n >= at + len && std::memcmp(b + at, sig, len) == 0;
    };
    const auto space = [&](std::size_t at) { return n > at && std::isspace(b[at]) != 0; };
    if (is("\xFF\xD8\xFF", 3))
        return {ImageFormat::Jpeg};
    if (is("\x89PNG\r\n\x1A\n", 8))
        return {ImageFormat::Png};
    if (is("RIFF", 4) && is("WEBP", 4, 8))
        return {ImageFormat::WebP};
    if (is("BM", 2) && n >= 26)
        return {ImageFormat::Bmp};
    if (is("II*\0", 4) || is("MM\0*", 4))
        return {ImageFormat::Tiff};
    if (is("II+\0", 4) || is("MM\0+", 4))
        return {std::nullopt, "BigTIFF"};
    if (n > 2 && b[0] == 'P' && (b[1] == '5' || b[1] == '6') && space(2))
        return {ImageFormat::Pnm};
    if (n > 2 && b[0] == 'P' && b[1] >= '1' && b[1] <= '7' && space(2))
        return {std::nullopt, "PNM"};
    if (n > 2 && b[0] == 'P' && (b[1] == 'F' || b[1] == 'f') && space(2))
        return {std::nullopt, "PFM"};
    if (is("\x76\x2F\x31\x01", 4))
        return {std::nullopt, "OpenEXR"};
    if (is("\0\0\0\x0CjP  \r\n\x87\n", 12) || is("\xFF\x4F\xFF\x51", 4))
        return {std::nullopt, "JPEG 2000"};
    if (is("#?RADIANCE", 10) || is("#?RGBE", 6))
        return {std::nullopt, "Radiance HDR"};
    if (is("\x59\xA6\x6A\x95", 4))
        return {std::nullopt, "Sun raster"};
    if (is("GIF87a", 6) || is("GIF89a", 6))
        return {std::nullopt, "GIF"};
    if (is("ftyp", 4, 4) && (is("heic", 4, 8) || is("heix", 4, 8) || is("mif1", 4, 8) || is("msf1", 4, 8)))
        return {std::nullopt, "HEIF"};
    if (is("ftyp", 4, 4) && is("avif", 4, 8))
        return {std::nullopt, "AVIF"};
    return {};
}

Sniffed sniff(const MediaFile& file)
{
    std::array<unsigned char, 32> head{};
    const std::size_t n = file.readAt(0, head.data(), head.size());
    return sniff(head.data(), n);
}

// ---- EXIF orientation ---------------------------------------------------------------------

// The Orientation tag (0x0112) of IFD0 in a TIFF-structured EXIF block; 1 when absent.
int exifOrientation(const unsigned char* d, std::size_t n)
{
    if (n < 8)
        return 1;
    const bool little = d[0] == 'I' && d[1] == 'I';
    if (!little && !(d[0] == 'M' && d[1] == 'M'))
        return 1;
    const auto u16 = [&](std::size_t at) -> unsigned {
        return little ? d[at] | (d[at + 1] << 8) : (d[at] << 8) | d[at + 1];
    };
    const auto u32 = [&](std::size_t at) -> std::uint32_t {
        return little ? static_cast<std::uint32_t>(u16(at)) | (static_cast<std::uint32_t>(u16(at + 2)) << 16)
                      : (static_cast<std::uint32_t>(u16(at)) << 16) | static_cast<std::uint32_t>(u16(at + 2));
    };
    const std::uint32_t ifd = u32(4);
    if (ifd > n - 2)
        return 1;
    const unsigned count = u16(ifd);
    for (unsigned i = 0; i < count; ++i) {
        const std::size_t entry = ifd + 2 + std::size_t{12} * i;
        if (entry + 12 > n)
            break;
        if (u16(entry) == 0x0112 && u16(entry + 2) == 3 /* SHORT */) {
            const unsigned v = u16(entry + 8);
            return v >= 1 && v <= 8 ? static_cast<int>(v) : 1;
        }
    }
    return 1;
}

// As OpenCV's imread applies it (loadsave.cpp ExifTransform).
void applyOrientation(cv::Mat& img, int orientation)
{
    switch (orientation) {
    case 2:
        cv::flip(img, img, 1);
        break;
    case 3:
        cv::flip(img, img, -1);
        break;
    case 4:
        cv::flip(img, img, 0);
        break;
    case 5:
        cv::transpose(img, img);
        break;
    case 6:
        cv::transpose(img, img);
        cv::flip(img, img, 1);
        break;
    case 7:
        cv::transpose(img, img);
        cv::flip(img, img, -1);
        break;
    case 8:
        cv::transpose(img, img);
        cv::flip(img, img, 0);
        break;
    default:
        break;
    }
}

// ---- JPEG (libjpeg-turbo) -------------------------------------------------------------------

// Warnings after which libjpeg fills the rest of the picture with grey or garbage.
// Extraneous bytes before the end-of-image, a restart or a scan marker mean the entropy-coded
// data did not line up with the picture (a stretch of the file lost or inserted); a few are
// tolerated, as some encoders pad. Elsewhere (between header segments) they are harmless.
constexpr int kMaxExtraneousScanBytes = 8;

bool jpegWarningLosesPixels(const jpeg_error_mgr& err)
{
    switch (err.msg_code) {
    case JWRN_ARITH_BAD_CODE:
    case JWRN_BOGUS_PROGRESSION:
    case JWRN_HIT_MARKER:
    case JWRN_HUFF_BAD_CODE:
    case JWRN_JPEG_EOF:
    case JWRN_MUST_RESYNC:
    case JWRN_NOT_SEQUENTIAL:
        return true;
    case JWRN_EXTRANEOUS_DATA: {
        const int bytes = err.msg_parm.i[0];
        const int marker = err.msg_parm.i[1];
        const bool inScan = marker == 0xD9 || marker == 0xDA || (marker >= 0xD0 && marker <= 0xD7);
        return inScan && bytes > kMaxExtraneousScanBytes;
    }
    default:
        return false; // e.g. an unknown JFIF revision or Adobe transform, a bad ICC marker
    }
}

struct JpegJob
{
    jpeg_decompress_struct cinfo{};
    jpeg_error_mgr errorManager{};
    std::jmp_buf jump{};
    bool created = false;
    int lostPixelsWarning = 0; // the first such JWRN_ code
    char message[JMSG_LENGTH_MAX] = {};
    cv::Mat out; // BGR, grey or CMYK as decoded
    std::vector<JSAMPROW> rows;

    ~JpegJob()
    {
        if (created)
            jpeg_destroy_decompress(&cinfo);
    }
};

JpegJob* jpegJob(j_common_ptr cinfo)
{
    return static_cast<JpegJob*>(cinfo->client_data);
}

void jpegErrorExit(j_common_ptr cinfo)
{
    JpegJob* job = jpegJob(cinfo);
    (*cinfo->err->format_message)(cinfo, job->message);
    std::longjmp(job->jump, 1);
}

void jpegEmitMessage(j_common_ptr cinfo, int level)
{
    if (level >= 0)
        return; // trace output
    JpegJob* job = jpegJob(cinfo);
    ++cinfo->err->num_warnings;
    if (job->lostPixelsWarning == 0 && jpegWarningLosesPixels(*cinfo->err)) {
        job->lostPixelsWarning = cinfo->err->msg_code;
        (*cinfo->err->format_message)(cinfo, job->message);
    }
}

void jpegOutputMessage(j_common_ptr /*cinfo*/) {}

int jpegExifOrientation(const jpeg_decompress_struct& cinfo)
{
    for (jpeg_saved_marker_ptr m = cinfo.marker_list; m != nullptr; m = m->next) {
        if (m->marker == JPEG_APP0 + 1 && m->data_length > 6 && std::memcmp(m->data, "Exif\0\0", 6) == 0)
            return exifOrientation(m->data + 6, m->data_length - 6);
    }
    return 1;
}

// Memory the decoder needs for a whole-image coefficient buffer (progressive JPEG).
std::int64_t jpegCoefficientBytes(const jpeg_decompress_struct& cinfo)
{
    std::int64_t bytes = 0;
    for (int c = 0; c < cinfo.num_components; ++c) {
        const jpeg_component_info& comp = cinfo.comp_info[c];
        bytes += static_cast<std::int64_t>(comp.width_in_blocks) * comp.height_in_blocks * DCTSIZE2 *
                 static_cast<std::int64_t>(sizeof(JCOEF));
    }
    return bytes;
}

// The largest libjpeg-turbo DCT scale M/8 (M = 1..8) whose output fits `maxPixels`.
int jpegScaleNumerator(std::int64_t w, std::int64_t h, std::int64_t maxPixels)
{
    for (int m = 8; m > 1; --m) {
        const std::int64_t sw = (w * m + 7) / 8;
        const std::int64_t sh = (h * m + 7) / 8;
        if (sw * sh <= maxPixels)
            return m;
    }
    return 1;
}

cv::Mat cmykToBgr(const cv::Mat& cmyk, bool adobeInverted)
{
    cv::Mat bgr(cmyk.size(), CV_8UC3);
    for (int y = 0; y < cmyk.rows; ++y) {
        const unsigned char* s = cmyk.ptr(y);
        unsigned char* d = bgr.ptr(y);
        for (int x = 0; x < cmyk.cols; ++x, s += 4, d += 3) {
            // Adobe writes CMYK inverted (0 = full ink).
            const int c = adobeInverted ? s[0] : 255 - s[0];
            const int m = adobeInverted ? s[1] : 255 - s[1];
            const int yl = adobeInverted ? s[2] : 255 - s[2];
            const int k = adobeInverted ? s[3] : 255 - s[3];
            d[0] = static_cast<unsigned char>(yl * k / 255);
            d[1] = static_cast<unsigned char>(m * k / 255);
            d[2] = static_cast<unsigned char>(c * k / 255);
        }
    }
    return bgr;
}

DecodedImage decodeJpeg(const MediaFile& file, const ImageLimits& limits)
{
    const auto& path = file.path();
    auto owned = std::make_unique<JpegJob>();
    JpegJob* const job = owned.get();
    job->cinfo.err = jpeg_std_error(&job->errorManager);
    job->errorManager.error_exit = jpegErrorExit;
    job->errorManager.emit_message = jpegEmitMessage;
    job->errorManager.output_message = jpegOutputMessage;
    job->cinfo.client_data = job;

    if (setjmp(job->jump) != 0) {
        qCDebug(lcVision) << "JPEG decoder:" << job->message << "in" << path.string().c_str();
        // libjpeg's errors are about the data (bad markers, a missing frame header, memory
        // above the cap for a bomb it could not size first); the source inserts an end marker,
        // with a warning, where the file ends early.
        if (job->lostPixelsWarning == JWRN_JPEG_EOF || job->cinfo.err->msg_code == JERR_INPUT_EMPTY)
            throwTruncated(path);
        throwCorrupt(path);
    }
    jpeg_create_decompress(&job->cinfo);
    job->created = true;
    job->cinfo.mem->max_memory_to_use = kJpegMemoryCap;
    jpeg_stdio_src(&job->cinfo, file.stream());
    jpeg_save_markers(&job->cinfo, JPEG_APP0 + 1, 0xFFFF);
    jpeg_read_header(&job->cinfo, TRUE);

    const std::int64_t w = job->cinfo.image_width;
    const std::int64_t h = job->cinfo.image_height;
    checkSize(path, w, h, limits);
    // Saved markers live in the decoder's image pool, which finishing the decode frees.
    const int orientation = jpegExifOrientation(job->cinfo);
    if (job->cinfo.progressive_mode && jpegCoefficientBytes(job->cinfo) > kMaxJpegCoefficientBytes) {
        const std::int64_t perPixel = std::max<std::int64_t>(1, jpegCoefficientBytes(job->cinfo) / (w * h));
        throwTooLargeForFormat(path, "progressive JPEG", w, h, kMaxJpegCoefficientBytes / perPixel);
    }
    const int components = job->cinfo.num_components;
    if (components == 1) {
        job->cinfo.out_color_space = JCS_GRAYSCALE;
    } else if (components == 3) {
        job->cinfo.out_color_space = JCS_EXT_BGR;
    } else if (components == 4) {
        job->cinfo.out_color_space = JCS_CMYK;
    } else {
        throwUnsupported(path, "JPEG with 2 components");
    }
    job->cinfo.scale_num = static_cast<unsigned>(jpegScaleNumerator(w, h, limits.maxDecodedPixels));
    job->cinfo.scale_denom = 8;
    job->cinfo.dct_method = JDCT_ISLOW;
    jpeg_calc_output_dimensions(&job->cinfo);
    const int type = components == 1 ? CV_8UC1 : components == 3 ? CV_8UC3 : CV_8UC4;
    job->out.create(static_cast<int>(job->cinfo.output_height), static_cast<int>(job->cinfo.output_width),
                    type);
    job->rows.resize(static_cast<std::size_t>(job->out.rows));
    for (int y = 0; y < job->out.rows; ++y)
        job->rows[static_cast<std::size_t>(y)] = job->out.ptr(y);

    jpeg_start_decompress(&job->cinfo);
    while (job->cinfo.output_scanline < job->cinfo.output_height) {
        jpeg_read_scanlines(&job->cinfo, job->rows.data() + job->cinfo.output_scanline,
                            job->cinfo.output_height - job->cinfo.output_scanline);
    }
    jpeg_finish_decompress(&job->cinfo);

    if (job->lostPixelsWarning != 0) {
        qCDebug(lcVision) << "JPEG decoder:" << job->message << "in" << path.string().c_str();
        if (job->lostPixelsWarning == JWRN_JPEG_EOF)
            throwTruncated(path);
        throwCorrupt(path);
    }
    DecodedImage result;
    result.format = ImageFormat::Jpeg;
    result.storedSize = cv::Size(static_cast<int>(w), static_cast<int>(h));
    result.scale = static_cast<double>(job->cinfo.output_width) / static_cast<double>(w);
    result.exifOrientation = orientation;
    if (components == 1)
        cv::cvtColor(job->out, result.bgr, cv::COLOR_GRAY2BGR);
    else if (components == 4)
        result.bgr = cmykToBgr(job->out, job->cinfo.saw_Adobe_marker != 0);
    else
        result.bgr = std::move(job->out);
    return result;
}

// ---- PNG (libpng) -----------------------------------------------------------------------------

// Area-averaging reduction by an integer factor, one source row at a time: memory is one
// output row of sums.
class RowReducer
{
public:
    RowReducer(int width, int height, int factor)
        : m_width(width), m_height(height), m_factor(factor),
          m_out((height + factor - 1) / factor, (width + factor - 1) / factor, CV_8UC3),
          m_sums(static_cast<std::size_t>(m_out.cols) * 3, 0)
    {}

    void add(const unsigned char* bgrRow, int y)
    {
        const unsigned char* p = bgrRow;
        std::uint32_t* s = m_sums.data();
        for (int ox = 0; ox < m_out.cols; ++ox, s += 3) {
            const int n = std::min(m_factor, m_width - ox * m_factor);
            std::uint32_t b = 0, g = 0, r = 0;
            for (int k = 0; k < n; ++k, p += 3) {
                b += p[0];
                g += p[1];
                r += p[2];
            }
            s[0] += b;
            s[1] += g;
            s[2] += r;
        }
        if ((y + 1) % m_factor == 0 || y + 1 == m_height)
            flush(y);
    }

    cv::Mat& result() { return m_out; }

private:
    void flush(int y)
    {
        const int oy = y / m_factor;
        const int rowsInBlock = y - oy * m_factor + 1;
        unsigned char* d = m_out.ptr(oy);
        for (int ox = 0; ox < m_out.cols; ++ox) {
            const int cols = std::min(m_factor, m_width - ox * m_factor);
            const auto n = static_cast<std::uint32_t>(cols * rowsInBlock);
            for (int c = 0; c < 3; ++c) {
                std::uint32_t& s = m_sums[static_cast<std::size_t>(ox) * 3 + static_cast<std::size_t>(c)];
                d[3 * ox + c] = static_cast<unsigned char>((s + n / 2) / n);
                s = 0;
            }
        }
    }

    int m_width;
    int m_height;
    int m_factor;
    cv::Mat m_out;
    std::vector<std::uint32_t> m_sums;
};

struct PngJob
{
    png_structp png = nullptr;
    png_infop info = nullptr;
    std::FILE* file = nullptr;
    bool endOfFile = false;
    std::string message;
    std::vector<unsigned char> row;
    std::vector<png_bytep> rows;
    std::unique_ptr<RowReducer> reducer;
    cv::Mat out;

    ~PngJob()
    {
        if (png != nullptr)
            png_destroy_read_struct(&png, info != nullptr ? &info : nullptr, nullptr);
    }
};

void pngError(png_structp png, png_const_charp message)
{
    auto* job = static_cast<PngJob*>(png_get_error_ptr(png));
    job->message = message;
    png_longjmp(png, 1);
}

void pngWarning(png_structp /*png*/, png_const_charp /*message*/)
{
    // Warnings are about ancillary data (a colour profile, text); the pixels are intact.
}

void pngRead(png_structp png, png_bytep data, std::size_t length)
{
    auto* job = static_cast<PngJob*>(png_get_io_ptr(png));
    if (std::fread(data, 1, length, job->file) != length) {
        job->endOfFile = true;
        png_error(png, "unexpected end of file");
    }
}

int reductionFactor(std::int64_t w, std::int64_t h, std::int64_t maxPixels)
{
    int f = 1;
    while (((w + f - 1) / f) * ((h + f - 1) / f) > maxPixels)
        ++f;
    return f;
}

DecodedImage decodePng(const MediaFile& file, const ImageLimits& limits)
{
    const auto& path = file.path();
    auto owned = std::make_unique<PngJob>();
    PngJob* const job = owned.get();
    job->file = file.stream();
    job->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, job, pngError, pngWarning);
    if (job->png == nullptr)
        throw std::bad_alloc();
    job->info = png_create_info_struct(job->png);
    if (job->info == nullptr)
        throw std::bad_alloc();

    if (setjmp(png_jmpbuf(job->png)) != 0) {
        qCDebug(lcVision) << "PNG decoder:" << job->message.c_str() << "in" << path.string().c_str();
        if (job->endOfFile)
            throwTruncated(path);
        throwCorrupt(path);
    }
    png_set_read_fn(job->png, job, pngRead);
    // The header check below is ours; libpng's own limits stay as a second line.
    png_set_user_limits(job->png, 0x7fffffff, 0x7fffffff);
    png_read_info(job->png, job->info);

    png_uint_32 w32 = 0, h32 = 0;
    int bitDepth = 0, colorType = 0, interlace = 0;
    png_get_IHDR(job->png, job->info, &w32, &h32, &bitDepth, &colorType, &interlace, nullptr, nullptr);
    const std::int64_t w = w32;
    const std::int64_t h = h32;
    checkSize(path, w, h, limits);
    const bool interlaced = interlace != PNG_INTERLACE_NONE;
    // An interlaced image is delivered only after its last pass: it needs the whole picture.
    if (interlaced && w * h > limits.maxDecodedPixels)
        throwTooLargeForFormat(path, "interlaced PNG", w, h, limits.maxDecodedPixels);

    if (colorType == PNG_COLOR_TYPE_PALETTE)
        png_set_palette_to_rgb(job->png);
    if (colorType == PNG_COLOR_TYPE_GRAY && bitDepth < 8)
        png_set_expand_gray_1_2_4_to_8(job->png);
    if (bitDepth == 16)
        png_set_strip_16(job->png);
    // Transparency (an alpha channel, or a tRNS chunk that expanding turns into one) is
    // dropped, not composited, as OpenCV's IMREAD_COLOR does.
    if ((colorType & PNG_COLOR_MASK_ALPHA) != 0 || png_get_valid(job->png, job->info, PNG_INFO_tRNS) != 0)
        png_set_strip_alpha(job->png);
    if (colorType == PNG_COLOR_TYPE_GRAY || colorType == PNG_COLOR_TYPE_GRAY_ALPHA)
        png_set_gray_to_rgb(job->png);
    png_set_bgr(job->png);
    if (interlaced)
        (void)png_set_interlace_handling(job->png);
    png_read_update_info(job->png, job->info);
    if (png_get_rowbytes(job->png, job->info) != static_cast<std::size_t>(w) * 3)
        throwUnsupported(path, "PNG colour type");

    int exif = 1;
    png_uint_32 exifLength = 0;
    png_bytep exifData = nullptr;
    if (png_get_eXIf_1(job->png, job->info, &exifLength, &exifData) != 0 && exifData != nullptr)
        exif = exifOrientation(exifData, exifLength);

    const int factor = reductionFactor(w, h, limits.maxDecodedPixels);
    const int width = static_cast<int>(w);
    const int height = static_cast<int>(h);
    if (factor == 1) {
        job->out.create(height, width, CV_8UC3);
        job->rows.resize(static_cast<std::size_t>(height));
        for (int y = 0; y < height; ++y)
            job->rows[static_cast<std::size_t>(y)] = job->out.ptr(y);
        png_read_image(job->png, job->rows.data());
    } else {
        job->reducer = std::make_unique<RowReducer>(width, height, factor);
        job->row.resize(static_cast<std::size_t>(w) * 3);
        for (int y = 0; y < height; ++y) {
            png_read_row(job->png, job->row.data(), nullptr);
            job->reducer->add(job->row.data(), y);
        }
        job->out = job->reducer->result();
    }
    png_read_end(job->png, nullptr);

    DecodedImage result;
    result.format = ImageFormat::Png;
    result.storedSize = cv::Size(width, height);
    result.scale = static_cast<double>(job->out.cols) / static_cast<double>(w);
    result.exifOrientation = exif;
    result.bgr = job->out;
    return result;
}

// ---- Formats decoded from memory ------------------------------------------------------------

std::vector<unsigned char> readAll(const MediaFile& file)
{
    if (file.size() > kMaxBufferedFileBytes)
        throw Error(
            ErrorCode::InvalidInput,
            QT_TRANSLATE_NOOP("fe::Error",
                              "The image file %1 is %2 MB; files in this format are read up to %3 MB."),
            {file.path().string(), str(file.size() >> 20), str(kMaxBufferedFileBytes >> 20)});
    std::vector<unsigned char> bytes(static_cast<std::size_t>(file.size()));
    std::rewind(file.stream());
    const std::size_t got = std::fread(bytes.data(), 1, bytes.size(), file.stream());
    if (got != bytes.size())
        throw Error(ErrorCode::Io, QT_TRANSLATE_NOOP("fe::Error", "Cannot read %1: %2."),
                    {file.path().string(), "short read"});
    return bytes;
}

DecodedImage decodeWebP(const MediaFile& file, const ImageLimits& limits)
{
    const auto& path = file.path();
    const std::vector<unsigned char> data = readAll(file);
    WebPDecoderConfig config;
    if (WebPInitDecoderConfig(&config) == 0)
        throw Error(ErrorCode::Internal,
                    QT_TRANSLATE_NOOP("fe::Error", "The WebP decoder does not match its headers."));
    const VP8StatusCode header = WebPGetFeatures(data.data(), data.size(), &config.input);
    if (header == VP8_STATUS_NOT_ENOUGH_DATA)
        throwTruncated(path);
    if (header != VP8_STATUS_OK)
        throwCorrupt(path);
    const std::int64_t w = config.input.width;
    const std::int64_t h = config.input.height;
    checkSize(path, w, h, limits);
    if (config.input.has_animation != 0)
        throwUnsupported(path, "animated WebP");
    // Lossless pictures and alpha planes are decoded whole before any scaling.
    if ((config.input.format != 1 || config.input.has_alpha != 0) && w * h > limits.maxFullDecodePixels)
        throwTooLargeForFormat(path, "lossless WebP", w, h, limits.maxFullDecodePixels);
    int outW = static_cast<int>(w);
    int outH = static_cast<int>(h);
    if (w * h > limits.maxDecodedPixels) {
        const double s = std::sqrt(static_cast<double>(limits.maxDecodedPixels) / static_cast<double>(w * h));
        outW = std::max(1, static_cast<int>(std::floor(static_cast<double>(w) * s)));
        outH = std::max(1, static_cast<int>(std::floor(static_cast<double>(h) * s)));
        config.options.use_scaling = 1;
        config.options.scaled_width = outW;
        config.options.scaled_height = outH;
    }
    cv::Mat out(outH, outW, CV_8UC3);
    config.output.colorspace = MODE_BGR;
    config.output.is_external_memory = 1;
    config.output.u.RGBA.rgba = out.data;
    config.output.u.RGBA.stride = static_cast<int>(out.step[0]);
    config.output.u.RGBA.size = out.step[0] * static_cast<std::size_t>(out.rows);
    const VP8StatusCode status = WebPDecode(data.data(), data.size(), &config);
    WebPFreeDecBuffer(&config.output);
    if (status == VP8_STATUS_NOT_ENOUGH_DATA)
        throwTruncated(path);
    if (status != VP8_STATUS_OK)
        throwCorrupt(path);
    DecodedImage result;
    result.format = ImageFormat::WebP;
    result.storedSize = cv::Size(static_cast<int>(w), static_cast<int>(h));
    result.scale = static_cast<double>(outW) / static_cast<double>(w);
    result.bgr = out;
    return result;
}

std::uint32_t le32(const unsigned char* p)
{
    return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

std::uint16_t le16(const unsigned char* p)
{
    return static_cast<std::uint16_t>(p[0] | (p[1] << 8));
}

// What the header of an uncompressed format promises: its size and the bytes its pixels need
// (-1: not known beforehand).
struct RawHeader
{
    std::int64_t width = 0;
    std::int64_t height = 0;
    std::int64_t neededBytes = -1;
};

RawHeader bmpHeader(const MediaFile& file)
{
    std::array<unsigned char, 34> d{};
    const std::size_t n = file.readAt(0, d.data(), d.size());
    if (n < 26)
        throwTruncated(file.path());
    const std::uint32_t offset = le32(&d[10]);
    const std::uint32_t dibSize = le32(&d[14]);
    RawHeader header;
    int bpp = 0;
    std::uint32_t compression = 0;
    if (dibSize == 12) { // OS/2 BITMAPCOREHEADER
        header.width = le16(&d[18]);
        header.height = le16(&d[20]);
        bpp = le16(&d[24]);
    } else if (dibSize >= 40 && n >= 34) {
        header.width = static_cast<std::int32_t>(le32(&d[18]));
        header.height = std::abs(static_cast<std::int64_t>(static_cast<std::int32_t>(le32(&d[22]))));
        bpp = le16(&d[28]);
        compression = le32(&d[30]);
    } else {
        throwCorrupt(file.path());
    }
    // Run-length and embedded JPEG/PNG data cannot be checked for completeness beforehand.
    if (compression != 0 && compression != 3 /* BI_BITFIELDS */)
        throwUnsupported(file.path(), "compressed BMP");
    if (bpp != 1 && bpp != 4 && bpp != 8 && bpp != 16 && bpp != 24 && bpp != 32)
        throwCorrupt(file.path());
    if (header.width > 0 && header.height > 0 && header.width * header.height <= kMaxImagePixels)
        header.neededBytes = offset + ((header.width * bpp + 31) / 32) * 4 * header.height;
    return header;
}

// Binary PNM (P5 grey, P6 colour): header tokens and the data they promise.
RawHeader pnmHeader(const MediaFile& file)
{
    std::array<unsigned char, 1024> d{};
    const std::size_t n = file.readAt(0, d.data(), d.size());
    std::size_t at = 2;
    std::array<std::int64_t, 3> v{};
    for (auto& value : v) {
        for (;;) {
            while (at < n && std::isspace(d[at]) != 0)
                ++at;
            if (at < n && d[at] == '#') {
                while (at < n && d[at] != '\n')
                    ++at;
                continue;
            }
            break;
        }
        if (at >= n || std::isdigit(d[at]) == 0)
            throwCorrupt(file.path());
        value = 0;
        while (at < n && std::isdigit(d[at]) != 0 && value < (std::int64_t{1} << 32))
            value = value * 10 + (d[at++] - '0');
    }
    ++at; // the single whitespace before the data
    const auto [w, h, maxval] = v;
    if (maxval < 1 || maxval > 65535)
        throwCorrupt(file.path());
    RawHeader header{w, h};
    if (w > 0 && h > 0 && w * h <= kMaxImagePixels)
        header.neededBytes =
            static_cast<std::int64_t>(at) + w * h * (d[1] == '6' ? 3 : 1) * (maxval > 255 ? 2 : 1);
    return header;
}

// ImageWidth and ImageLength of the first IFD of a classic TIFF (the IFD may lie anywhere in
// the file, often at its end).
RawHeader tiffHeader(const MediaFile& file)
{
    std::array<unsigned char, 8> h{};
    if (file.readAt(0, h.data(), h.size()) < h.size())
        throwTruncated(file.path());
    const bool little = h[0] == 'I';
    const auto u16 = [&](const unsigned char* p) -> std::uint32_t {
        return little ? p[0] | (p[1] << 8) : (p[0] << 8) | p[1];
    };
    const auto u32 = [&](const unsigned char* p) -> std::uint32_t {
        return little ? u16(p) | (u16(p + 2) << 16) : (u16(p) << 16) | u16(p + 2);
    };
    const std::int64_t ifd = u32(&h[4]);
    std::array<unsigned char, 2> countBytes{};
    if (file.readAt(ifd, countBytes.data(), 2) < 2)
        throwTruncated(file.path());
    const std::uint32_t count = std::min<std::uint32_t>(u16(countBytes.data()), 4096);
    std::vector<unsigned char> entries(std::size_t{12} * count);
    if (file.readAt(ifd + 2, entries.data(), entries.size()) < entries.size())
        throwTruncated(file.path());
    RawHeader header;
    for (std::uint32_t i = 0; i < count; ++i) {
        const unsigned char* e = &entries[std::size_t{12} * i];
        const std::uint32_t value = u16(e + 2) == 3 /* SHORT */ ? u16(e + 8) : u32(e + 8);
        if (u16(e) == 256)
            header.width = value;
        else if (u16(e) == 257)
            header.height = value;
    }
    return header;
}

DecodedImage decodeWithOpenCv(const MediaFile& file, ImageFormat format, const ImageLimits& limits)
{
    const auto& path = file.path();
    const RawHeader header = format == ImageFormat::Bmp   ? bmpHeader(file)
                             : format == ImageFormat::Pnm ? pnmHeader(file)
                                                          : tiffHeader(file);
    checkSize(path, header.width, header.height, limits);
    const std::int64_t pixels = header.width * header.height;
    if (pixels > limits.maxFullDecodePixels)
        throwTooLargeForFormat(path, imageFormatName(format).data(), header.width, header.height,
                               limits.maxFullDecodePixels);
    if (header.neededBytes > file.size())
        throwTruncated(path);
    cv::Mat bgr;
    try {
        bgr = cv::imdecode(readAll(file), cv::IMREAD_COLOR);
    } catch (const cv::Exception& e) {
        qCDebug(lcVision) << "OpenCV decoder:" << e.what();
    }
    if (bgr.empty())
        throw Error(
            ErrorCode::InvalidInput,
            QT_TRANSLATE_NOOP("fe::Error", "The image %1 is truncated or corrupt. Copy or export it again."),
            {path.string()});
    DecodedImage result;
    result.format = format;
    result.storedSize = cv::Size(static_cast<int>(header.width), static_cast<int>(header.height));
    result.bgr = bgr; // OpenCV has applied any orientation it knows
    return result;
}

} // namespace

std::string_view imageFormatName(ImageFormat format) noexcept
{
    switch (format) {
    case ImageFormat::Jpeg:
        return "JPEG";
    case ImageFormat::Png:
        return "PNG";
    case ImageFormat::WebP:
        return "WebP";
    case ImageFormat::Bmp:
        return "BMP";
    case ImageFormat::Tiff:
        return "TIFF";
    case ImageFormat::Pnm:
        return "PNM";
    }
    return "image";
}

bool looksLikeImage(const std::filesystem::path& path)
{
    const Sniffed kind = sniff(MediaFile::open(path));
    return kind.format.has_value() || kind.otherImage != nullptr;
}

DecodedImage decodeImage(const std::filesystem::path& path, const ImageLimits& limits)
{
    const MediaFile file = MediaFile::open(path);
    const Sniffed kind = sniff(file);
    if (!kind.format) {
        if (kind.otherImage != nullptr)
            throwUnsupported(path, kind.otherImage);
        throwNotImage(path);
    }
    DecodedImage image;
    switch (*kind.format) {
    case ImageFormat::Jpeg:
        image = decodeJpeg(file, limits);
        break;
    case ImageFormat::Png:
        image = decodePng(file, limits);
        break;
    case ImageFormat::WebP:
        image = decodeWebP(file, limits);
        break;
    default:
        image = decodeWithOpenCv(file, *kind.format, limits);
        break;
    }
    // A safety net for limits below what the decoders' own reduction reaches.
    if (static_cast<std::int64_t>(image.bgr.total()) > limits.maxDecodedPixels) {
        const double s =
            std::sqrt(static_cast<double>(limits.maxDecodedPixels) / static_cast<double>(image.bgr.total()));
        cv::Mat reduced;
        cv::resize(image.bgr, reduced, cv::Size(), s, s, cv::INTER_AREA);
        image.scale *= static_cast<double>(reduced.cols) / static_cast<double>(image.bgr.cols);
        image.bgr = reduced;
    }
    applyOrientation(image.bgr, image.exifOrientation);
    if (image.scale < 1.0)
        qCDebug(lcVision) << "decoded" << path.string().c_str() << "reduced by" << image.scale << "to"
                          << image.bgr.cols << "x" << image.bgr.rows;
    return image;
}

cv::Mat readImage(const std::filesystem::path& path)
{
    return decodeImage(path).bgr;
}

} // namespace fe::vision
