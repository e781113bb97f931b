#include "store/HubStore.h"

#include "common/Error.h"
#include "store/Connection.h"
#include "store/FileUtil.h"
#include "store/Transaction.h"

#include <span>
#include <sys/stat.h>

namespace fe::store {
namespace {

// The hub's own schema, versioned in PRAGMA user_version like the station's.
constexpr const char* kHubSchemaV1 = R"sql(
CREATE TABLE bundles (
    bundle_id    TEXT PRIMARY KEY,
    station_id   TEXT NOT NULL,
    relay_id     TEXT NOT NULL,
    record_count INTEGER NOT NULL,
    new_records  INTEGER NOT NULL,
    size_bytes   INTEGER NOT NULL,
    received_at  INTEGER NOT NULL,
    receipt_id   TEXT NOT NULL,
    receipt      BLOB NOT NULL,
    deliveries   INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE records (
    record_id   TEXT PRIMARY KEY,
    station_id  TEXT NOT NULL,
    bundle_id   TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    arrivals    INTEGER NOT NULL DEFAULT 1,
    cbor        BLOB NOT NULL
);
CREATE INDEX records_by_station ON records(station_id, received_at);
PRAGMA user_version = 1;
)sql";

HubBundle readBundle(const Statement& q)
{
    HubBundle b;
    b.bundleId = q.text(0);
    b.stationId = q.text(1);
    b.relayId = q.text(2);
    b.recordCount = q.int64(3);
    b.newRecords = q.int64(4);
    b.sizeBytes = q.int64(5);
    b.receivedAt = fromMillis(q.int64(6));
    b.receiptId = q.text(7);
    b.receipt = q.blob(8);
    b.deliveries = q.int64(9);
    return b;
}

} // namespace

struct HubStore::Ingest::Impl
{
    Connection& db;
    Transaction tx;
    explicit Impl(Connection& c) : db(c), tx(c) {}
};

HubStore::HubStore(std::unique_ptr<Connection> db) : m_db(std::move(db)) {}
HubStore::~HubStore() = default;
HubStore::HubStore(HubStore&& other) noexcept = default;
HubStore& HubStore::operator=(HubStore&& other) noexcept = default;

HubStore HubStore::open(const std::filesystem::path& dataDir, const SecretBytes& key)
{
    std::error_code ec;
    if (!std::filesystem::exists(dataDir, ec)) {
        std::filesystem::create_directories(dataDir, ec);
        if (ec)
            throw Error(ErrorCode::Io, QT_TRANSLATE_NOOP("fe::Error", "Cannot write %1: %2."), {dataDir.string(), ec.message()});
        ::chmod(dataDir.c_str(), 0700);
    }
    requireWritableDirectory(dataDir);
    const auto path = dataDir / "hub.db";
    const bool fresh = !std::filesystem::exists(path, ec);
    if (fresh)
        createPrivateFile(path);
    auto db = std::make_unique<Connection>(
        Connection::openEncrypted(path, key, fresh ? Connection::Mode::Create : Connection::Mode::OpenExisting));
    const auto version = db->queryInt("PRAGMA user_version").value_or(0);
    if (version == 0) {
        Transaction tx(*db);
        db->exec(kHubSchemaV1);
        tx.commit();
    } else if (version > 1) {
        throw Error(ErrorCode::Conflict,
                    QT_TRANSLATE_NOOP("fe::Error", "The database %1 was written by a newer FaceEnroll (schema version %2; this build "
                                                   "knows up to %3). Update FaceEnroll."),
                    {path.string(), std::to_string(version), "1"});
    }
    return HubStore(std::move(db));
}

std::optional<HubBundle> HubStore::bundle(std::string_view bundleId)
{
    auto& q = m_db->cached("SELECT bundle_id, station_id, relay_id, record_count, new_records, size_bytes, received_at, "
                           "receipt_id, receipt, deliveries FROM bundles WHERE bundle_id = ?1");
    const Statement::ResetOnExit guard(q);
    q.bind(1, bundleId);
    if (!q.step())
        return std::nullopt;
    return readBundle(q);
}

void HubStore::countDelivery(std::string_view bundleId)
{
    Transaction tx(*m_db);
    auto& q = m_db->cached("UPDATE bundles SET deliveries = deliveries + 1 WHERE bundle_id = ?1");
    const Statement::ResetOnExit guard(q);
    q.bind(1, bundleId);
    q.run();
    tx.commit();
}

HubStore::Ingest HubStore::beginIngest()
{
    return Ingest(std::make_unique<Ingest::Impl>(*m_db));
}

HubStore::Ingest::Ingest(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
HubStore::Ingest::~Ingest() = default;
HubStore::Ingest::Ingest(Ingest&&) noexcept = default;

bool HubStore::Ingest::addRecord(std::string_view recordId, std::string_view stationId, std::string_view bundleId,
                                 std::span<const unsigned char> cbor, TimePoint when)
{
    {
        auto& q = d->db.cached("UPDATE records SET arrivals = arrivals + 1 WHERE record_id = ?1");
        const Statement::ResetOnExit guard(q);
        q.bind(1, recordId);
        q.run();
        if (d->db.changes() == 1)
            return false;
    }
    auto& q = d->db.cached("INSERT INTO records (record_id, station_id, bundle_id, received_at, cbor) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)");
    const Statement::ResetOnExit guard(q);
    q.bind(1, recordId).bind(2, stationId).bind(3, bundleId).bind(4, toMillis(when)).bindBlobNoCopy(5, cbor);
    q.run();
    return true;
}

void HubStore::Ingest::commit(const HubBundle& b)
{
    auto& q = d->db.cached("INSERT INTO bundles (bundle_id, station_id, relay_id, record_count, new_records, size_bytes, "
                           "received_at, receipt_id, receipt, deliveries) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1)");
    const Statement::ResetOnExit guard(q);
    q.bind(1, b.bundleId)
        .bind(2, b.stationId)
        .bind(3, b.relayId)
        .bind(4, b.recordCount)
        .bind(5, b.newRecords)
        .bind(6, b.sizeBytes)
        .bind(7, toMillis(b.receivedAt))
        .bind(8, b.receiptId)
        .bindBlob(9, b.receipt);
    q.run();
    d->tx.commit();
}

std::vector<std::string> HubStore::recordIds()
{
    auto& q = m_db->cached("SELECT record_id FROM records ORDER BY record_id");
    const Statement::ResetOnExit guard(q);
    std::vector<std::string> out;
    while (q.step())
        out.push_back(q.text(0));
    return out;
}

std::optional<std::vector<unsigned char>> HubStore::record(std::string_view recordId)
{
    auto& q = m_db->cached("SELECT cbor FROM records WHERE record_id = ?1");
    const Statement::ResetOnExit guard(q);
    q.bind(1, recordId);
    if (!q.step())
        return std::nullopt;
    return q.blob(0);
}

HubStats HubStore::stats()
{
    HubStats s;
    s.bundles = m_db->queryInt("SELECT count(*) FROM bundles").value_or(0);
    s.records = m_db->queryInt("SELECT count(*) FROM records").value_or(0);
    s.deliveries = m_db->queryInt("SELECT coalesce(sum(deliveries), 0) FROM bundles").value_or(0);
    s.duplicateRecords = m_db->queryInt("SELECT coalesce(sum(arrivals - 1), 0) FROM records").value_or(0);
    return s;
}

} // namespace fe::store
