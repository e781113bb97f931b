// The one image reader: formats as OpenCV reads them, bombs refused from the header, large
// images decoded reduced, truncated and corrupt files refused, EXIF orientation, and inputs
// that are not regular files refused without blocking.
#include "MediaFixtures.h"
#include "common/Error.h"
#include "common/TestData.h"
#include "vision/FrameSource.h"
#include "vision/ImageReader.h"

#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <fstream>
#include <iterator>

#include <sys/resource.h>
#include <sys/stat.h>

using namespace fe::vision;
using fe::test::meanAbsDiff;
using fe::test::reasonOf;

namespace {

std::vector<unsigned char> bytesOf(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const std::filesystem::path& p, const std::vector<unsigned char>& bytes)
{
    std::ofstream out(p, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

// A copy of a JPEG whose frame header (SOF0 or SOF2) claims another size: the data stays that
// of the small picture, as in a crafted bomb.
void writeJpegClaimingSize(const std::filesystem::path& from, const std::filesystem::path& to, int width,
                           int height)
{
    auto b = bytesOf(from);
    for (std::size_t i = 2; i + 9 < b.size(); ++i) {
        if (b[i] == 0xFF && (b[i + 1] == 0xC0 || b[i + 1] == 0xC2)) {
            b[i + 5] = static_cast<unsigned char>(height >> 8);
            b[i + 6] = static_cast<unsigned char>(height);
            b[i + 7] = static_cast<unsigned char>(width >> 8);
            b[i + 8] = static_cast<unsigned char>(width);
            writeBytes(to, b);
            return;
        }
    }
    throw std::runtime_error("no frame header in " + from.string());
}

long peakRssKb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

class TestImageReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void formats_decodeAsOpenCvDoes_data();
    void formats_decodeAsOpenCvDoes();
    void exifOrientation_isApplied_data();
    void exifOrientation_isApplied();
    void truncatedOrCorrupt_isRefused_data();
    void truncatedOrCorrupt_isRefused();
    void bomb_isRefusedFromItsHeader_data();
    void bomb_isRefusedFromItsHeader();
    void largeImage_isDecodedReducedWithinBudget_data();
    void largeImage_isDecodedReducedWithinBudget();
    void nonImage_isRefusedWithReason_data();
    void nonImage_isRefusedWithReason();
    void notRegularFile_isRefusedWithoutBlocking();

private:
    std::filesystem::path path(const char* name) const
    {
        return m_dir.filePath(QString::fromLatin1(name)).toStdString();
    }
    QTemporaryDir m_dir;
    cv::Mat m_picture; // a demo frame with a face, 360x288
};

void TestImageReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto source = FrameSource::open(fe::test::asset(fe::Asset::DemoVideo));
    Frame frame;
    QVERIFY(source->next(frame));
    m_picture = frame.bgr.clone();
    cv::Mat grey, grey16, rgba;
    cv::cvtColor(m_picture, grey, cv::COLOR_BGR2GRAY);
    grey.convertTo(grey16, CV_16U, 257.0);
    cv::cvtColor(m_picture, rgba, cv::COLOR_BGR2BGRA);
    QVERIFY(cv::imwrite(path("photo.png").string(), m_picture));
    QVERIFY(cv::imwrite(path("photo.jpg").string(), m_picture, {cv::IMWRITE_JPEG_QUALITY, 92}));
    QVERIFY(
        cv::imwrite(path("photo_progressive.jpg").string(), m_picture, {cv::IMWRITE_JPEG_PROGRESSIVE, 1}));
    QVERIFY(cv::imwrite(path("photo_grey.jpg").string(), grey));
    QVERIFY(cv::imwrite(path("photo.webp").string(), m_picture, {cv::IMWRITE_WEBP_QUALITY, 90}));
    QVERIFY(cv::imwrite(path("photo_lossless.webp").string(), m_picture, {cv::IMWRITE_WEBP_QUALITY, 101}));
    QVERIFY(cv::imwrite(path("photo.bmp").string(), m_picture));
    QVERIFY(cv::imwrite(path("photo.tif").string(), m_picture));
    QVERIFY(cv::imwrite(path("photo.ppm").string(), m_picture));
    QVERIFY(cv::imwrite(path("photo.pgm").string(), grey));
    QVERIFY(cv::imwrite(path("photo_grey.png").string(), grey));
    QVERIFY(cv::imwrite(path("photo_grey16.png").string(), grey16));
    QVERIFY(cv::imwrite(path("photo_alpha.png").string(), rgba));
    fe::test::writeInterlacedPng(path("photo_interlaced.png"), m_picture);
    fe::test::writePalettePngWithTransparency(path("photo_palette.png"), m_picture);
}

void TestImageReader::formats_decodeAsOpenCvDoes_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<double>("tolerance"); // mean absolute difference per channel, 0..255
    QTest::newRow("png") << "photo.png" << 0.0;
    QTest::newRow("png grey") << "photo_grey.png" << 0.0;
    QTest::newRow("png grey 16-bit") << "photo_grey16.png" << 0.0;
    QTest::newRow("png with alpha") << "photo_alpha.png" << 0.0;
    QTest::newRow("png interlaced") << "photo_interlaced.png" << 0.0;
    QTest::newRow("png palette with transparency") << "photo_palette.png" << 0.0;
    // libjpeg-turbo either way; only the IDCT settings may differ.
    QTest::newRow("jpeg") << "photo.jpg" << 0.5;
    QTest::newRow("jpeg progressive") << "photo_progressive.jpg" << 0.5;
    QTest::newRow("jpeg grey") << "photo_grey.jpg" << 0.5;
    QTest::newRow("webp lossy") << "photo.webp" << 0.5;
    QTest::newRow("webp lossless") << "photo_lossless.webp" << 0.0;
    QTest::newRow("bmp") << "photo.bmp" << 0.0;
    QTest::newRow("tiff") << "photo.tif" << 0.0;
    QTest::newRow("ppm") << "photo.ppm" << 0.0;
    QTest::newRow("pgm") << "photo.pgm" << 0.0;
}

void TestImageReader::formats_decodeAsOpenCvDoes()
{
    QFETCH(QString, file);
    QFETCH(double, tolerance);
    const auto p = path(file.toLatin1().constData());
    const DecodedImage image = decodeImage(p);
    const cv::Mat reference = cv::imread(p.string(), cv::IMREAD_COLOR);
    QCOMPARE(image.bgr.type(), CV_8UC3);
    QCOMPARE(image.bgr.size(), reference.size());
    QCOMPARE(image.storedSize, reference.size());
    QCOMPARE(image.scale, 1.0);
    const double diff = meanAbsDiff(image.bgr, reference);
    QVERIFY2(diff <= tolerance, qPrintable(QStringLiteral("%1: mean difference %2").arg(file).arg(diff)));
}

void TestImageReader::exifOrientation_isApplied_data()
{
    QTest::addColumn<int>("orientation");
    QTest::addColumn<int>("rotateCode"); // -1: as stored
    QTest::newRow("1 as stored") << 1 << -1;
    QTest::newRow("3 upside down") << 3 << static_cast<int>(cv::ROTATE_180);
    QTest::newRow("6 turn clockwise") << 6 << static_cast<int>(cv::ROTATE_90_CLOCKWISE);
    QTest::newRow("8 turn counter-clockwise") << 8 << static_cast<int>(cv::ROTATE_90_COUNTERCLOCKWISE);
}

void TestImageReader::exifOrientation_isApplied()
{
    QFETCH(int, orientation);
    QFETCH(int, rotateCode);
    const auto p = path("exif.jpg");
    fe::test::writeJpegWithExifOrientation(p, m_picture, orientation);
    const DecodedImage image = decodeImage(p);
    QCOMPARE(image.exifOrientation, orientation);
    cv::Mat expected = m_picture;
    if (rotateCode >= 0)
        cv::rotate(m_picture, expected, rotateCode);
    QCOMPARE(image.bgr.size(), expected.size());
    QVERIFY2(meanAbsDiff(image.bgr, expected) < 3.0,
             "the picture is not turned as its EXIF orientation says");
    // The same as OpenCV's imread, which the project used before.
    QVERIFY(meanAbsDiff(image.bgr, cv::imread(p.string(), cv::IMREAD_COLOR)) < 0.5);
}

void TestImageReader::truncatedOrCorrupt_isRefused_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<double>("keep");  // fraction of the file kept (1: whole)
    QTest::addColumn<int>("damageAt"); // where (per mille of the file) the damage starts, -1: none
    QTest::addColumn<int>("damage");   // > 0: bytes zeroed there; < 0: zero bytes inserted there
    QTest::addColumn<QString>("reason");
    // OpenCV's imread accepts the first three (a libjpeg warning, grey rows at the bottom).
    QTest::newRow("jpeg, bottom fifth missing") << "photo.jpg" << 0.8 << -1 << 0 << "truncated";
    QTest::newRow("jpeg, half missing") << "photo.jpg" << 0.5 << -1 << 0 << "truncated";
    QTest::newRow("progressive jpeg, last scans missing")
        << "photo_progressive.jpg" << 0.7 << -1 << 0 << "truncated";
    // Damage the entropy decoder notices (a flipped bit that still decodes is undetectable).
    QTest::newRow("jpeg, 4 KB of scan data zeroed") << "photo.jpg" << 1.0 << 400 << 4096 << "corrupt";
    QTest::newRow("jpeg, 2 KB inserted into scan data") << "photo.jpg" << 1.0 << 500 << -2048 << "corrupt";
    QTest::newRow("png, bottom fifth missing") << "photo.png" << 0.8 << -1 << 0 << "truncated";
    QTest::newRow("png, IDAT damaged (CRC)") << "photo.png" << 1.0 << 500 << 16 << "corrupt";
    QTest::newRow("interlaced png, cut") << "photo_interlaced.png" << 0.9 << -1 << 0 << "truncated";
    QTest::newRow("webp, bottom fifth missing") << "photo.webp" << 0.8 << -1 << 0 << "truncated";
    QTest::newRow("lossless webp, cut") << "photo_lossless.webp" << 0.8 << -1 << 0 << "truncated";
    QTest::newRow("bmp, cut") << "photo.bmp" << 0.8 << -1 << 0 << "truncated";
    QTest::newRow("ppm, cut") << "photo.ppm" << 0.8 << -1 << 0 << "truncated";
    QTest::newRow("tiff, cut") << "photo.tif" << 0.5 << -1 << 0 << "truncated";
}

void TestImageReader::truncatedOrCorrupt_isRefused()
{
    QFETCH(QString, source);
    QFETCH(double, keep);
    QFETCH(int, damageAt);
    QFETCH(int, damage);
    QFETCH(QString, reason);
    const auto from = path(source.toLatin1().constData());
    const auto bad = path(("bad_" + source.toStdString()).c_str());
    auto bytes = bytesOf(from);
    bytes.resize(static_cast<std::size_t>(static_cast<double>(bytes.size()) * keep));
    if (damageAt >= 0) {
        const std::size_t at = bytes.size() * static_cast<std::size_t>(damageAt) / 1000;
        if (damage > 0)
            std::fill_n(bytes.begin() + static_cast<std::ptrdiff_t>(at), damage, 0);
        else
            bytes.insert(bytes.begin() + static_cast<std::ptrdiff_t>(at), static_cast<std::size_t>(-damage),
                         0);
    }
    writeBytes(bad, bytes);
    try {
        const auto image = decodeImage(bad);
        QFAIL(qPrintable(
            QStringLiteral("%1 was accepted as %2x%3").arg(source).arg(image.bgr.cols).arg(image.bgr.rows)));
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::InvalidInput);
        QVERIFY2(reasonOf(e).contains(reason), qPrintable(reasonOf(e)));
    }
}

void TestImageReader::bomb_isRefusedFromItsHeader_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<QString>("reason");
    // The bombs: 389 KB of PNG that decode to 1.2 GB, and one above OpenCV's own 2^30
    // pixel assertion.
    QTest::newRow("png 20000x20000") << "png" << 20000 << 20000 << "20000x20000 px";
    QTest::newRow("png 30000x30000") << "png" << 30000 << 30000 << "30000x30000 px";
    QTest::newRow("png 100000x3000 (thin)") << "png" << 100000 << 3000 << "100000x3000 px";
    QTest::newRow("jpeg header 60000x60000") << "jpeg" << 60000 << 60000 << "60000x60000 px";
    QTest::newRow("progressive jpeg header 15000x15000")
        << "progressive" << 15000 << 15000 << "progressive JPEG";
}

void TestImageReader::bomb_isRefusedFromItsHeader()
{
    QFETCH(QString, kind);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(QString, reason);
    const auto bomb = path("bomb");
    if (kind == QLatin1String("png"))
        fe::test::writeBlackPngBomb(bomb, width, height);
    else
        writeJpegClaimingSize(path(kind == QLatin1String("jpeg") ? "photo.jpg" : "photo_progressive.jpg"),
                              bomb, width, height);
    QVERIFY(std::filesystem::file_size(bomb) < 4'000'000);
    const long before = peakRssKb();
    try {
        (void)decodeImage(bomb);
        QFAIL("the bomb was decoded");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::InvalidInput);
        QVERIFY2(reasonOf(e).contains(reason), qPrintable(reasonOf(e)));
        QVERIFY2(reasonOf(e).contains(QStringLiteral("megapixels")), qPrintable(reasonOf(e)));
    }
    // Refused before decoding: the peak memory of this process did not grow by the picture.
    const long grownMb = (peakRssKb() - before) / 1024;
    QVERIFY2(grownMb < 64, qPrintable(QStringLiteral("peak memory grew by %1 MB").arg(grownMb)));
}

void TestImageReader::largeImage_isDecodedReducedWithinBudget_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<qint64>("maxDecoded");
    QTest::addColumn<double>("expectedScale");
    // JPEG reduces in the DCT (M/8): 6000x5000 = 30 Mpx at 5/8 is 3750x3125 = 11.7 Mpx.
    QTest::newRow("jpeg 6000x5000, default budget")
        << "jpg" << 6000 << 5000 << qint64(kMaxDecodedPixels) << 0.625;
    // PNG averages whole blocks of pixels while it reads rows: 2400x1800 in 3x3 blocks.
    QTest::newRow("png 2400x1800, 0.5 Mpx budget") << "png" << 2400 << 1800 << qint64(500'000) << 1.0 / 3.0;
    QTest::newRow("webp 2400x1800, 0.5 Mpx budget") << "webp" << 2400 << 1800 << qint64(500'000) << -1.0;
    QTest::newRow("bmp 2400x1800, 0.5 Mpx budget") << "bmp" << 2400 << 1800 << qint64(500'000) << -1.0;
}

void TestImageReader::largeImage_isDecodedReducedWithinBudget()
{
    QFETCH(QString, format);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(qint64, maxDecoded);
    QFETCH(double, expectedScale);
    const auto p = path(("large." + format.toStdString()).c_str());
    cv::Mat full;
    if (format == QLatin1String("jpg")) {
        fe::test::writeLargeJpeg(p, m_picture, width, height, 95);
        full = cv::imread(p.string(), cv::IMREAD_COLOR);
    } else {
        cv::resize(m_picture, full, cv::Size(width, height), 0, 0, cv::INTER_LINEAR);
        QVERIFY(cv::imwrite(p.string(), full, {cv::IMWRITE_WEBP_QUALITY, 95}));
        full = cv::imread(p.string(), cv::IMREAD_COLOR);
    }
    ImageLimits limits;
    limits.maxDecodedPixels = maxDecoded;
    const DecodedImage image = decodeImage(p, limits);
    QCOMPARE(image.storedSize, cv::Size(width, height));
    QVERIFY2(static_cast<qint64>(image.bgr.total()) <= maxDecoded,
             qPrintable(QStringLiteral("%1x%2").arg(image.bgr.cols).arg(image.bgr.rows)));
    QVERIFY2(image.bgr.total() * 2 > static_cast<std::size_t>(maxDecoded) / 2, "reduced further than needed");
    if (expectedScale > 0)
        QVERIFY2(std::abs(image.scale - expectedScale) < 1e-3, qPrintable(QString::number(image.scale)));
    QVERIFY(std::abs(image.scale - static_cast<double>(image.bgr.cols) / width) < 1e-3);
    // The same picture as the full-size decode scaled down.
    cv::Mat expected;
    cv::resize(full, expected, image.bgr.size(), 0, 0, cv::INTER_AREA);
    const double diff = meanAbsDiff(image.bgr, expected);
    QVERIFY2(diff < 2.0, qPrintable(QStringLiteral("mean difference %1").arg(diff)));
}

void TestImageReader::nonImage_isRefusedWithReason_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QByteArray() << "is empty";
    QTest::newRow("text") << QByteArray("These are not pixels.\n") << "not a readable image";
    QTest::newRow("GIF") << QByteArray("GIF89a\x10\x00\x10\x00\x80\x00\x00", 13) << "(GIF)";
    QTest::newRow("OpenEXR") << QByteArray("\x76\x2f\x31\x01\x02\x00\x00\x00", 8) << "(OpenEXR)";
    QTest::newRow("run-length BMP")
        << QByteArray("BM\0\0\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0\x40\0\0\0\x40\0\0\0\x01\0\x08\0\x01\0\0\0", 34)
        << "(compressed BMP)";
    QTest::newRow("1x1 png") << QByteArray() << "1x1 px"; // made below
}

void TestImageReader::nonImage_isRefusedWithReason()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    const auto p = path("odd.img");
    if (reason == QLatin1String("1x1 px")) {
        QVERIFY(cv::imwrite(path("odd.png").string(), cv::Mat(1, 1, CV_8UC3, cv::Scalar::all(80))));
        std::filesystem::rename(path("odd.png"), p);
    } else {
        writeBytes(p, std::vector<unsigned char>(content.begin(), content.end()));
    }
    try {
        (void)decodeImage(p);
        QFAIL("accepted");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::InvalidInput);
        QVERIFY2(reasonOf(e).contains(reason), qPrintable(reasonOf(e)));
    }
}

void TestImageReader::notRegularFile_isRefusedWithoutBlocking()
{
    // A FIFO with no writer: opening it for reading would wait for ever.
    const auto fifo = path("photo_fifo.jpg");
    QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
    for (const auto& p : {fifo, std::filesystem::path("/dev/zero"), path("")}) {
        try {
            (void)decodeImage(p);
            QFAIL(qPrintable(QString::fromStdString(p.string()) + QStringLiteral(" was read")));
        } catch (const fe::Error& e) {
            QCOMPARE(e.code(), fe::ErrorCode::InvalidInput);
            const QString r = reasonOf(e);
            QVERIFY2(r.contains(QStringLiteral("not a regular file")) ||
                         r.contains(QStringLiteral("is a folder")),
                     qPrintable(r));
        }
    }
    try {
        (void)decodeImage(path("missing.jpg"));
        QFAIL("a missing file was read");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::NotFound);
    }
}

QTEST_APPLESS_MAIN(TestImageReader)
#include "tst_imagereader.moc"
