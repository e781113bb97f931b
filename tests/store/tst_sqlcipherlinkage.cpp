// The process must talk to SQLCipher, never to the system libsqlite3, even though OpenCV's
// imgcodecs and videoio load libsqlite3 (through libgdal) into every process that uses them.
// SQLCipher is linked statically and not exported (core/store/CMakeLists.txt); this test
// links OpenCV the same way the CLI does and checks what each side gets.
#include "StoreTestSupport.h"
#include "common/TestData.h"
#include "store/Connection.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <dlfcn.h>
#include <link.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>

using namespace fe::store;

namespace {

bool libraryLoaded(const char* needle)
{
    struct Search
    {
        const char* needle;
        bool found;
    } search{needle, false};
    dl_iterate_phdr(
        [](dl_phdr_info* info, size_t, void* data) {
            auto* s = static_cast<Search*>(data);
            if (info->dlpi_name != nullptr && std::strstr(info->dlpi_name, s->needle) != nullptr)
                s->found = true;
            return 0;
        },
        &search);
    return search.found;
}

} // namespace

class TestSqlcipherLinkage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void systemSqlite_isLoadedByOpenCv();
    void sqlcipher_isNotExportedToOtherLibraries();
    void connection_answersAsSqlcipher();
    void cli_reportsCipherVersion();
};

void TestSqlcipherLinkage::initTestCase()
{
    // Use OpenCV's image and video I/O so that the linker keeps them (and libgdal) loaded.
    QVERIFY(cv::haveImageReader("x.png") || true);
    cv::VideoCapture capture;
    QVERIFY(!capture.isOpened());
}

void TestSqlcipherLinkage::systemSqlite_isLoadedByOpenCv()
{
    // The hazard this test is about: without it the other checks prove nothing.
    QVERIFY2(libraryLoaded("libsqlite3.so"), "libsqlite3 is not in the process; the linkage test is vacuous");
}

void TestSqlcipherLinkage::sqlcipher_isNotExportedToOtherLibraries()
{
    // sqlite3_key exists only in SQLCipher: found through the dynamic linker would mean our
    // static copy is exported and libgdal could bind to it (or we to someone else's).
    QVERIFY(dlsym(RTLD_DEFAULT, "sqlite3_key") == nullptr);
    QVERIFY(dlsym(RTLD_DEFAULT, "sqlite3_rekey") == nullptr);
    // What the dynamic linker hands out for plain SQLite is the system library, not ours.
    using VersionFn = const char* (*)();
    auto systemVersion = reinterpret_cast<VersionFn>(dlsym(RTLD_DEFAULT, "sqlite3_libversion"));
    QVERIFY(systemVersion != nullptr);
    QTemporaryDir dir;
    Connection db = Connection::openEncrypted(std::filesystem::path(dir.path().toStdString()) / "l.db",
                                              SecretBytes::random(32), Connection::Mode::Create);
    const auto ours = db.queryText("SELECT sqlite_version()");
    QVERIFY(ours.has_value());
    QVERIFY2(*ours != std::string(systemVersion()),
             "the store and the system report the same SQLite: one of them is not who it should be");
}

void TestSqlcipherLinkage::connection_answersAsSqlcipher()
{
    QTemporaryDir dir;
    Connection db = Connection::openEncrypted(std::filesystem::path(dir.path().toStdString()) / "l.db",
                                              SecretBytes::random(32), Connection::Mode::Create);
    const auto version = db.queryText("PRAGMA cipher_version");
    QVERIFY2(version && !version->empty(), "PRAGMA cipher_version is empty: this is not SQLCipher");
}

void TestSqlcipherLinkage::cli_reportsCipherVersion()
{
    // The CLI links OpenCV videoio (libgdal, libsqlite3) as well.
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("cli.db"));
    const QString pw = dir.filePath(QStringLiteral("pw"));
    QFile f(pw);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("linkage-password-1\n");
    f.close();
    auto r = fe::test::runCli({QStringLiteral("init"), QStringLiteral("--db"), db, QStringLiteral("--admin"),
                               QStringLiteral("admin"), QStringLiteral("--password-file"), pw});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = fe::test::runCli({QStringLiteral("store-info"), QStringLiteral("--db"), db, QStringLiteral("--user"),
                          QStringLiteral("admin"), QStringLiteral("--password-file"), pw});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const auto summary =
        QJsonDocument::fromJson(r.lastLine()).object().value(QStringLiteral("summary")).toObject();
    QVERIFY2(!summary.value(QStringLiteral("cipher_version")).toString().isEmpty(), r.lastLine().constData());
    QCOMPARE(summary.value(QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(summary.value(QStringLiteral("integrity")).toString(), QStringLiteral("ok"));
}

QTEST_APPLESS_MAIN(TestSqlcipherLinkage)
#include "tst_sqlcipherlinkage.moc"
