#include "store/SlotCrypto.h"

#include "common/Error.h"
#include "store/StoreConstants.h"

#include <cstring>
#include <sodium.h>

namespace fe::store {
namespace {

constexpr std::string_view kSecretKeyContext = "faceenroll/slot-secret-key/v1";
constexpr std::string_view kDatabaseKeyContext = "faceenroll/database-key/v1";
constexpr std::string_view kRecoveryContext = "faceenroll/recovery-seed/v1";

void append(std::vector<unsigned char>& out, std::string_view s)
{
    // Length-prefixed, so no two different field lists encode the same bytes.
    const auto n = static_cast<std::uint32_t>(s.size());
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<unsigned char>(n >> shift));
    out.insert(out.end(), s.begin(), s.end());
}

void append(std::vector<unsigned char>& out, const unsigned char* p, std::size_t n)
{
    append(out, std::string_view(reinterpret_cast<const char*>(p), n));
}

std::vector<unsigned char> secretKeyAd(const KeyFile::Slot& slot, const SlotCrypto::Binding& b)
{
    std::vector<unsigned char> ad;
    append(ad, kSecretKeyContext);
    append(ad, b.databaseId);
    append(ad, b.databaseSalt.data(), b.databaseSalt.size());
    append(ad, slot.label);
    append(ad, std::to_string(slot.kdf.opsLimit));
    append(ad, std::to_string(slot.kdf.memLimitBytes));
    append(ad, slot.publicKey.data(), slot.publicKey.size());
    return ad;
}

std::vector<unsigned char> databaseKeyAd(const KeyFile::PublicKey& pk, const KeyFile::PublicKey& epk,
                                         const SlotCrypto::Binding& b)
{
    std::vector<unsigned char> ad;
    append(ad, kDatabaseKeyContext);
    append(ad, b.databaseId);
    append(ad, b.databaseSalt.data(), b.databaseSalt.size());
    append(ad, pk.data(), pk.size());
    append(ad, epk.data(), epk.size());
    return ad;
}

// Wrapping key from an X25519 shared secret: BLAKE2b(shared || epk || pk), as in
// crypto_box_seal, so the key is bound to both public keys.
std::optional<SecretBytes> sharedWrappingKey(const unsigned char* mySecret, const unsigned char* theirPublic,
                                             const KeyFile::PublicKey& epk, const KeyFile::PublicKey& pk)
{
    SecretBytes shared(crypto_scalarmult_BYTES);
    if (crypto_scalarmult(shared.data(), mySecret, theirPublic) != 0)
        return std::nullopt; // a low-order point: refuse
    SecretBytes key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    crypto_generichash_state st;
    crypto_generichash_init(&st, nullptr, 0, key.size());
    crypto_generichash_update(&st, shared.data(), shared.size());
    crypto_generichash_update(&st, epk.data(), epk.size());
    crypto_generichash_update(&st, pk.data(), pk.size());
    crypto_generichash_final(&st, key.data(), key.size());
    sodium_memzero(&st, sizeof st);
    return key;
}

SecretBytes passwordKey(const SecretBytes& password, const KeyFile::Salt& salt, const KdfParams& params)
{
    params.validate();
    SecretBytes key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    static_assert(sizeof(KeyFile::Salt) == crypto_pwhash_SALTBYTES);
    if (crypto_pwhash(key.data(), key.size(), reinterpret_cast<const char*>(password.data()), password.size(),
                      salt.data(), params.opsLimit, params.memLimitBytes, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw Error(ErrorCode::Internal,
                    QT_TRANSLATE_NOOP("fe::Error", "Argon2id could not allocate %1 bytes; the machine is short of memory."),
                    {std::to_string(params.memLimitBytes)});
    return key;
}

struct KeyPair
{
    KeyFile::PublicKey publicKey{};
    SecretBytes secretKey{crypto_box_SECRETKEYBYTES};
};

KeyPair recoveryKeyPair(const SecretBytes& recoveryKey)
{
    SecretBytes seed(crypto_box_SEEDBYTES);
    crypto_generichash(seed.data(), seed.size(), recoveryKey.data(), recoveryKey.size(),
                       reinterpret_cast<const unsigned char*>(kRecoveryContext.data()),
                       kRecoveryContext.size());
    KeyPair kp;
    crypto_box_seed_keypair(kp.publicKey.data(), kp.secretKey.data(), seed.data());
    return kp;
}

} // namespace

std::string SlotCrypto::labelFor(std::string_view userName, std::string_view databaseId)
{
    ensureSodium();
    unsigned char key[crypto_generichash_KEYBYTES];
    crypto_generichash(key, sizeof key, reinterpret_cast<const unsigned char*>(databaseId.data()),
                       databaseId.size(), nullptr, 0);
    unsigned char out[16];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(userName.data()),
                       userName.size(), key, sizeof key);
    char hexOut[sizeof out * 2 + 1];
    sodium_bin2hex(hexOut, sizeof hexOut, out, sizeof out);
    return hexOut;
}

KeyFile::WrappedKey SlotCrypto::wrapDatabaseKey(const KeyFile::PublicKey& slotPublicKey,
                                                const SecretBytes& databaseKey, const Binding& binding)
{
    ensureSodium();
    KeyFile::WrappedKey w;
    SecretBytes ephemeralSecret(crypto_box_SECRETKEYBYTES);
    crypto_box_keypair(w.ephemeralPublicKey.data(), ephemeralSecret.data());
    const auto key =
        sharedWrappingKey(ephemeralSecret.data(), slotPublicKey.data(), w.ephemeralPublicKey, slotPublicKey);
    if (!key)
        throw Error(ErrorCode::Corrupt, QT_TRANSLATE_NOOP("fe::Error", "A key slot holds an invalid public key."));
    randombytes_buf(w.nonce.data(), w.nonce.size());
    const auto ad = databaseKeyAd(slotPublicKey, w.ephemeralPublicKey, binding);
    w.ciphertext.resize(databaseKey.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    unsigned long long n = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(w.ciphertext.data(), &n, databaseKey.data(),
                                               databaseKey.size(), ad.data(), ad.size(), nullptr,
                                               w.nonce.data(), key->data());
    w.ciphertext.resize(static_cast<std::size_t>(n));
    return w;
}

std::optional<SecretBytes> SlotCrypto::unwrapDatabaseKey(const KeyFile::WrappedKey& wrapped,
                                                         const KeyFile::PublicKey& slotPublicKey,
                                                         const SecretBytes& slotSecretKey,
                                                         const Binding& binding)
{
    ensureSodium();
    if (wrapped.ciphertext.size() !=
            constants::kDatabaseKeyBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES ||
        slotSecretKey.size() != crypto_box_SECRETKEYBYTES)
        return std::nullopt;
    const auto key = sharedWrappingKey(slotSecretKey.data(), wrapped.ephemeralPublicKey.data(),
                                       wrapped.ephemeralPublicKey, slotPublicKey);
    if (!key)
        return std::nullopt;
    const auto ad = databaseKeyAd(slotPublicKey, wrapped.ephemeralPublicKey, binding);
    SecretBytes out(constants::kDatabaseKeyBytes);
    unsigned long long n = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(out.data(), &n, nullptr, wrapped.ciphertext.data(),
                                                   wrapped.ciphertext.size(), ad.data(), ad.size(),
                                                   wrapped.nonce.data(), key->data()) != 0 ||
        n != out.size())
        return std::nullopt;
    return out;
}

KeyFile::Slot SlotCrypto::createUserSlot(std::string_view label, const SecretBytes& password,
                                         const KdfParams& params, const SecretBytes& databaseKey,
                                         const Binding& binding)
{
    ensureSodium();
    params.validate();
    KeyFile::Slot slot;
    slot.kind = KeyFile::Slot::Kind::User;
    slot.label = std::string(label);
    slot.kdf = params;
    randombytes_buf(slot.kdfSalt.data(), slot.kdfSalt.size());
    SecretBytes secretKey(crypto_box_SECRETKEYBYTES);
    crypto_box_keypair(slot.publicKey.data(), secretKey.data());

    const SecretBytes kek = passwordKey(password, slot.kdfSalt, params);
    randombytes_buf(slot.secretKeyNonce.data(), slot.secretKeyNonce.size());
    const auto ad = secretKeyAd(slot, binding);
    slot.wrappedSecretKey.resize(secretKey.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    unsigned long long n = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(slot.wrappedSecretKey.data(), &n, secretKey.data(),
                                               secretKey.size(), ad.data(), ad.size(), nullptr,
                                               slot.secretKeyNonce.data(), kek.data());
    slot.wrappedSecretKey.resize(static_cast<std::size_t>(n));
    slot.databaseKey = wrapDatabaseKey(slot.publicKey, databaseKey, binding);
    return slot;
}

std::optional<SecretBytes> SlotCrypto::openUserSlot(const KeyFile::Slot& slot, const SecretBytes& password,
                                                    const Binding& binding)
{
    ensureSodium();
    if (slot.kind != KeyFile::Slot::Kind::User ||
        slot.wrappedSecretKey.size() != crypto_box_SECRETKEYBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES)
        return std::nullopt;
    const SecretBytes kek = passwordKey(password, slot.kdfSalt, slot.kdf);
    const auto ad = secretKeyAd(slot, binding);
    SecretBytes secretKey(crypto_box_SECRETKEYBYTES);
    unsigned long long n = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            secretKey.data(), &n, nullptr, slot.wrappedSecretKey.data(), slot.wrappedSecretKey.size(),
            ad.data(), ad.size(), slot.secretKeyNonce.data(), kek.data()) != 0 ||
        n != secretKey.size())
        return std::nullopt;
    return secretKey;
}

void SlotCrypto::openDecoySlot(const SecretBytes& password, const KdfParams& params, const Binding& binding)
{
    ensureSodium();
    // Random salt, key and ciphertext of a real slot's sizes: Argon2id with the same cost, then
    // an AEAD open that fails, as for a wrong password.
    KeyFile::Slot decoy;
    decoy.kind = KeyFile::Slot::Kind::User;
    decoy.kdf = params;
    decoy.label = std::string(32, '0');
    randombytes_buf(decoy.kdfSalt.data(), decoy.kdfSalt.size());
    randombytes_buf(decoy.secretKeyNonce.data(), decoy.secretKeyNonce.size());
    randombytes_buf(decoy.publicKey.data(), decoy.publicKey.size());
    decoy.wrappedSecretKey.resize(crypto_box_SECRETKEYBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    randombytes_buf(decoy.wrappedSecretKey.data(), decoy.wrappedSecretKey.size());
    (void)openUserSlot(decoy, password, binding);
}

KeyFile::Slot SlotCrypto::createRecoverySlot(const SecretBytes& recoveryKey, const SecretBytes& databaseKey,
                                             const Binding& binding)
{
    ensureSodium();
    const KeyPair kp = recoveryKeyPair(recoveryKey);
    KeyFile::Slot slot;
    slot.kind = KeyFile::Slot::Kind::Recovery;
    slot.publicKey = kp.publicKey;
    slot.databaseKey = wrapDatabaseKey(slot.publicKey, databaseKey, binding);
    return slot;
}

std::optional<SecretBytes> SlotCrypto::openRecoverySlot(const KeyFile::Slot& slot,
                                                        const SecretBytes& recoveryKey)
{
    ensureSodium();
    KeyPair kp = recoveryKeyPair(recoveryKey);
    if (slot.kind != KeyFile::Slot::Kind::Recovery ||
        sodium_memcmp(kp.publicKey.data(), slot.publicKey.data(), 32) != 0)
        return std::nullopt;
    return std::move(kp.secretKey);
}

SecretBytes SlotCrypto::newRecoveryKey()
{
    return SecretBytes::random(constants::kRecoveryKeyBytes);
}

SecretBytes SlotCrypto::formatRecoveryKey(const SecretBytes& key)
{
    static constexpr char kHex[] = "0123456789abcdef";
    const std::size_t groups = key.size() / 4;
    SecretBytes out(key.size() * 2 + (groups > 0 ? groups - 1 : 0));
    std::size_t o = 0;
    for (std::size_t i = 0; i < key.size(); ++i) {
        if (i > 0 && i % 4 == 0)
            out.data()[o++] = '-';
        out.data()[o++] = static_cast<unsigned char>(kHex[key.data()[i] >> 4]);
        out.data()[o++] = static_cast<unsigned char>(kHex[key.data()[i] & 0x0f]);
    }
    return out;
}

SecretBytes SlotCrypto::parseRecoveryKey(std::string_view text)
{
    SecretBytes out(constants::kRecoveryKeyBytes);
    std::size_t n = 0;
    int high = -1;
    for (const char c : text) {
        int v = -1;
        if (c >= '0' && c <= '9')
            v = c - '0';
        else if (c >= 'a' && c <= 'f')
            v = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            v = c - 'A' + 10;
        else if (c == '-' || c == ' ' || c == '\n' || c == '\r' || c == '\t')
            continue;
        if (v < 0 || n >= out.size())
            throw Error(
                ErrorCode::InvalidArgument,
                QT_TRANSLATE_NOOP("fe::Error", 
                    "That is not a recovery key: expected 64 hex digits (dashes and spaces allowed)."));
        if (high < 0) {
            high = v;
        } else {
            out.data()[n++] = static_cast<unsigned char>(high << 4 | v);
            high = -1;
        }
    }
    if (n != out.size() || high >= 0)
        throw Error(
            ErrorCode::InvalidArgument,
            QT_TRANSLATE_NOOP("fe::Error", "That is not a recovery key: expected 64 hex digits (dashes and spaces allowed)."));
    return out;
}

} // namespace fe::store
