#include "sync/CentralKeys.h"

#include "common/Error.h"
#include "store/FileUtil.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <sodium.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace fe::sync {
namespace {

constexpr std::string_view kPublicMagic = "faceenroll-central-public v1";
constexpr std::string_view kSecretMagic = "faceenroll-central-secret v1";
constexpr std::string_view kKeyIdContext = "FaceEnroll central key id v1";

[[noreturn]] void badKeyFile(const std::string& what)
{
    throw Error(ErrorCode::InvalidInput,
                QT_TRANSLATE_NOOP("fe::Error", "This is not a FaceEnroll central key file (%1)."), {what});
}

// "name value" lines after the first (magic) line; '#' comments and blank lines skipped.
std::map<std::string, std::string> fields(std::string_view text, std::string_view magic)
{
    std::map<std::string, std::string> out;
    std::istringstream in{std::string(text)};
    std::string line;
    bool first = true;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty() || line[0] == '#')
            continue;
        if (first) {
            if (line != magic)
                badKeyFile("line " + std::to_string(number) + ": expected \"" + std::string(magic) + "\"");
            first = false;
            continue;
        }
        const auto space = line.find(' ');
        if (space == std::string::npos || line.find(' ', space + 1) != std::string::npos)
            badKeyFile("line " + std::to_string(number));
        if (!out.emplace(line.substr(0, space), line.substr(space + 1)).second)
            badKeyFile("line " + std::to_string(number) + ": repeated");
    }
    if (first)
        badKeyFile("empty");
    return out;
}

template <std::size_t N> std::array<unsigned char, N> field(const std::map<std::string, std::string>& f, const char* name)
{
    const auto it = f.find(name);
    if (it == f.end())
        badKeyFile(std::string("no ") + name);
    const auto v = fixedFromHex<N>(it->second);
    if (!v)
        badKeyFile(name);
    return *v;
}

store::SecretBytes secretField(const std::map<std::string, std::string>& f, const char* name, std::size_t bytes)
{
    const auto it = f.find(name);
    if (it == f.end() || it->second.size() != bytes * 2)
        badKeyFile(name);
    store::SecretBytes out(bytes);
    std::size_t n = 0;
    if (sodium_hex2bin(out.data(), out.size(), it->second.data(), it->second.size(), nullptr, &n, nullptr) != 0 ||
        n != bytes)
        badKeyFile(name);
    return out;
}

void checkKeyId(const store::CentralKeyInfo& k)
{
    if (k.keyId != CentralKeys::keyIdOf(k.boxPublicKey, k.signPublicKey))
        badKeyFile("key-id does not match the keys");
}

void writeNew(const std::filesystem::path& path, std::string_view content, mode_t mode)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) {
        const int err = errno;
        if (err == EEXIST)
            throw Error(ErrorCode::Conflict, QT_TRANSLATE_NOOP("fe::Error", "%1 exists already; FaceEnroll will not overwrite it."),
                        {path.string()});
        throw Error(ErrorCode::Io, QT_TRANSLATE_NOOP("fe::Error", "Cannot write %1: %2."), {path.string(), std::strerror(err)});
    }
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t w = ::write(fd, content.data() + done, content.size() - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            const int err = errno;
            ::close(fd);
            ::unlink(path.c_str());
            throw Error(ErrorCode::Io, QT_TRANSLATE_NOOP("fe::Error", "Cannot write %1: %2."),
                        {path.string(), std::strerror(err)});
        }
        done += static_cast<std::size_t>(w);
    }
    ::fsync(fd);
    ::close(fd);
}

} // namespace

std::string CentralKeys::keyIdOf(const PublicKey& boxPublicKey, const PublicKey& signPublicKey)
{
    Bytes m(kKeyIdContext.begin(), kKeyIdContext.end());
    m.push_back(0);
    m.insert(m.end(), boxPublicKey.begin(), boxPublicKey.end());
    m.insert(m.end(), signPublicKey.begin(), signPublicKey.end());
    const Hash h = blake2b256(m);
    return toHex(ByteView(h.data(), 16));
}

CentralSecretKeys CentralKeys::generate()
{
    store::ensureSodium();
    CentralSecretKeys k;
    k.boxSecretKey = store::SecretBytes(crypto_box_SECRETKEYBYTES);
    k.signSecretKey = store::SecretBytes(crypto_sign_SECRETKEYBYTES);
    crypto_box_keypair(k.publicKeys.boxPublicKey.data(), k.boxSecretKey.data());
    crypto_sign_keypair(k.publicKeys.signPublicKey.data(), k.signSecretKey.data());
    k.publicKeys.keyId = keyIdOf(k.publicKeys.boxPublicKey, k.publicKeys.signPublicKey);
    return k;
}

std::string CentralKeys::formatPublic(const store::CentralKeyInfo& keys)
{
    return std::string(kPublicMagic) + "\nkey-id " + keys.keyId + "\nbox-public-key " + toHex(keys.boxPublicKey) +
           "\nsign-public-key " + toHex(keys.signPublicKey) + "\n";
}

store::CentralKeyInfo CentralKeys::parsePublic(std::string_view text)
{
    const auto f = fields(text, kPublicMagic);
    store::CentralKeyInfo k;
    const auto id = f.find("key-id");
    if (id == f.end() || !fromHex(id->second, 16))
        badKeyFile("key-id");
    k.keyId = id->second;
    k.boxPublicKey = field<32>(f, "box-public-key");
    k.signPublicKey = field<32>(f, "sign-public-key");
    checkKeyId(k);
    return k;
}

store::SecretBytes CentralKeys::formatSecret(const CentralSecretKeys& keys)
{
    std::string head = std::string(kSecretMagic) + "\nkey-id " + keys.publicKeys.keyId + "\nbox-public-key " +
                       toHex(keys.publicKeys.boxPublicKey) + "\nsign-public-key " + toHex(keys.publicKeys.signPublicKey) +
                       "\nbox-secret-key ";
    // The secret parts are hex-encoded straight into guarded memory.
    const std::size_t boxHex = keys.boxSecretKey.size() * 2;
    const std::string middle = "\nsign-seed ";
    const std::size_t seedHex = crypto_sign_SEEDBYTES * 2;
    store::SecretBytes out(head.size() + boxHex + middle.size() + seedHex + 1);
    unsigned char* p = out.data();
    std::memcpy(p, head.data(), head.size());
    p += head.size();
    sodium_bin2hex(reinterpret_cast<char*>(p), boxHex + 1, keys.boxSecretKey.data(), keys.boxSecretKey.size());
    p += boxHex;
    std::memcpy(p, middle.data(), middle.size());
    p += middle.size();
    store::SecretBytes tmp(seedHex + 1);
    sodium_bin2hex(reinterpret_cast<char*>(tmp.data()), tmp.size(), keys.signSecretKey.data(), crypto_sign_SEEDBYTES);
    std::memcpy(p, tmp.data(), seedHex);
    p += seedHex;
    *p = '\n';
    return out;
}

CentralSecretKeys CentralKeys::parseSecret(std::string_view text)
{
    auto f = fields(text, kSecretMagic);
    // The hex of the secret keys must not outlive the parse.
    struct Wipe
    {
        std::map<std::string, std::string>& f;
        ~Wipe()
        {
            for (auto& [name, value] : f)
                sodium_memzero(value.data(), value.size());
        }
    } wipe{f};
    CentralSecretKeys k;
    const auto id = f.find("key-id");
    if (id == f.end() || !fromHex(id->second, 16))
        badKeyFile("key-id");
    k.publicKeys.keyId = id->second;
    k.publicKeys.boxPublicKey = field<32>(f, "box-public-key");
    k.publicKeys.signPublicKey = field<32>(f, "sign-public-key");
    checkKeyId(k.publicKeys);
    k.boxSecretKey = secretField(f, "box-secret-key", crypto_box_SECRETKEYBYTES);
    const store::SecretBytes seed = secretField(f, "sign-seed", crypto_sign_SEEDBYTES);
    k.signSecretKey = store::SecretBytes(crypto_sign_SECRETKEYBYTES);
    PublicKey signPk{};
    crypto_sign_seed_keypair(signPk.data(), k.signSecretKey.data(), seed.data());
    PublicKey boxPk{};
    crypto_scalarmult_base(boxPk.data(), k.boxSecretKey.data());
    if (!equalBytes(signPk, k.publicKeys.signPublicKey) || !equalBytes(boxPk, k.publicKeys.boxPublicKey))
        badKeyFile("the secret keys do not match the public keys");
    return k;
}

void CentralKeys::writeKeyDirectory(const std::filesystem::path& dir, const CentralSecretKeys& keys)
{
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        throw Error(ErrorCode::Io, QT_TRANSLATE_NOOP("fe::Error", "Cannot write %1: %2."), {dir.string(), ec.message()});
    const auto secret = formatSecret(keys);
    writeNew(dir / "central.key", secret.view(), 0600);
    try {
        writeNew(dir / "central.pub", formatPublic(keys.publicKeys), 0644);
    } catch (...) {
        ::unlink((dir / "central.key").c_str());
        throw;
    }
    store::syncDirectory(dir);
}

CentralSecretKeys CentralKeys::loadSecret(const std::filesystem::path& dir)
{
    const auto path = dir / "central.key";
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0)
        throw Error(ErrorCode::NotFound, QT_TRANSLATE_NOOP("fe::Error", "There is no file %1."), {path.string()});
    if ((st.st_mode & 0077) != 0)
        throw Error(ErrorCode::PermissionDenied,
                    QT_TRANSLATE_NOOP("fe::Error", "%1 is readable by other users; make it readable by its owner only "
                                                   "(chmod 600)."),
                    {path.string()});
    std::string text = store::readWholeFile(path);
    auto keys = parseSecret(text);
    sodium_memzero(text.data(), text.size());
    return keys;
}

store::CentralKeyInfo CentralKeys::loadPublic(const std::filesystem::path& file)
{
    return parsePublic(store::readWholeFile(file));
}

} // namespace fe::sync
