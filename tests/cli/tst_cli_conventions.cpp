// The conventions of faceenroll-cli (issue 10, "CLI conventions"): every case runs the built
// binary as a separate process, with the issue's input, on a real store and the demo media.
#include "StoreTestSupport.h"
#include "common/TestData.h"
#include "enroll/PhoneNumberValidator.h"
#include "vision/FrameSource.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>

#include <sys/stat.h>

namespace {

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

QJsonObject summaryOf(const fe::test::CliResult& r)
{
    return QJsonDocument::fromJson(r.lastLine()).object().value(s("summary")).toObject();
}

QString errText(const fe::test::CliResult& r)
{
    return QString::fromLocal8Bit(r.err).trimmed();
}

// Exit 2 with one line on stderr holding `reason`.
bool refusedWith(const fe::test::CliResult& r, const QString& reason, QString* why)
{
    const QString err = errText(r);
    if (r.exitCode != 2 || err.contains(u'\n') || !err.contains(reason)) {
        *why = QStringLiteral("exit %1, stderr: %2").arg(r.exitCode).arg(err);
        return false;
    }
    return true;
}

#define VERIFY_REFUSED(result, reason)                                                                                  \
    do {                                                                                                                \
        QString why_;                                                                                                   \
        QVERIFY2(refusedWith((result), (reason), &why_), qPrintable(why_));                                             \
    } while (false)

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

mode_t fileMode(const QString& path)
{
    struct stat st{};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & 0777;
}

QString demo()
{
    return QString::fromStdString(fe::test::asset(fe::Asset::DemoVideo).string());
}

// The option names ("--db") a command's help lists, in its Options section.
QStringList optionsInHelp(const QByteArray& help)
{
    QStringList out;
    static const QRegularExpression re(QStringLiteral("^\\s+(?:-\\w, )?(--[a-z][a-z0-9-]*)"), QRegularExpression::MultilineOption);
    auto it = re.globalMatch(QString::fromLocal8Bit(help));
    while (it.hasNext())
        out << it.next().captured(1);
    return out;
}

} // namespace

class TestCliConventions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // 1. Help.
    void commandHelp_printsUsageOptionsAndExample_data();
    void commandHelp_printsUsageOptionsAndExample();
    void globalHelp_namesPasswordSourcesAndEveryEnrollOption();
    // 2, 7, 8. Customer data from a file or stdin; --id-photo paths; one status vocabulary.
    void subjectFile_enrollsWithNothingPersonalOnTheCommandLine();
    void subjectFromStdin_andIdPhotoFrame_flaggedInOneVocabulary();
    void subjectFile_badContent_isAUsageErrorBeforeLogin_data();
    void subjectFile_badContent_isAUsageErrorBeforeLogin();
    // 3. Numbers and repeated options.
    void numbers_nanAndInfinityRefused_data();
    void numbers_nanAndInfinityRefused();
    void repeatedOption_isAnError_data();
    void repeatedOption_isAnError();
    void repeatableOption_isNotRefused();
    // 4. liveness --portrait.
    void portrait_refusesExistingFileAndWrongExtension_beforeAnyWork_data();
    void portrait_refusesExistingFileAndWrongExtension_beforeAnyWork();
    void portrait_writesPrivateFile_andReplacesOnlyWithForce();
    // 5. Usage errors before the password.
    void enrollUsageErrors_reportedBeforeThePasswordIsChecked_data();
    void enrollUsageErrors_reportedBeforeThePasswordIsChecked();
    // 6. A failure after partial output.
    void failureAfterPartialOutput_endsWithErrorSummary_data();
    void failureAfterPartialOutput_endsWithErrorSummary();
    // 8. Permission refusals in words.
    void permissionRefusals_nameTheActionInWords_data();
    void permissionRefusals_nameTheActionInWords();
    // 9. The station's lock held by another process.
    void lockHeld_saysSoAtOnce_andGivesUpWithExit2();
    // 10. --db that is not a database.
    void dbNotADatabase_saysSo_data();
    void dbNotADatabase_saysSo();

private:
    QStringList actor(const char* user) const;
    QString path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }
    int loginRows();

    QTemporaryDir m_dir;
    QString m_db;
    QString m_phone;
    QString m_acceptedId;
};

QStringList TestCliConventions::actor(const char* user) const
{
    return {s("--db"), m_db, s("--user"), s(user), s("--password-file"), path(user) + s(".pw")};
}

// Logins recorded in the audit log (as sup1; the count includes that login).
int TestCliConventions::loginRows()
{
    const auto r = fe::test::runCli(QStringList{s("audit"), s("list")} + actor("sup1"));
    int n = 0;
    for (const auto& line : r.lines())
        n += QJsonDocument::fromJson(line).object().value(s("action")).toString() == QLatin1String("login") ? 1 : 0;
    return n;
}

void TestCliConventions::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = path("station.db");
    for (const char* user : {"admin", "op1", "sup1"})
        writeFile(path(user) + s(".pw"), QByteArray(user) + "-correct-horse-7\n");
    writeFile(path("one-time.pw"), "set-by-the-admin-7\n");
    auto r = fe::test::runCli({s("init"), s("--db"), m_db, s("--admin"), s("admin"), s("--password-file"), path("admin.pw")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    for (const auto& [user, role] : {std::pair{"op1", "operator"}, std::pair{"sup1", "supervisor"}}) {
        r = fe::test::runCli(QStringList{s("users"), s("add"), s(user), s("--role"), s(role), s("--new-password-file"), path("one-time.pw")} +
                             actor("admin"));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = fe::test::runCli({s("users"), s("passwd"), s("--new-password-file"), path(user) + s(".pw"), s("--db"), m_db, s("--user"), s(user),
                              s("--password-file"), path("one-time.pw")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    // The ID photo under a name with '#': a file that exists is a path (issue 10).
    const auto source = fe::vision::FrameSource::open(fe::test::asset(fe::Asset::DemoVideo), {});
    fe::vision::Frame frame;
    while (source->next(frame) && frame.index < 4313) {
    }
    QCOMPARE(frame.index, 4313);
    QVERIFY(cv::imwrite(path("id#1.png").toStdString(), frame.bgr));
    m_phone = QString::fromStdString(fe::enroll::PhoneNumberValidator::exampleMobile("CN"));
}

// ---- 1. Help -------------------------------------------------------------------------------

void TestCliConventions::commandHelp_printsUsageOptionsAndExample_data()
{
    QTest::addColumn<QStringList>("command");
    // Every command the global help lists (so a new one is covered), and every subcommand.
    const auto global = fe::test::runCli({s("--help")});
    QCOMPARE(global.exitCode, 0);
    static const QRegularExpression line(QStringLiteral("^  ([a-z][a-z-]*) "), QRegularExpression::MultilineOption);
    auto it = line.globalMatch(QString::fromLocal8Bit(global.out));
    QStringList commands;
    while (it.hasNext())
        commands << it.next().captured(1);
    QVERIFY2(commands.size() >= 25, qPrintable(commands.join(u' ')));
    for (const auto& c : commands) {
        QTest::addRow("%s --help", qPrintable(c)) << QStringList{c, s("--help")};
        QTest::addRow("%s -h", qPrintable(c)) << QStringList{c, s("-h")};
    }
    for (const char* sub : {"users add", "users list", "users disable", "users passwd", "audit verify", "audit list", "settings list",
                            "settings set", "keys set-central", "keys export-station-public", "trust import", "trust list",
                            "receipts export", "receipts import"})
        QTest::addRow("%s --help", sub) << (QString::fromLatin1(sub).split(u' ') << s("--help"));
    // Help wins over everything else on the line, even options that would be refused.
    QTest::newRow("enroll with other options") << QStringList{s("enroll"), s("--db"), s("/nonexistent/x.db"), s("--live"), s("x"), s("-h")};
}

void TestCliConventions::commandHelp_printsUsageOptionsAndExample()
{
    QFETCH(QStringList, command);
    const auto r = fe::test::runCli(command, 60'000);
    QVERIFY2(r.exitCode == 0, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(errText(r))));
    QVERIFY2(r.err.trimmed().isEmpty(), r.err.constData());
    const QString out = QString::fromLocal8Bit(r.out);
    QString name = command.first();
    if (command.size() > 2 && !command[1].startsWith(u'-'))
        name += u' ' + command[1];
    QVERIFY2(out.contains(s("faceenroll-cli ") + name), qPrintable(out));
    QVERIFY2(out.contains(s("Example:")), qPrintable(out));
    // The example runs the same command.
    QVERIFY2(out.section(s("Example:"), 1).contains(s("faceenroll-cli ") + name), qPrintable(out));
    const bool group = out.contains(s("SUBCOMMAND"));
    if (!group)
        QVERIFY2(!optionsInHelp(r.out).isEmpty() || out.contains(s("Arguments:")), qPrintable(out));
}

void TestCliConventions::globalHelp_namesPasswordSourcesAndEveryEnrollOption()
{
    const auto global = fe::test::runCli({s("--help")});
    QCOMPARE(global.exitCode, 0);
    const QString out = QString::fromLocal8Bit(global.out);
    QVERIFY(out.contains(s("--password-file")));
    QVERIFY(out.contains(s("FACEENROLL_PASSWORD")));
    QVERIFY(out.contains(s("--subject-file")));
    QVERIFY(out.contains(s("--help")));
    QString enrollLine;
    for (const auto& l : out.split(u'\n'))
        enrollLine = l.startsWith(s("  enroll ")) ? l : enrollLine;
    QVERIFY(!enrollLine.isEmpty());
    const auto help = fe::test::runCli({s("enroll"), s("--help")});
    QCOMPARE(help.exitCode, 0);
    const QStringList options = optionsInHelp(help.out);
    QVERIFY2(options.size() >= 20, qPrintable(options.join(u' ')));
    for (const auto& o : options) {
        if (o == QLatin1String("--help"))
            continue;
        QVERIFY2(enrollLine.contains(o + u' ') || enrollLine.contains(o + u']'), qPrintable(o + s(" missing in: ") + enrollLine));
    }
}

// ---- 2, 7, 8. Subject file, --id-photo, one status vocabulary ------------------------------

void TestCliConventions::subjectFile_enrollsWithNothingPersonalOnTheCommandLine()
{
    writeFile(path("customer.json"), QStringLiteral(R"({"name": "Franck Subject-File", "document_type": "national_id",
        "document_number": "SF123456", "phone": "%1", "date_of_birth": "1990-04-21"})").arg(m_phone).toUtf8());
    const QStringList args = QStringList{s("enroll")} + actor("op1") +
                             QStringList{s("--subject-file"), path("customer.json"), s("--consent"), s("yes"), s("--mode"), s("spontaneous"),
                                         s("--quality-profile"), s("lowres"), s("--live"), demo(), s("--live-start"), s("10"), s("--id-photo"),
                                         path("id#1.png")};
    for (const auto& a : args)
        QVERIFY2(!a.contains(s("Franck")) && !a.contains(s("SF123456")) && !a.contains(m_phone), qPrintable(a));
    // The help of enroll recommends the subject file over options seen in the process list.
    const auto help = fe::test::runCli({s("enroll"), s("--help")});
    QVERIFY(QString::fromLocal8Bit(help.out).contains(s("--subject-file")));
    QVERIFY(QString::fromLocal8Bit(help.out).contains(s("process list: prefer --subject-file")));
    const auto r = fe::test::runCli(args);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject sum = summaryOf(r);
    QCOMPARE(sum.value(s("status")).toString(), s("accepted"));
    QCOMPARE(sum.value(s("match_id_photo")).toObject().value(s("decision")).toString(), s("match"));
    m_acceptedId = sum.value(s("enrollment_id")).toString();
    QVERIFY(!m_acceptedId.isEmpty());
    const auto shown = fe::test::runCli(QStringList{s("show"), m_acceptedId} + actor("sup1"));
    QVERIFY2(shown.exitCode == 0, shown.err.constData());
    const QJsonObject e = summaryOf(shown);
    QCOMPARE(e.value(s("name")).toString(), s("Franck Subject-File"));
    QCOMPARE(e.value(s("document_number")).toString(), s("SF123456"));
    QCOMPARE(e.value(s("status")).toString(), s("accepted"));
}

void TestCliConventions::subjectFromStdin_andIdPhotoFrame_flaggedInOneVocabulary()
{
    QVERIFY2(!m_acceptedId.isEmpty(), "needs the enrollment of subjectFile_enrollsWithNothingPersonalOnTheCommandLine");
    // The same face under another identity and number: a possible duplicate, flagged.
    const QByteArray subject = QStringLiteral(R"({"name": "Franck Stdin", "document_type": "passport", "document_number": "ST765432",
        "phone": "%1"})").arg(QString::fromStdString(fe::enroll::PhoneNumberValidator::exampleMobile("FR"))).toUtf8();
    const auto r = fe::test::runCli(QStringList{s("enroll")} + actor("op1") +
                                        QStringList{s("--subject-file"), s("-"), s("--consent"), s("yes"), s("--mode"), s("spontaneous"),
                                                    s("--quality-profile"), s("lowres"), s("--live"), demo(), s("--live-start"), s("10"),
                                                    s("--id-photo"), demo(), s("--id-photo-frame"), s("4313")},
                                    600'000, subject);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject sum = summaryOf(r);
    QCOMPARE(sum.value(s("status")).toString(), s("flagged"));
    QCOMPARE(sum.value(s("match_id_photo")).toObject().value(s("decision")).toString(), s("match"));
    const QString id = sum.value(s("enrollment_id")).toString();

    // One vocabulary: enroll said "flagged"; list, --status, show and audit say the same.
    const auto flagged = fe::test::runCli(QStringList{s("list"), s("--status"), s("flagged")} + actor("sup1"));
    QVERIFY2(flagged.exitCode == 0, flagged.err.constData());
    QStringList ids;
    for (const auto& line : flagged.lines()) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.contains(s("id"))) {
            ids << o.value(s("id")).toString();
            QCOMPARE(o.value(s("status")).toString(), s("flagged"));
        }
    }
    QVERIFY(ids.contains(id));
    const auto shown = fe::test::runCli(QStringList{s("show"), id} + actor("sup1"));
    QCOMPARE(summaryOf(shown).value(s("status")).toString(), s("flagged"));
    QCOMPARE(summaryOf(shown).value(s("name")).toString(), s("Franck Stdin"));
    const auto all = fe::test::runCli(QStringList{s("list")} + actor("sup1"));
    const auto audit = fe::test::runCli(QStringList{s("audit"), s("list")} + actor("sup1"));
    bool createdFlagged = false;
    for (const auto& line : audit.lines()) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        createdFlagged = createdFlagged || (o.value(s("action")).toString() == QLatin1String("enrollment_created") &&
                                            o.value(s("object")).toString() == id && o.value(s("outcome")).toString() == QLatin1String("flagged"));
    }
    QVERIFY(createdFlagged);
    for (const auto* out : {&r, &flagged, &shown, &all, &audit})
        QVERIFY2(!out->out.contains("pending_review"), out->out.constData());
    const auto review = fe::test::runCli(QStringList{s("review"), s("--enrollment"), id, s("--decision"), s("reject"), s("--reason"),
                                                     s("same face, other identity")} +
                                         actor("sup1"));
    QVERIFY2(review.exitCode == 0, review.err.constData());
    QCOMPARE(summaryOf(review).value(s("status")).toString(), s("rejected"));
}

void TestCliConventions::subjectFile_badContent_isAUsageErrorBeforeLogin_data()
{
    QTest::addColumn<QByteArray>("content"); // written to the file; "-" rows read it from stdin
    QTest::addColumn<bool>("fromStdin");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("reason");
    const QByteArray good = R"({"name": "A", "document_type": "passport", "document_number": "X1", "phone": "+8613800138000"})";
    QTest::newRow("not JSON") << QByteArray("name=A\n") << false << QStringList() << s("not a JSON object");
    QTest::newRow("an array") << QByteArray("[1, 2]") << false << QStringList() << s("not a JSON object");
    QTest::newRow("unknown key") << QByteArray(R"({"nmae": "A"})") << false << QStringList() << s("unknown key \"nmae\"");
    QTest::newRow("number value") << QByteArray(R"({"name": "A", "document_type": "passport", "document_number": 12, "phone": "+8613800138000"})")
                                  << false << QStringList() << s("\"document_number\" must be a string");
    QTest::newRow("missing phone") << QByteArray(R"({"name": "A", "document_type": "passport", "document_number": "X1"})") << false
                                   << QStringList() << s("no \"phone\"");
    QTest::newRow("name twice") << good << false << QStringList{s("--name"), s("B")} << s("given twice");
    QTest::newRow("empty stdin") << QByteArray() << true << QStringList() << s("is empty");
    QTest::newRow("stdin not JSON") << QByteArray("{") << true << QStringList() << s("not a JSON object");
    QTest::newRow("file missing") << QByteArray() << false << QStringList{s("@missing")} << s("cannot read the subject file");
}

void TestCliConventions::subjectFile_badContent_isAUsageErrorBeforeLogin()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, fromStdin);
    QFETCH(QStringList, extra);
    QFETCH(QString, reason);
    QString file = path("subject-bad.json");
    if (extra.value(0) == QLatin1String("@missing")) {
        file = path("no-such-subject.json");
        extra.clear();
    } else if (!fromStdin) {
        writeFile(file, content);
    }
    // The store does not exist: a reason about the subject proves no login was tried.
    const auto r = fe::test::runCli(QStringList{s("enroll"), s("--db"), path("no-store.db"), s("--user"), s("op1"), s("--password-file"),
                                                path("op1.pw"), s("--consent"), s("yes"), s("--live"), demo(), s("--id-photo"), path("id#1.png"),
                                                s("--subject-file"), fromStdin ? s("-") : file} +
                                        extra,
                                    120'000, content);
    VERIFY_REFUSED(r, reason);
    QVERIFY(r.out.trimmed().isEmpty());
}

// ---- 3. Numbers and repeated options -------------------------------------------------------

void TestCliConventions::numbers_nanAndInfinityRefused_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("reason");
    const QString img = path("id#1.png");
    for (const char* v : {"nan", "NaN", "inf", "-inf", "1e999"})
        QTest::addRow("match --threshold %s", v) << QStringList{s("match"), img, img, s("--threshold"), s(v)} << s("--threshold");
    QTest::newRow("calibrate --target-fmr nan") << QStringList{s("calibrate"), path("pairs.csv"), s("--target-fmr"), s("nan")}
                                                << s("--target-fmr");
    QTest::newRow("liveness --max-frames nan") << QStringList{s("liveness"), demo(), s("--max-frames"), s("nan")} << s("--max-frames");
}

void TestCliConventions::numbers_nanAndInfinityRefused()
{
    QFETCH(QStringList, args);
    QFETCH(QString, reason);
    const auto r = fe::test::runCli(args, 120'000);
    VERIFY_REFUSED(r, reason);
    QVERIFY2(!r.out.contains("non-match") && !r.out.contains("\"decision\""), r.out.constData());
}

void TestCliConventions::repeatedOption_isAnError_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("option");
    QTest::newRow("list --user a --user b")
        << QStringList{s("list"), s("--db"), m_db, s("--user"), s("sup1"), s("--user"), s("op1"), s("--password-file"), path("sup1.pw")}
        << s("--user");
    QTest::newRow("users list --db twice") << QStringList{s("users"), s("list"), s("--db"), m_db, s("--db"), path("other.db"), s("--user"),
                                                          s("admin"), s("--password-file"), path("admin.pw")}
                                           << s("--db");
    QTest::newRow("match --threshold twice") << QStringList{s("match"), path("id#1.png"), path("id#1.png"), s("--threshold"), s("0.3"),
                                                            s("--threshold"), s("0.9")}
                                             << s("--threshold");
    QTest::newRow("analyze --max-frames=1 --max-frames 2")
        << QStringList{s("analyze"), demo(), s("--max-frames=1"), s("--max-frames"), s("2")} << s("--max-frames");
    QTest::newRow("enroll --consent yes --consent no")
        << QStringList{s("enroll"), s("--consent"), s("yes"), s("--consent"), s("no")} << s("--consent");
}

void TestCliConventions::repeatedOption_isAnError()
{
    QFETCH(QStringList, args);
    QFETCH(QString, option);
    const auto r = fe::test::runCli(args, 120'000);
    VERIFY_REFUSED(r, option + s(" was given more than once"));
    QVERIFY(r.out.trimmed().isEmpty());
}

void TestCliConventions::repeatableOption_isNotRefused()
{
    // export --enrollment ID... is documented as repeatable.
    const auto r = fe::test::runCli(QStringList{s("export"), s("--enrollment"), s("a"), s("--enrollment"), s("b"), s("--out"),
                                                path("two.feb"), s("--db"), path("no-store.db"), s("--user"), s("sup1"),
                                                s("--password-file"), path("sup1.pw")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(!errText(r).contains(s("more than once")), r.err.constData());
    QVERIFY2(errText(r).contains(s("no FaceEnroll database")), r.err.constData());
}

// ---- 4. liveness --portrait ----------------------------------------------------------------

void TestCliConventions::portrait_refusesExistingFileAndWrongExtension_beforeAnyWork_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("force");
    QTest::addColumn<QString>("reason");
    QTest::newRow("existing station database") << s("@db") << false << s("ending in .jpg");
    QTest::newRow("existing station database, --force") << s("@db") << true << s("ending in .jpg");
    QTest::newRow("existing jpg") << s("@existing.jpg") << false << s("exists already");
    QTest::newRow("png name") << s("portrait.png") << false << s("ending in .jpg");
    QTest::newRow("no extension") << s("portrait") << false << s("ending in .jpg");
    QTest::newRow("a folder named .jpg") << s("@folder.jpg") << true << s("is a folder");
}

void TestCliConventions::portrait_refusesExistingFileAndWrongExtension_beforeAnyWork()
{
    QFETCH(QString, target);
    QFETCH(bool, force);
    QFETCH(QString, reason);
    QString out = path(target.toUtf8().constData());
    if (target == QLatin1String("@db")) {
        out = m_db;
    } else if (target == QLatin1String("@existing.jpg")) {
        out = path("existing.jpg");
        writeFile(out, "someone's photo");
    } else if (target == QLatin1String("@folder.jpg")) {
        out = path("folder.jpg");
        QVERIFY(QDir().mkpath(out));
    }
    const QByteArray before = QFileInfo(out).isFile() ? readFile(out) : QByteArray();
    QStringList args{s("liveness"), demo(), s("--mode"), s("spontaneous"), s("--quality-profile"), s("lowres"), s("--portrait"), out};
    if (force)
        args << s("--force");
    const auto r = fe::test::runCli(args, 120'000);
    VERIFY_REFUSED(r, reason);
    QVERIFY2(r.out.trimmed().isEmpty(), "the session ran before the target was checked");
    if (QFileInfo(out).isFile())
        QCOMPARE(readFile(out), before);
    else if (!QFileInfo(out).isDir())
        QVERIFY(!QFileInfo::exists(out));
}

void TestCliConventions::portrait_writesPrivateFile_andReplacesOnlyWithForce()
{
    const QString out = path("portrait.jpg");
    const QStringList base{s("liveness"), demo(), s("--mode"), s("spontaneous"), s("--max-frames"), s("240"), s("--quality-profile"),
                           s("lowres"), s("--portrait"), out};
    const mode_t oldMask = ::umask(022); // the usual umask, which would make a new file 0644
    auto r = fe::test::runCli(base);
    ::umask(oldMask);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(summaryOf(r).value(s("portrait_quality")).isObject());
    QVERIFY(!cv::imread(out.toStdString()).empty());
    QCOMPARE(fileMode(out), mode_t(0600));

    // Again without --force: refused, the first portrait kept.
    writeFile(out, "keep me");
    ::chmod(QFile::encodeName(out).constData(), 0644);
    r = fe::test::runCli(base, 120'000);
    VERIFY_REFUSED(r, s("--force"));
    QCOMPARE(readFile(out), QByteArray("keep me"));
    // With --force: replaced by the portrait, private again.
    r = fe::test::runCli(base + QStringList{s("--force")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(!cv::imread(out.toStdString()).empty());
    QCOMPARE(fileMode(out), mode_t(0600));
}

// ---- 5. Usage errors before the password ---------------------------------------------------

void TestCliConventions::enrollUsageErrors_reportedBeforeThePasswordIsChecked_data()
{
    QTest::addColumn<QStringList>("media");
    QTest::addColumn<QString>("reason");
    const QString id = path("id#1.png");
    QTest::newRow("missing --live") << QStringList{s("--id-photo"), id} << s("--live is required");
    QTest::newRow("--live does not exist") << QStringList{s("--live"), path("nothing.mp4"), s("--id-photo"), id} << s("does not exist");
    QTest::newRow("--live is a folder") << QStringList{s("--live"), m_dir.path(), s("--id-photo"), id} << s("is a folder");
    QTest::newRow("--id-photo does not exist") << QStringList{s("--live"), demo(), s("--id-photo"), path("nothing#2.png")}
                                               << s("does not exist");
    QTest::newRow("--id-photo-frame of an image") << QStringList{s("--live"), demo(), s("--id-photo"), id, s("--id-photo-frame"), s("3")}
                                                  << s("needs a video");
    QTest::newRow("missing --id-photo") << QStringList{s("--live"), demo()} << s("--id-photo is required");
}

void TestCliConventions::enrollUsageErrors_reportedBeforeThePasswordIsChecked()
{
    QFETCH(QStringList, media);
    QFETCH(QString, reason);
    const int loginsBefore = loginRows();
    const auto r = fe::test::runCli(QStringList{s("enroll")} + actor("op1") +
                                        QStringList{s("--consent"), s("yes"), s("--name"), s("A"), s("--document-type"), s("passport"),
                                                    s("--document-number"), s("X1"), s("--phone"), m_phone} +
                                        media,
                                    120'000);
    VERIFY_REFUSED(r, reason);
    // One more login: the audit list of loginRows() itself; op1 never logged in.
    QCOMPARE(loginRows(), loginsBefore + 1);
}

// ---- 6. Failure after partial output -------------------------------------------------------

void TestCliConventions::failureAfterPartialOutput_endsWithErrorSummary_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("reason");
    // The second demo video cut in half: its index promises frames that are not there.
    const QByteArray video = readFile(QString::fromStdString(fe::test::asset(fe::Asset::SecondVideo).string()));
    QVERIFY(!video.isEmpty());
    writeFile(path("cap12_cut.mp4"), video.left(video.size() / 2));
    writeFile(path("notes.png"), "not an image\n");
    QTest::newRow("analyze a truncated video") << QStringList{s("analyze"), path("cap12_cut.mp4"), s("--quality-profile"), s("lowres")}
                                               << s("truncated");
    QTest::newRow("match, second input corrupt") << QStringList{s("match"), path("id#1.png"), path("notes.png")} << s("notes.png");
}

void TestCliConventions::failureAfterPartialOutput_endsWithErrorSummary()
{
    QFETCH(QStringList, args);
    QFETCH(QString, reason);
    const auto r = fe::test::runCli(args);
    VERIFY_REFUSED(r, reason);
    const auto lines = r.lines();
    QVERIFY2(lines.size() >= 2, r.out.constData()); // some result lines, then the summary
    for (const auto& l : lines)
        QVERIFY2(QJsonDocument::fromJson(l).isObject(), l.constData());
    const QJsonObject sum = summaryOf(r);
    QCOMPARE(sum.keys(), QStringList{s("error")});
    QVERIFY2(sum.value(s("error")).toString().contains(reason), r.lastLine().constData());
    int summaries = 0;
    for (const auto& l : lines)
        summaries += QJsonDocument::fromJson(l).object().contains(s("summary")) ? 1 : 0;
    QCOMPARE(summaries, 1);
}

// ---- 8. Permission refusals in words -------------------------------------------------------

void TestCliConventions::permissionRefusals_nameTheActionInWords_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("words");
    QTest::addColumn<QString>("internalName");
    QTest::newRow("operator store-info") << (QStringList{s("store-info")} + actor("op1")) << s("check the audit log") << s("verify_audit");
    QTest::newRow("admin enroll") << (QStringList{s("enroll")} + actor("admin") +
                                      QStringList{s("--consent"), s("yes"), s("--name"), s("A"), s("--document-type"), s("passport"),
                                                  s("--document-number"), s("X1"), s("--phone"), m_phone, s("--live"), demo(),
                                                  s("--id-photo"), path("id#1.png")})
                                  << s("enroll customers") << s("match_gallery");
    QTest::newRow("operator review") << (QStringList{s("review"), s("--enrollment"), s("x"), s("--decision"), s("approve"), s("--reason"),
                                                     s("r")} +
                                         actor("op1"))
                                     << s("review flagged enrollments") << s("review");
}

void TestCliConventions::permissionRefusals_nameTheActionInWords()
{
    QFETCH(QStringList, args);
    QFETCH(QString, words);
    QFETCH(QString, internalName);
    const auto r = fe::test::runCli(args, 300'000);
    VERIFY_REFUSED(r, words);
    QVERIFY2(!errText(r).contains(u'_') && !errText(r).endsWith(internalName + u'.'), r.err.constData());
}

// ---- 9. Lock held by another process -------------------------------------------------------

void TestCliConventions::lockHeld_saysSoAtOnce_andGivesUpWithExit2()
{
    fe::store::test::HeldFileLock other((m_db + s(".lock")).toStdString());
    const auto r = fe::test::runCli(QStringList{s("list"), s("--lock-timeout"), s("1")} + actor("sup1"), 120'000);
    QCOMPARE(r.exitCode, 2);
    const auto err = r.err.trimmed().split('\n');
    QCOMPARE(err.size(), 2);
    QVERIFY2(err[0].contains("waiting for another FaceEnroll process"), err[0].constData());
    QVERIFY2(err[1].contains("1 second"), err[1].constData());
    QVERIFY(r.out.trimmed().isEmpty());
}

// ---- 10. --db that is not a database -------------------------------------------------------

void TestCliConventions::dbNotADatabase_saysSo_data()
{
    QTest::addColumn<QString>("db");
    QTest::addColumn<QString>("reason");
    QTest::newRow("--db DIR") << s("@dir") << s("is a folder");
    QTest::newRow("--db a text file") << s("@text") << s("is not a FaceEnroll database");
    QTest::newRow("--db an image") << s("@image") << s("is not a FaceEnroll database");
    QTest::newRow("--db a plain SQLite file") << s("@sqlite") << s("is not a FaceEnroll database");
}

void TestCliConventions::dbNotADatabase_saysSo()
{
    QFETCH(QString, db);
    QFETCH(QString, reason);
    QString target;
    if (db == QLatin1String("@dir")) {
        target = m_dir.path();
    } else if (db == QLatin1String("@text")) {
        target = path("notes.txt");
        writeFile(target, "station notes\n");
    } else if (db == QLatin1String("@image")) {
        target = path("id#1.png");
    } else {
        target = path("plain.sqlite");
        QByteArray page(4096, '\0');
        page.replace(0, 16, QByteArray("SQLite format 3\0", 16));
        writeFile(target, page);
    }
    const auto r = fe::test::runCli({s("list"), s("--db"), target, s("--user"), s("sup1"), s("--password-file"), path("sup1.pw")}, 120'000);
    VERIFY_REFUSED(r, reason);
    QVERIFY2(!errText(r).contains(s("key file")), r.err.constData());
}

QTEST_APPLESS_MAIN(TestCliConventions)
#include "tst_cli_conventions.moc"
