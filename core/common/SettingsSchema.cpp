#include "common/SettingsSchema.h"

#include "common/Error.h"
#include "common/Logging.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <vector>

namespace fe {
namespace {

// Every station setting. Ranges are chosen so that no value in them can stop a station from
// working: a threshold that flags every enrollment, or none, is as bad as one that throws.
constexpr SettingSpec kSettings[] = {
    // Issue 3: biometric fields are purged 7 days after the central receipt unless configured;
    // at most ten years. 0 purges at the next purge run after the receipt.
    {setting::kRetentionDays, SettingType::Integer, 0, 3650, "7", SettingAccess::Settings, {},
     QT_TRANSLATE_NOOP("fe::Settings", "Days the biometric data of an enrollment is kept after the central service "
                                       "confirmed it.")},
    // Shop counters are shared; 5 minutes is our choice, below PCI DSS v4.0 8.2.8's 15-minute
    // maximum. At most 4 hours: a counter session never needs more.
    {setting::kIdleTimeoutMinutes, SettingType::Integer, 1, 240, "5", SettingAccess::Settings, {},
     QT_TRANSLATE_NOOP("fe::Settings", "Minutes without activity after which a session locks itself.")},
    {setting::kStationName, SettingType::Text, 1, 64, "station", SettingAccess::Settings, {},
     QT_TRANSLATE_NOOP("fe::Settings", "The name of this station, shown to its users and in exported bundles.")},
    // Cosine similarity of fr_feature templates (docs/matching.md). Not stored, match::MatchPolicy
    // chooses both from the shipped calibration for a target (FMR 1e-4 for 1:1; the false
    // duplicate flags per 1,000 enrollments below at the current gallery size for 1:N): about
    // 0.41 today. An administrator who calibrated on the station's own population may fix them.
    // Below 0.20 a threshold sits in the impostor scores measured, and 1:N compares against every
    // enrolled face; above 0.80 a large share of genuine pairs would be missed. Either way every
    // counter would stall in review, so the range stops there.
    {setting::kThresholdDocument, SettingType::Real, 0.20, 0.80, "", SettingAccess::Thresholds, {},
     QT_TRANSLATE_NOOP("fe::Settings", "Lowest similarity between the live face and the ID-document photo (1:1) "
                                       "that counts as the same person. Not set: chosen from the shipped "
                                       "calibration for a false match rate of 1 in 10,000."),
     true},
    {setting::kThresholdDuplicate, SettingType::Real, 0.20, 0.80, "", SettingAccess::Thresholds, {},
     QT_TRANSLATE_NOOP("fe::Settings", "Lowest similarity between the live face and an enrolled face (1:N) that "
                                       "counts as the same person. Not set: chosen for the gallery size and the "
                                       "accepted false duplicate flags."),
     true},
    // The 1:N target (issue 15): false duplicate flags per 1,000 enrollments the station accepts.
    {setting::kDuplicateFalseFlagsPer1000, SettingType::Real, 0.001, 100, "1", SettingAccess::Thresholds, {},
     QT_TRANSLATE_NOOP("fe::Settings", "False duplicate flags per 1,000 enrollments the station accepts; the "
                                       "duplicate threshold follows from it and the number of enrolled faces.")},
    {setting::kDuplicateCandidates, SettingType::Integer, 1, 50, "5", SettingAccess::Thresholds, {},
     QT_TRANSLATE_NOOP("fe::Settings", "Most enrolled faces recorded as candidates for one duplicate flag.")},
    // Phone numbers one face may hold before an enrollment is flagged too_many_numbers. 0 would
    // flag every enrollment; more than 100 is no limit at all.
    {setting::kThresholdNumbersPerPerson, SettingType::Integer, 1, 100, "5", SettingAccess::Thresholds, {},
     QT_TRANSLATE_NOOP("fe::Settings", "Phone numbers one person may hold before an enrollment is flagged.")},
    // Issue 12: liveness without prompts (spontaneous mode) cannot tell a replayed recording
    // from a live face (docs/liveness.md). By default only the demo camera may use it; "always"
    // allows it with a real camera too, and each such enrollment is flagged for review.
    {setting::kLivenessSpontaneousMode, SettingType::Choice, 0, 0, "demo_camera", SettingAccess::Settings,
     "never|demo_camera|always",
     QT_TRANSLATE_NOOP("fe::Settings", "Where liveness without prompts (spontaneous mode) may be used: never, "
                                       "demo_camera (the demo media only) or always (real cameras too; such "
                                       "enrollments are flagged for review).")},
};

std::string formatNumber(double v)
{
    std::array<char, 32> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v);
    return ec == std::errc() ? std::string(buffer.data(), end) : std::to_string(v);
}

std::optional<double> parseReal(std::string_view s)
{
    double v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::optional<std::int64_t> parseInteger(std::string_view s)
{
    std::int64_t v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || p != s.data() + s.size())
        return std::nullopt;
    return v;
}

// Code points of well-formed UTF-8 without control characters (C0, DEL, C1) and without the
// bidirectional overrides that make a name display as something else; nullopt otherwise.
std::optional<std::size_t> printableLength(std::string_view s)
{
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        char32_t cp = 0;
        std::size_t n = 0;
        if (c < 0x80) {
            cp = c;
            n = 1;
        } else if ((c & 0xE0) == 0xC0) {
            cp = c & 0x1F;
            n = 2;
        } else if ((c & 0xF0) == 0xE0) {
            cp = c & 0x0F;
            n = 3;
        } else if ((c & 0xF8) == 0xF0) {
            cp = c & 0x07;
            n = 4;
        } else {
            return std::nullopt;
        }
        if (i + n > s.size())
            return std::nullopt;
        for (std::size_t k = 1; k < n; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80)
                return std::nullopt;
            cp = (cp << 6) | (cc & 0x3F);
        }
        const bool overlong = (n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
        const bool control = cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
        const bool bidi = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
        if (overlong || control || bidi || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return std::nullopt;
        i += n;
        ++count;
    }
    return count;
}

bool isChoice(const SettingSpec& spec, std::string_view value)
{
    std::string_view rest = spec.choices;
    while (!rest.empty()) {
        const auto bar = rest.find('|');
        if (rest.substr(0, bar) == value)
            return true;
        if (bar == std::string_view::npos)
            break;
        rest.remove_prefix(bar + 1);
    }
    return false;
}

// Optimal string alignment distance (Levenshtein plus adjacent transpositions: "documnet").
std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i)
        d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j)
        d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}

const SettingSpec& specFor(std::string_view key, SettingType type)
{
    const SettingSpec* spec = SettingsSchema::find(key);
    // Integer settings may be read as real numbers; nothing else mixes.
    if (spec == nullptr || !(spec->type == type || (type == SettingType::Real && spec->type == SettingType::Integer)))
        throw Error(ErrorCode::Internal,
                    QT_TRANSLATE_NOOP("fe::Error", "The setting %1 is read as a %2, which the settings schema does not "
                                                   "say it is."),
                    {std::string(key), SettingsSchema::typeName(type)});
    return *spec;
}

std::string effectiveOrWarn(const SettingSpec& spec, const std::optional<std::string>& value)
{
    if (!value)
        return std::string(spec.defaultValue);
    if (spec.computed && value->empty())
        return {};
    if (const auto why = SettingsSchema::problem(spec, *value)) {
        // Loud, not fatal: a value stored by an older build (or written around the store) must
        // not stop enrollments; `faceenroll-cli settings list` shows it too.
        qCWarning(lcSettings).noquote() << "ignoring the stored value of" << QString::fromUtf8(spec.key.data(), static_cast<qsizetype>(spec.key.size()))
                                        << "and using its default" << QString::fromUtf8(spec.defaultValue.data(), static_cast<qsizetype>(spec.defaultValue.size()))
                                        << "(allowed:" << QString::fromStdString(SettingsSchema::allowedText(spec)) + QStringLiteral(")");
        return std::string(spec.defaultValue);
    }
    return *value;
}

std::optional<std::string> lookup(const SettingsSchema::Stored& stored, std::string_view key)
{
    const auto it = stored.find(std::string(key));
    if (it == stored.end())
        return std::nullopt;
    return it->second;
}

} // namespace

std::span<const SettingSpec> SettingsSchema::all() noexcept
{
    return kSettings;
}

const SettingSpec* SettingsSchema::find(std::string_view key) noexcept
{
    for (const auto& s : kSettings) {
        if (s.key == key)
            return &s;
    }
    return nullptr;
}

std::optional<std::string_view> SettingsSchema::nearestKey(std::string_view unknown)
{
    std::optional<std::string_view> best;
    std::size_t bestDistance = 0;
    for (const auto& s : kSettings) {
        const std::size_t d = editDistance(unknown, s.key);
        if (!best || d < bestDistance) {
            best = s.key;
            bestDistance = d;
        }
    }
    // A typo changes a few characters; beyond a quarter of the key it is another word.
    if (best && bestDistance <= std::max<std::size_t>(2, best->size() / 4))
        return best;
    return std::nullopt;
}

const char* SettingsSchema::typeName(SettingType type) noexcept
{
    switch (type) {
    case SettingType::Integer:
        return "integer";
    case SettingType::Real:
        return "number";
    case SettingType::Text:
        return "text";
    case SettingType::Choice:
        return "choice";
    }
    return "text";
}

std::string SettingsSchema::allowedText(const SettingSpec& spec)
{
    switch (spec.type) {
    case SettingType::Integer:
        return "a whole number from " + formatNumber(spec.min) + " to " + formatNumber(spec.max);
    case SettingType::Real:
        return "a number from " + formatNumber(spec.min) + " to " + formatNumber(spec.max);
    case SettingType::Text:
        return formatNumber(spec.min) + " to " + formatNumber(spec.max) + " characters of text";
    case SettingType::Choice: {
        std::string out = "one of ";
        for (const char c : spec.choices)
            out += c == '|' ? std::string(", ") : std::string(1, c);
        return out;
    }
    }
    return {};
}

std::optional<std::string> SettingsSchema::problem(const SettingSpec& spec, std::string_view value)
{
    if (spec.computed && value.empty())
        return std::nullopt; // "not set": the reader computes it (storing "" unsets a fixed value)
    bool ok = false;
    switch (spec.type) {
    case SettingType::Integer: {
        const auto v = parseInteger(value);
        ok = v && static_cast<double>(*v) >= spec.min && static_cast<double>(*v) <= spec.max;
        break;
    }
    case SettingType::Real: {
        const auto v = parseReal(value);
        ok = v && *v >= spec.min && *v <= spec.max;
        break;
    }
    case SettingType::Text: {
        const auto n = printableLength(value);
        ok = n && static_cast<double>(*n) >= spec.min && static_cast<double>(*n) <= spec.max;
        break;
    }
    case SettingType::Choice:
        ok = isChoice(spec, value);
        break;
    }
    if (ok)
        return std::nullopt;
    return "The setting " + std::string(spec.key) + " takes " + allowedText(spec) + ".";
}

void SettingsSchema::validate(std::string_view key, std::string_view value)
{
    const SettingSpec* spec = find(key);
    if (spec == nullptr) {
        if (const auto near = nearestKey(key))
            throw Error(ErrorCode::InvalidArgument,
                        QT_TRANSLATE_NOOP("fe::Error", "There is no setting %1; did you mean %2?"),
                        {std::string(key), std::string(*near)});
        std::string known;
        for (const auto& s : kSettings)
            known += (known.empty() ? "" : ", ") + std::string(s.key);
        throw Error(ErrorCode::InvalidArgument, QT_TRANSLATE_NOOP("fe::Error", "There is no setting %1; the settings are %2."),
                    {std::string(key), known});
    }
    if (!problem(*spec, value))
        return;
    const std::vector<std::string> args{std::string(key), std::string(value), formatNumber(spec->min),
                                        formatNumber(spec->max), std::string(spec->choices)};
    switch (spec->type) {
    case SettingType::Integer:
        throw Error(ErrorCode::InvalidArgument,
                    QT_TRANSLATE_NOOP("fe::Error", "%2 is not allowed for the setting %1: it takes a whole number from %3 "
                                                   "to %4."),
                    args);
    case SettingType::Real:
        throw Error(ErrorCode::InvalidArgument,
                    QT_TRANSLATE_NOOP("fe::Error", "%2 is not allowed for the setting %1: it takes a number from %3 to %4."),
                    args);
    case SettingType::Text:
        throw Error(ErrorCode::InvalidArgument,
                    QT_TRANSLATE_NOOP("fe::Error", "That value is not allowed for the setting %1: it takes %3 to %4 "
                                                   "characters of text without control characters."),
                    args);
    case SettingType::Choice:
        throw Error(ErrorCode::InvalidArgument,
                    QT_TRANSLATE_NOOP("fe::Error", "%2 is not allowed for the setting %1: it takes one of %5."), args);
    }
}

std::string SettingsSchema::effective(const SettingSpec& spec, const std::optional<std::string>& value)
{
    return effectiveOrWarn(spec, value);
}

std::int64_t SettingsSchema::integer(std::string_view key, const std::optional<std::string>& value)
{
    const auto& spec = specFor(key, SettingType::Integer);
    return parseInteger(effectiveOrWarn(spec, value)).value_or(0);
}

double SettingsSchema::real(std::string_view key, const std::optional<std::string>& value)
{
    const auto& spec = specFor(key, SettingType::Real);
    if (spec.computed)
        throw Error(ErrorCode::Internal,
                    QT_TRANSLATE_NOOP("fe::Error", "The setting %1 is computed when it is not set; it is read with "
                                                   "optionalReal."),
                    {std::string(key)});
    return parseReal(effectiveOrWarn(spec, value)).value_or(0.0);
}

std::optional<double> SettingsSchema::optionalReal(const Stored& stored, std::string_view key)
{
    const auto& spec = specFor(key, SettingType::Real);
    const auto value = lookup(stored, key);
    if (!value)
        return std::nullopt;
    const std::string effective = effectiveOrWarn(spec, value);
    if (effective.empty())
        return std::nullopt;
    return parseReal(effective);
}

std::string SettingsSchema::text(std::string_view key, const std::optional<std::string>& value)
{
    const SettingSpec* spec = find(key);
    if (spec == nullptr)
        (void)specFor(key, SettingType::Text); // throws
    return effectiveOrWarn(*spec, value);
}

std::int64_t SettingsSchema::integer(const Stored& stored, std::string_view key)
{
    return integer(key, lookup(stored, key));
}

double SettingsSchema::real(const Stored& stored, std::string_view key)
{
    return real(key, lookup(stored, key));
}

std::string SettingsSchema::text(const Stored& stored, std::string_view key)
{
    return text(key, lookup(stored, key));
}

} // namespace fe
