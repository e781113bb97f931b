#pragma once

// Fixed keys for the fuzzer and its corpus generator: the committed seed bundle is sealed to
// this central key and signed by this station, so that the fuzzer starts from inputs that go
// all the way through the reader. Test keys only; derived from constant seeds.

#include "sync/CentralKeys.h"

#include <sodium.h>

namespace fe::sync::fuzz {

inline CentralSecretKeys centralKeys()
{
    store::ensureSodium();
    unsigned char boxSeed[crypto_box_SEEDBYTES];
    unsigned char signSeed[crypto_sign_SEEDBYTES];
    std::fill(std::begin(boxSeed), std::end(boxSeed), 0x11);
    std::fill(std::begin(signSeed), std::end(signSeed), 0x22);
    CentralSecretKeys k;
    k.boxSecretKey = store::SecretBytes(crypto_box_SECRETKEYBYTES);
    k.signSecretKey = store::SecretBytes(crypto_sign_SECRETKEYBYTES);
    crypto_box_seed_keypair(k.publicKeys.boxPublicKey.data(), k.boxSecretKey.data(), boxSeed);
    crypto_sign_seed_keypair(k.publicKeys.signPublicKey.data(), k.signSecretKey.data(), signSeed);
    k.publicKeys.keyId = CentralKeys::keyIdOf(k.publicKeys.boxPublicKey, k.publicKeys.signPublicKey);
    return k;
}

struct StationKeys
{
    std::string stationId = "5f0c9a4e-1b2d-4c3e-8f4a-0123456789ab";
    PublicKey publicKey{};
    store::SecretBytes secretKey{crypto_sign_SECRETKEYBYTES};
};

inline StationKeys stationKeys()
{
    store::ensureSodium();
    unsigned char seed[crypto_sign_SEEDBYTES];
    std::fill(std::begin(seed), std::end(seed), 0x33);
    StationKeys s;
    crypto_sign_seed_keypair(s.publicKey.data(), s.secretKey.data(), seed);
    return s;
}

// The first byte of a fuzz input chooses the parser.
enum Mode : unsigned char
{
    kBundle = 0,
    kRecord = 1,
    kReceipt = 2,
    kTrustList = 3,
    kCentralKey = 4,
    kModes = 5
};

} // namespace fe::sync::fuzz
