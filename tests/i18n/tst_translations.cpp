// The translation catalogues are complete and in step with the sources, and the CLI speaks
// the user's language: every message lupdate finds in core/ and app/ is in both catalogues
// and nothing else is; every Simplified Chinese entry is translated, keeps its %N arguments
// and is Chinese; and faceenroll-cli run under a zh_CN locale reports usage and core errors
// in Chinese, under C in English.
#include "common/OutcomeTexts.h"
#include "common/TestData.h"
#include "enroll/DocumentTypes.h"
#include "enroll/OutcomeText.h"

#include <QDomDocument>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <set>

namespace {

struct Entry
{
    QString translation;
    bool unfinished = false;
};

// (context, source) -> entry
using Catalogue = std::map<std::pair<QString, QString>, Entry>;

Catalogue readCatalogue(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QDomDocument doc;
    const auto parsed = doc.setContent(&file);
    if (!parsed)
        qFatal("%s is not XML", qPrintable(path));
    Catalogue out;
    const QDomNodeList contexts = doc.elementsByTagName(QStringLiteral("context"));
    for (int i = 0; i < contexts.size(); ++i) {
        const QDomElement context = contexts.at(i).toElement();
        const QString name = context.firstChildElement(QStringLiteral("name")).text();
        for (QDomElement m = context.firstChildElement(QStringLiteral("message")); !m.isNull();
             m = m.nextSiblingElement(QStringLiteral("message"))) {
            const QDomElement t = m.firstChildElement(QStringLiteral("translation"));
            const QString type = t.attribute(QStringLiteral("type"));
            if (type == QLatin1String("obsolete") || type == QLatin1String("vanished"))
                continue;
            out[{name, m.firstChildElement(QStringLiteral("source")).text()}] =
                Entry{t.text(), type == QLatin1String("unfinished")};
        }
    }
    return out;
}

QString sourceDir()
{
    return QStringLiteral(FACEENROLL_SOURCE_DIR);
}

QString catalogue(const char* language)
{
    return sourceDir() + QStringLiteral("/translations/faceenroll_%1.ts").arg(QLatin1String(language));
}

std::multiset<QString> arguments(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    std::multiset<QString> out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.insert(it.next().captured(0));
    return out;
}

bool hasHan(const QString& text)
{
    for (const QChar c : text)
        if (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff)
            return true;
    return false;
}

QString describe(const std::pair<QString, QString>& key)
{
    return key.first + QStringLiteral(": ") + key.second;
}

fe::test::CliResult runIn(const char* locale, const QStringList& args)
{
    return fe::test::runCli(args, 60'000, {},
                            {{QStringLiteral("LC_ALL"), QString::fromLatin1(locale)},
                             {QStringLiteral("LANGUAGE"), QString()},
                             {QStringLiteral("FACEENROLL_PASSWORD"), QString()}});
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catalogues_matchTheSources_data();
    void catalogues_matchTheSources();
    void chinese_isCompleteAndKeepsArguments();
    void cli_speaksTheLocale();
    void outcomeTexts_coverEveryOutcome_inBothLanguages();
};

void TestTranslations::catalogues_matchTheSources_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

// lupdate over the sources, into a fresh file, finds exactly the committed messages: a new
// string that was not added to the catalogues, or one left behind, fails here.
void TestTranslations::catalogues_matchTheSources()
{
    QFETCH(QString, language);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fresh = dir.filePath(QStringLiteral("fresh.ts"));
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(FACEENROLL_LUPDATE),
                  {sourceDir() + QStringLiteral("/core"), sourceDir() + QStringLiteral("/app"), sourceDir() + QStringLiteral("/ui"),
                   QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                   QStringLiteral("-ts"), fresh});
    QVERIFY(lupdate.waitForFinished(120'000));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());

    const Catalogue found = readCatalogue(fresh);
    const Catalogue committed = readCatalogue(catalogue(language.toLatin1().constData()));
    QVERIFY2(found.size() > 100, "lupdate found too few messages; are the sources where the test looks?");
    QStringList missing;
    QStringList stale;
    for (const auto& [key, entry] : found)
        if (!committed.contains(key))
            missing << describe(key);
    for (const auto& [key, entry] : committed)
        if (!found.contains(key))
            stale << describe(key);
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("not in the catalogue (run the update_translations target): ") +
                                           missing.join(QStringLiteral(" | "))));
    QVERIFY2(stale.isEmpty(), qPrintable(QStringLiteral("no longer in the sources: ") + stale.join(QStringLiteral(" | "))));
}

void TestTranslations::chinese_isCompleteAndKeepsArguments()
{
    const Catalogue zh = readCatalogue(catalogue("zh_CN"));
    QVERIFY(!zh.empty());
    static const QRegularExpression words(QStringLiteral("[A-Za-z]{3,}"));
    for (const auto& [key, entry] : zh) {
        QVERIFY2(!entry.unfinished && !entry.translation.trimmed().isEmpty(), qPrintable(QStringLiteral("untranslated: ") + describe(key)));
        QVERIFY2(arguments(key.second) == arguments(entry.translation),
                 qPrintable(QStringLiteral("arguments differ: ") + describe(key) + QStringLiteral(" => ") + entry.translation));
        // A command synopsis that is only options and placeholders stays as it is; any
        // English prose must have become Chinese.
        QString prose = key.second;
        prose.remove(QRegularExpression(QStringLiteral("--[a-z-]+|\\b[A-Z][A-Z0-9_.]+\\b|\\[[^]]*\\]|%\\d")));
        if (prose.contains(words))
            QVERIFY2(hasHan(entry.translation), qPrintable(QStringLiteral("not Chinese: ") + describe(key)));
    }
}

void TestTranslations::cli_speaksTheLocale()
{
    // Usage text and an unknown command (the CLI's own strings).
    const auto zhUnknown = runIn("zh_CN.UTF-8", {QStringLiteral("no-such-command")});
    QCOMPARE(zhUnknown.exitCode, 2);
    const QString zhErr = QString::fromUtf8(zhUnknown.err);
    QVERIFY2(zhErr.contains(QStringLiteral("未知命令")), qPrintable(zhErr));
    const auto cUnknown = runIn("C.UTF-8", {QStringLiteral("no-such-command")});
    QCOMPARE(cUnknown.exitCode, 2);
    QVERIFY2(cUnknown.err.contains("unknown command"), cUnknown.err.constData());

    const auto zhHelp = runIn("zh_CN.UTF-8", {QStringLiteral("--help")});
    QCOMPARE(zhHelp.exitCode, 0);
    QVERIFY2(QString::fromUtf8(zhHelp.out).startsWith(QStringLiteral("用法")), zhHelp.out.constData());

    // A core error (fe::Error context): an image that is not an image.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString bogus = dir.filePath(QStringLiteral("corrupt.jpg"));
    QFile file(bogus);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, '\x5a'));
    file.close();
    const auto zhCorrupt = runIn("zh_CN.UTF-8", {QStringLiteral("analyze"), bogus});
    const auto cCorrupt = runIn("C.UTF-8", {QStringLiteral("analyze"), bogus});
    QCOMPARE(zhCorrupt.exitCode, 2);
    QCOMPARE(cCorrupt.exitCode, 2);
    const QString zhLine = QString::fromUtf8(zhCorrupt.err.trimmed());
    const QString cLine = QString::fromUtf8(cCorrupt.err.trimmed());
    QVERIFY2(hasHan(zhLine) && zhLine.contains(bogus), qPrintable(zhLine));
    QVERIFY2(!hasHan(cLine) && cLine.contains(bogus), qPrintable(cLine));
    QVERIFY(zhLine != cLine);
}

// The one outcome text table (common/OutcomeTexts): every flag, quality measure, guidance,
// liveness reason, verdict, challenge and document type has a plain-words text, and both
// catalogues carry it (Chinese translated), so the GUI can show each in the user's language.
void TestTranslations::outcomeTexts_coverEveryOutcome_inBothLanguages()
{
    using namespace fe;
    std::vector<std::pair<OutcomeKind, std::string>> keys;
    std::vector<const char*> typed;
    for (const auto flag : enroll::kAllFlagTypes) {
        keys.emplace_back(OutcomeKind::Flag, std::string(enroll::flagKey(flag)));
        typed.push_back(enroll::outcomeText(flag));
    }
    for (int i = 0; i <= static_cast<int>(vision::QualityMeasureId::LightingUniformity); ++i) {
        const auto id = static_cast<vision::QualityMeasureId>(i);
        keys.emplace_back(OutcomeKind::QualityMeasure, std::string(vision::qualityMeasureKey(id)));
        typed.push_back(enroll::outcomeText(id));
    }
    for (int i = 0; i <= static_cast<int>(vision::Guidance::Ok); ++i) {
        const auto g = static_cast<vision::Guidance>(i);
        keys.emplace_back(OutcomeKind::Guidance, std::string(vision::guidanceKey(g)));
        typed.push_back(enroll::outcomeText(g));
    }
    for (int i = 0; i <= static_cast<int>(liveness::Reason::WrongAction); ++i) {
        const auto r = static_cast<liveness::Reason>(i);
        keys.emplace_back(OutcomeKind::LivenessReason, std::string(liveness::reasonKey(r)));
        typed.push_back(enroll::outcomeText(r));
    }
    for (const auto v : {liveness::Verdict::Live, liveness::Verdict::Spoof, liveness::Verdict::Inconclusive}) {
        keys.emplace_back(OutcomeKind::Verdict, std::string(liveness::verdictKey(v)));
        typed.push_back(enroll::outcomeText(v));
    }
    for (const auto m : {liveness::Mode::Challenge, liveness::Mode::Spontaneous}) {
        keys.emplace_back(OutcomeKind::LivenessMode, std::string(liveness::modeKey(m)));
        typed.push_back(enroll::outcomeText(m));
    }
    for (int i = 0; i <= static_cast<int>(liveness::ChallengeKind::OpenMouth); ++i) {
        const auto c = static_cast<liveness::ChallengeKind>(i);
        keys.emplace_back(OutcomeKind::Challenge, std::string(liveness::challengeKey(c)));
        typed.push_back(enroll::outcomeText(c));
    }
    for (const auto& t : enroll::DocumentTypes::all())
        keys.emplace_back(OutcomeKind::DocumentType, std::string(t.key));

    const Catalogue zh = readCatalogue(catalogue("zh_CN"));
    const Catalogue en = readCatalogue(catalogue("en"));
    const QString context = QString::fromLatin1(kOutcomeTextContext);
    std::set<QString> texts;
    for (const auto& [kind, key] : keys) {
        const char* text = outcomeText(kind, key);
        QVERIFY2(text != nullptr, key.c_str());
        texts.insert(QString::fromUtf8(text));
        const std::pair<QString, QString> entry{context, QString::fromUtf8(text)};
        QVERIFY2(en.contains(entry), qPrintable(QStringLiteral("not in the English catalogue: ") + entry.second));
        QVERIFY2(zh.contains(entry), qPrintable(QStringLiteral("not in the Chinese catalogue: ") + entry.second));
        const Entry& chinese = zh.at(entry);
        QVERIFY2(!chinese.unfinished && hasHan(chinese.translation), qPrintable(QStringLiteral("untranslated: ") + entry.second));
    }
    for (const char* t : typed)
        QVERIFY(t != nullptr);
    // Each outcome reads differently (a clerk must tell them apart).
    QCOMPARE(texts.size(), keys.size());
    QCOMPARE(outcomeTexts().size(), keys.size());
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
