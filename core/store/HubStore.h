#pragma once

// The reference receiver's database (faceenroll-hub; docs/bundle-format.md, "Reference
// receiver"): one SQLCipher file, DIR/hub.db, with the records of every accepted bundle,
// deduplicated by record id, and the bundles with their signed receipts, deduplicated by
// bundle id. Lives in core/store because only core/store opens databases.
//
// Not thread-safe: one HubStore per thread. Movable.

#include "store/Clock.h"
#include "store/SecretBytes.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fe::store {

class Connection;

struct HubBundle
{
    std::string bundleId;
    std::string stationId; // the station that made it
    std::string relayId;   // the station that uploaded it
    std::int64_t recordCount = 0;
    std::int64_t newRecords = 0; // records the hub did not hold before this bundle
    std::int64_t sizeBytes = 0;
    TimePoint receivedAt{};
    std::string receiptId;
    std::vector<unsigned char> receipt; // signed, as sent back
    std::int64_t deliveries = 1;        // how many times it arrived (retries, relays)
};

struct HubStats
{
    std::int64_t bundles = 0;
    std::int64_t records = 0;
    std::int64_t deliveries = 0;       // bundle arrivals, repeats included
    std::int64_t duplicateRecords = 0; // records that arrived again in another bundle
};

class HubStore
{
public:
    // Opens DIR/hub.db with key (32 bytes), creating the directory (0700) and the database
    // when missing. Throws fe::Error.
    static HubStore open(const std::filesystem::path& dataDir, const SecretBytes& key);
    ~HubStore();
    HubStore(HubStore&& other) noexcept;
    HubStore& operator=(HubStore&& other) noexcept;
    HubStore(const HubStore&) = delete;
    HubStore& operator=(const HubStore&) = delete;

    std::optional<HubBundle> bundle(std::string_view bundleId);
    void countDelivery(std::string_view bundleId);

    // One bundle's records and its row, in one transaction: addRecord for each record
    // (false when the hub held that record id already), then commit. A Ingest destroyed
    // without commit() rolls back.
    class Ingest
    {
    public:
        ~Ingest();
        Ingest(Ingest&&) noexcept;
        Ingest(const Ingest&) = delete;
        Ingest& operator=(const Ingest&) = delete;
        Ingest& operator=(Ingest&&) = delete;
        bool addRecord(std::string_view recordId, std::string_view stationId, std::string_view bundleId,
                       std::span<const unsigned char> cbor, TimePoint when);
        void commit(const HubBundle& bundle);

    private:
        friend class HubStore;
        struct Impl;
        explicit Ingest(std::unique_ptr<Impl> d);
        std::unique_ptr<Impl> d;
    };
    Ingest beginIngest();

    std::vector<std::string> recordIds();
    std::optional<std::vector<unsigned char>> record(std::string_view recordId);
    HubStats stats();

private:
    explicit HubStore(std::unique_ptr<Connection> db);
    std::unique_ptr<Connection> m_db;
};

} // namespace fe::store
