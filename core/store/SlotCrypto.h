#pragma once

#include "store/KeyFile.h"
#include "store/SecretBytes.h"

#include <optional>
#include <string>
#include <string_view>

namespace fe::store {

// The cryptography of key slots (libsodium), kept apart from the file format.
//
// A user slot holds an X25519 key pair. Its secret key is wrapped with XChaCha20-Poly1305
// under Argon2id(password); the database key is sealed to its public key (an ephemeral
// X25519 exchange, BLAKE2b, XChaCha20-Poly1305). Sealing needs only the public key, so a key
// rotation can re-wrap the new database key for every user without their passwords, and
// adding a user needs only the unlocked database key. The recovery slot is the same with a
// key pair derived from the 256-bit recovery key (no Argon2id: it is not a password).
//
// Every wrap authenticates, as associated data, the database id and the database file's
// salt (a slot moved to another key file or database fails to open) and the slot's public
// key and KDF parameters (they cannot be swapped or weakened). Thread-safe (no state).
class SlotCrypto
{
public:
    struct Binding
    {
        std::string databaseId;
        KeyFile::Salt databaseSalt{};
    };

    // Keyed BLAKE2b of the login name under the database id: finds a user's slot without
    // writing names into the unencrypted key file.
    static std::string labelFor(std::string_view userName, std::string_view databaseId);

    // Runs Argon2id with params (the slow part of unlock).
    static KeyFile::Slot createUserSlot(std::string_view label, const SecretBytes& password,
                                        const KdfParams& params, const SecretBytes& databaseKey,
                                        const Binding& binding);
    static KeyFile::Slot createRecoverySlot(const SecretBytes& recoveryKey, const SecretBytes& databaseKey,
                                            const Binding& binding);

    // The slot's X25519 secret key, or nothing when the password is wrong.
    static std::optional<SecretBytes> openUserSlot(const KeyFile::Slot& slot, const SecretBytes& password,
                                                   const Binding& binding);
    // The work of openUserSlot with params on a slot that cannot open: what a login for an
    // unknown name spends, so that it costs what a wrong password for a real one costs.
    static void openDecoySlot(const SecretBytes& password, const KdfParams& params, const Binding& binding);
    // The recovery slot's secret key, or nothing when the recovery key does not fit it.
    static std::optional<SecretBytes> openRecoverySlot(const KeyFile::Slot& slot,
                                                       const SecretBytes& recoveryKey);

    static KeyFile::WrappedKey wrapDatabaseKey(const KeyFile::PublicKey& slotPublicKey,
                                               const SecretBytes& databaseKey, const Binding& binding);
    // Nothing when the wrap does not open with this secret key and binding.
    static std::optional<SecretBytes> unwrapDatabaseKey(const KeyFile::WrappedKey& wrapped,
                                                        const KeyFile::PublicKey& slotPublicKey,
                                                        const SecretBytes& slotSecretKey,
                                                        const Binding& binding);

    // A new random recovery key, and its printed form: 64 hex digits in groups of 8 joined by
    // '-'. parseRecoveryKey accepts any case, spaces, dashes and line breaks; throws
    // InvalidArgument when it is not 32 bytes of hex.
    static SecretBytes newRecoveryKey();
    static SecretBytes formatRecoveryKey(const SecretBytes& key);
    static SecretBytes parseRecoveryKey(std::string_view text);
};

} // namespace fe::store
