// faceenroll-cli on hostile and odd media (issue 10, "Media"): image bombs, very large photos,
// truncated images, FIFOs, folders of unrelated photos, and a face that leaves the view and
// comes back. Every input is made here, at run time.
#include "MediaFixtures.h"
#include "VisionFixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <fstream>

#include <sys/stat.h>

namespace {

using fe::test::jsonObject;

// The CLI's one-line reason, with nothing of the decoders' own chatter around it.
void verifyOneCleanLine(const QByteArray& err, const QString& reason)
{
    const QString text = QString::fromLocal8Bit(err).trimmed();
    QVERIFY2(!text.contains(u'\n'), qPrintable(QStringLiteral("more than one line on stderr: ") + text));
    QVERIFY2(text.contains(reason), qPrintable(text));
    for (const char* noise :
         {"libpng", "libjpeg", "Premature end", "Corrupt JPEG", "OpenCV", "imdecode", "Assertion"})
        QVERIFY2(!text.contains(QLatin1String(noise)), qPrintable(text));
}

constexpr long kMaxRssKb = 1024L * 1024L; // the bound: 1 GB for any single image

} // namespace

class TestCliMedia : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void badImage_exitsTwoWithOneCleanLine_data();
    void badImage_exitsTwoWithOneCleanLine();
    void largePhoto_isAnalysedReducedInBoundedMemory_data();
    void largePhoto_isAnalysedReducedInBoundedMemory();
    void folder_analysesEachPhotoOnItsOwn();
    void faceLeavesAndReturns_noGhostAndReacquired();

private:
    QString path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }
    QStringList enrollArgs(const QString& idPhoto) const;

    QTemporaryDir m_dir;
    QString m_db;
    std::map<std::int64_t, cv::Mat> m_franck;
};

void TestCliMedia::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_franck = fe::test::videoFrames(fe::Asset::DemoVideo, {0, 300});
    const cv::Mat& photo = m_franck.at(0);
    QVERIFY(cv::imwrite(path("franck.png").toStdString(), photo));
    QVERIFY(cv::imwrite(path("franck.jpg").toStdString(), photo, {cv::IMWRITE_JPEG_QUALITY, 92}));
    fe::test::writeTruncatedCopy(path("franck.jpg").toStdString(), path("franck_cut.jpg").toStdString(), 0.8);
    fe::test::writeTruncatedCopy(path("franck.png").toStdString(), path("franck_cut.png").toStdString(), 0.8);
    fe::test::writeBlackPngBomb(path("bomb_20000.png").toStdString(), 20000, 20000);
    fe::test::writeBlackPngBomb(path("bomb_30000.png").toStdString(), 30000, 30000);
    QCOMPARE(::mkfifo(path("pipe.jpg").toLocal8Bit().constData(), 0600), 0);
    QCOMPARE(::mkfifo(path("pipe.mp4").toLocal8Bit().constData(), 0600), 0);

    // A station for enroll's --id-photo.
    m_db = path("station.db");
    for (const char* user : {"admin", "op1", "one-time"}) {
        QFile f(path((std::string(user) + ".pw").c_str()));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(user) + "-correct-horse-7\n");
    }
    auto r =
        fe::test::runCli({QStringLiteral("init"), QStringLiteral("--db"), m_db, QStringLiteral("--admin"),
                          QStringLiteral("admin"), QStringLiteral("--password-file"), path("admin.pw")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = fe::test::runCli({QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("op1"),
                          QStringLiteral("--role"), QStringLiteral("operator"),
                          QStringLiteral("--new-password-file"), path("one-time.pw"), QStringLiteral("--db"), m_db,
                          QStringLiteral("--user"), QStringLiteral("admin"),
                          QStringLiteral("--password-file"), path("admin.pw")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // An administrator's password works once: op1 chooses their own (issue 9).
    r = fe::test::runCli({QStringLiteral("users"), QStringLiteral("passwd"), QStringLiteral("--new-password-file"),
                          path("op1.pw"), QStringLiteral("--db"), m_db, QStringLiteral("--user"), QStringLiteral("op1"),
                          QStringLiteral("--password-file"), path("one-time.pw")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

QStringList TestCliMedia::enrollArgs(const QString& idPhoto) const
{
    return {QStringLiteral("enroll"),
            QStringLiteral("--db"),
            m_db,
            QStringLiteral("--user"),
            QStringLiteral("op1"),
            QStringLiteral("--password-file"),
            path("op1.pw"),
            QStringLiteral("--consent"),
            QStringLiteral("yes"),
            QStringLiteral("--document-type"),
            QStringLiteral("national_id"),
            QStringLiteral("--name"),
            QStringLiteral("Test"),
            QStringLiteral("--document-number"),
            QStringLiteral("X1"),
            QStringLiteral("--phone"),
            QStringLiteral("+8613800138000"),
            QStringLiteral("--live"),
            QString::fromStdString(fe::test::asset(fe::Asset::DemoVideo).string()),
            QStringLiteral("--id-photo"),
            idPhoto};
}

void TestCliMedia::badImage_exitsTwoWithOneCleanLine_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reason");
    const QString video = QString::fromStdString(fe::test::asset(fe::Asset::DemoVideo).string());
    for (const char* command : {"analyze", "embed", "match", "liveness", "enroll"}) {
        const QString c = QString::fromLatin1(command);
        QTest::addRow("%s: png bomb 20000x20000", command) << c << "bomb_20000.png"
                                                           << "20000x20000 px";
        QTest::addRow("%s: png bomb 30000x30000 (above 2^30)", command) << c << "bomb_30000.png"
                                                                        << "30000x30000 px";
        QTest::addRow("%s: jpeg, bottom fifth missing", command) << c << "franck_cut.jpg"
                                                                 << "truncated";
        QTest::addRow("%s: png, bottom fifth missing", command) << c << "franck_cut.png"
                                                                << "truncated";
        QTest::addRow("%s: FIFO named .jpg", command) << c << "pipe.jpg"
                                                      << "not a regular file";
    }
    QTest::addRow("analyze: FIFO named .mp4") << "analyze"
                                              << "pipe.mp4"
                                              << "not a regular file";
    QTest::addRow("match: FIFO as B") << "match-b"
                                      << "pipe.mp4"
                                      << "not a regular file";
    QTest::addRow("liveness: FIFO named .mp4") << "liveness"
                                               << "pipe.mp4"
                                               << "not a regular file";
}

void TestCliMedia::badImage_exitsTwoWithOneCleanLine()
{
    QFETCH(QString, command);
    QFETCH(QString, file);
    QFETCH(QString, reason);
    const QString input = path(file.toLatin1().constData());
    QStringList args;
    if (command == QLatin1String("match"))
        args = {command, input, path("franck.png")};
    else if (command == QLatin1String("match-b"))
        args = {QStringLiteral("match"), path("franck.png"), input};
    else if (command == QLatin1String("enroll"))
        args = enrollArgs(input);
    else if (command == QLatin1String("liveness"))
        args = {command, input, QStringLiteral("--mode"), QStringLiteral("spontaneous")};
    else
        args = {command, input};
    // A FIFO used to block for ever: the run has a deadline, and timing out fails the test.
    const auto r = fe::test::runCliMeasured(args, 300'000);
    QCOMPARE(r.exitCode, 2);
    verifyOneCleanLine(r.err, reason);
    QVERIFY(!r.out.contains("\"summary\""));
    QVERIFY2(r.maxRssKb < kMaxRssKb, qPrintable(QStringLiteral("peak %1 MB").arg(r.maxRssKb / 1024)));
}

void TestCliMedia::largePhoto_isAnalysedReducedInBoundedMemory_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("kind");
    // The 16000x16000 photo took 39 s and 2.8 GB.
    QTest::newRow("analyze 16000x16000 jpeg with a face") << "analyze"
                                                          << "jpeg";
    QTest::newRow("embed 16000x16000 jpeg with a face") << "embed"
                                                        << "jpeg";
    QTest::newRow("analyze 16000x16000 black png") << "analyze"
                                                   << "png";
}

void TestCliMedia::largePhoto_isAnalysedReducedInBoundedMemory()
{
    QFETCH(QString, command);
    QFETCH(QString, kind);
    const QString input = path(kind == QLatin1String("jpeg") ? "large.jpg" : "large.png");
    if (!QFile::exists(input)) {
        if (kind == QLatin1String("jpeg"))
            fe::test::writeLargeJpeg(input.toStdString(), m_franck.at(0), 16000, 16000, 85);
        else
            fe::test::writeBlackPngBomb(input.toStdString(), 16000, 16000);
    }
    const auto r = fe::test::runCliMeasured({command, input});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.maxRssKb < kMaxRssKb, qPrintable(QStringLiteral("peak %1 MB").arg(r.maxRssKb / 1024)));
    if (command == QLatin1String("embed")) {
        QCOMPARE(fe::test::summaryObject(r).value(QStringLiteral("template")).toArray().size(), 512);
        return;
    }
    const auto lines = r.lines();
    QCOMPARE(lines.size(), 2);
    const QJsonObject frame = jsonObject(lines[0]);
    // Decoded at 1/4 (4000x4000, within kMaxDecodedPixels); coordinates are in those pixels.
    QCOMPARE(frame.value(QStringLiteral("decode_scale")).toDouble(), 0.25);
    QCOMPARE(frame.value(QStringLiteral("faces")).toArray().size(), kind == QLatin1String("jpeg") ? 1 : 0);
}

void TestCliMedia::folder_analysesEachPhotoOnItsOwn()
{
    QTemporaryDir folder;
    const auto at = [&](const char* name) { return folder.filePath(QString::fromLatin1(name)); };
    cv::Mat flipped;
    cv::flip(m_franck.at(300), flipped, 1);
    QVERIFY(cv::imwrite(at("a_franck.png").toStdString(), m_franck.at(0)));
    QVERIFY(cv::imwrite(at("b_flipped.png").toStdString(), flipped));
    QVERIFY(QFile::copy(path("franck_cut.jpg"), at("c_cut.jpg")));
    std::ofstream(at("d_notes.jpg").toStdString()) << "These are not pixels.\n";
    QCOMPARE(::mkfifo(at("e_pipe.png").toLocal8Bit().constData(), 0600), 0);
    QVERIFY(cv::imwrite(at("f_franck.jpg").toStdString(), m_franck.at(300)));
    std::ofstream(at("readme.txt").toStdString()) << "not listed\n";

    const auto r = fe::test::runCli({QStringLiteral("analyze"), folder.path(),
                                     QStringLiteral("--quality-profile"), QStringLiteral("lowres")},
                                    300'000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const auto lines = r.lines();
    QCOMPARE(lines.size(), 7);
    const QStringList names{QStringLiteral("a_franck.png"), QStringLiteral("b_flipped.png"),
                            QStringLiteral("c_cut.jpg"),    QStringLiteral("d_notes.jpg"),
                            QStringLiteral("e_pipe.png"),   QStringLiteral("f_franck.jpg")};
    const QStringList errors{QString(),
                             QString(),
                             QStringLiteral("truncated"),
                             QStringLiteral("not a readable image"),
                             QStringLiteral("not a regular file"),
                             QString()};
    for (int i = 0; i < 6; ++i) {
        const QJsonObject line = jsonObject(lines[i]);
        QCOMPARE(line.value(QStringLiteral("file")).toString(), names[i]);
        QCOMPARE(line.value(QStringLiteral("frame")).toInt(), i);
        if (errors[i].isEmpty()) {
            QVERIFY(!line.contains(QStringLiteral("error")));
            QCOMPARE(line.value(QStringLiteral("faces")).toArray().size(), 1);
        } else {
            QVERIFY2(line.value(QStringLiteral("error")).toString().contains(errors[i]),
                     qPrintable(line.value(QStringLiteral("error")).toString()));
        }
    }
    const QJsonObject s = fe::test::summaryObject(r);
    QCOMPARE(s.value(QStringLiteral("files")).toInt(), 6);
    QCOMPARE(s.value(QStringLiteral("frames")).toInt(), 3);
    QCOMPARE(s.value(QStringLiteral("unreadable")).toInt(), 3);
    QCOMPARE(s.value(QStringLiteral("frames_with_face")).toInt(), 3);

    // Each photo reads inside the folder exactly as it reads alone (no track carried over).
    const auto alone = fe::test::runCli({QStringLiteral("analyze"), at("b_flipped.png"),
                                         QStringLiteral("--quality-profile"), QStringLiteral("lowres")});
    QCOMPARE(alone.exitCode, 0);
    const QJsonObject faceAlone =
        jsonObject(alone.lines().first()).value(QStringLiteral("faces")).toArray().first().toObject();
    const QJsonObject faceInFolder =
        jsonObject(lines[1]).value(QStringLiteral("faces")).toArray().first().toObject();
    for (const char* key : {"yaw", "pitch", "roll", "box", "landmarks"})
        QVERIFY2(
            faceInFolder.value(QLatin1String(key)) == faceAlone.value(QLatin1String(key)),
            qPrintable(
                QStringLiteral("%1 differs: %2 in the folder, %3 alone")
                    .arg(QLatin1String(key),
                         QString::fromUtf8(QJsonDocument(QJsonArray{faceInFolder.value(QLatin1String(key))})
                                               .toJson(QJsonDocument::Compact)),
                         QString::fromUtf8(QJsonDocument(QJsonArray{faceAlone.value(QLatin1String(key))})
                                               .toJson(QJsonDocument::Compact)))));
}

void TestCliMedia::faceLeavesAndReturns_noGhostAndReacquired()
{
    // 3 s of the subject, 2 s of an empty (black) view, 3 s of the same subject later on.
    constexpr int kSegment = 75, kEmpty = 50;
    std::vector<std::int64_t> wanted;
    for (int i = 0; i < kSegment; ++i) {
        wanted.push_back(i);
        wanted.push_back(1000 + i);
    }
    const auto frames = fe::test::videoFrames(fe::Asset::DemoVideo, wanted);
    std::vector<cv::Mat> video;
    for (int i = 0; i < kSegment; ++i)
        video.push_back(frames.at(i));
    for (int i = 0; i < kEmpty; ++i)
        video.push_back(cv::Mat::zeros(frames.at(0).size(), CV_8UC3));
    for (int i = 0; i < kSegment; ++i)
        video.push_back(frames.at(1000 + i));
    const QString file = path("leaves_and_returns.avi");
    fe::test::writeVideo(file.toStdString(), video, 25.0);

    const auto r = fe::test::runCli(
        {QStringLiteral("analyze"), file, QStringLiteral("--quality-profile"), QStringLiteral("lowres")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const auto lines = r.lines();
    QCOMPARE(lines.size(), 2 * kSegment + kEmpty + 1);
    int ghosts = 0, firstBack = -1, backWithFace = 0;
    for (int i = kSegment; i < 2 * kSegment + kEmpty; ++i) {
        const bool face = !jsonObject(lines[i]).value(QStringLiteral("faces")).toArray().isEmpty();
        if (i < kSegment + kEmpty) {
            ghosts += face ? 1 : 0;
        } else if (face) {
            ++backWithFace;
            if (firstBack < 0)
                firstBack = i - kSegment - kEmpty;
        }
    }
    QVERIFY2(ghosts == 0,
             qPrintable(QStringLiteral("a face reported on %1 of %2 empty frames").arg(ghosts).arg(kEmpty)));
    QVERIFY2(firstBack == 0,
             qPrintable(QStringLiteral("the returning face found after %1 frames").arg(firstBack)));
    QVERIFY2(
        backWithFace >= kSegment - 1,
        qPrintable(
            QStringLiteral("a face in %1 of %2 frames after the return").arg(backWithFace).arg(kSegment)));
}

QTEST_APPLESS_MAIN(TestCliMedia)
#include "tst_cli_media.moc"
