#pragma once

// The central service's keys and their files (docs/bundle-format.md, "Keys"):
//
//   central.pub  (public; an admin imports it on every station with `keys set-central`)
//     faceenroll-central-public v1
//     key-id <32 hex>
//     box-public-key <64 hex>      X25519: bundles are sealed to it
//     sign-public-key <64 hex>     Ed25519: receipts are verified with it
//
//   central.key  (secret, mode 0600; only the receiver holds it)
//     faceenroll-central-secret v1
//     key-id, box-public-key, box-secret-key, sign-public-key, sign-seed (hex)
//
// The key id is the first 16 bytes of BLAKE2b-256("FaceEnroll central key id v1" NUL ||
// box public key || sign public key): it names the pair and cannot disagree with it.

#include "store/SecretBytes.h"
#include "store/SyncRecords.h"
#include "sync/ByteUtil.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace fe::sync {

struct CentralSecretKeys
{
    store::CentralKeyInfo publicKeys;
    store::SecretBytes boxSecretKey;  // X25519, 32 bytes
    store::SecretBytes signSecretKey; // Ed25519, 64 bytes (libsodium layout: seed || public key)
};

class CentralKeys
{
public:
    static std::string keyIdOf(const PublicKey& boxPublicKey, const PublicKey& signPublicKey);
    static CentralSecretKeys generate();

    static std::string formatPublic(const store::CentralKeyInfo& keys);
    // Throws fe::Error(InvalidInput) naming the line that is wrong.
    static store::CentralKeyInfo parsePublic(std::string_view text);
    static store::SecretBytes formatSecret(const CentralSecretKeys& keys);
    static CentralSecretKeys parseSecret(std::string_view text);

    // DIR/central.pub and DIR/central.key (0600). Refuses to overwrite (Conflict).
    static void writeKeyDirectory(const std::filesystem::path& dir, const CentralSecretKeys& keys);
    static CentralSecretKeys loadSecret(const std::filesystem::path& dir);
    static store::CentralKeyInfo loadPublic(const std::filesystem::path& file);
};

} // namespace fe::sync
