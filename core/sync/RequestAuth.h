#pragma once

// The signed request header that authenticates the uploading station (docs/bundle-format.md,
// "Upload"):
//
//   X-FaceEnroll-Auth: v1 station=<uuid> time=<ms> sig=<base64url>
//
// sig = Ed25519 by the uploading station over "FaceEnroll request v1" NUL || "POST" LF path
// LF idempotency key LF time LF content length LF the bundle's own 64-byte signature. The
// bundle signature commits to every byte of the body, so the header binds the request to
// the exact bundle without hashing it again. Thread-safe (no state).

#include "store/SecretBytes.h"
#include "sync/ByteUtil.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fe::sync {

inline constexpr const char* kAuthHeader = "X-FaceEnroll-Auth";
inline constexpr const char* kIdempotencyHeader = "Idempotency-Key";
inline constexpr const char* kBundlesPath = "/v1/bundles";
inline constexpr const char* kBundleMediaType = "application/vnd.faceenroll.bundle";
inline constexpr const char* kReceiptMediaType = "application/vnd.faceenroll.receipt";

struct RequestAuthFields
{
    std::string stationId;
    std::int64_t timeMs = 0;
    Bytes signature;
};

class RequestAuth
{
public:
    static std::string sign(std::string_view stationId, std::int64_t timeMs, std::string_view path,
                            std::string_view idempotencyKey, std::uint64_t contentLength, ByteView bundleSignature,
                            const store::SecretBytes& stationSecretKey);
    // Nothing when the header is malformed.
    static std::optional<RequestAuthFields> parse(std::string_view header);
    static bool verify(const RequestAuthFields& fields, std::string_view path, std::string_view idempotencyKey,
                       std::uint64_t contentLength, ByteView bundleSignature, const PublicKey& stationKey);
};

} // namespace fe::sync
