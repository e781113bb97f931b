#pragma once

// The trust list: which stations' bundles a relaying station or the receiver accepts. A text
// file, one station per line:
//
//   <station id (UUID)> <Ed25519 public key, 64 hex> <name, the rest of the line>
//
// '#' starts a comment line; blank lines are skipped. A line may also be faceenroll-cli's own
// JSON output for a station, so that what the CLI prints is a trust list as it stands:
//
//   {"summary":{"station":ID,"name":NAME,"public_key":HEX,...}}   keys export-station-public
//   {"station":ID,"name":NAME,"public_key":HEX}                    trust list (one per station)
//
// and a {"summary":{...}} without "station" (the count `trust list` ends with) is skipped.
// `keys export-station-public > station.trust` therefore makes a trust list, and `>>` from
// several stations a longer one. Thread-safe (no state).

#include "store/SyncRecords.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace fe::sync {

class TrustList
{
public:
    static std::string formatLine(const store::TrustedStation& station);
    // Throws fe::Error(InvalidInput) naming the line: malformed, a name longer than 64 bytes
    // or with control characters, a station listed twice.
    static std::vector<store::TrustedStation> parse(std::string_view text);
    static std::vector<store::TrustedStation> load(const std::filesystem::path& file);
};

} // namespace fe::sync
