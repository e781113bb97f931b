// Bundles on the media they travel on: a FAT file system (what USB sticks and SD cards carry;
// no hard links, no file modes) and a medium that fills up during an export. The FAT is a
// real image made by mkfs.vfat and mounted through fusefat (a FAT driver in user space: this
// kernel has no vfat module; both from scripts/setup) in a private mount namespace, so
// nothing outside the test process sees it. Also: a file that a target name gets while the
// bundle is written is never replaced, on either kind of file system.
#include "SyncTestSupport.h"
#include "common/Error.h"
#include "store/FileUtil.h"
#include "sync/AtomicFile.h"
#include "sync/BundleExporter.h"
#include "sync/BundleReader.h"
#include "sync/ByteSource.h"
#include "sync/RecordCodec.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <cerrno>
#include <cstring>
#include <map>
#include <sys/mount.h>

using namespace fe;
using namespace fe::sync;
using namespace fe::sync::test;

namespace {

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

// A FAT16 image of sizeMiB mounted (fusefat, read-write) on a temporary directory for the
// test's lifetime.
class FatMount
{
public:
    explicit FatMount(int sizeMiB)
    {
        const QString mkfs = QStandardPaths::findExecutable(s("mkfs.vfat"), {s("/usr/sbin"), s("/sbin")});
        const QString fusefat = QStandardPaths::findExecutable(s("fusefat"));
        if (mkfs.isEmpty() || fusefat.isEmpty()) {
            m_error = s("mkfs.vfat (dosfstools) or fusefat is missing: run scripts/setup");
            return;
        }
        if (!QFile::exists(s("/dev/fuse"))) {
            m_error = s("/dev/fuse is not available here");
            m_canSkip = true;
            return;
        }
        m_image = m_dir.filePath(s("medium.img"));
        m_mountPoint = m_dir.filePath(s("medium"));
        QDir().mkpath(m_mountPoint);
        {
            QFile image(m_image);
            if (!image.open(QIODevice::WriteOnly) || !image.resize(qint64(sizeMiB) * 1024 * 1024)) {
                m_error = s("cannot create the image file");
                return;
            }
        }
        if (QProcess::execute(mkfs, {m_image}) != 0) {
            m_error = s("mkfs.vfat failed");
            return;
        }
        QProcess mount;
        mount.start(fusefat, {s("-o"), s("rw+"), m_image, m_mountPoint});
        mount.waitForFinished(60'000);
        if (mount.exitCode() != 0 || !isMounted()) {
            m_error = s("fusefat could not mount the image: ") + QString::fromLocal8Bit(mount.readAllStandardError());
            m_canSkip = true; // a container without the right to mount FUSE
            return;
        }
        m_mounted = true;
    }
    ~FatMount()
    {
        if (m_mounted)
            QProcess::execute(s("fusermount"), {s("-u"), m_mountPoint});
    }
    FatMount(const FatMount&) = delete;
    FatMount& operator=(const FatMount&) = delete;

    [[nodiscard]] bool mounted() const { return m_mounted; }
    [[nodiscard]] bool canSkip() const { return m_canSkip; }
    [[nodiscard]] const QString& error() const { return m_error; }
    [[nodiscard]] std::filesystem::path path() const { return m_mountPoint.toStdString(); }

private:
    [[nodiscard]] bool isMounted() const
    {
        QFile mounts(s("/proc/self/mounts"));
        return mounts.open(QIODevice::ReadOnly) &&
               mounts.readAll().contains((s(" ") + m_mountPoint + s(" fuse.fusefat ")).toUtf8());
    }

    QTemporaryDir m_dir;
    QString m_image;
    QString m_mountPoint;
    QString m_error;
    bool m_mounted = false;
    bool m_canSkip = false;
};

// The names in dir (a medium must hold nothing but what was asked for: no temporary files).
QStringList namesIn(const std::filesystem::path& dir)
{
    QStringList names;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        names << QString::fromStdString(e.path().filename().string());
    names.sort();
    return names;
}

// Every record of a bundle file, decrypted with the central key, by enrollment id.
std::map<std::string, store::ExportRecord> recordsOf(const std::filesystem::path& file, const CentralKeyDir& central)
{
    FileSource source(file);
    BundleReader reader(source, nullptr);
    std::map<std::string, store::ExportRecord> out;
    reader.readRecords(central.keys, [&](const QByteArray& cbor) {
        auto r = RecordCodec::decode(cbor);
        out.emplace(r.enrollment.id, std::move(r));
    });
    return out;
}

} // namespace

class TestSyncMedia : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void export_toFat_writesAWholeBundleAndNothingElse();
    void writeNewFile_onFat_writesItAndNeverReplaces();
    void atomicFile_targetAppearedMeanwhile_isKeptNotReplaced_data();
    void atomicFile_targetAppearedMeanwhile_isKeptNotReplaced();
    void export_toAMediumThatFillsUp_isDiskFullAndLeavesNothing();

private:
    bool m_ownNamespace = false;
};

void TestSyncMedia::initTestCase()
{
    // Mounts made here (the FAT image, a small tmpfs) vanish with this process.
    m_ownNamespace = store::test::enterPrivateMountNamespace();
}

#define REQUIRE_FAT(fat)                                                                                               \
    do {                                                                                                               \
        if (!(fat).mounted()) {                                                                                        \
            if ((fat).canSkip() || !m_ownNamespace)                                                                    \
                QSKIP(qPrintable(s("no FAT medium: ") + (fat).error()));                                               \
            QFAIL(qPrintable((fat).error()));                                                                          \
        }                                                                                                              \
    } while (false)

void TestSyncMedia::export_toFat_writesAWholeBundleAndNothingElse()
{
    FatMount fat(64);
    REQUIRE_FAT(fat);
    const CentralKeyDir central;
    Station station(&central);
    const auto ids = station.enroll(40, 100 * 1024, 7);
    auto sup = station.login("sup");
    const auto file = fat.path() / "branch-2026-11-30.feb";
    const auto r = BundleExporter(sup).exportToFile(file, ids);
    QCOMPARE(r.records, ids.size());
    QCOMPARE(r.marked, static_cast<int>(ids.size()));
    QCOMPARE(namesIn(fat.path()), QStringList{s("branch-2026-11-30.feb")});
    QCOMPARE(std::filesystem::file_size(file), r.bytes);
    // The whole bundle, read back from the medium: every enrollment, its portrait bit for bit.
    const auto records = recordsOf(file, central);
    QCOMPARE(records.size(), ids.size());
    for (const auto& id : ids) {
        const auto it = records.find(id);
        QVERIFY2(it != records.end(), id.c_str());
        QVERIFY2(it->second.enrollment.portrait == sup.getEnrollment(id).portrait, id.c_str());
    }
    // The same name again is refused, and the first bundle stays as it was.
    const auto before = readFile(file);
    try {
        BundleExporter(sup).exportToFile(file, ids);
        QFAIL("a second export replaced the bundle");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), ErrorCode::Conflict);
    }
    QVERIFY(readFile(file) == before);
    QCOMPARE(namesIn(fat.path()), QStringList{s("branch-2026-11-30.feb")});
}

// `liveness --portrait` and every CLI export without --force write through writeNewFile: on
// FAT, which has no hard links, it used to fail with "Operation not permitted".
void TestSyncMedia::writeNewFile_onFat_writesItAndNeverReplaces()
{
    FatMount fat(16);
    REQUIRE_FAT(fat);
    const auto file = fat.path() / "portrait.jpg";
    const std::string content(300 * 1024, 'p');
    store::writeNewFile(file, content);
    QVERIFY(readFile(file) == content);
    try {
        store::writeNewFile(file, std::string(10, 'x'));
        QFAIL("writeNewFile replaced an existing file");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), ErrorCode::Conflict);
    }
    QVERIFY(readFile(file) == content);
    QCOMPARE(namesIn(fat.path()), QStringList{s("portrait.jpg")});
}

void TestSyncMedia::atomicFile_targetAppearedMeanwhile_isKeptNotReplaced_data()
{
    QTest::addColumn<bool>("onFat");
    QTest::newRow("station disk") << false;
    QTest::newRow("FAT medium") << true;
}

// The exporter checks that the target does not exist before it starts; another program (or
// a second export) may create it while the bundle is written. That file must survive.
void TestSyncMedia::atomicFile_targetAppearedMeanwhile_isKeptNotReplaced()
{
    QFETCH(bool, onFat);
    QTemporaryDir local;
    std::optional<FatMount> fat;
    std::filesystem::path dir = local.path().toStdString();
    if (onFat) {
        fat.emplace(8);
        REQUIRE_FAT(*fat);
        dir = fat->path();
    }
    const auto target = dir / "bundle.feb";
    AtomicFile file(target);
    const Bytes payload(200 * 1024, 0xab);
    file.append(payload);
    writeFile(target, "someone else's file");
    try {
        file.commit();
        QFAIL("commit() replaced a file that appeared meanwhile");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), ErrorCode::Conflict);
    }
    QCOMPARE(readFile(target), std::string("someone else's file"));
    QCOMPARE(namesIn(dir), QStringList{s("bundle.feb")}); // the temporary file is gone
}

// The sealer thread meets ENOSPC while the reader is still reading: the export says the disk
// is full, leaves no file and no temporary file, and marks nothing.
void TestSyncMedia::export_toAMediumThatFillsUp_isDiskFullAndLeavesNothing()
{
    if (!m_ownNamespace)
        QSKIP("cannot create a private mount namespace for a small file system");
    QTemporaryDir work;
    const std::string medium = work.path().toStdString();
    QVERIFY2(::mount("tmpfs", medium.c_str(), "tmpfs", 0, "size=2m") == 0, std::strerror(errno));
    const CentralKeyDir central;
    Station station(&central);
    const auto ids = station.enroll(60, 100 * 1024, 3); // ~6 MB of portraits
    auto sup = station.login("sup");
    std::size_t progressCalls = 0;
    try {
        BundleExporter(sup).exportToFile(std::filesystem::path(medium) / "full.feb", ids,
                                         [&](const ExportProgress&) { return ++progressCalls > 0; });
        QFAIL("the export did not notice the full disk");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), ErrorCode::DiskFull);
        QVERIFY2(std::string(e.what()).find("disk is full") != std::string::npos, e.what());
    }
    QVERIFY(progressCalls < ids.size()); // the reader stopped when the sealer failed
    QVERIFY(namesIn(medium).isEmpty());
    for (const auto& id : ids)
        QVERIFY(sup.getEnrollment(id).upload.state == store::UploadState::Queued);
    ::umount(medium.c_str());
}

QTEST_APPLESS_MAIN(TestSyncMedia)
#include "tst_syncmedia.moc"
