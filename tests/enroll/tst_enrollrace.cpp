// Issue 9, item 1: two enrollments at once must not miss each other. Two real processes
// (enroll_race_worker) on one real store each load the match index, then enroll — the same
// face under two documents, or one phone number with two faces — released together with a
// random stagger. Whichever commits second must be flagged, every time: the rules run
// against everything committed before an enrollment's own commit. 20 rounds of each.
//
// The faces are analysed once here (the demo media) and handed to the workers as a file; the
// workers drive the real EnrollmentService and SQLCipher store.
#include "EnrollFixtures.h"
#include "RaceInput.h"
#include "StoreTestSupport.h"
#include "enroll/IdPhotoReader.h"
#include "enroll/PhoneNumberValidator.h"
#include "store/Session.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QtTest>

using namespace fe::enroll;
using fe::store::test::TempStore;

namespace {

constexpr int kRounds = 20;
constexpr int kMaxStaggerMs = 300;
constexpr int kProcessTimeoutMs = 120'000; // generous: a loaded machine starts processes slowly

struct Worker
{
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    QByteArray out;

    void start(const TempStore& store, const char* user, const QString& inputs, const QString& document,
               const QString& phone, const QString& passwordFile)
    {
        process->setProgram(QStringLiteral(FACEENROLL_RACE_WORKER));
        process->setArguments({QString::fromStdString(store.database.string()), QString::fromLatin1(user),
                               passwordFile, inputs, document, phone});
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process->start();
    }
    // Waits for a line starting with prefix; returns the rest.
    QByteArray waitFor(const QByteArray& prefix)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < kProcessTimeoutMs) {
            const qsizetype nl = out.indexOf('\n');
            if (nl >= 0) {
                const QByteArray line = out.left(nl);
                out.remove(0, nl + 1);
                if (line.startsWith(prefix))
                    return line.mid(prefix.size()).trimmed();
                if (line.startsWith("error"))
                    qFatal("worker failed: %s", line.constData());
                continue;
            }
            if (!process->waitForReadyRead(1000) && process->state() == QProcess::NotRunning)
                break;
            out += process->readAllStandardOutput();
        }
        out += process->readAllStandardOutput();
        qFatal("worker did not say %s; output: %s", prefix.constData(), out.constData());
        return {};
    }
};

struct Result
{
    QString id;
    QStringList flags;
};

Result parseDone(const QByteArray& rest)
{
    const QList<QByteArray> parts = rest.split(' ');
    Result r;
    r.id = QString::fromLatin1(parts.value(0));
    const QByteArray flags = parts.value(1);
    if (flags != "-")
        r.flags = QString::fromLatin1(flags).split(u',');
    return r;
}

} // namespace

class TestEnrollRace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameFaceTwoDocuments_laterIsAlwaysDuplicateIdentity();
    void samePhoneTwoFaces_laterIsAlwaysNumberBoundToOtherFace();

private:
    void race(const QString& inputsA, const QString& inputsB, const QString& docA, const QString& docB,
              const QString& phoneA, const QString& phoneB, const QString& expectedFlag);

    QTemporaryDir m_dir;
    QString m_franck, m_cap12;
    QString m_phone, m_phone2;
    quint32 m_seed = 0;
};

void TestEnrollRace::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_seed = QRandomGenerator::global()->generate();
    qInfo("stagger seed %u", m_seed);
    IdPhotoReader reader(fe::test::visionModels());
    const auto franckFrames = fe::test::videoFrames(fe::Asset::DemoVideo, {4700});
    const auto cap12Frames = fe::test::videoFrames(fe::Asset::SecondVideo, {1300});
    const IdPhotoCheck franckId = reader.analyze(franckFrames.at(4700));
    const IdPhotoCheck cap12Id = reader.analyze(cap12Frames.at(1300));
    const LiveResult franckLive = fe::test::liveWindow(fe::Asset::DemoVideo, 240, 240);
    const LiveResult cap12Live = fe::test::liveWindow(fe::Asset::SecondVideo, 500, 250);
    QCOMPARE(franckLive.liveness.verdict, fe::liveness::Verdict::Live);
    QCOMPARE(cap12Live.liveness.verdict, fe::liveness::Verdict::Live);
    m_franck = m_dir.filePath(QStringLiteral("franck.inputs"));
    m_cap12 = m_dir.filePath(QStringLiteral("cap12.inputs"));
    QVERIFY(test::writeInputs(m_franck, franckId, franckLive));
    QVERIFY(test::writeInputs(m_cap12, cap12Id, cap12Live));
    const std::string base = PhoneNumberValidator::exampleMobile("CN");
    m_phone = QString::fromStdString(base);
    m_phone2 = QString::fromStdString(base.substr(0, base.size() - 1) + "7");
    for (const char* user : {"op1", "op2"}) {
        QFile f(m_dir.filePath(QString::fromLatin1(user) + QStringLiteral(".pw")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(fe::store::test::passwordOf(user));
    }
}

void TestEnrollRace::race(const QString& inputsA, const QString& inputsB, const QString& docA,
                          const QString& docB, const QString& phoneA, const QString& phoneB,
                          const QString& expectedFlag)
{
    QRandomGenerator rng(m_seed);
    for (int round = 0; round < kRounds; ++round) {
        TempStore store; // a fresh station each round
        Worker a, b;
        a.start(store, "op1", inputsA, docA, phoneA, m_dir.filePath(QStringLiteral("op1.pw")));
        b.start(store, "op2", inputsB, docB, phoneB, m_dir.filePath(QStringLiteral("op2.pw")));
        // Both snapshots are taken (and empty) before either enrolls.
        QCOMPARE(a.waitFor("ready "), QByteArray("0"));
        QCOMPARE(b.waitFor("ready "), QByteArray("0"));
        const int delayA = rng.bounded(kMaxStaggerMs + 1);
        const int delayB = rng.bounded(kMaxStaggerMs + 1);
        a.process->write(QByteArray("go ") + QByteArray::number(delayA) + '\n');
        b.process->write(QByteArray("go ") + QByteArray::number(delayB) + '\n');
        QVERIFY(a.process->waitForBytesWritten(kProcessTimeoutMs) &&
                b.process->waitForBytesWritten(kProcessTimeoutMs));
        const Result ra = parseDone(a.waitFor("done "));
        const Result rb = parseDone(b.waitFor("done "));
        QVERIFY(a.process->waitForFinished(kProcessTimeoutMs) &&
                b.process->waitForFinished(kProcessTimeoutMs));

        // Which committed second: the audit log's order (appended in the insert transaction).
        auto sup = store.login("sup");
        QStringList order;
        for (const auto& entry : sup.auditEntries())
            if (entry.event.action == "enrollment_created")
                order << QString::fromStdString(entry.event.objectId);
        QCOMPARE(order.size(), 2);
        const Result& earlier = order[0] == ra.id ? ra : rb;
        const Result& later = order[0] == ra.id ? rb : ra;
        QVERIFY2(later.id == order[1], "the audit names both enrollments");
        const QString context = QStringLiteral("round %1 (stagger %2/%3 ms): earlier [%4], later [%5]")
                                    .arg(round)
                                    .arg(delayA)
                                    .arg(delayB)
                                    .arg(earlier.flags.join(u','), later.flags.join(u','));
        QVERIFY2(later.flags.contains(expectedFlag), qPrintable(context));
        QVERIFY2(!earlier.flags.contains(expectedFlag), qPrintable(context));
    }
}

void TestEnrollRace::sameFaceTwoDocuments_laterIsAlwaysDuplicateIdentity()
{
    race(m_franck, m_franck, QStringLiteral("E10000001"), QStringLiteral("E20000002"), m_phone, m_phone2,
         QStringLiteral("duplicate_identity"));
}

void TestEnrollRace::samePhoneTwoFaces_laterIsAlwaysNumberBoundToOtherFace()
{
    race(m_franck, m_cap12, QStringLiteral("E10000001"), QStringLiteral("E20000002"), m_phone, m_phone,
         QStringLiteral("number_bound_to_other_face"));
}

QTEST_GUILESS_MAIN(TestEnrollRace)
#include "tst_enrollrace.moc"
