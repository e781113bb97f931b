#pragma once

// Shared by the tests of core/sync: stations (real SQLCipher stores in temporary
// directories) with the central key imported, cheap enrollments, the CLI as a user, a real
// faceenroll-hub process on 127.0.0.1 with a free port, and bundle surgery.

#include "StoreTestSupport.h"
#include "common/TestData.h"
#include "store/HubStore.h"
#include "store/Session.h"
#include "sync/BundleFormat.h"
#include "sync/CentralKeys.h"

#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <filesystem>
#include <string>
#include <vector>

namespace fe::sync::test {

using store::test::TempStore;

QString qs(const std::string& s);
std::string readFile(const std::filesystem::path& p);
void writeFile(const std::filesystem::path& p, const std::string& content);

// A central key pair in DIR/central.pub and DIR/central.key, as `faceenroll-hub keygen` makes.
struct CentralKeyDir
{
    QTemporaryDir dir;
    std::filesystem::path path;
    CentralSecretKeys keys;
    CentralKeyDir();
    [[nodiscard]] std::filesystem::path publicFile() const { return path / "central.pub"; }
};

// A station: a TempStore (users admin, op1, op2, sup) that knows the central key.
struct Station
{
    TempStore store;
    store::StationIdentity identity;
    explicit Station(const CentralKeyDir* central);
    [[nodiscard]] store::Session login(const char* user) const { return store.login(user); }
    [[nodiscard]] QString db() const { return qs(store.database.string()); }
    // count queued enrollments by op1 in one transaction (no flags, so none is held); the
    // portraits are synthetic JPEG bytes of portraitBytes with the markers when given.
    std::vector<std::string> enroll(int count, std::size_t portraitBytes = 4 * 1024, std::uint32_t seed = 1,
                                    std::vector<store::test::Markers>* markers = nullptr) const;
    [[nodiscard]] std::string trustLine() const;
};

std::filesystem::path writeTrustList(const std::filesystem::path& file, const std::vector<const Station*>& stations);

// faceenroll-cli as user of the station (its test password in FACEENROLL_PASSWORD).
fe::test::CliResult cli(const Station& station, const char* user, const QStringList& args, int timeoutMs = 300'000);
QJsonObject summaryOf(const fe::test::CliResult& r);
QString describe(const fe::test::CliResult& r); // exit code, stderr, last line: for failure messages

// A faceenroll-hub process on 127.0.0.1 (port chosen by the hub), stopped by the destructor.
class HubProcess
{
public:
    HubProcess(const CentralKeyDir& central, const std::filesystem::path& trustList, const QStringList& extra = {});
    ~HubProcess();
    HubProcess(const HubProcess&) = delete;
    HubProcess& operator=(const HubProcess&) = delete;

    [[nodiscard]] QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    [[nodiscard]] int port() const { return m_port; }
    // Every {"request": ...} line (complete after stop()).
    QList<QJsonObject> requests();
    void stop();
    // The hub's database (after stop()).
    store::HubStore openStore() const;
    [[nodiscard]] std::filesystem::path dataDir() const { return m_data.path().toStdString(); }

private:
    const CentralKeyDir& m_central;
    QTemporaryDir m_data;
    QProcess m_process;
    QByteArray m_out;
    int m_port = 0;
};

// A bundle taken apart, to be changed and put back together with a (the station's) key:
// what only the signing station could do, for tests of the checks behind the signature.
struct BundleParts
{
    BundleHeader header;
    Bytes keyBlock;
    std::vector<Bytes> chunks;
    static BundleParts parse(const std::string& bytes);
    [[nodiscard]] std::string assemble(const store::SecretBytes& stationSecretKey) const;
};

// The region offsets of a bundle file.
BundleGeometry geometryOf(const std::string& bytes);

} // namespace fe::sync::test
