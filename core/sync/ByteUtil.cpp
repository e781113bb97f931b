#include "sync/ByteUtil.h"

#include "store/SecretBytes.h"

#include <cstring>
#include <sodium.h>

namespace fe::sync {

void putU16(unsigned char* out, std::uint16_t v) noexcept
{
    out[0] = static_cast<unsigned char>(v >> 8);
    out[1] = static_cast<unsigned char>(v);
}

void putU32(unsigned char* out, std::uint32_t v) noexcept
{
    for (int i = 0; i < 4; ++i)
        out[i] = static_cast<unsigned char>(v >> (24 - 8 * i));
}

void putU64(unsigned char* out, std::uint64_t v) noexcept
{
    for (int i = 0; i < 8; ++i)
        out[i] = static_cast<unsigned char>(v >> (56 - 8 * i));
}

std::uint16_t getU16(const unsigned char* in) noexcept
{
    return static_cast<std::uint16_t>(std::uint16_t{in[0]} << 8 | in[1]);
}

std::uint32_t getU32(const unsigned char* in) noexcept
{
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
        v = v << 8 | in[i];
    return v;
}

std::uint64_t getU64(const unsigned char* in) noexcept
{
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
        v = v << 8 | in[i];
    return v;
}

std::string toHex(ByteView bytes)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const unsigned char b : bytes) {
        out += kHex[b >> 4];
        out += kHex[b & 0x0f];
    }
    return out;
}

namespace {

int hexValue(char c) noexcept
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

std::optional<Bytes> fromHex(std::string_view hex, std::optional<std::size_t> expectedBytes)
{
    if (hex.size() % 2 != 0 || (expectedBytes && hex.size() != *expectedBytes * 2))
        return std::nullopt;
    Bytes out(hex.size() / 2);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const int hi = hexValue(hex[2 * i]);
        const int lo = hexValue(hex[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return std::nullopt;
        out[i] = static_cast<unsigned char>(hi << 4 | lo);
    }
    return out;
}

std::optional<UuidBytes> uuidToBytes(std::string_view text)
{
    if (text.size() != 36)
        return std::nullopt;
    UuidBytes out{};
    std::size_t o = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (text[i] != '-')
                return std::nullopt;
            ++i;
            continue;
        }
        const char a = text[i];
        const char b = text[i + 1];
        // The canonical form is lower case; anything else is a different string.
        const auto lower = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); };
        if (!lower(a) || !lower(b) || o >= out.size())
            return std::nullopt;
        out[o++] = static_cast<unsigned char>(hexValue(a) << 4 | hexValue(b));
        i += 2;
    }
    if (o != out.size())
        return std::nullopt;
    return out;
}

std::string uuidFromBytes(const UuidBytes& bytes)
{
    const std::string hex = toHex(bytes);
    return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' + hex.substr(16, 4) + '-' +
           hex.substr(20);
}

std::string toBase64Url(ByteView bytes)
{
    store::ensureSodium();
    const int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), variant), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), variant);
    out.resize(out.size() - 1); // the terminating NUL
    return out;
}

std::optional<Bytes> fromBase64Url(std::string_view text)
{
    store::ensureSodium();
    Bytes out(text.size() * 3 / 4 + 3);
    std::size_t n = 0;
    const char* end = nullptr;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &n, &end,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
        end != text.data() + text.size())
        return std::nullopt;
    out.resize(n);
    return out;
}

Hash blake2b256(ByteView bytes)
{
    store::ensureSodium();
    Hash h{};
    crypto_generichash(h.data(), h.size(), bytes.data(), bytes.size(), nullptr, 0);
    return h;
}

bool equalBytes(ByteView a, ByteView b) noexcept
{
    return a.size() == b.size() && (a.empty() || sodium_memcmp(a.data(), b.data(), a.size()) == 0);
}

Bytes concat(std::initializer_list<ByteView> parts)
{
    std::size_t total = 0;
    for (const auto& p : parts)
        total += p.size();
    Bytes out(total);
    std::size_t at = 0;
    for (const auto& p : parts) {
        if (!p.empty())
            std::memcpy(out.data() + at, p.data(), p.size());
        at += p.size();
    }
    return out;
}

} // namespace fe::sync
