// faceenroll-cli's vision commands: the JSON-lines contract and bad input.
#include "VisionFixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <fstream>

namespace {

using fe::test::jsonObject;

QJsonObject summary(const fe::test::CliResult& r)
{
    return fe::test::summaryObject(r);
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        throw std::runtime_error("cannot write test file");
    f.write(bytes);
}

QByteArray readBytes(const std::filesystem::path& path)
{
    QFile f(QString::fromStdString(path.string()));
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read " + path.string());
    return f.readAll();
}

} // namespace

class TestCliVision : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void analyze_printsOneObjectPerFrameThenSummary();
    void embed_printsUnitTemplate();
    void match_decidesSameAndDifferentPeople_data();
    void match_decidesSameAndDifferentPeople();
    void bench_reportsBothPipelines();
    void badInput_exitsTwoWithReason_data();
    void badInput_exitsTwoWithReason();
    void missingAsset_namesFileAndFetchCommand();

private:
    QTemporaryDir m_dir;
    QString path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }
};

void TestCliVision::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const auto franck = fe::test::videoFrames(fe::Asset::DemoVideo, {0, 1243, 4313});
    const auto cap12 = fe::test::videoFrames(fe::Asset::SecondVideo, {600});
    QVERIFY(cv::imwrite(path("franck_0.png").toStdString(), franck.at(0)));
    QVERIFY(cv::imwrite(path("franck_4313.jpg").toStdString(), franck.at(4313)));
    QVERIFY(cv::imwrite(path("cap12_600.jpg").toStdString(), cap12.at(600)));
    // Bad inputs.
    writeBytes(path("empty.mp4"), {});
    writeBytes(path("notes.jpg"), "These are not pixels.\n");
    QVERIFY(cv::imwrite(path("tiny.png").toStdString(), cv::Mat(1, 1, CV_8UC3, cv::Scalar(90, 120, 200))));
    cv::Mat wall;
    cv::resize(franck.at(0)(cv::Rect(0, 0, 90, 70)), wall, cv::Size(640, 480));
    QVERIFY(cv::imwrite(path("wall.png").toStdString(), wall));
    const QByteArray f = readBytes(fe::test::asset(fe::Asset::DemoVideo));
    writeBytes(path("franck_cut.mp4"), f.left(f.size() * 2 / 5)); // index (moov) is at the end
    const QByteArray c = readBytes(fe::test::asset(fe::Asset::SecondVideo));
    writeBytes(path("cap12_cut.mp4"), c.left(c.size() / 2)); // index first, frames cut off
}

void TestCliVision::analyze_printsOneObjectPerFrameThenSummary()
{
    const auto r = fe::test::runCli({QStringLiteral("analyze"), QString::fromStdString(fe::test::asset(fe::Asset::DemoVideo).string()),
                                     QStringLiteral("--max-frames"), QStringLiteral("30"), QStringLiteral("--quality-profile"),
                                     QStringLiteral("lowres")});
    QCOMPARE(r.exitCode, 0);
    const auto lines = r.lines();
    QCOMPARE(lines.size(), 31);
    for (int i = 0; i < 30; ++i) {
        const QJsonObject frame = jsonObject(lines[i]);
        QCOMPARE(frame.value(QStringLiteral("frame")).toInt(), i);
        QVERIFY(frame.value(QStringLiteral("ms")).toDouble() > 0.0);
        QCOMPARE(frame.value(QStringLiteral("guidance")).isString(), true);
        const QJsonArray faces = frame.value(QStringLiteral("faces")).toArray();
        QCOMPARE(faces.size(), 1);
        const QJsonObject face = faces.first().toObject();
        QCOMPARE(face.value(QStringLiteral("box")).toArray().size(), 4);
        QCOMPARE(face.value(QStringLiteral("landmarks")).toArray().size(), 68);
        QCOMPARE(face.value(QStringLiteral("landmarks")).toArray().first().toArray().size(), 2);
        for (const char* key : {"yaw", "pitch", "roll", "ear", "mouth_open"})
            QVERIFY2(face.value(QLatin1String(key)).isDouble(), key);
        QVERIFY(face.value(QStringLiteral("eyes_closed")).isBool());
        const QJsonObject quality = face.value(QStringLiteral("quality")).toObject();
        QVERIFY(quality.value(QStringLiteral("passed")).isBool());
        for (const char* key : {"face_count", "inter_eye_distance", "centred", "yaw", "pitch", "roll", "eyes_open",
                                "mouth_closed", "sharpness", "exposure", "lighting_uniformity"})
            QVERIFY2(quality.value(QLatin1String(key)).toObject().value(QStringLiteral("passed")).isBool(), key);
    }
    const QJsonObject s = summary(r);
    QCOMPARE(s.value(QStringLiteral("frames")).toInt(), 30);
    QCOMPARE(s.value(QStringLiteral("frames_with_face")).toInt(), 30);
    for (const char* key : {"blinks", "mean_ms", "p95_ms"})
        QVERIFY2(s.contains(QLatin1String(key)), key);
}

void TestCliVision::embed_printsUnitTemplate()
{
    const auto r = fe::test::runCli({QStringLiteral("embed"), path("franck_0.png")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject s = summary(r);
    const QJsonArray t = s.value(QStringLiteral("template")).toArray();
    QCOMPARE(t.size(), 512);
    double norm = 0.0;
    for (const auto& v : t)
        norm += v.toDouble() * v.toDouble();
    QVERIFY(std::abs(std::sqrt(norm) - 1.0) < 1e-3);
    QVERIFY(!s.value(QStringLiteral("model")).toString().isEmpty());
    QVERIFY(s.value(QStringLiteral("quality")).toObject().contains(QStringLiteral("passed")));
}

void TestCliVision::match_decidesSameAndDifferentPeople_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("decision");
    QTest::newRow("franck 0 s vs 180 s") << "franck_0.png" << "franck_4313.jpg" << "match";
    QTest::newRow("franck vs cap12") << "franck_0.png" << "cap12_600.jpg" << "non-match";
    QTest::newRow("cap12 video vs cap12 still") << "@cap12" << "cap12_600.jpg" << "match";
}

void TestCliVision::match_decidesSameAndDifferentPeople()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, decision);
    const auto resolve = [&](const QString& name) {
        return name == QLatin1String("@cap12") ? QString::fromStdString(fe::test::asset(fe::Asset::SecondVideo).string())
                                               : path(name.toLatin1().constData());
    };
    const auto r = fe::test::runCli({QStringLiteral("match"), resolve(a), resolve(b), QStringLiteral("--max-frames"),
                                     QStringLiteral("200")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject s = summary(r);
    QCOMPARE(s.value(QStringLiteral("decision")).toString(), decision);
    const double score = s.value(QStringLiteral("score")).toDouble();
    const double threshold = s.value(QStringLiteral("threshold")).toDouble();
    QCOMPARE(score >= threshold, decision == QLatin1String("match"));
}

void TestCliVision::bench_reportsBothPipelines()
{
    const auto r = fe::test::runCli({QStringLiteral("bench"), QString::fromStdString(fe::test::asset(fe::Asset::DemoVideo).string()),
                                     QStringLiteral("--frames"), QStringLiteral("40"), QStringLiteral("--runs"),
                                     QStringLiteral("1")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject s = summary(r);
    for (const char* key : {"ours_fps", "naive_fps", "speedup", "landmark_diff_iod", "p95_ms"})
        QVERIFY2(s.value(QLatin1String(key)).toDouble() > 0.0, key);
    QVERIFY(s.value(QStringLiteral("median_ms")).toObject().contains(QStringLiteral("landmarks")));
    QCOMPARE(s.value(QStringLiteral("frames")).toInt(), 40);
}

void TestCliVision::badInput_exitsTwoWithReason_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("reason"); // a fragment the one-line reason must contain
    QTest::newRow("empty video") << QStringList{QStringLiteral("analyze"), path("empty.mp4")} << "is empty";
    QTest::newRow("truncated mp4, index lost") << QStringList{QStringLiteral("analyze"), path("franck_cut.mp4")} << "truncated";
    QTest::newRow("truncated mp4, frames lost") << QStringList{QStringLiteral("analyze"), path("cap12_cut.mp4")} << "truncated";
    QTest::newRow("text named .jpg") << QStringList{QStringLiteral("embed"), path("notes.jpg")} << "not a readable image";
    QTest::newRow("1x1 image") << QStringList{QStringLiteral("embed"), path("tiny.png")} << "1x1 px";
    QTest::newRow("1x1 image analysed") << QStringList{QStringLiteral("analyze"), path("tiny.png")} << "1x1 px";
    QTest::newRow("no face") << QStringList{QStringLiteral("embed"), path("wall.png")} << "No face was found";
    QTest::newRow("no face to match") << QStringList{QStringLiteral("match"), path("wall.png"), path("franck_0.png")} << "No face was found";
    QTest::newRow("missing file") << QStringList{QStringLiteral("analyze"), path("nothing.mp4")} << "does not exist";
    QTest::newRow("unknown option") << QStringList{QStringLiteral("analyze"), QStringLiteral("--fast"), path("franck_0.png")} << "fast";
    QTest::newRow("unknown profile") << QStringList{QStringLiteral("analyze"), QStringLiteral("--quality-profile"), QStringLiteral("passport"), path("franck_0.png")} << "passport";
    QTest::newRow("unknown command") << QStringList{QStringLiteral("enrol")} << "unknown command";
}

void TestCliVision::badInput_exitsTwoWithReason()
{
    QFETCH(QStringList, args);
    QFETCH(QString, reason);
    const auto r = fe::test::runCli(args);
    QCOMPARE(r.exitCode, 2);
    const QString err = QString::fromLocal8Bit(r.err).trimmed();
    QVERIFY2(!err.contains(u'\n'), qPrintable(QStringLiteral("more than one line: ") + err));
    QVERIFY2(err.contains(reason), qPrintable(err));
    // Nothing half-done on stdout claims success: after partial output the last line is the
    // one summary, and it holds only the error (issue 10).
    if (r.out.contains("\"summary\"")) {
        QCOMPARE(r.out.count("\"summary\""), 1);
        const QJsonObject summary = QJsonDocument::fromJson(r.lastLine()).object().value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.keys(), QStringList{QStringLiteral("error")});
        QVERIFY2(summary.value(QStringLiteral("error")).toString().contains(reason), r.lastLine().constData());
    }
}

void TestCliVision::missingAsset_namesFileAndFetchCommand()
{
    const auto r = fe::test::runCli({QStringLiteral("embed"), path("franck_0.png")}, 60'000, {},
                                    {{QStringLiteral("FACEENROLL_ASSETS"), m_dir.filePath(QStringLiteral("no-assets"))}});
    QCOMPARE(r.exitCode, 2);
    const QString err = QString::fromLocal8Bit(r.err);
    QVERIFY2(err.contains(QStringLiteral("fr_feature.onnx")) && err.contains(QStringLiteral("scripts/fetch-assets")),
             qPrintable(err));
}

QTEST_APPLESS_MAIN(TestCliVision)
#include "tst_cli_vision.moc"
