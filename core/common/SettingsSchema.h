#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace fe {

// The station's settings: every key the store accepts, with its type, allowed range, default
// and who may change it, in ONE table (SettingsSchema.cpp). core/store refuses a value the
// schema does not allow; readers get typed values through the schema and never see a stored
// value that does not validate (they get the default, and a warning is logged), so nothing a
// setting can hold stops a station from enrolling or reviewing. docs/storage.md lists the keys.
//
// Adding a setting is adding one row to kSettings in SettingsSchema.cpp (and a line in
// docs/storage.md); the store, `faceenroll-cli settings`, and the readers pick it up.
//
// Thread-safety: the table is immutable; every function is reentrant.

// The keys of the rows below, for readers (a misspelt key is a compile error, not a default).
namespace setting {
inline constexpr std::string_view kRetentionDays = "retention.days";
inline constexpr std::string_view kIdleTimeoutMinutes = "session.idle_timeout_minutes";
inline constexpr std::string_view kStationName = "station.name";
inline constexpr std::string_view kThresholdDocument = "threshold.document";
inline constexpr std::string_view kThresholdDuplicate = "threshold.duplicate";
inline constexpr std::string_view kThresholdNumbersPerPerson = "threshold.numbers_per_person";
inline constexpr std::string_view kDuplicateFalseFlagsPer1000 = "threshold.duplicate_false_flags_per_1000";
inline constexpr std::string_view kDuplicateCandidates = "threshold.duplicate_candidates";
inline constexpr std::string_view kLivenessSpontaneousMode = "liveness.spontaneous_mode";
} // namespace setting

enum class SettingType
{
    Integer, // whole number in [min, max]
    Real,    // finite decimal number in [min, max]
    Text,    // UTF-8 without control characters, min..max characters
    Choice,  // one of the '|'-separated words in choices
};

// Who may change a setting. core/store maps each to the Permission a role must hold
// (Settings: ManageSettings; Thresholds: ManageThresholds; both are the admin's today).
enum class SettingAccess
{
    Settings,
    Thresholds,
};

struct SettingSpec
{
    std::string_view key;
    SettingType type;
    double min; // Integer, Real: smallest allowed value; Text: fewest characters
    double max; // Integer, Real: largest allowed value; Text: most characters
    std::string_view defaultValue;
    SettingAccess access;
    std::string_view choices; // Choice only: "a|b|c"
    // What the setting does, for `settings list` and the GUI: QT_TRANSLATE_NOOP("fe::Settings", ...).
    const char* description;
    // A setting that, while not stored, is computed by its reader (the match thresholds, chosen
    // from the shipped calibration for a target): defaultValue is empty, a stored value fixes it,
    // and it is read with optionalReal().
    bool computed = false;
};

class SettingsSchema
{
public:
    using Stored = std::map<std::string, std::string>;

    [[nodiscard]] static std::span<const SettingSpec> all() noexcept;
    [[nodiscard]] static const SettingSpec* find(std::string_view key) noexcept;
    // The known key closest to an unknown one (edit distance), when it is close enough to be a
    // typo of it.
    [[nodiscard]] static std::optional<std::string_view> nearestKey(std::string_view unknown);

    // Checks a value someone wants to store. Throws fe::Error(InvalidArgument) naming the
    // allowed range, or for an unknown key the nearest known one.
    static void validate(std::string_view key, std::string_view value);
    // Whether a stored value is allowed; what validate() would say otherwise (English).
    [[nodiscard]] static std::optional<std::string> problem(const SettingSpec& spec, std::string_view value);
    // "0.2 to 0.8", "1 to 64 characters", "one of a, b" (English; for messages and lists).
    [[nodiscard]] static std::string allowedText(const SettingSpec& spec);
    [[nodiscard]] static const char* typeName(SettingType type) noexcept;

    // Typed reads over the stored values: the stored value when it validates, else the default
    // (a stored value that does not validate is logged as a warning under fe.settings). The key
    // must be in the table with a matching type; anything else is a programming error and
    // throws fe::Error(Internal).
    [[nodiscard]] static std::int64_t integer(const Stored& stored, std::string_view key);
    [[nodiscard]] static double real(const Stored& stored, std::string_view key);
    [[nodiscard]] static std::string text(const Stored& stored, std::string_view key);
    // A computed setting: the stored value when it validates, else std::nullopt (the reader
    // computes it; a stored value that does not validate is logged as a warning).
    [[nodiscard]] static std::optional<double> optionalReal(const Stored& stored, std::string_view key);
    // The same for one stored value (std::nullopt: not stored).
    [[nodiscard]] static std::int64_t integer(std::string_view key, const std::optional<std::string>& value);
    [[nodiscard]] static double real(std::string_view key, const std::optional<std::string>& value);
    [[nodiscard]] static std::string text(std::string_view key, const std::optional<std::string>& value);
    // The value a reader gets: the stored one when it validates, else the default.
    [[nodiscard]] static std::string effective(const SettingSpec& spec, const std::optional<std::string>& value);
};

} // namespace fe
