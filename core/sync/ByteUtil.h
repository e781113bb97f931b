#pragma once

// Small byte helpers shared by the bundle, receipt and key formats: big-endian integers,
// hex, UUIDs as 16 bytes. Thread-safe (no state).

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fe::sync {

using Bytes = std::vector<unsigned char>;
using ByteView = std::span<const unsigned char>;
using PublicKey = std::array<unsigned char, 32>; // Ed25519 or X25519 public key
using UuidBytes = std::array<unsigned char, 16>;
using KeyId = std::array<unsigned char, 16>;
using Hash = std::array<unsigned char, 32>; // BLAKE2b-256

void putU16(unsigned char* out, std::uint16_t v) noexcept;
void putU32(unsigned char* out, std::uint32_t v) noexcept;
void putU64(unsigned char* out, std::uint64_t v) noexcept;
[[nodiscard]] std::uint16_t getU16(const unsigned char* in) noexcept;
[[nodiscard]] std::uint32_t getU32(const unsigned char* in) noexcept;
[[nodiscard]] std::uint64_t getU64(const unsigned char* in) noexcept;

// Lower-case hex; fromHex accepts either case and nothing else (no spaces), and only the
// exact length asked for when expectedBytes is set.
std::string toHex(ByteView bytes);
std::optional<Bytes> fromHex(std::string_view hex, std::optional<std::size_t> expectedBytes = std::nullopt);
template <std::size_t N> std::optional<std::array<unsigned char, N>> fixedFromHex(std::string_view hex)
{
    const auto b = fromHex(hex, N);
    if (!b)
        return std::nullopt;
    std::array<unsigned char, N> out{};
    for (std::size_t i = 0; i < N; ++i)
        out[i] = (*b)[i];
    return out;
}

// "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" (lower case) <-> 16 bytes.
std::optional<UuidBytes> uuidToBytes(std::string_view text);
std::string uuidFromBytes(const UuidBytes& bytes);

// Base64 without padding, URL-safe alphabet (request headers).
std::string toBase64Url(ByteView bytes);
std::optional<Bytes> fromBase64Url(std::string_view text);

// The bytes of text (no terminating NUL).
inline ByteView bytesOf(std::string_view text) noexcept
{
    return {reinterpret_cast<const unsigned char*>(text.data()), text.size()};
}

// parts one after the other, in one allocation of the exact size (the signed and
// authenticated messages are built this way: no growth step, nothing copied twice).
Bytes concat(std::initializer_list<ByteView> parts);

// BLAKE2b-256 of bytes.
Hash blake2b256(ByteView bytes);

// Constant-time comparison of equal-length byte arrays.
bool equalBytes(ByteView a, ByteView b) noexcept;

} // namespace fe::sync
