#include "SyncTestSupport.h"

#include "sync/HubService.h"
#include "sync/TrustList.h"

#include <QJsonDocument>

#include <fstream>
#include <sodium.h>
#include <sstream>
#include <stdexcept>

namespace fe::sync::test {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

std::string readFile(const std::filesystem::path& p)
{
    std::ifstream f(p, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

void writeFile(const std::filesystem::path& p, const std::string& content)
{
    std::ofstream f(p, std::ios::binary | std::ios::trunc);
    f.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!f)
        throw std::runtime_error("cannot write " + p.string());
}

CentralKeyDir::CentralKeyDir() : path(std::filesystem::path(dir.path().toStdString()) / "central")
{
    keys = CentralKeys::generate();
    CentralKeys::writeKeyDirectory(path, keys);
}

Station::Station(const CentralKeyDir* central)
{
    if (central != nullptr) {
        store::Session admin = store.login("admin");
        admin.setCentralKey(central->keys.publicKeys);
    }
    store::Session sup = store.login("sup");
    identity = sup.stationIdentity();
}

std::vector<std::string> Station::enroll(int count, std::size_t portraitBytes, std::uint32_t seed,
                                         std::vector<store::test::Markers>* markers) const
{
    std::vector<store::Enrollment> all;
    all.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        const store::test::Markers* m = nullptr;
        if (markers != nullptr) {
            markers->push_back(store::test::Markers::random());
            m = &markers->back();
        }
        auto e = store::test::sampleEnrollment(seed + static_cast<std::uint32_t>(i), portraitBytes, m);
        e.flags.clear();
        e.matches.resize(1);
        all.push_back(std::move(e));
    }
    store::Session op = store.login("op1");
    return op.insertEnrollments(all);
}

std::string Station::trustLine() const
{
    return TrustList::formatLine({identity.stationId, identity.name, identity.publicKey});
}

std::filesystem::path writeTrustList(const std::filesystem::path& file, const std::vector<const Station*>& stations)
{
    std::string text = "# stations trusted by this test\n";
    for (const auto* s : stations)
        text += s->trustLine() + "\n";
    writeFile(file, text);
    return file;
}

fe::test::CliResult cli(const Station& station, const char* user, const QStringList& args, int timeoutMs)
{
    QStringList all = args;
    all << QStringLiteral("--db") << station.db() << QStringLiteral("--user") << QString::fromLatin1(user);
    return fe::test::runCli(all, timeoutMs, {},
                            {{QStringLiteral("FACEENROLL_PASSWORD"), QString::fromLatin1(store::test::passwordOf(user))}});
}

QJsonObject summaryOf(const fe::test::CliResult& r)
{
    return QJsonDocument::fromJson(r.lastLine()).object().value(QStringLiteral("summary")).toObject();
}

QString describe(const fe::test::CliResult& r)
{
    return QStringLiteral("exit %1, stderr: %2, last line: %3")
        .arg(r.exitCode)
        .arg(QString::fromUtf8(r.err.trimmed()), QString::fromUtf8(r.lastLine()));
}

HubProcess::HubProcess(const CentralKeyDir& central, const std::filesystem::path& trustList, const QStringList& extra)
    : m_central(central)
{
    QStringList args{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),   QStringLiteral("--data"),
                     m_data.path() + QStringLiteral("/hub"), QStringLiteral("--key"), qs(central.path.string()),
                     QStringLiteral("--stations"), qs(trustList.string())};
    args << extra;
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(QStringLiteral(FACEENROLL_HUB), args);
    if (!m_process.waitForStarted(30'000))
        throw std::runtime_error("cannot start faceenroll-hub");
    while (!m_out.contains('\n')) {
        if (!m_process.waitForReadyRead(60'000))
            throw std::runtime_error("faceenroll-hub did not start listening: " + m_process.readAllStandardError().toStdString());
        m_out += m_process.readAllStandardOutput();
    }
    const QByteArray first = m_out.left(m_out.indexOf('\n'));
    m_port = QJsonDocument::fromJson(first).object().value(QStringLiteral("port")).toInt();
    if (m_port == 0)
        throw std::runtime_error("faceenroll-hub said: " + first.toStdString());
}

HubProcess::~HubProcess()
{
    stop();
}

void HubProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(30'000)) {
        m_process.kill();
        m_process.waitForFinished();
    }
    m_out += m_process.readAllStandardOutput();
}

QList<QJsonObject> HubProcess::requests()
{
    m_out += m_process.readAllStandardOutput();
    QList<QJsonObject> out;
    for (const auto& line : m_out.split('\n')) {
        const auto o = QJsonDocument::fromJson(line).object();
        if (o.contains(QStringLiteral("request")))
            out.push_back(o.value(QStringLiteral("request")).toObject());
    }
    return out;
}

store::HubStore HubProcess::openStore() const
{
    return store::HubStore::open(std::filesystem::path(m_data.path().toStdString()) / "hub",
                                 HubService::databaseKey(m_central.keys));
}

BundleGeometry geometryOf(const std::string& bytes)
{
    const auto header = BundleHeader::decode(ByteView(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()));
    return BundleGeometry::of(header);
}

BundleParts BundleParts::parse(const std::string& bytes)
{
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    BundleParts parts;
    parts.header = BundleHeader::decode(ByteView(p, bytes.size()));
    const auto g = BundleGeometry::of(parts.header);
    parts.keyBlock.assign(p + format::kHeaderSize, p + format::kHeaderSize + format::kKeyBlockSize);
    for (std::uint64_t i = 0; i < g.chunkCount; ++i)
        parts.chunks.emplace_back(p + g.chunkOffset(i), p + g.chunkOffset(i) + g.chunkSize(i));
    return parts;
}

std::string BundleParts::assemble(const store::SecretBytes& stationSecretKey) const
{
    BundleHeader h = header;
    h.payloadSize = keyBlock.size();
    for (const auto& c : chunks)
        h.payloadSize += c.size();
    Bytes table;
    const auto add = [&table](const Bytes& region) {
        const Hash x = blake2b256(region);
        table.insert(table.end(), x.begin(), x.end());
    };
    add(keyBlock);
    for (const auto& c : chunks)
        add(c);
    const auto headerBytes = h.encode();
    const Bytes message = signatureMessage(headerBytes, table);
    unsigned char sig[64];
    crypto_sign_detached(sig, nullptr, message.data(), message.size(), stationSecretKey.data());
    std::string out(reinterpret_cast<const char*>(headerBytes.data()), headerBytes.size());
    out.append(reinterpret_cast<const char*>(keyBlock.data()), keyBlock.size());
    for (const auto& c : chunks)
        out.append(reinterpret_cast<const char*>(c.data()), c.size());
    out.append(reinterpret_cast<const char*>(table.data()), table.size());
    out.append(reinterpret_cast<const char*>(sig), sizeof sig);
    return out;
}

} // namespace fe::sync::test
