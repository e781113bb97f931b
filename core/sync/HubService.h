#pragma once

// What the reference receiver does with a request, apart from HTTP itself (app/hub holds the
// server and the fault injection): POST /v1/bundles checks the station's signed request
// header, the bundle's envelope and trust, answers a bundle it has seen before with the
// receipt it gave then, and otherwise decrypts, checks and stores every record (deduplicated
// by record id) and answers with a new signed receipt. GET /v1/health answers counts.
// Not thread-safe: one per thread (it owns a HubStore).

#include "store/Clock.h"
#include "store/HubStore.h"
#include "store/SyncRecords.h"
#include "sync/CentralKeys.h"

#include <QByteArray>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fe::sync {

struct HubRequest
{
    QByteArray method;
    QByteArray path;
    std::map<std::string, QByteArray> headers; // names in lower case
    QByteArray body;
};

struct HubResponse
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
};

struct HubConfig
{
    CentralSecretKeys keys;
    std::vector<store::TrustedStation> stations;
    // Signs receipts with this key instead of keys' (fault injection: a receipt the stations
    // must refuse).
    std::optional<CentralSecretKeys> receiptKeys;
    std::chrono::milliseconds maxClockSkew = std::chrono::minutes(15);
    store::Clock clock = store::systemNow;
};

class HubService
{
public:
    HubService(store::HubStore& store, HubConfig config);
    HubResponse handle(const HubRequest& request);

    // The database key of the hub's store, derived from the central secret key (BLAKE2b-256
    // keyed with the signing seed, context "FaceEnroll hub database v1").
    static store::SecretBytes databaseKey(const CentralSecretKeys& keys);

private:
    HubResponse receive(const HubRequest& request);

    store::HubStore& m_store;
    HubConfig m_config;
    std::map<std::string, PublicKey> m_trust;
};

} // namespace fe::sync
