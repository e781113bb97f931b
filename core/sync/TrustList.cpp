#include "sync/TrustList.h"

#include "common/Error.h"
#include "store/FileUtil.h"
#include "sync/ByteUtil.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>
#include <set>
#include <sstream>

namespace fe::sync {
namespace {

constexpr std::size_t kMaxNameBytes = 64; // as the store's station.name setting

[[noreturn]] void badLine(int number, const char* textTemplate)
{
    throw Error(ErrorCode::InvalidInput, textTemplate, {std::to_string(number)});
}

// <station id> <public key, 64 hex> <name: the rest of the line>
store::TrustedStation parsePlainLine(const std::string& line, int number)
{
    const auto a = line.find(' ');
    const auto b = a == std::string::npos ? a : line.find(' ', a + 1);
    if (b == std::string::npos)
        badLine(number, QT_TRANSLATE_NOOP("fe::Error", "Trust list line %1 needs a station id, a public key and a name."));
    store::TrustedStation s;
    s.stationId = line.substr(0, a);
    if (!uuidToBytes(s.stationId))
        badLine(number, QT_TRANSLATE_NOOP("fe::Error", "Trust list line %1: the station id is not a UUID."));
    const auto key = fixedFromHex<32>(line.substr(a + 1, b - a - 1));
    if (!key)
        badLine(number, QT_TRANSLATE_NOOP("fe::Error", "Trust list line %1: the public key is not 64 hex digits."));
    s.publicKey = *key;
    s.name = line.substr(b + 1);
    while (!s.name.empty() && (s.name.back() == ' ' || s.name.back() == '\t'))
        s.name.pop_back();
    return s;
}

// A line of faceenroll-cli's output: {"station", "public_key", "name"} as `trust list` prints
// it, or inside "summary" as `keys export-station-public` prints it. A summary without
// "station" (the count that ends `trust list`) carries no station: nullopt.
std::optional<store::TrustedStation> parseJsonLine(const std::string& line, int number)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(line), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        badLine(number, QT_TRANSLATE_NOOP("fe::Error", "Trust list line %1 starts with \"{\" but is not a JSON object."));
    QJsonObject o = doc.object();
    const bool summary = o.size() == 1 && o.value(QStringLiteral("summary")).isObject();
    if (summary)
        o = o.value(QStringLiteral("summary")).toObject();
    if (summary && !o.contains(QStringLiteral("station")))
        return std::nullopt;
    const QJsonValue id = o.value(QStringLiteral("station"));
    const QJsonValue key = o.value(QStringLiteral("public_key"));
    const QJsonValue name = o.value(QStringLiteral("name"));
    if (!id.isString() || !key.isString() || !name.isString())
        badLine(number, QT_TRANSLATE_NOOP("fe::Error", "Trust list line %1 needs a station id, a public key and a name."));
    store::TrustedStation s;
    s.stationId = id.toString().toStdString();
    if (!uuidToBytes(s.stationId))
        badLine(number, QT_TRANSLATE_NOOP("fe::Error", "Trust list line %1: the station id is not a UUID."));
    const auto k = fixedFromHex<32>(key.toString().toStdString());
    if (!k)
        badLine(number, QT_TRANSLATE_NOOP("fe::Error", "Trust list line %1: the public key is not 64 hex digits."));
    s.publicKey = *k;
    s.name = name.toString().toStdString();
    return s;
}

void checkName(const std::string& name, int number)
{
    if (name.empty() || name.size() > kMaxNameBytes)
        badLine(number, QT_TRANSLATE_NOOP("fe::Error", "Trust list line %1: the name must have 1 to 64 bytes."));
    for (const char c : name) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            badLine(number, QT_TRANSLATE_NOOP("fe::Error", "Trust list line %1: the name holds a control character."));
    }
}

} // namespace

std::string TrustList::formatLine(const store::TrustedStation& station)
{
    return station.stationId + " " + toHex(station.publicKey) + " " + station.name;
}

std::vector<store::TrustedStation> TrustList::parse(std::string_view text)
{
    std::vector<store::TrustedStation> out;
    std::set<std::string> seen;
    std::istringstream in{std::string(text)};
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        const auto start = line.find_first_not_of(" \t");
        if (start == std::string::npos || line[start] == '#')
            continue;
        line = line.substr(start);
        std::optional<store::TrustedStation> s =
            line.front() == '{' ? parseJsonLine(line, number) : std::optional(parsePlainLine(line, number));
        if (!s)
            continue; // a CLI summary without a station (`trust list` ends with one)
        checkName(s->name, number);
        if (!seen.insert(s->stationId).second)
            badLine(number, QT_TRANSLATE_NOOP("fe::Error", "Trust list line %1: the station is listed twice."));
        out.push_back(std::move(*s));
    }
    return out;
}

std::vector<store::TrustedStation> TrustList::load(const std::filesystem::path& file)
{
    return parse(store::readWholeFile(file));
}

} // namespace fe::sync
