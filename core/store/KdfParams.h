#pragma once

#include <cstddef>
#include <cstdint>

namespace fe::store {

// Argon2id cost of one key slot (libsodium crypto_pwhash, ALG_ARGON2ID13). Recorded in the
// slot, so slots made with different costs coexist and the cost can be raised later.
struct KdfParams
{
    std::uint64_t opsLimit = 0;    // passes over memory
    std::size_t memLimitBytes = 0; // bytes

    // The cost new slots get: 3 passes over 160 MiB. Measured on the reference station
    // (2-core x86-64 VM, libsodium 1.0.18) at about 0.45 s, inside issue 3's 0.3-1 s window
    // for unlock with room for a busy machine; tests/bench/bench_store measures unlock.
    // Far above OWASP's Argon2id minimum (19 MiB, 2 passes).
    static KdfParams recommended() noexcept { return {3, std::size_t{160} << 20}; }

    // Throws fe::Error(InvalidArgument) outside libsodium's bounds or our caps (a damaged or
    // hostile key file must not make unlock allocate gigabytes).
    void validate() const;

    friend bool operator==(const KdfParams&, const KdfParams&) = default;
};

} // namespace fe::store
