// faceenroll-cli enroll, list, show, review and calibrate on real media and a real store.
#include "../vision/VisionFixtures.h"
#include "enroll/PhoneNumberValidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace {

QJsonObject summaryOf(const fe::test::CliResult& r)
{
    return QJsonDocument::fromJson(r.lastLine()).object().value(QStringLiteral("summary")).toObject();
}

QStringList flagTypes(const QJsonObject& summary)
{
    QStringList out;
    for (const auto& f : summary.value(QStringLiteral("flags")).toArray())
        out << f.toObject().value(QStringLiteral("type")).toString();
    return out;
}

} // namespace

class TestCliEnroll : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void franck_isAccepted();
    void cap12WithFranckNumber_isFlagged();
    void stillImageAsLive_isFlaggedLivenessFailed();
    void consentRefused_readsAndStoresNothing();
    void badInput_exitsTwo_data();
    void badInput_exitsTwo();
    void listShowAndReview();
    void calibrate_onDemoPairs_putsThresholdsInTheGap();

private:
    QStringList actor(const char* user) const;
    fe::test::CliResult enroll(const QStringList& extra);

    QTemporaryDir m_dir;
    QString m_db;
    QString m_franckPhone;
    QString m_flaggedId;
};

QStringList TestCliEnroll::actor(const char* user) const
{
    return {QStringLiteral("--db"), m_db, QStringLiteral("--user"), QString::fromLatin1(user), QStringLiteral("--password-file"),
            m_dir.filePath(QString::fromLatin1(user) + QStringLiteral(".pw"))};
}

fe::test::CliResult TestCliEnroll::enroll(const QStringList& extra)
{
    return fe::test::runCli(QStringList{QStringLiteral("enroll")} + actor("op1") +
                            QStringList{QStringLiteral("--mode"), QStringLiteral("spontaneous"), QStringLiteral("--quality-profile"),
                                        QStringLiteral("lowres"), QStringLiteral("--consent"), QStringLiteral("yes"),
                                        QStringLiteral("--document-type"), QStringLiteral("national_id")} +
                            extra);
}

void TestCliEnroll::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(QStringLiteral("station.db"));
    for (const char* user : {"admin", "op1", "sup1"}) {
        QFile f(m_dir.filePath(QString::fromLatin1(user) + QStringLiteral(".pw")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(user) + "-correct-horse-7\n");
    }
    auto r = fe::test::runCli({QStringLiteral("init"), QStringLiteral("--db"), m_db, QStringLiteral("--admin"), QStringLiteral("admin"),
                               QStringLiteral("--password-file"), m_dir.filePath(QStringLiteral("admin.pw"))});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    {
        QFile f(m_dir.filePath(QStringLiteral("one-time.pw")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("set-by-the-admin-7\n");
    }
    for (const auto& [user, role] : {std::pair{"op1", "operator"}, std::pair{"sup1", "supervisor"}}) {
        // An admin's password works once: the user then chooses their own (issue 9).
        r = fe::test::runCli(QStringList{QStringLiteral("users"), QStringLiteral("add"), QString::fromLatin1(user), QStringLiteral("--role"),
                                         QString::fromLatin1(role), QStringLiteral("--new-password-file"),
                                         m_dir.filePath(QStringLiteral("one-time.pw"))} +
                             actor("admin"));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = fe::test::runCli({QStringLiteral("users"), QStringLiteral("passwd"), QStringLiteral("--new-password-file"),
                              m_dir.filePath(QString::fromLatin1(user) + QStringLiteral(".pw")), QStringLiteral("--db"), m_db,
                              QStringLiteral("--user"), QString::fromLatin1(user), QStringLiteral("--password-file"),
                              m_dir.filePath(QStringLiteral("one-time.pw"))});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    const auto franck = fe::test::videoFrames(fe::Asset::DemoVideo, {308, 4313});
    const auto cap12 = fe::test::videoFrames(fe::Asset::SecondVideo, {1300});
    QVERIFY(cv::imwrite(m_dir.filePath(QStringLiteral("franck_id.png")).toStdString(), franck.at(4313)));
    QVERIFY(cv::imwrite(m_dir.filePath(QStringLiteral("franck_still.png")).toStdString(), franck.at(308)));
    QVERIFY(cv::imwrite(m_dir.filePath(QStringLiteral("cap12_id.png")).toStdString(), cap12.at(1300)));
    m_franckPhone = QString::fromStdString(fe::enroll::PhoneNumberValidator::exampleMobile("CN"));
}

void TestCliEnroll::franck_isAccepted()
{
    const auto r = enroll({QStringLiteral("--live"), QString::fromStdString(fe::test::asset(fe::Asset::DemoVideo).string()),
                           QStringLiteral("--live-start"), QStringLiteral("10"), QStringLiteral("--id-photo"),
                           m_dir.filePath(QStringLiteral("franck_id.png")), QStringLiteral("--name"), QStringLiteral("Franck"),
                           QStringLiteral("--document-number"), QStringLiteral("P1234567"), QStringLiteral("--phone"), m_franckPhone});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject s = summaryOf(r);
    QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    QVERIFY(s.value(QStringLiteral("flags")).toArray().isEmpty());
    QCOMPARE(s.value(QStringLiteral("liveness")).toObject().value(QStringLiteral("verdict")).toString(), QStringLiteral("live"));
    QCOMPARE(s.value(QStringLiteral("match_id_photo")).toObject().value(QStringLiteral("decision")).toString(), QStringLiteral("match"));
    QVERIFY(!s.value(QStringLiteral("enrollment_id")).toString().isEmpty());
}

void TestCliEnroll::cap12WithFranckNumber_isFlagged()
{
    const auto r = enroll({QStringLiteral("--live"), QString::fromStdString(fe::test::asset(fe::Asset::SecondVideo).string()),
                           QStringLiteral("--live-start"), QStringLiteral("20"), QStringLiteral("--id-photo"),
                           m_dir.filePath(QStringLiteral("cap12_id.png")), QStringLiteral("--name"), QStringLiteral("Cap"),
                           QStringLiteral("--document-number"), QStringLiteral("C7777777"), QStringLiteral("--phone"), m_franckPhone});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject s = summaryOf(r);
    QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("flagged"));
    QVERIFY2(flagTypes(s).contains(QStringLiteral("number_bound_to_other_face")), qPrintable(flagTypes(s).join(u',')));
    const QJsonObject flag = s.value(QStringLiteral("flags")).toArray().first().toObject();
    QVERIFY(flag.contains(QStringLiteral("score")) && flag.contains(QStringLiteral("threshold")));
    m_flaggedId = s.value(QStringLiteral("enrollment_id")).toString();
}

void TestCliEnroll::stillImageAsLive_isFlaggedLivenessFailed()
{
    const QString phone = m_franckPhone.left(m_franckPhone.size() - 1) + QLatin1Char('4');
    const auto r = enroll({QStringLiteral("--live"), m_dir.filePath(QStringLiteral("franck_still.png")), QStringLiteral("--id-photo"),
                           m_dir.filePath(QStringLiteral("franck_id.png")), QStringLiteral("--name"), QStringLiteral("Franck"),
                           QStringLiteral("--document-number"), QStringLiteral("P1234567"), QStringLiteral("--phone"), phone});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject s = summaryOf(r);
    QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("flagged"));
    QVERIFY2(flagTypes(s).contains(QStringLiteral("liveness_failed")), qPrintable(flagTypes(s).join(u',')));
}

void TestCliEnroll::consentRefused_readsAndStoresNothing()
{
    // Audit rows of consent refusals (with an empty object: a refusal names no one).
    const auto refusals = [this] {
        const auto audit = fe::test::runCli(QStringList{QStringLiteral("audit"), QStringLiteral("list")} + actor("sup1"));
        int n = 0;
        for (const auto& line : audit.lines()) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(QStringLiteral("action")).toString() == QLatin1String("consent_refused") &&
                o.value(QStringLiteral("object")).toString().isEmpty())
                ++n;
        }
        return n;
    };
    const int refusedBefore = refusals();
    const auto before = fe::test::runCli(QStringList{QStringLiteral("list")} + actor("sup1"));
    // The media paths do not even exist: without consent nothing is read.
    const auto r = fe::test::runCli(QStringList{QStringLiteral("enroll")} + actor("op1") +
                                    QStringList{QStringLiteral("--consent"), QStringLiteral("no"), QStringLiteral("--live"),
                                                QStringLiteral("/nonexistent/live.mp4"), QStringLiteral("--id-photo"),
                                                QStringLiteral("/nonexistent/id.png"), QStringLiteral("--name"), QStringLiteral("X"),
                                                QStringLiteral("--document-type"), QStringLiteral("national_id"),
                                                QStringLiteral("--document-number"), QStringLiteral("N1"), QStringLiteral("--phone"), m_franckPhone});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(summaryOf(r).value(QStringLiteral("status")).toString(), QStringLiteral("refused"));
    const auto after = fe::test::runCli(QStringList{QStringLiteral("list")} + actor("sup1"));
    QCOMPARE(summaryOf(after).value(QStringLiteral("count")).toInt(), summaryOf(before).value(QStringLiteral("count")).toInt());
    QCOMPARE(refusals(), refusedBefore + 1);
}

void TestCliEnroll::badInput_exitsTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("reason");
    QTest::newRow("invalid phone") << QStringList{QStringLiteral("--phone"), QStringLiteral("12345")} << "phone number";
    QTest::newRow("no face on the ID photo") << QStringList{QStringLiteral("--id-photo"), QStringLiteral("@wall")} << "No face";
    QTest::newRow("missing consent") << QStringList{QStringLiteral("--consent"), QStringLiteral("maybe")} << "--consent";
}

void TestCliEnroll::badInput_exitsTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, reason);
    // A wall for an ID photo: the corner of a franck frame, scaled up.
    const QString wall = m_dir.filePath(QStringLiteral("wall.png"));
    if (!QFile::exists(wall)) {
        cv::Mat w;
        cv::resize(fe::test::videoFrames(fe::Asset::DemoVideo, {0}).at(0)(cv::Rect(0, 0, 80, 60)), w, cv::Size(640, 480));
        QVERIFY(cv::imwrite(wall.toStdString(), w));
    }
    QMap<QString, QString> values{{QStringLiteral("--live"), QString::fromStdString(fe::test::asset(fe::Asset::DemoVideo).string())},
                                  {QStringLiteral("--id-photo"), m_dir.filePath(QStringLiteral("franck_id.png"))},
                                  {QStringLiteral("--name"), QStringLiteral("Franck")},
                                  {QStringLiteral("--document-number"), QStringLiteral("P1234567")},
                                  {QStringLiteral("--phone"), m_franckPhone}};
    for (int i = 0; i + 1 < args.size(); i += 2)
        values[args[i]] = args[i + 1] == QLatin1String("@wall") ? wall : args[i + 1];
    QStringList all;
    for (auto it = values.begin(); it != values.end(); ++it)
        all << it.key() << it.value();
    const auto before = fe::test::runCli(QStringList{QStringLiteral("list")} + actor("sup1"));
    const auto r = enroll(all);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromLocal8Bit(r.err).contains(reason), r.err.constData());
    QVERIFY(!QString::fromLocal8Bit(r.err).contains(QStringLiteral("12345")) || reason != QLatin1String("phone number"));
    const auto after = fe::test::runCli(QStringList{QStringLiteral("list")} + actor("sup1"));
    QCOMPARE(summaryOf(after).value(QStringLiteral("count")).toInt(), summaryOf(before).value(QStringLiteral("count")).toInt());
}

void TestCliEnroll::listShowAndReview()
{
    QVERIFY(!m_flaggedId.isEmpty());
    const auto flagged = fe::test::runCli(QStringList{QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("flagged")} + actor("sup1"));
    QCOMPARE(flagged.exitCode, 0);
    bool listed = false;
    for (const auto& line : flagged.lines()) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.contains(QStringLiteral("summary")))
            continue;
        QVERIFY(!o.contains(QStringLiteral("portrait")) && !o.contains(QStringLiteral("template")));
        listed = listed || o.value(QStringLiteral("id")).toString() == m_flaggedId;
    }
    QVERIFY(listed);

    const auto show = fe::test::runCli(QStringList{QStringLiteral("show"), m_flaggedId} + actor("sup1"));
    QCOMPARE(show.exitCode, 0);
    const QJsonObject s = summaryOf(show);
    QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("pending_review"));
    QVERIFY(s.value(QStringLiteral("portrait_bytes")).toInt() > 1000);
    QVERIFY(!show.out.contains("\"template\":["));

    const QStringList decide{QStringLiteral("--enrollment"), m_flaggedId, QStringLiteral("--decision"), QStringLiteral("reject"),
                             QStringLiteral("--reason"), QStringLiteral("number transfer attempt")};
    const auto byOperator = fe::test::runCli(QStringList{QStringLiteral("review")} + actor("op1") + decide);
    QCOMPARE(byOperator.exitCode, 2);
    const auto noReason = fe::test::runCli(QStringList{QStringLiteral("review")} + actor("sup1") +
                                           QStringList{QStringLiteral("--enrollment"), m_flaggedId, QStringLiteral("--decision"),
                                                       QStringLiteral("approve")});
    QCOMPARE(noReason.exitCode, 2);
    const auto bySupervisor = fe::test::runCli(QStringList{QStringLiteral("review")} + actor("sup1") + decide);
    QVERIFY2(bySupervisor.exitCode == 0, bySupervisor.err.constData());
    QCOMPARE(summaryOf(bySupervisor).value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    const auto verify = fe::test::runCli(QStringList{QStringLiteral("audit"), QStringLiteral("verify")} + actor("sup1"));
    QCOMPARE(summaryOf(verify).value(QStringLiteral("valid")).toBool(), true);
}

void TestCliEnroll::calibrate_onDemoPairs_putsThresholdsInTheGap()
{
    QProcess make;
    make.setStandardOutputFile(m_dir.filePath(QStringLiteral("pairs.csv")));
    make.start(QStringLiteral(FACEENROLL_SOURCE_DIR "/scripts/make-calibration-pairs"),
               {QStringLiteral("demo"), QStringLiteral("96"), QStringLiteral("50")});
    QVERIFY(make.waitForFinished(60'000) && make.exitCode() == 0);
    const auto r = fe::test::runCli({QStringLiteral("calibrate"), m_dir.filePath(QStringLiteral("pairs.csv"))});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject s = summaryOf(r);
    const QJsonObject genuine = s.value(QStringLiteral("genuine")).toObject();
    const QJsonObject impostor = s.value(QStringLiteral("impostor")).toObject();
    QVERIFY(genuine.value(QStringLiteral("count")).toInt() > 1000 && impostor.value(QStringLiteral("count")).toInt() > 1000);
    QCOMPARE(s.value(QStringLiteral("eer")).toDouble(), 0.0);
    const double lowGenuine = genuine.value(QStringLiteral("min")).toDouble();
    const double highImpostor = impostor.value(QStringLiteral("max")).toDouble();
    QVERIFY(highImpostor < lowGenuine);
    // The document threshold (FMR 1e-4, beyond what 5,400 impostor pairs can show) and the
    // duplicate threshold per gallery size lie above every impostor and, on two well-separated
    // people, below every genuine pair.
    const QJsonObject document = s.value(QStringLiteral("document")).toObject();
    QVERIFY(document.value(QStringLiteral("extrapolated")).toBool());
    const double documentThreshold = document.value(QStringLiteral("threshold")).toDouble();
    QVERIFY2(documentThreshold > highImpostor && documentThreshold < lowGenuine, qPrintable(QString::number(documentThreshold)));
    const QJsonArray table = s.value(QStringLiteral("duplicate")).toArray();
    QCOMPARE(table.size(), 4);
    double last = -1.0;
    for (const auto& row : table) {
        const double t = row.toObject().value(QStringLiteral("threshold")).toDouble();
        QVERIFY2(t > highImpostor && t < lowGenuine && t >= last, qPrintable(QString::number(t)));
        QCOMPARE(row.toObject().value(QStringLiteral("fnmr")).toDouble(), 0.0);
        last = t;
    }
    QCOMPARE(table[3].toObject().value(QStringLiteral("gallery_size")).toInt(), 1'000'000);
    // Two people: the genuine pairs join every frame of each video into one identity.
    QCOMPARE(s.value(QStringLiteral("identities")).toInt(), 2);
    const QJsonArray points = s.value(QStringLiteral("operating_points")).toArray();
    QCOMPARE(points.size(), 2);
    QCOMPARE(points[0].toObject().value(QStringLiteral("fnmr")).toDouble(), 0.0);
}

QTEST_APPLESS_MAIN(TestCliEnroll)
#include "tst_cli_enroll.moc"
