#include "StoreTestSupport.h"

#include "common/Error.h"
#include "store/Connection.h"
#include "store/FileUtil.h"
#include "store/KeyFile.h"
#include "store/SlotCrypto.h"
#include "store/Store.h"

#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <fstream>
#include <openssl/evp.h>
#include <sodium.h>
#include <sstream>
#include <stdexcept>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fe::store::test {

StoreOptions fastOptions()
{
    StoreOptions o;
    o.kdf = KdfParams{crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
    return o;
}

TestClock::TestClock(TimePoint start) : m_now(std::make_shared<TimePoint>(start)) {}

Clock TestClock::clock() const
{
    auto p = m_now;
    return [p] { return *p; };
}

void TestClock::advance(std::chrono::milliseconds d)
{
    *m_now += d;
}

void TestClock::set(TimePoint t)
{
    *m_now = t;
}

TimePoint TestClock::now() const
{
    return *m_now;
}

SecretBytes secret(std::string_view text)
{
    return SecretBytes::fromString(text);
}

const char* passwordOf(std::string_view user)
{
    if (user == "admin")
        return kAdminPassword;
    if (user == "op1")
        return kOperatorPassword;
    if (user == "op2")
        return kOperator2Password;
    if (user == "sup")
        return kSupervisorPassword;
    throw std::invalid_argument("no test password for that user");
}

TempStore::TempStore(StoreOptions opts, bool withUsers) : options(std::move(opts))
{
    if (!dir.isValid())
        throw std::runtime_error("cannot create a temporary directory");
    database = std::filesystem::path(dir.path().toStdString()) / "store.db";
    paths = StorePaths::forDatabase(database);
    const SecretBytes key = Store::initialize(database, "admin", secret(kAdminPassword), options);
    recoveryKey = std::string(key.view());
    if (withUsers) {
        Session admin = login("admin");
        addUserWithOwnPassword(admin, database, "op1", Role::Operator, kOperatorPassword, options);
        addUserWithOwnPassword(admin, database, "op2", Role::Operator, kOperator2Password, options);
        addUserWithOwnPassword(admin, database, "sup", Role::Supervisor, kSupervisorPassword, options);
        admin.logout();
    }
}

User addUserWithOwnPassword(Session& admin, const std::filesystem::path& database, std::string_view name,
                            Role role, std::string_view password, const StoreOptions& options)
{
    const std::string oneTime = std::string(password) + kOneTimeSuffix;
    const User u = admin.addUser(name, role, secret(oneTime));
    Session first = Store::unlock(database, name, secret(oneTime), options);
    first.changeOwnPassword(secret(password));
    first.logout();
    return u;
}

Session TempStore::login(const char* user) const
{
    return Store::unlock(database, user, secret(passwordOf(user)), options);
}

Markers Markers::random()
{
    const auto tag = [](const char* prefix) {
        unsigned char b[12];
        randombytes_buf(b, sizeof b);
        char hex[sizeof b * 2 + 1];
        sodium_bin2hex(hex, sizeof hex, b, sizeof b);
        return std::string(prefix) + hex;
    };
    return {tag("NAMEMARK-"), tag("DOCMARK-"), tag("JPEGMARK-")};
}

namespace {

// xorshift32: deterministic bytes for a seed.
struct Prng
{
    std::uint32_t s;
    explicit Prng(std::uint32_t seed) : s(seed * 2654435761u + 1u) {}
    std::uint32_t next()
    {
        s ^= s << 13;
        s ^= s >> 17;
        s ^= s << 5;
        return s;
    }
};

std::vector<float> sampleTemplate(std::uint32_t seed, int dims)
{
    std::vector<float> v(static_cast<std::size_t>(dims));
    for (int i = 0; i < dims; ++i)
        v[static_cast<std::size_t>(i)] = static_cast<float>(std::sin(0.37 * (seed + 1) * (i + 1)));
    return v;
}

} // namespace

Jpeg fakeJpeg(std::size_t size, std::uint32_t seed, const std::string& marker)
{
    static const unsigned char header[] = {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10,
                                           'J',  'F',  'I',  'F',  0x00, 0x01};
    Jpeg out(header, header + sizeof header);
    Prng prng(seed);
    const std::size_t payload = size > sizeof header + 2 ? size - sizeof header - 2 : 16;
    for (std::size_t i = 0; i < payload; ++i)
        out.push_back(static_cast<unsigned char>(prng.next() >> 24));
    if (!marker.empty() && out.size() > marker.size() + sizeof header) {
        const std::size_t at = sizeof header + (payload - marker.size()) / 2;
        std::memcpy(out.data() + at, marker.data(), marker.size());
    }
    out.push_back(0xFF);
    out.push_back(0xD9);
    return out;
}

Enrollment sampleEnrollment(std::uint32_t seed, std::size_t portraitBytes, const Markers* markers,
                            int templateDims)
{
    using namespace std::chrono;
    Enrollment e;
    e.subject.name = markers ? markers->name : "Subject " + std::to_string(seed);
    e.subject.documentType = seed % 2 == 0 ? "national_id" : "passport";
    e.subject.documentNumber = markers ? markers->document : "DOC" + std::to_string(100000 + seed);
    e.subject.dateOfBirth = year_month_day{sys_days{year(1980) / January / 1} + days(seed % 9000)};
    e.phone = "+2376" + std::to_string(10000000 + seed % 89999999);
    e.consent = {"notice-v3", seed % 2 == 0 ? "fr" : "en", TimePoint(milliseconds(1'780'000'000'000 + seed)),
                 true};
    e.portrait = fakeJpeg(portraitBytes, seed, markers ? markers->jpeg : std::string());
    e.faceTemplate = {sampleTemplate(seed, templateDims), "fr_feature", "2024.1"};
    e.quality = {{"sharpness", 0.8 + seed % 10 * 0.01, true, ""},
                 {"illumination_uniformity", 0.65, true, ""},
                 {"head_yaw_deg", 3.5, true, ""},
                 {"eyes_open", 0.2, false, "eyes half closed"}};
    e.liveness.verdict = "live";
    e.liveness.mode = seed % 3 == 0 ? "challenge" : seed % 3 == 1 ? "spontaneous" : ""; // "": unknown
    e.liveness.challenges = {{"blink", true, 1200 + seed % 100, "2 blinks"}, {"turn_left", true, 1800, ""}};
    e.liveness.passiveScores = {{"fr_liveness", 0.93}};
    e.liveness.evidenceFrames = {fakeJpeg(1500, seed + 11), fakeJpeg(1600, seed + 12)};
    e.idPhoto = fakeJpeg(3000, seed + 7);
    e.idTemplate = {sampleTemplate(seed + 7, templateDims), "fr_feature", "2024.1"};
    e.matches = {{MatchKind::IdDocument, "", 0.71, 0.45, true, std::nullopt, std::nullopt}};
    if (seed % 3 == 0) {
        e.matches.push_back({MatchKind::Gallery, "00000000-0000-4000-8000-000000000001", 0.62, 0.55, true, 1, 11.5});
        e.flags = {{"duplicate_face", "looks like an earlier enrollment", 0.62, 0.55}};
    }
    return e;
}

std::string differences(const Enrollment& a, const Enrollment& b)
{
    std::vector<std::string> out;
    const auto check = [&](bool same, const char* field) {
        if (!same)
            out.emplace_back(field);
    };
    check(a.subject.name == b.subject.name, "subject.name");
    check(a.subject.documentType == b.subject.documentType, "subject.documentType");
    check(a.subject.documentNumber == b.subject.documentNumber, "subject.documentNumber");
    check(a.subject.dateOfBirth == b.subject.dateOfBirth, "subject.dateOfBirth");
    check(a.phone == b.phone, "phone");
    check(a.consent.noticeVersion == b.consent.noticeVersion, "consent.noticeVersion");
    check(a.consent.language == b.consent.language, "consent.language");
    check(truncateToMillis(a.consent.time) == b.consent.time, "consent.time");
    check(a.consent.operatorAttested == b.consent.operatorAttested, "consent.operatorAttested");
    check(a.portrait == b.portrait, "portrait");
    check(a.faceTemplate == b.faceTemplate, "faceTemplate");
    check(a.quality == b.quality, "quality");
    check(a.liveness.verdict == b.liveness.verdict, "liveness.verdict");
    check(a.liveness.mode == b.liveness.mode, "liveness.mode");
    check(a.liveness.challenges == b.liveness.challenges, "liveness.challenges");
    check(a.liveness.passiveScores == b.liveness.passiveScores, "liveness.passiveScores");
    check(a.liveness.evidenceFrames == b.liveness.evidenceFrames, "liveness.evidenceFrames");
    check(a.idPhoto == b.idPhoto, "idPhoto");
    check(a.idTemplate == b.idTemplate, "idTemplate");
    check(a.matches == b.matches, "matches");
    check(a.flags == b.flags, "flags");
    std::string joined;
    for (const auto& f : out)
        joined += (joined.empty() ? "" : ", ") + f;
    return joined;
}

namespace {

// Runs fn in a forked child and returns what it produced. The child never returns into the
// test framework.
std::string runInChild(const std::function<std::string()>& fn)
{
    int fds[2];
    if (::pipe(fds) != 0)
        throw std::runtime_error("pipe failed");
    const pid_t pid = ::fork();
    if (pid < 0)
        throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::close(fds[0]);
        int status = 0;
        try {
            const std::string out = fn();
            std::size_t done = 0;
            while (done < out.size()) {
                const ssize_t n = ::write(fds[1], out.data() + done, out.size() - done);
                if (n <= 0)
                    break;
                done += static_cast<std::size_t>(n);
            }
        } catch (...) {
            status = 3;
        }
        ::close(fds[1]);
        ::_exit(status);
    }
    ::close(fds[1]);
    std::string out;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n <= 0)
            break;
        out.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error("the scanning child failed");
    return out;
}

std::string readAll(const std::filesystem::path& p)
{
    std::ifstream f(p, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

constexpr std::size_t kPageSize = 4096;
constexpr std::size_t kReserve = 80; // SQLCipher 4: 16-byte IV + 64-byte HMAC-SHA512
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kIvBytes = 16;
constexpr std::size_t kWalHeader = 32;
constexpr std::size_t kWalFrameHeader = 24;

void decryptPage(const unsigned char* page, std::uint32_t pgno, const SecretBytes& key, std::string& out)
{
    const std::size_t offset = pgno == 1 ? kSaltBytes : 0;
    const unsigned char* iv = page + kPageSize - kReserve;
    const int n = static_cast<int>(kPageSize - kReserve - offset);
    std::string plain(static_cast<std::size_t>(n), '\0');
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    int outLen = 0;
    EVP_DecryptInit_ex(ctx, EVP_aes_256_cbc(), nullptr, key.data(), iv);
    EVP_CIPHER_CTX_set_padding(ctx, 0);
    EVP_DecryptUpdate(ctx, reinterpret_cast<unsigned char*>(plain.data()), &outLen, page + offset, n);
    EVP_CIPHER_CTX_free(ctx);
    (void)kIvBytes;
    out += plain;
}

} // namespace

std::vector<std::string> filesContaining(const std::filesystem::path& dir,
                                         const std::vector<std::string>& needles)
{
    const std::string found = runInChild([&] {
        std::string names;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
            if (!entry.is_regular_file())
                continue;
            const std::string content = readAll(entry.path());
            for (const auto& n : needles) {
                if (content.find(n) != std::string::npos) {
                    names += entry.path().filename().string() + "\n";
                    break;
                }
            }
        }
        return names;
    });
    std::vector<std::string> out;
    std::istringstream lines(found);
    for (std::string line; std::getline(lines, line);)
        out.push_back(line);
    return out;
}

SecretBytes databaseKey(const StorePaths& paths, std::string_view user, std::string_view password)
{
    const KeyFile keyFile = KeyFile::load(paths.keyFile);
    const SlotCrypto::Binding binding{keyFile.databaseId, keyFile.databaseSalt};
    const auto* slot = keyFile.findUser(SlotCrypto::labelFor(user, keyFile.databaseId));
    if (slot == nullptr)
        throw std::runtime_error("no slot for that user");
    const auto sk = SlotCrypto::openUserSlot(*slot, SecretBytes::fromString(password), binding);
    if (!sk)
        throw std::runtime_error("wrong password");
    auto key = SlotCrypto::unwrapDatabaseKey(slot->databaseKey, slot->publicKey, *sk, binding);
    if (!key)
        throw std::runtime_error("slot does not unwrap");
    return std::move(*key);
}

std::string decryptedContent(const StorePaths& paths, const SecretBytes& key)
{
    return runInChild([&] {
        std::string out;
        const std::string db = readAll(paths.database);
        for (std::size_t at = 0; at + kPageSize <= db.size(); at += kPageSize)
            decryptPage(reinterpret_cast<const unsigned char*>(db.data() + at),
                        static_cast<std::uint32_t>(at / kPageSize + 1), key, out);
        const auto walPath = std::filesystem::path(paths.database.string() + "-wal");
        std::error_code ec;
        if (std::filesystem::exists(walPath, ec)) {
            const std::string wal = readAll(walPath);
            for (std::size_t at = kWalHeader; at + kWalFrameHeader + kPageSize <= wal.size();
                 at += kWalFrameHeader + kPageSize) {
                const auto* h = reinterpret_cast<const unsigned char*>(wal.data() + at);
                const std::uint32_t pgno = std::uint32_t{h[0]} << 24 | std::uint32_t{h[1]} << 16 |
                                           std::uint32_t{h[2]} << 8 | std::uint32_t{h[3]};
                decryptPage(h + kWalFrameHeader, pgno, key, out);
            }
        }
        return out;
    });
}

std::uint32_t pageContaining(const StorePaths& paths, const SecretBytes& key, const std::string& needle)
{
    const std::string found = runInChild([&] {
        const std::string db = readAll(paths.database);
        for (std::size_t at = 0; at + kPageSize <= db.size(); at += kPageSize) {
            std::string page;
            const auto pgno = static_cast<std::uint32_t>(at / kPageSize + 1);
            decryptPage(reinterpret_cast<const unsigned char*>(db.data() + at), pgno, key, page);
            if (page.find(needle) != std::string::npos)
                return std::to_string(pgno);
        }
        return std::string("0");
    });
    return static_cast<std::uint32_t>(std::stoul(found));
}

void convertToSqlcipher3(const StorePaths& paths, const SecretBytes& key)
{
    const auto copy = std::filesystem::path(paths.database.string() + ".v3");
    std::filesystem::remove(copy);
    const auto salt = readFileHead(paths.database, 16);
    {
        Connection db = Connection::openKeyed(paths.database, key, Connection::CipherFormat::Current);
        // Everything from the WAL into the file first.
        if (db.queryText("PRAGMA journal_mode = DELETE").value_or("") != "delete")
            throw std::runtime_error("the store is still open");
        const auto version = db.queryInt("PRAGMA user_version").value_or(0);
        createPrivateFile(copy);
        db.attachEncrypted(copy, "v3", key, Connection::CipherFormat::Sqlcipher3, salt);
        db.exec("BEGIN; SELECT sqlcipher_export('v3'); PRAGMA v3.user_version = " + std::to_string(version) +
                "; COMMIT; DETACH DATABASE v3;");
    }
    std::filesystem::rename(copy, paths.database);
    // As the store leaves its database: in WAL mode.
    Connection db = Connection::openKeyed(paths.database, key, Connection::CipherFormat::Sqlcipher3);
    if (db.queryText("PRAGMA journal_mode = WAL").value_or("") != "wal")
        throw std::runtime_error("cannot switch the SQLCipher 3 copy to WAL");
}

void commitIntoWalAndCrash(const StorePaths& paths, const SecretBytes& key, Connection::CipherFormat format,
                           const std::string& sql)
{
    const pid_t pid = ::fork();
    if (pid < 0)
        throw std::runtime_error("fork failed");
    if (pid == 0) {
        int status = 0;
        try {
            // Kept open on purpose: _exit leaves the commit in the WAL, not checkpointed.
            auto* db = new Connection(Connection::openEncrypted(paths.database, key, Connection::Mode::OpenExisting, format));
            db->exec("PRAGMA wal_autocheckpoint = 0");
            db->exec(sql);
        } catch (...) {
            status = 3;
        }
        ::_exit(status);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error("the child could not commit into the WAL");
}

std::string cipherFormatOf(const std::filesystem::path& database, const SecretBytes& key)
{
    for (const auto& [format, name] : {std::pair{Connection::CipherFormat::Current, "sqlcipher4"},
                                       std::pair{Connection::CipherFormat::Sqlcipher3, "sqlcipher3"}}) {
        try {
            Connection db = Connection::openKeyed(database, key, format);
            return name;
        } catch (const fe::Error&) {
        }
    }
    return {};
}

bool enterPrivateMountNamespace()
{
    static int state = -1;
    if (state >= 0)
        return state == 1;
    state = 0;
    if (::unshare(CLONE_NEWNS) != 0) {
        const uid_t uid = ::getuid();
        const gid_t gid = ::getgid();
        if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0)
            return false;
        std::ofstream("/proc/self/setgroups") << "deny";
        std::ofstream("/proc/self/uid_map") << "0 " << uid << " 1";
        std::ofstream("/proc/self/gid_map") << "0 " << gid << " 1";
    }
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return false;
    state = 1;
    return true;
}

bool contains(const std::string& haystack, const std::string& needle)
{
    return haystack.find(needle) != std::string::npos;
}

void flipBit(const std::filesystem::path& file, std::uint64_t offset)
{
    const int fd = ::open(file.c_str(), O_RDWR);
    if (fd < 0)
        throw std::runtime_error("cannot open file to flip a bit");
    unsigned char b = 0;
    if (::pread(fd, &b, 1, static_cast<off_t>(offset)) != 1) {
        ::close(fd);
        throw std::runtime_error("offset beyond the file");
    }
    b ^= 0x10;
    if (::pwrite(fd, &b, 1, static_cast<off_t>(offset)) != 1) {
        ::close(fd);
        throw std::runtime_error("cannot write the flipped bit");
    }
    ::fsync(fd);
    ::close(fd);
}

HeldFileLock::HeldFileLock(const std::filesystem::path& lockFile)
    : m_fd(::open(lockFile.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600))
{
    if (m_fd < 0 || ::flock(m_fd, LOCK_EX) != 0)
        throw std::runtime_error("cannot take the lock");
}

HeldFileLock::~HeldFileLock()
{
    release();
}

void HeldFileLock::release()
{
    const int fd = m_fd.exchange(-1);
    if (fd >= 0)
        ::close(fd); // closing releases the flock
}

} // namespace fe::store::test
