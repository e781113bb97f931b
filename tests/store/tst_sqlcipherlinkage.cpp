// The process must talk to SQLCipher, never to the system libsqlite3, even though OpenCV's
// imgcodecs and videoio load libsqlite3 (through libgdal) into every process that uses them.
// SQLCipher 4.14 is compiled from the pinned amalgamation with hidden symbols and linked
// statically (cmake/FaceEnrollSqlcipher.cmake, core/store/CMakeLists.txt); this test links
// OpenCV the same way the CLI does and checks what each side gets.
#include "StoreTestSupport.h"
#include "common/TestData.h"
#include "store/Connection.h"

#include <QJsonDocument>
#include <QProcess>
#include <QJsonObject>
#include <QtTest>
#include <dlfcn.h>
#include <link.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>
#include <sqlcipher/sqlite3.h>

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

// "3.51.3" -> 3051003, as SQLITE_VERSION_NUMBER counts.
int versionNumber(const std::string& v)
{
    int major = 0, minor = 0, patch = 0;
    std::sscanf(v.c_str(), "%d.%d.%d", &major, &minor, &patch);
    return major * 1'000'000 + minor * 1'000 + patch;
}

// The sqlite3_* and sqlcipher_* symbols an ELF file exports (nm -D --defined-only).
QStringList exportedSqliteSymbols(const QString& file)
{
    QProcess nm;
    nm.start(QStringLiteral("nm"), {QStringLiteral("-D"), QStringLiteral("--defined-only"), file});
    if (!nm.waitForFinished(60'000) || nm.exitCode() != 0)
        return {QStringLiteral("<nm failed on ") + file + QStringLiteral(">")};
    QStringList found;
    for (const auto& line : QString::fromLocal8Bit(nm.readAllStandardOutput()).split(QLatin1Char('\n'))) {
        const auto name = line.section(QLatin1Char(' '), -1);
        if (name.startsWith(QStringLiteral("sqlite3")) || name.startsWith(QStringLiteral("sqlcipher")))
            found << name;
    }
    return found;
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
    void engine_isSqlcipher414OnSqlite351();
    void systemSqlite_cannotReachOurEngine_norWeIts();
    void executables_exportNoSqliteSymbol();
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

void TestSqlcipherLinkage::engine_isSqlcipher414OnSqlite351()
{
    QTemporaryDir dir;
    Connection db = Connection::openEncrypted(std::filesystem::path(dir.path().toStdString()) / "v.db",
                                              SecretBytes::random(32), Connection::Mode::Create);
    const auto cipher = db.queryText("PRAGMA cipher_version").value_or("");
    QVERIFY2(versionNumber(cipher) >= 4'014'000, cipher.c_str());
    QVERIFY2(cipher.find("community") != std::string::npos, cipher.c_str());
    const auto sqlite = db.queryText("SELECT sqlite_version()").value_or("");
    QVERIFY2(versionNumber(sqlite) >= 3'051'000, sqlite.c_str());
    // The header the store compiles against is the engine it links.
    QCOMPARE(versionNumber(sqlite), SQLITE_VERSION_NUMBER);
    QCOMPARE(std::string(sqlite3_libversion()), sqlite);
    QCOMPARE(db.queryText("PRAGMA cipher_provider").value_or(""), std::string("openssl"));
}

void TestSqlcipherLinkage::systemSqlite_cannotReachOurEngine_norWeIts()
{
    // Our engine, called directly, lives in this executable; what the dynamic linker hands to
    // anyone who asks (libgdal) is the system library, an older SQLite without SQLCipher.
    Dl_info ours{};
    QVERIFY(dladdr(reinterpret_cast<void*>(&sqlite3_libversion), &ours) != 0);
    using VersionFn = const char* (*)();
    void* system = dlsym(RTLD_DEFAULT, "sqlite3_libversion");
    QVERIFY(system != nullptr);
    QVERIFY(system != reinterpret_cast<void*>(&sqlite3_libversion));
    Dl_info theirs{};
    QVERIFY(dladdr(system, &theirs) != 0);
    QVERIFY2(std::strstr(theirs.dli_fname, "libsqlite3") != nullptr, theirs.dli_fname);
    QVERIFY2(std::strstr(ours.dli_fname, "libsqlite3") == nullptr, ours.dli_fname);
    QVERIFY(std::string(reinterpret_cast<VersionFn>(system)()) != std::string(sqlite3_libversion()));
    // Asked through the system library's own handle, nothing of SQLCipher exists.
    void* lib = dlopen("libsqlite3.so.0", RTLD_NOW | RTLD_NOLOAD);
    QVERIFY(lib != nullptr);
    QVERIFY(dlsym(lib, "sqlite3_key") == nullptr);
    QVERIFY(dlsym(lib, "sqlcipher_export") == nullptr);
    dlclose(lib);
}

void TestSqlcipherLinkage::executables_exportNoSqliteSymbol()
{
    // Not one sqlite3_* or sqlcipher_* symbol in the dynamic symbol tables of this test (it
    // links the engine directly too) and of the CLI: nothing can bind to our engine.
    const QString self = QString::fromStdString(std::filesystem::read_symlink("/proc/self/exe").string());
    for (const QString& file : {self, fe::test::cliPath()}) {
        const auto symbols = exportedSqliteSymbols(file);
        QVERIFY2(symbols.isEmpty(), qPrintable(file + QStringLiteral(" exports ") + symbols.join(QLatin1Char(' '))));
    }
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
    QVERIFY2(summary.value(QStringLiteral("cipher_version")).toString().startsWith(QStringLiteral("4.")),
             r.lastLine().constData());
    QCOMPARE(summary.value(QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(summary.value(QStringLiteral("integrity")).toString(), QStringLiteral("ok"));
}

QTEST_APPLESS_MAIN(TestSqlcipherLinkage)
#include "tst_sqlcipherlinkage.moc"
