#pragma once

// Every tunable number of core/store in one place, each with where its value comes from.

#include <chrono>
#include <cstddef>

namespace fe::store::constants {

// Issue 3: "after 5 failed attempts the account is locked for an increasing time".
inline constexpr int kMaxFailedLogins = 5;
// The first lockout lasts a minute and each further one doubles, up to a day: a mistyped
// password costs a minute, while an online guesser is down to a handful of guesses a day
// after ten lockouts (our choice; NIST SP 800-63B 5.2.2 asks for at most 100 consecutive
// failures before a lockout, we allow 5).
inline constexpr std::chrono::minutes kFirstLockout{1};
inline constexpr std::chrono::hours kMaxLockout{24};

// The idle timeout and the retention period are station settings: their defaults and ranges
// are in common/SettingsSchema.cpp with the other settings.

// NIST SP 800-63B 5.1.1.2: memorized secrets of at least 8 characters.
inline constexpr std::size_t kMinPasswordLength = 8;
// A password is read from a file; anything longer than this is not a password.
inline constexpr std::size_t kMaxPasswordLength = 1024;

// 256-bit database key (DESIGN.md "Keys"), used raw by SQLCipher (AES-256).
inline constexpr std::size_t kDatabaseKeyBytes = 32;
// Recovery key: as strong as the database key it unwraps.
inline constexpr std::size_t kRecoveryKeyBytes = 32;

// SQLCipher page size: 4096 matches the file-system block and is SQLCipher 4's default. Each
// page reserves 80 bytes for its IV (16) and HMAC-SHA512 (64): 2 % of a 4 KiB page, where
// SQLCipher 3's default 1 KiB pages would spend 8 % and four times the HMAC calls per image.
// Must be set on every open (the header is encrypted).
inline constexpr int kCipherPageSize = 4096;
// SQLCipher's random salt, the first 16 bytes of the database file (the key file records it).
inline constexpr std::size_t kCipherSaltBytes = 16;

// How long a writer waits for another FaceEnroll process (GUI and CLI share the database).
inline constexpr std::chrono::milliseconds kBusyTimeout{5000};

// Failed logins happen while the database is locked, so they wait in the key file until the
// next successful login appends them to the audit log; beyond this many the oldest are
// dropped and counted (an attacker must not be able to grow the key file without bound).
inline constexpr std::size_t kMaxPendingKeyEvents = 1000;

// Names tried at login that have no slot keep lockout counters too (account names must not
// be discoverable); beyond this many the least recently tried unlocked one is forgotten, so
// the key file stays small (a line is about 120 bytes).
inline constexpr std::size_t kMaxUnknownNames = 1000;

// How long a login or a key change waits for another FaceEnroll process holding the key-file
// lock before giving up with a clear error. Another login holds it for about 0.5 s (Argon2id);
// a key rotation holds it while SQLCipher rewrites every page, which on a large store can take
// a good part of this. Callers are told at once that they wait (StoreOptions::onKeyFileLockWait).
inline constexpr std::chrono::seconds kKeyFileLockTimeout{30};

// User names: lower-case ASCII login names; they are ids, not personal names.
inline constexpr std::size_t kMaxUserNameLength = 32;

} // namespace fe::store::constants
