#include "MediaFixtures.h"

#include "common/TestData.h"

#include <QFile>
#include <QTemporaryDir>

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

// clang-format off
#include <jpeglib.h>
// clang-format on
#include <png.h>
#include <zlib.h>

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/display.h>
}

extern char** environ;

namespace fe::test {
namespace {

void put32(std::string& out, std::uint32_t v)
{
    out.push_back(static_cast<char>(v >> 24));
    out.push_back(static_cast<char>(v >> 16));
    out.push_back(static_cast<char>(v >> 8));
    out.push_back(static_cast<char>(v));
}

void pngChunk(std::ofstream& out, const char* type, const std::string& data)
{
    std::string chunk;
    put32(chunk, static_cast<std::uint32_t>(data.size()));
    chunk.append(type, 4);
    chunk += data;
    const auto crc =
        crc32(0, reinterpret_cast<const Bytef*>(chunk.data() + 4), static_cast<uInt>(chunk.size() - 4));
    put32(chunk, static_cast<std::uint32_t>(crc));
    out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
}

void jpegFail(j_common_ptr cinfo)
{
    char message[JMSG_LENGTH_MAX];
    (*cinfo->err->format_message)(cinfo, message);
    // Test code only: libjpeg is C, but x86-64 and AArch64 C code carries unwind tables, so
    // the exception reaches the test as a failure.
    throw std::runtime_error(std::string("JPEG encoder: ") + message);
}

struct JpegWriter
{
    jpeg_compress_struct cinfo{};
    jpeg_error_mgr err{};
    std::FILE* file = nullptr;

    JpegWriter(const std::filesystem::path& path, int width, int height, int quality)
    {
        file = std::fopen(path.c_str(), "wb");
        if (file == nullptr)
            throw std::runtime_error("cannot write " + path.string());
        cinfo.err = jpeg_std_error(&err);
        err.error_exit = jpegFail;
        jpeg_create_compress(&cinfo);
        jpeg_stdio_dest(&cinfo, file);
        cinfo.image_width = static_cast<JDIMENSION>(width);
        cinfo.image_height = static_cast<JDIMENSION>(height);
        cinfo.input_components = 3;
        cinfo.in_color_space = JCS_EXT_BGR;
        jpeg_set_defaults(&cinfo);
        jpeg_set_quality(&cinfo, quality, TRUE);
        jpeg_start_compress(&cinfo, TRUE);
    }
    void write(const unsigned char* row)
    {
        auto* r = const_cast<JSAMPROW>(row);
        jpeg_write_scanlines(&cinfo, &r, 1);
    }
    ~JpegWriter()
    {
        jpeg_finish_compress(&cinfo);
        jpeg_destroy_compress(&cinfo);
        std::fclose(file);
    }
};

} // namespace

void writeBlackPngBomb(const std::filesystem::path& path, int width, int height)
{
    constexpr int kRowsPerBlock = 100;
    if (height % kRowsPerBlock != 0)
        throw std::invalid_argument("height must be a multiple of 100");
    // One block of rows (a filter byte and black RGB pixels each), compressed from a reset
    // state: after Z_FULL_FLUSH the encoder forgets everything, so the same input gives the
    // same bytes every time and the block can be repeated. The zlib trailer (adler32 of all
    // rows) is combined arithmetically.
    const std::size_t rowBytes = 1 + static_cast<std::size_t>(width) * 3;
    const std::vector<Bytef> rows(rowBytes * kRowsPerBlock, 0);
    z_stream z{};
    deflateInit(&z, 9);
    std::vector<Bytef> first(deflateBound(&z, static_cast<uLong>(rows.size())) + 64);
    std::vector<Bytef> again(first.size());
    const auto compress = [&](std::vector<Bytef>& out) {
        z.next_in = const_cast<Bytef*>(rows.data());
        z.avail_in = static_cast<uInt>(rows.size());
        z.next_out = out.data();
        z.avail_out = static_cast<uInt>(out.size());
        deflate(&z, Z_FULL_FLUSH);
        return out.size() - z.avail_out;
    };
    const std::size_t firstSize = compress(first); // zlib header + block
    const std::size_t blockSize = compress(again);
    deflateEnd(&z);
    const std::size_t headerSize = firstSize - blockSize;
    if (headerSize != 2 || std::memcmp(first.data() + 2, again.data(), blockSize) != 0)
        throw std::runtime_error("deflate output does not repeat");
    const uLong blockAdler = adler32(1, rows.data(), static_cast<uInt>(rows.size()));
    uLong adler = 1;
    std::string idat(reinterpret_cast<const char*>(first.data()), headerSize);
    for (int b = 0; b < height / kRowsPerBlock; ++b) {
        idat.append(reinterpret_cast<const char*>(again.data()), blockSize);
        adler = adler32_combine(adler, blockAdler, static_cast<z_off_t>(rows.size()));
    }
    idat.push_back(0x03); // a final, empty fixed-Huffman block
    idat.push_back(0x00);
    put32(idat, static_cast<std::uint32_t>(adler));

    std::ofstream out(path, std::ios::binary);
    out.write("\x89PNG\r\n\x1A\n", 8);
    std::string ihdr;
    put32(ihdr, static_cast<std::uint32_t>(width));
    put32(ihdr, static_cast<std::uint32_t>(height));
    ihdr += std::string("\x08\x02\x00\x00\x00", 5); // 8-bit RGB, deflate, no filter method, not interlaced
    pngChunk(out, "IHDR", ihdr);
    pngChunk(out, "IDAT", idat);
    pngChunk(out, "IEND", {});
    if (!out)
        throw std::runtime_error("cannot write " + path.string());
}

void writeLargeJpeg(const std::filesystem::path& path, const cv::Mat& picture, int width, int height,
                    int quality)
{
    // Each source row scaled to the output width once; output rows blend two of them.
    std::vector<cv::Mat> wide(static_cast<std::size_t>(picture.rows));
    for (int y = 0; y < picture.rows; ++y)
        cv::resize(picture.row(y), wide[static_cast<std::size_t>(y)], cv::Size(width, 1), 0, 0,
                   cv::INTER_LINEAR);
    JpegWriter writer(path, width, height, quality);
    cv::Mat row(1, width, CV_8UC3);
    for (int y = 0; y < height; ++y) {
        const double sy = std::clamp((y + 0.5) * picture.rows / height - 0.5, 0.0, picture.rows - 1.0);
        const int y0 = static_cast<int>(sy);
        const int y1 = std::min(y0 + 1, picture.rows - 1);
        const double a = sy - y0;
        cv::addWeighted(wide[static_cast<std::size_t>(y0)], 1.0 - a, wide[static_cast<std::size_t>(y1)], a,
                        0.0, row);
        writer.write(row.ptr());
    }
}

void writeJpegWithExifOrientation(const std::filesystem::path& path, const cv::Mat& bgr, int orientation)
{
    std::string exif("Exif\0\0", 6);
    exif += std::string("MM\0*", 4);
    put32(exif, 8);                             // IFD0 offset
    exif += std::string("\x00\x01", 2);         // one entry
    exif += std::string("\x01\x12\x00\x03", 4); // Orientation, SHORT
    put32(exif, 1);                             // count
    exif.push_back(0);
    exif.push_back(static_cast<char>(orientation)); // value, left-justified
    exif += std::string("\x00\x00", 2);
    put32(exif, 0); // no next IFD
    JpegWriter writer(path, bgr.cols, bgr.rows, 95);
    jpeg_write_marker(&writer.cinfo, JPEG_APP0 + 1, reinterpret_cast<const JOCTET*>(exif.data()),
                      static_cast<unsigned>(exif.size()));
    for (int y = 0; y < bgr.rows; ++y)
        writer.write(bgr.ptr(y));
}

// libpng writing to a file; png_error longjmps back into the caller's setjmp (libpng's own
// default handler would abort), so each writer calls setjmp(png_jmpbuf(writer.png)) first.
namespace {

struct PngWriter
{
    std::FILE* file = nullptr;
    png_structp png = nullptr;
    png_infop info = nullptr;

    explicit PngWriter(const std::filesystem::path& path) : file(std::fopen(path.c_str(), "wb"))
    {
        if (file == nullptr)
            throw std::runtime_error("cannot write " + path.string());
        png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
        info = png_create_info_struct(png);
        png_init_io(png, file);
    }
    PngWriter(const PngWriter&) = delete;
    PngWriter& operator=(const PngWriter&) = delete;
    ~PngWriter()
    {
        png_destroy_write_struct(&png, &info);
        std::fclose(file);
    }
};

} // namespace

void writeInterlacedPng(const std::filesystem::path& path, const cv::Mat& bgr)
{
    std::vector<png_bytep> rows(static_cast<std::size_t>(bgr.rows));
    for (int y = 0; y < bgr.rows; ++y)
        rows[static_cast<std::size_t>(y)] = const_cast<png_bytep>(bgr.ptr(y));
    PngWriter w(path);
    if (setjmp(png_jmpbuf(w.png)) != 0)
        throw std::runtime_error("libpng cannot write " + path.string());
    png_set_IHDR(w.png, w.info, static_cast<png_uint_32>(bgr.cols), static_cast<png_uint_32>(bgr.rows), 8,
                 PNG_COLOR_TYPE_RGB, PNG_INTERLACE_ADAM7, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(w.png, w.info);
    png_set_bgr(w.png);
    png_write_image(w.png, rows.data());
    png_write_end(w.png, nullptr);
}

void writePalettePngWithTransparency(const std::filesystem::path& path, const cv::Mat& bgr)
{
    std::vector<png_color> palette(216);
    for (int i = 0; i < 216; ++i)
        palette[static_cast<std::size_t>(i)] = {static_cast<png_byte>(i / 36 * 51), static_cast<png_byte>(i / 6 % 6 * 51),
                                                static_cast<png_byte>(i % 6 * 51)};
    const auto level = [](unsigned char v) { return (v + 25) / 51; };
    cv::Mat indexed(bgr.size(), CV_8UC1);
    for (int y = 0; y < bgr.rows; ++y) {
        const unsigned char* p = bgr.ptr(y);
        for (int x = 0; x < bgr.cols; ++x, p += 3)
            indexed.at<unsigned char>(y, x) = static_cast<unsigned char>(level(p[2]) * 36 + level(p[1]) * 6 + level(p[0]));
    }
    png_byte alpha = 0;
    PngWriter w(path);
    if (setjmp(png_jmpbuf(w.png)) != 0)
        throw std::runtime_error("libpng cannot write " + path.string());
    png_set_IHDR(w.png, w.info, static_cast<png_uint_32>(bgr.cols), static_cast<png_uint_32>(bgr.rows), 8,
                 PNG_COLOR_TYPE_PALETTE, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_PLTE(w.png, w.info, palette.data(), 216);
    png_set_tRNS(w.png, w.info, &alpha, 1, nullptr);
    png_write_info(w.png, w.info);
    for (int y = 0; y < indexed.rows; ++y)
        png_write_row(w.png, indexed.ptr(y));
    png_write_end(w.png, nullptr);
}

void writeTruncatedCopy(const std::filesystem::path& from, const std::filesystem::path& to, double fraction)
{
    QFile in(QString::fromStdString(from.string()));
    QFile out(QString::fromStdString(to.string()));
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
        throw std::runtime_error("cannot copy " + from.string());
    const QByteArray bytes = in.readAll();
    out.write(bytes.left(static_cast<qsizetype>(static_cast<double>(bytes.size()) * fraction)));
}

void writeVideo(const std::filesystem::path& out, const std::vector<cv::Mat>& frames, double fps)
{
    cv::VideoWriter writer(out.string(), cv::CAP_FFMPEG, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), fps,
                           frames.at(0).size());
    if (!writer.isOpened())
        throw std::runtime_error("cannot write " + out.string());
    for (const auto& f : frames)
        writer.write(f);
}

void writePhoneStyleVideo(const std::filesystem::path& video, const std::filesystem::path& out, int frames,
                          int displayRotationDeg)
{
    if (displayRotationDeg != 90 && displayRotationDeg != 180 && displayRotationDeg != 270)
        throw std::invalid_argument("display rotation must be 90, 180 or 270");
    // 1. The pixels as a phone's sensor stores them: turned the other way round from the
    //    rotation a player will apply.
    QTemporaryDir tmp;
    const std::filesystem::path sideways = tmp.filePath(QStringLiteral("sideways.mp4")).toStdString();
    {
        cv::VideoCapture in(video.string(), cv::CAP_FFMPEG);
        cv::VideoWriter writer;
        cv::Mat frame, turned;
        for (int i = 0; i < frames && in.read(frame); ++i) {
            cv::rotate(frame, turned,
                       displayRotationDeg == 90    ? cv::ROTATE_90_COUNTERCLOCKWISE
                       : displayRotationDeg == 180 ? cv::ROTATE_180
                                                   : cv::ROTATE_90_CLOCKWISE);
            if (!writer.isOpened() &&
                !writer.open(sideways.string(), cv::CAP_FFMPEG, cv::VideoWriter::fourcc('m', 'p', '4', 'v'),
                             in.get(cv::CAP_PROP_FPS), turned.size()))
                throw std::runtime_error("cannot encode " + sideways.string());
            writer.write(turned);
        }
    }
    // 2. The same packets in a new MP4 whose video stream carries the display matrix.
    AVFormatContext* input = nullptr;
    if (avformat_open_input(&input, sideways.c_str(), nullptr, nullptr) < 0 ||
        avformat_find_stream_info(input, nullptr) < 0)
        throw std::runtime_error("libavformat cannot read " + sideways.string());
    AVFormatContext* output = nullptr;
    avformat_alloc_output_context2(&output, nullptr, "mp4", out.c_str());
    for (unsigned i = 0; i < input->nb_streams; ++i) {
        AVStream* is = input->streams[i];
        AVStream* os = avformat_new_stream(output, nullptr);
        avcodec_parameters_copy(os->codecpar, is->codecpar);
        os->codecpar->codec_tag = 0;
        os->time_base = is->time_base;
        if (is->codecpar->codec_type == AVMEDIA_TYPE_VIDEO) {
            auto* matrix = reinterpret_cast<int32_t*>(
                av_stream_new_side_data(os, AV_PKT_DATA_DISPLAYMATRIX, 9 * sizeof(int32_t)));
            av_display_rotation_set(matrix, displayRotationDeg);
        }
    }
    bool ok = avio_open(&output->pb, out.c_str(), AVIO_FLAG_WRITE) >= 0 &&
              avformat_write_header(output, nullptr) >= 0;
    AVPacket* packet = av_packet_alloc();
    while (ok && av_read_frame(input, packet) >= 0) {
        av_packet_rescale_ts(packet, input->streams[packet->stream_index]->time_base,
                             output->streams[packet->stream_index]->time_base);
        packet->pos = -1;
        ok = av_interleaved_write_frame(output, packet) >= 0;
        av_packet_unref(packet);
    }
    ok = ok && av_write_trailer(output) >= 0;
    av_packet_free(&packet);
    avio_closep(&output->pb);
    avformat_free_context(output);
    avformat_close_input(&input);
    if (!ok)
        throw std::runtime_error("libavformat cannot write " + out.string());
}

double displayRotation(const std::filesystem::path& video)
{
    AVFormatContext* input = nullptr;
    if (avformat_open_input(&input, video.c_str(), nullptr, nullptr) < 0)
        throw std::runtime_error("libavformat cannot read " + video.string());
    double angle = 0.0;
    for (unsigned i = 0; i < input->nb_streams; ++i) {
        if (input->streams[i]->codecpar->codec_type != AVMEDIA_TYPE_VIDEO)
            continue;
        const auto* matrix = reinterpret_cast<const int32_t*>(
            av_stream_get_side_data(input->streams[i], AV_PKT_DATA_DISPLAYMATRIX, nullptr));
        if (matrix != nullptr)
            angle = std::fmod(360.0 - av_display_rotation_get(matrix), 360.0);
        break;
    }
    avformat_close_input(&input);
    return angle;
}

double meanAbsDiff(const cv::Mat& a, const cv::Mat& b)
{
    if (a.size() != b.size() || a.type() != b.type())
        return 255.0;
    cv::Mat diff;
    cv::absdiff(a, b, diff);
    const cv::Scalar m = cv::mean(diff);
    return (m[0] + m[1] + m[2]) / 3.0;
}

QString reasonOf(const fe::Error& e)
{
    return QString::fromStdString(fe::Error::format(e.textTemplate(), e.args()));
}

MeasuredRun runCliMeasured(const QStringList& args, int timeoutMs)
{
    QTemporaryDir tmp;
    const std::string outPath = tmp.filePath(QStringLiteral("out")).toStdString();
    const std::string errPath = tmp.filePath(QStringLiteral("err")).toStdString();
    const std::string program = cliPath().toStdString();
    std::vector<std::string> argStrings{program};
    for (const auto& a : args)
        argStrings.push_back(a.toStdString());
    std::vector<char*> argv;
    for (auto& a : argStrings)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        throw std::runtime_error("cannot start faceenroll-cli");

    MeasuredRun run;
    int status = 0;
    rusage usage{};
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    for (;;) {
        const pid_t done = wait4(pid, &status, WNOHANG, &usage);
        if (done == pid)
            break;
        if (std::chrono::steady_clock::now() > deadline) {
            kill(pid, SIGKILL);
            wait4(pid, &status, 0, &usage);
            throw std::runtime_error("faceenroll-cli timed out");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.maxRssKb = usage.ru_maxrss;
    QFile out(QString::fromStdString(outPath));
    QFile err(QString::fromStdString(errPath));
    if (out.open(QIODevice::ReadOnly))
        run.out = out.readAll();
    if (err.open(QIODevice::ReadOnly))
        run.err = err.readAll();
    return run;
}

} // namespace fe::test
