#pragma once

#include "store/Clock.h"
#include "store/KdfParams.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fe::store {

// The key file beside the database (<db>.keys): the database key, wrapped once per user and
// once under the recovery key, never in the clear. Text, one record per line, each line
// carrying its own BLAKE2b checksum so that damage is told apart from a wrong password and a
// damaged user slot does not take the recovery slot with it. Format in docs/storage.md.
//
// A value type: load, change, save. Saving is atomic (temp file, fsync, rename). Callers
// hold a FileLock around load-change-save. Contains no names (user slots are found by a
// keyed hash of the login name), no passwords and no plaintext key material.
class KeyFile
{
public:
    // X25519 public key, XChaCha20-Poly1305 nonce.
    using PublicKey = std::array<unsigned char, 32>;
    using Nonce = std::array<unsigned char, 24>;
    using Salt = std::array<unsigned char, 16>;

    // The database key sealed to a slot's public key (ephemeral X25519 + XChaCha20-Poly1305).
    struct WrappedKey
    {
        PublicKey ephemeralPublicKey{};
        Nonce nonce{};
        std::vector<unsigned char> ciphertext;
    };

    struct Lockout
    {
        int failedAttempts = 0; // consecutive, since the last success or lockout
        int lockouts = 0;       // consecutive lockouts; sets the next lockout's length
        std::optional<TimePoint> lockedUntil;
    };

    struct Slot
    {
        enum class Kind
        {
            User,
            Recovery
        };
        Kind kind = Kind::User;
        std::string label; // user slots: hex keyed hash of the login name
        // User slots: Argon2id(password, kdfSalt) -> key that seals secretKey.
        KdfParams kdf;
        Salt kdfSalt{};
        Nonce secretKeyNonce{};
        std::vector<unsigned char> wrappedSecretKey;
        PublicKey publicKey{};
        WrappedKey databaseKey;
        // During a key rotation: the next database key, until the database has been rekeyed.
        std::optional<WrappedKey> nextDatabaseKey;
        Lockout lockout;
    };

    // A failed login waits here until the next successful login writes it to the audit log
    // (the database cannot be written without a key).
    struct PendingEvent
    {
        TimePoint time;
        std::string label; // the slot label the attempt named
        std::string action;
        std::string outcome;
        // Random, unique per event (hex; addEvent sets it); the audit log records which ids it
        // has, so a replay after an interrupted login adds nothing while two failures in one
        // millisecond stay two. Empty for events written before ids existed.
        std::string id{};
    };

    // Failed-login counters of a name that has no slot. An unknown name is locked out exactly
    // like a known one, so the answers do not tell which names exist.
    struct UnknownName
    {
        std::string label; // as for a slot: keyed hash of the name tried
        Lockout lockout;
        TimePoint lastFailure{};
    };

    enum class Parse
    {
        Strict,
        SkipDamagedLines
    };

    std::string databaseId;
    Salt databaseSalt{}; // the first 16 bytes of the database file (SQLCipher's salt)
    std::vector<Slot> slots;
    std::vector<PendingEvent> events;
    std::vector<UnknownName> unknownNames;
    std::uint64_t droppedEvents = 0;
    // Event and unknown-name lines that failed their checksum: skipped (they must not lock
    // anybody out), counted here until the next successful login reports them to the audit log.
    std::uint64_t damagedEvents = 0;
    int damagedLines = 0; // damaged slot lines, only with Parse::SkipDamagedLines

    // Throws NotFound (no file), Corrupt (damaged header; with Strict, a damaged slot line).
    // Damaged event and unknown-name lines never throw: see damagedEvents.
    static KeyFile load(const std::filesystem::path& path, Parse mode = Parse::Strict);
    static KeyFile parse(std::string_view text, const std::filesystem::path& pathForMessages,
                         Parse mode = Parse::Strict);
    [[nodiscard]] std::string serialize() const;
    void save(const std::filesystem::path& path) const;

    Slot* findUser(std::string_view label);
    [[nodiscard]] const Slot* findUser(std::string_view label) const;
    Slot* recovery();
    [[nodiscard]] const Slot* recovery() const;
    void removeUser(std::string_view label);
    // Keeps at most constants::kMaxPendingKeyEvents, counting the dropped ones. Gives the
    // event a random id when it has none.
    void addEvent(PendingEvent event);
    UnknownName* findUnknown(std::string_view label);
    // The record of an unknown name, created when missing; keeps at most
    // constants::kMaxUnknownNames, forgetting the least recently tried unlocked ones first.
    UnknownName& unknownName(std::string_view label, TimePoint now);
    void removeUnknown(std::string_view label);
};

} // namespace fe::store
