#include "store/KeyFile.h"

#include "common/Error.h"
#include "store/FileUtil.h"
#include "store/SecretBytes.h"
#include "store/StoreConstants.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <sodium.h>
#include <sstream>

namespace fe::store {
namespace {

constexpr std::string_view kMagic = "faceenroll-keyfile";
constexpr int kFormat = 1;
constexpr std::size_t kChecksumBytes = 16;

std::string hex(const unsigned char* p, std::size_t n)
{
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), p, n);
    out.pop_back();
    return out;
}

template <std::size_t N> std::string hex(const std::array<unsigned char, N>& a)
{
    return hex(a.data(), a.size());
}

std::string hex(const std::vector<unsigned char>& v)
{
    return hex(v.data(), v.size());
}

std::string lineChecksum(std::string_view body)
{
    unsigned char sum[kChecksumBytes];
    crypto_generichash(sum, sizeof sum, reinterpret_cast<const unsigned char*>(body.data()), body.size(),
                       nullptr, 0);
    return hex(sum, sizeof sum);
}

struct Damaged
{
};

// One parsed line: its type word and key=value fields.
struct Line
{
    std::string type;
    std::map<std::string, std::string, std::less<>> fields;

    [[nodiscard]] const std::string& get(std::string_view key) const
    {
        const auto it = fields.find(key);
        if (it == fields.end())
            throw Damaged{};
        return it->second;
    }
    [[nodiscard]] bool has(std::string_view key) const { return fields.find(key) != fields.end(); }
    [[nodiscard]] std::uint64_t number(std::string_view key) const
    {
        const auto& s = get(key);
        std::uint64_t v = 0;
        const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec != std::errc() || p != s.data() + s.size())
            throw Damaged{};
        return v;
    }
    [[nodiscard]] std::vector<unsigned char> bytes(std::string_view key) const
    {
        const auto& s = get(key);
        std::vector<unsigned char> out(s.size() / 2);
        std::size_t n = 0;
        if (s.size() % 2 != 0 ||
            sodium_hex2bin(out.data(), out.size(), s.data(), s.size(), nullptr, &n, nullptr) != 0 ||
            n != out.size())
            throw Damaged{};
        return out;
    }
    template <std::size_t N> [[nodiscard]] std::array<unsigned char, N> fixed(std::string_view key) const
    {
        const auto v = bytes(key);
        if (v.size() != N)
            throw Damaged{};
        std::array<unsigned char, N> out{};
        std::copy(v.begin(), v.end(), out.begin());
        return out;
    }
};

// Splits "type k=v k=v sum=..." and checks the checksum over everything before " sum=".
Line parseLine(std::string_view text)
{
    const auto sumAt = text.rfind(" sum=");
    if (sumAt == std::string_view::npos)
        throw Damaged{};
    const auto body = text.substr(0, sumAt);
    if (text.substr(sumAt + 5) != lineChecksum(body))
        throw Damaged{};
    Line line;
    std::size_t pos = 0;
    bool first = true;
    while (pos <= body.size()) {
        auto end = body.find(' ', pos);
        if (end == std::string_view::npos)
            end = body.size();
        const auto token = body.substr(pos, end - pos);
        if (token.empty())
            throw Damaged{};
        if (first) {
            line.type = std::string(token);
            first = false;
        } else {
            const auto eq = token.find('=');
            if (eq == std::string_view::npos || eq == 0)
                throw Damaged{};
            line.fields.emplace(std::string(token.substr(0, eq)), std::string(token.substr(eq + 1)));
        }
        pos = end + 1;
    }
    return line;
}

class LineWriter
{
public:
    explicit LineWriter(std::string type) : m_body(std::move(type)) {}
    LineWriter& add(std::string_view key, std::string_view value)
    {
        m_body += ' ';
        m_body += key;
        m_body += '=';
        m_body += value;
        return *this;
    }
    LineWriter& add(std::string_view key, std::uint64_t value) { return add(key, std::to_string(value)); }
    void appendTo(std::string& out) const
    {
        out += m_body;
        out += " sum=";
        out += lineChecksum(m_body);
        out += '\n';
    }

private:
    std::string m_body;
};

void writeWrapped(LineWriter& w, std::string_view prefix, const KeyFile::WrappedKey& k)
{
    w.add(std::string(prefix) + "epk", hex(k.ephemeralPublicKey));
    w.add(std::string(prefix) + "nonce", hex(k.nonce));
    w.add(std::string(prefix) + "key", hex(k.ciphertext));
}

KeyFile::WrappedKey readWrapped(const Line& line, std::string_view prefix)
{
    KeyFile::WrappedKey k;
    k.ephemeralPublicKey = line.fixed<32>(std::string(prefix) + "epk");
    k.nonce = line.fixed<24>(std::string(prefix) + "nonce");
    k.ciphertext = line.bytes(std::string(prefix) + "key");
    return k;
}

KeyFile::Lockout parseLockoutFields(const Line& line);

KeyFile::Slot parseSlot(const Line& line)
{
    KeyFile::Slot slot;
    const auto& kind = line.get("kind");
    if (kind == "user") {
        slot.kind = KeyFile::Slot::Kind::User;
        slot.label = line.get("label");
        slot.kdf.opsLimit = line.number("ops");
        slot.kdf.memLimitBytes = static_cast<std::size_t>(line.number("mem"));
        slot.kdfSalt = line.fixed<16>("kdfsalt");
        slot.secretKeyNonce = line.fixed<24>("sknonce");
        slot.wrappedSecretKey = line.bytes("sk");
        slot.lockout = parseLockoutFields(line);
    } else if (kind == "recovery") {
        slot.kind = KeyFile::Slot::Kind::Recovery;
    } else {
        throw Damaged{};
    }
    slot.publicKey = line.fixed<32>("pk");
    slot.databaseKey = readWrapped(line, "");
    if (line.has("next-key"))
        slot.nextDatabaseKey = readWrapped(line, "next-");
    return slot;
}

// Whether a line that fails its checksum was (probably) a key slot. Only slots protect keys:
// a damaged slot is reported as a damaged key file, while a damaged event or unknown-name line
// is skipped, so that one flipped byte in a failed-login record cannot lock every user out.
bool looksLikeSlot(std::string_view raw)
{
    return raw.starts_with("slot") || raw.find(" kind=") != std::string_view::npos ||
           raw.find(" pk=") != std::string_view::npos || raw.find(" sk=") != std::string_view::npos;
}

KeyFile::Lockout parseLockoutFields(const Line& line)
{
    KeyFile::Lockout l;
    l.failedAttempts = static_cast<int>(line.number("fails"));
    l.lockouts = static_cast<int>(line.number("lockouts"));
    if (const auto until = line.number("until"); until != 0)
        l.lockedUntil = fromMillis(static_cast<std::int64_t>(until));
    return l;
}

void writeLockout(LineWriter& w, const KeyFile::Lockout& l)
{
    w.add("fails", static_cast<std::uint64_t>(l.failedAttempts))
        .add("lockouts", static_cast<std::uint64_t>(l.lockouts))
        .add("until", l.lockedUntil ? static_cast<std::uint64_t>(toMillis(*l.lockedUntil)) : std::uint64_t{0});
}

} // namespace

KeyFile KeyFile::load(const std::filesystem::path& path, Parse mode)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw Error(
            ErrorCode::NotFound,
            QT_TRANSLATE_NOOP("fe::Error", "The key file %1 is missing; without it the database cannot be opened (restore it "
                          "from the backup taken with the database)."),
            {path.string()});
    return parse(readWholeFile(path), path, mode);
}

KeyFile KeyFile::parse(std::string_view text, const std::filesystem::path& pathForMessages, Parse mode)
{
    ensureSodium();
    KeyFile file;
    std::size_t pos = 0;
    int lineNumber = 0;
    bool haveHeader = false;
    while (pos < text.size()) {
        auto end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        const auto raw = text.substr(pos, end - pos);
        pos = end + 1;
        ++lineNumber;
        if (raw.empty())
            continue;
        try {
            const Line line = parseLine(raw);
            if (!haveHeader) {
                if (line.type != kMagic || line.number("format") != kFormat)
                    throw Damaged{};
                file.databaseId = line.get("database");
                file.databaseSalt = line.fixed<16>("salt");
                file.droppedEvents = line.number("dropped");
                file.damagedEvents = line.has("damaged") ? line.number("damaged") : 0;
                haveHeader = true;
            } else if (line.type == "slot") {
                file.slots.push_back(parseSlot(line));
            } else if (line.type == "event") {
                PendingEvent e;
                if (line.has("id"))
                    e.id = line.get("id");
                e.time = fromMillis(static_cast<std::int64_t>(line.number("time")));
                e.label = line.get("label");
                e.action = line.get("action");
                e.outcome = line.get("outcome");
                file.events.push_back(std::move(e));
            } else if (line.type == "unknown") {
                UnknownName u;
                u.label = line.get("label");
                u.lockout = parseLockoutFields(line);
                u.lastFailure = fromMillis(static_cast<std::int64_t>(line.number("last")));
                file.unknownNames.push_back(std::move(u));
            } else {
                throw Damaged{};
            }
        } catch (const Damaged&) {
            if (haveHeader && !looksLikeSlot(raw)) {
                ++file.damagedEvents;
                continue;
            }
            if (!haveHeader || mode == Parse::Strict)
                throw Error(
                    ErrorCode::Corrupt,
                    QT_TRANSLATE_NOOP("fe::Error", "The key file %1 is damaged (line %2 fails its checksum); restore it from "
                                  "a backup, or use the recovery key."),
                    {pathForMessages.string(), std::to_string(lineNumber)});
            ++file.damagedLines;
        }
    }
    if (!haveHeader)
        throw Error(ErrorCode::Corrupt,
                    QT_TRANSLATE_NOOP("fe::Error", "The key file %1 is empty or not a FaceEnroll key file."),
                    {pathForMessages.string()});
    return file;
}

std::string KeyFile::serialize() const
{
    std::string out;
    LineWriter header{std::string(kMagic)};
    header.add("format", static_cast<std::uint64_t>(kFormat))
        .add("database", databaseId)
        .add("salt", hex(databaseSalt))
        .add("dropped", droppedEvents);
    if (damagedEvents != 0)
        header.add("damaged", damagedEvents);
    header.appendTo(out);
    for (const auto& slot : slots) {
        LineWriter w("slot");
        if (slot.kind == Slot::Kind::User) {
            w.add("kind", "user")
                .add("label", slot.label)
                .add("ops", slot.kdf.opsLimit)
                .add("mem", static_cast<std::uint64_t>(slot.kdf.memLimitBytes))
                .add("kdfsalt", hex(slot.kdfSalt))
                .add("sknonce", hex(slot.secretKeyNonce))
                .add("sk", hex(slot.wrappedSecretKey));
        } else {
            w.add("kind", "recovery");
        }
        w.add("pk", hex(slot.publicKey));
        writeWrapped(w, "", slot.databaseKey);
        if (slot.nextDatabaseKey)
            writeWrapped(w, "next-", *slot.nextDatabaseKey);
        if (slot.kind == Slot::Kind::User)
            writeLockout(w, slot.lockout);
        w.appendTo(out);
    }
    for (const auto& u : unknownNames) {
        LineWriter w("unknown");
        w.add("label", u.label);
        writeLockout(w, u.lockout);
        w.add("last", static_cast<std::uint64_t>(toMillis(u.lastFailure)));
        w.appendTo(out);
    }
    for (const auto& e : events) {
        LineWriter w("event");
        if (!e.id.empty())
            w.add("id", e.id);
        w.add("time", static_cast<std::uint64_t>(toMillis(e.time)))
            .add("label", e.label)
            .add("action", e.action)
            .add("outcome", e.outcome);
        w.appendTo(out);
    }
    return out;
}

void KeyFile::save(const std::filesystem::path& path) const
{
    writeFileAtomically(path, serialize());
}

KeyFile::Slot* KeyFile::findUser(std::string_view label)
{
    for (auto& s : slots) {
        if (s.kind == Slot::Kind::User && s.label == label)
            return &s;
    }
    return nullptr;
}

const KeyFile::Slot* KeyFile::findUser(std::string_view label) const
{
    return const_cast<KeyFile*>(this)->findUser(label);
}

KeyFile::Slot* KeyFile::recovery()
{
    for (auto& s : slots) {
        if (s.kind == Slot::Kind::Recovery)
            return &s;
    }
    return nullptr;
}

const KeyFile::Slot* KeyFile::recovery() const
{
    return const_cast<KeyFile*>(this)->recovery();
}

void KeyFile::removeUser(std::string_view label)
{
    std::erase_if(slots, [&](const Slot& s) { return s.kind == Slot::Kind::User && s.label == label; });
}

void KeyFile::addEvent(PendingEvent event)
{
    if (event.id.empty()) {
        unsigned char id[16];
        randombytes_buf(id, sizeof id);
        event.id = hex(id, sizeof id);
    }
    events.push_back(std::move(event));
    while (events.size() > constants::kMaxPendingKeyEvents) {
        events.erase(events.begin());
        ++droppedEvents;
    }
}

KeyFile::UnknownName* KeyFile::findUnknown(std::string_view label)
{
    for (auto& u : unknownNames) {
        if (u.label == label)
            return &u;
    }
    return nullptr;
}

KeyFile::UnknownName& KeyFile::unknownName(std::string_view label, TimePoint now)
{
    if (auto* u = findUnknown(label))
        return *u;
    if (unknownNames.size() >= constants::kMaxUnknownNames) {
        // Forget the least recently tried name that is not locked now; if every one is locked,
        // the least recently tried one.
        auto victim = unknownNames.end();
        for (auto it = unknownNames.begin(); it != unknownNames.end(); ++it) {
            const bool locked = it->lockout.lockedUntil && *it->lockout.lockedUntil > now;
            if (!locked && (victim == unknownNames.end() || it->lastFailure < victim->lastFailure))
                victim = it;
        }
        if (victim == unknownNames.end())
            victim = std::min_element(unknownNames.begin(), unknownNames.end(),
                                      [](const UnknownName& a, const UnknownName& b) { return a.lastFailure < b.lastFailure; });
        unknownNames.erase(victim);
    }
    unknownNames.push_back({std::string(label), {}, now});
    return unknownNames.back();
}

void KeyFile::removeUnknown(std::string_view label)
{
    std::erase_if(unknownNames, [&](const UnknownName& u) { return u.label == label; });
}

} // namespace fe::store
