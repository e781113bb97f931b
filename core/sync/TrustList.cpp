#include "sync/TrustList.h"

#include "common/Error.h"
#include "store/FileUtil.h"
#include "sync/ByteUtil.h"

#include <set>
#include <sstream>

namespace fe::sync {
namespace {

constexpr std::size_t kMaxNameBytes = 64; // as the store's station.name setting

[[noreturn]] void badLine(int number, const char* textTemplate)
{
    throw Error(ErrorCode::InvalidInput, textTemplate, {std::to_string(number)});
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
        if (s.name.empty() || s.name.size() > kMaxNameBytes)
            badLine(number, QT_TRANSLATE_NOOP("fe::Error", "Trust list line %1: the name must have 1 to 64 bytes."));
        for (const char c : s.name) {
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
                badLine(number, QT_TRANSLATE_NOOP("fe::Error", "Trust list line %1: the name holds a control character."));
        }
        if (!seen.insert(s.stationId).second)
            badLine(number, QT_TRANSLATE_NOOP("fe::Error", "Trust list line %1: the station is listed twice."));
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<store::TrustedStation> TrustList::load(const std::filesystem::path& file)
{
    return parse(store::readWholeFile(file));
}

} // namespace fe::sync
