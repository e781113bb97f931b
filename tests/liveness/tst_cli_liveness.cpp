// faceenroll-cli liveness: verdicts on real media, the portrait export and bad usage.
#include "LivenessFixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>

namespace {

QJsonObject summaryOf(const fe::test::CliResult& r)
{
    return QJsonDocument::fromJson(r.lastLine()).object().value(QStringLiteral("summary")).toObject();
}

QString demo()
{
    return QString::fromStdString(fe::test::asset(fe::Asset::DemoVideo).string());
}

} // namespace

class TestCliLiveness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void liveVideo_isLive_andExportsPortrait();
    void stillImage_isSpoof();
    void challengeMode_logsPromptsAndJudgesTheFile();
    void badUsage_exitsTwo_data();
    void badUsage_exitsTwo();

private:
    QTemporaryDir m_dir;
};

void TestCliLiveness::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const cv::Mat still = fe::test::videoFrames(fe::Asset::DemoVideo, {1243}).at(1243);
    QVERIFY(cv::imwrite(m_dir.filePath(QStringLiteral("still.png")).toStdString(), still));
}

void TestCliLiveness::liveVideo_isLive_andExportsPortrait()
{
    const QString portrait = m_dir.filePath(QStringLiteral("portrait.jpg"));
    const auto r = fe::test::runCli({QStringLiteral("liveness"), demo(), QStringLiteral("--mode"), QStringLiteral("spontaneous"),
                                     QStringLiteral("--max-frames"), QStringLiteral("240"), QStringLiteral("--quality-profile"),
                                     QStringLiteral("lowres"), QStringLiteral("--portrait"), portrait});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject s = summaryOf(r);
    QCOMPARE(s.value(QStringLiteral("verdict")).toString(), QStringLiteral("live"));
    QVERIFY(s.value(QStringLiteral("reasons")).toArray().isEmpty());
    QVERIFY(s.value(QStringLiteral("blinks")).toInt() >= 1);
    for (const char* key : {"passive_score", "yaw_range", "non_planarity", "same_face_score"})
        QVERIFY2(s.value(QLatin1String(key)).isDouble(), key);
    QVERIFY(s.value(QStringLiteral("challenges")).isArray());
    QVERIFY(s.value(QStringLiteral("portrait_quality")).toObject().value(QStringLiteral("passed")).toBool());
    const cv::Mat written = cv::imread(portrait.toStdString());
    QCOMPARE(written.size(), cv::Size(480, 640));
}

void TestCliLiveness::stillImage_isSpoof()
{
    const auto r = fe::test::runCli({QStringLiteral("liveness"), m_dir.filePath(QStringLiteral("still.png")), QStringLiteral("--mode"),
                                     QStringLiteral("spontaneous"), QStringLiteral("--quality-profile"), QStringLiteral("lowres")});
    QCOMPARE(r.exitCode, 0); // a spoof verdict is data, not an error
    const QJsonObject s = summaryOf(r);
    QCOMPARE(s.value(QStringLiteral("verdict")).toString(), QStringLiteral("spoof"));
    QVERIFY(s.value(QStringLiteral("reasons")).toArray().contains(QStringLiteral("flat_motion")));
    QCOMPARE(s.value(QStringLiteral("frames")).toInt(), 125); // 5 s at 25 fps
    QCOMPARE(s.value(QStringLiteral("blinks")).toInt(), 0);
}

void TestCliLiveness::challengeMode_logsPromptsAndJudgesTheFile()
{
    const auto r = fe::test::runCli({QStringLiteral("liveness"), m_dir.filePath(QStringLiteral("still.png")),
                                     QStringLiteral("--challenges"), QStringLiteral("turn-left,blink"), QStringLiteral("--quality-profile"),
                                     QStringLiteral("lowres")});
    QCOMPARE(r.exitCode, 0);
    const auto lines = r.lines();
    const QJsonObject first = QJsonDocument::fromJson(lines.first()).object();
    QCOMPARE(first.value(QStringLiteral("event")).toString(), QStringLiteral("sequence"));
    QCOMPARE(first.value(QStringLiteral("challenges")).toArray(), QJsonArray({QStringLiteral("turn-left"), QStringLiteral("blink")}));
    QCOMPARE(QJsonDocument::fromJson(lines[1]).object().value(QStringLiteral("challenge")).toString(), QStringLiteral("turn-left"));
    const QJsonObject s = summaryOf(r);
    QVERIFY(s.value(QStringLiteral("verdict")).toString() != QLatin1String("live"));
    const QJsonArray challenges = s.value(QStringLiteral("challenges")).toArray();
    QCOMPARE(challenges.size(), 2);
    QCOMPARE(challenges[0].toObject().value(QStringLiteral("met")).toBool(), false);
    QVERIFY(challenges[0].toObject().value(QStringLiteral("t_ms")).isNull());
}

void TestCliLiveness::badUsage_exitsTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unknown challenge") << QStringList{QStringLiteral("--challenges"), QStringLiteral("wink")} << "wink";
    QTest::newRow("unknown mode") << QStringList{QStringLiteral("--mode"), QStringLiteral("relaxed")} << "--mode";
    QTest::newRow("challenges in spontaneous mode")
        << QStringList{QStringLiteral("--mode"), QStringLiteral("spontaneous"), QStringLiteral("--challenges"), QStringLiteral("blink")}
        << "challenge mode";
}

void TestCliLiveness::badUsage_exitsTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, reason);
    const auto r = fe::test::runCli(QStringList{QStringLiteral("liveness"), demo()} + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromLocal8Bit(r.err).contains(reason), r.err.constData());
}

QTEST_APPLESS_MAIN(TestCliLiveness)
#include "tst_cli_liveness.moc"
