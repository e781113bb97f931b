#pragma once

// Shared by the tests of core/store: stores in temporary directories, deterministic
// enrollments carrying unique marker bytes, file scans, a SQLCipher 4 page decryptor that lets
// a test look inside the encrypted pages (to prove that a purge really removed bytes), and
// stations in the SQLCipher 3 format of FaceEnroll before issue 16.

#include "store/Connection.h"
#include "store/Records.h"
#include "store/SecretBytes.h"
#include "store/Session.h"
#include "store/StoreOptions.h"

#include <QTemporaryDir>
#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace fe::store::test {

// The cheapest Argon2id libsodium allows (1 pass, 8 KiB). Slots record their cost, so the
// suite can create users in microseconds instead of ~0.5 s each; the production cost is
// measured by tests/bench/bench_store (unlock) and used by the CLI tests.
StoreOptions fastOptions();

// A clock the test moves by hand (lockout, idle lock, retention).
class TestClock
{
public:
    explicit TestClock(TimePoint start);
    [[nodiscard]] Clock clock() const;
    void advance(std::chrono::milliseconds d);
    void set(TimePoint t);
    [[nodiscard]] TimePoint now() const;

private:
    std::shared_ptr<TimePoint> m_now;
};

SecretBytes secret(std::string_view text);

// Passwords of the users a TempStore creates.
inline constexpr const char* kAdminPassword = "admin-password-1";
inline constexpr const char* kOperatorPassword = "operator-password-1";
inline constexpr const char* kOperator2Password = "operator-password-2";
inline constexpr const char* kSupervisorPassword = "supervisor-password-1";

// The one-time password an admin gives a new user in these tests: the user's own password
// with this suffix (issue 9: a password set by an admin works once).
inline constexpr const char* kOneTimeSuffix = "-set-by-admin";

// Adds a user as an admin does (a one-time password), then logs in as them once and chooses
// `password`, as a new user must: a user who can work. Returns the user.
User addUserWithOwnPassword(Session& admin, const std::filesystem::path& database, std::string_view name,
                            Role role, std::string_view password, const StoreOptions& options);

// An initialised store in a fresh temporary directory with users admin (admin), op1 and op2
// (operators) and sup (supervisor), all with fastOptions' KDF cost, each having chosen their
// own password (passwordOf).
struct TempStore
{
    QTemporaryDir dir;
    std::filesystem::path database;
    StorePaths paths;
    std::string recoveryKey; // printed form
    StoreOptions options;

    explicit TempStore(StoreOptions opts = fastOptions(), bool withUsers = true);
    Session login(const char* user) const;
    [[nodiscard]] std::filesystem::path directory() const { return paths.directory(); }
};

const char* passwordOf(std::string_view user);

// Unique byte strings placed in an enrollment's name, document number and JPEG.
struct Markers
{
    std::string name;
    std::string document;
    std::string jpeg;
    static Markers random();
    [[nodiscard]] std::vector<std::string> all() const { return {name, document, jpeg}; }
};

// A JPEG-looking byte string (SOI, APP0, payload, EOI) of about size bytes, deterministic in
// seed, with marker written into the middle when given.
Jpeg fakeJpeg(std::size_t size, std::uint32_t seed, const std::string& marker = {});

// A complete, deterministic enrollment: every field of DESIGN.md "Records" filled. With
// markers, the name, document number and portrait carry them.
Enrollment sampleEnrollment(std::uint32_t seed, std::size_t portraitBytes = 8 * 1024,
                            const Markers* markers = nullptr, int templateDims = 512);

// Empty when equal in every stored field; otherwise which field differs (no values).
std::string differences(const Enrollment& expected, const Enrollment& actual);

// Scans files in a forked child, so that no descriptor of a database file is ever closed in
// this process (closing one would drop SQLite's POSIX locks on it).
// Returns the names of the files under dir (recursively) that contain any of needles.
std::vector<std::string> filesContaining(const std::filesystem::path& dir,
                                         const std::vector<std::string>& needles);

// The database key, unwrapped from the key file with a user's password (tests only).
SecretBytes databaseKey(const StorePaths& paths, std::string_view user, std::string_view password);

// Every page of the database file and of its WAL, decrypted (SQLCipher 4 layout: AES-256-CBC,
// 4096-byte pages with 80 reserved bytes for the IV and the HMAC-SHA512, the salt in front of
// page 1).
// Pages the key does not decrypt come out as noise, so a marker search stays meaningful.
std::string decryptedContent(const StorePaths& paths, const SecretBytes& key);

// The page of the database file (numbered from 1) whose decrypted content holds needle;
// 0 when none does. The store must be closed (the WAL checkpointed into the file).
std::uint32_t pageContaining(const StorePaths& paths, const SecretBytes& key, const std::string& needle);

// Rewrites the closed store's database in the SQLCipher 3 format in which FaceEnroll wrote it
// before issue 16 (Debian 12's SQLCipher 3.4.1: HMAC-SHA1, 4 KiB pages): same key, same salt
// (so the key file stays bound), same content and user_version, WAL mode. SQLCipher 4's
// cipher_compatibility = 3 writes exactly that format; tests/store/sqlcipher3-crosscheck
// checks it against the 3.4.1 library itself.
void convertToSqlcipher3(const StorePaths& paths, const SecretBytes& key);

// In a child process that then exits without closing anything: runs sql on the database in
// format, so that its commit stays in the WAL, as after a station crashed or lost power.
void commitIntoWalAndCrash(const StorePaths& paths, const SecretBytes& key, Connection::CipherFormat format,
                           const std::string& sql);

// The format key opens the database in: "sqlcipher4", "sqlcipher3", or empty for neither.
std::string cipherFormatOf(const std::filesystem::path& database, const SecretBytes& key);

bool contains(const std::string& haystack, const std::string& needle);

// A private mount namespace lets a test mount a tiny tmpfs (full disk) or a read-only bind
// mount without touching the machine: as root, or as anyone where unprivileged user namespaces
// are allowed. The mounts vanish with the test process. False when neither is possible.
bool enterPrivateMountNamespace();

// Flips one bit of a file at offset (in place, fsync'ed).
void flipBit(const std::filesystem::path& file, std::uint64_t offset);

// An exclusive flock on a store's lock file, as another FaceEnroll process holds it while it
// changes the key file. Released by release() (any thread) or the destructor.
class HeldFileLock
{
public:
    explicit HeldFileLock(const std::filesystem::path& lockFile);
    ~HeldFileLock();
    HeldFileLock(const HeldFileLock&) = delete;
    HeldFileLock& operator=(const HeldFileLock&) = delete;
    void release();

private:
    std::atomic<int> m_fd;
};

} // namespace fe::store::test
