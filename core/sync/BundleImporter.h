#pragma once

// Import on a connected (relaying) station: a bundle from removable media is checked
// (format, size, trust, signature, then every chunk against its signed hash) and copied into
// the outbox, opaque: the relay cannot and does not decrypt it. Importing the same bundle
// twice changes nothing. Not thread-safe (uses the caller's Session).

#include "store/Session.h"
#include "sync/BundleReader.h"

#include <filesystem>

namespace fe::sync {

struct ImportResult
{
    std::string bundleId;
    std::string stationId;
    std::uint32_t records = 0;
    std::uint64_t bytes = 0;
    bool duplicate = false; // it was in the outbox already: nothing changed
};

class BundleImporter
{
public:
    // The station's trust list plus the station itself (it may carry its own bundles).
    static BundleReader::TrustLookup trustOf(store::Session& session);

    // Import permission. Throws BundleError with the specific problem (nothing imported),
    // or fe::Error (NotFound, Io, DiskFull, PermissionDenied).
    static ImportResult importFile(store::Session& session, const std::filesystem::path& file,
                                   const BundleReader::Progress& progress = {});
};

} // namespace fe::sync
