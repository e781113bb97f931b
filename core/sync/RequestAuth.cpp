#include "sync/RequestAuth.h"

#include <charconv>
#include <sodium.h>

namespace fe::sync {
namespace {

constexpr std::string_view kContext = "FaceEnroll request v1";

Bytes message(std::int64_t timeMs, std::string_view path, std::string_view key, std::uint64_t length, ByteView bundleSig)
{
    const std::string text = "POST\n" + std::string(path) + "\n" + std::string(key) + "\n" + std::to_string(timeMs) +
                             "\n" + std::to_string(length) + "\n";
    const unsigned char nul = 0;
    return concat({bytesOf(kContext), ByteView(&nul, 1), bytesOf(text), bundleSig});
}

} // namespace

std::string RequestAuth::sign(std::string_view stationId, std::int64_t timeMs, std::string_view path,
                              std::string_view idempotencyKey, std::uint64_t contentLength, ByteView bundleSignature,
                              const store::SecretBytes& stationSecretKey)
{
    store::ensureSodium();
    const Bytes m = message(timeMs, path, idempotencyKey, contentLength, bundleSignature);
    std::array<unsigned char, crypto_sign_BYTES> sig{};
    crypto_sign_detached(sig.data(), nullptr, m.data(), m.size(), stationSecretKey.data());
    return "v1 station=" + std::string(stationId) + " time=" + std::to_string(timeMs) + " sig=" + toBase64Url(sig);
}

std::optional<RequestAuthFields> RequestAuth::parse(std::string_view header)
{
    constexpr std::string_view kV1 = "v1 station=";
    if (!header.starts_with(kV1))
        return std::nullopt;
    header.remove_prefix(kV1.size());
    const auto t = header.find(" time=");
    const auto s = header.find(" sig=");
    if (t == std::string_view::npos || s == std::string_view::npos || s < t)
        return std::nullopt;
    RequestAuthFields f;
    f.stationId = std::string(header.substr(0, t));
    const std::string_view time = header.substr(t + 6, s - t - 6);
    const auto [p, ec] = std::from_chars(time.data(), time.data() + time.size(), f.timeMs);
    if (ec != std::errc() || p != time.data() + time.size())
        return std::nullopt;
    const auto sig = fromBase64Url(header.substr(s + 5));
    if (!sig || sig->size() != crypto_sign_BYTES || !uuidToBytes(f.stationId))
        return std::nullopt;
    f.signature = *sig;
    return f;
}

bool RequestAuth::verify(const RequestAuthFields& fields, std::string_view path, std::string_view idempotencyKey,
                         std::uint64_t contentLength, ByteView bundleSignature, const PublicKey& stationKey)
{
    store::ensureSodium();
    const Bytes m = message(fields.timeMs, path, idempotencyKey, contentLength, bundleSignature);
    return fields.signature.size() == crypto_sign_BYTES &&
           crypto_sign_verify_detached(fields.signature.data(), m.data(), m.size(), stationKey.data()) == 0;
}

} // namespace fe::sync
