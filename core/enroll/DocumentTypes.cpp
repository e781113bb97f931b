#include "enroll/DocumentTypes.h"

#include "common/Error.h"
#include "enroll/SubjectValidator.h"

#include <QString>
#include <algorithm>
#include <array>

namespace fe::enroll {
namespace {

constexpr std::string_view kDigits = "0123456789";
constexpr std::string_view kLettersAndDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

// The rules as data. Sources: GB 11643-1999 (the resident identity card number: 6-digit
// region, YYYYMMDD, 3-digit sequence, ISO 7064 MOD 11-2 check character); ICAO Doc 9303
// part 4 (the passport number field of the MRZ holds up to 9 letters and digits); national
// identity cards of other countries vary, so only the character set and a sane length hold.
constexpr std::array kTypes = {
    DocumentType{"cn_resident_id", 18, 18, kDigits, "0123456789X", DocumentChecksum::Iso7064Mod11_2, 6, {}},
    DocumentType{"passport", 6, 9, kLettersAndDigits, {}, DocumentChecksum::None, std::nullopt, {}},
    DocumentType{
        "national_id", 4, 20, kLettersAndDigits, {}, DocumentChecksum::None, std::nullopt, "cn_resident_id"},
};

// Characters dropped from document numbers: what people type between the groups of a number
// (spaces, dashes, dots, slashes) and what they cannot see (format characters).
bool isSeparator(QChar c)
{
    switch (c.category()) {
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
    case QChar::Punctuation_Dash:
    case QChar::Other_Format:
        return true;
    default:
        break;
    }
    return c.isSpace() || c == u'.' || c == u'/' || c == u'_' || c == u'\u00b7' || c == u'\u2212' ||
           c == u'\u30fb';
}

[[noreturn]] void invalid(const char* text, std::vector<std::string> args = {})
{
    throw Error(ErrorCode::InvalidInput, text, std::move(args));
}

bool isAsciiCanonical(std::string_view s)
{
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

std::optional<std::chrono::year_month_day> parseCompactDate(std::string_view yyyymmdd)
{
    if (yyyymmdd.size() != 8 || yyyymmdd.find_first_not_of(kDigits) != std::string_view::npos)
        return std::nullopt;
    const auto num = [&](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i)
            v = v * 10 + (yyyymmdd[i] - '0');
        return v;
    };
    const std::chrono::year_month_day d{std::chrono::year(num(0, 4)),
                                        std::chrono::month(static_cast<unsigned>(num(4, 2))),
                                        std::chrono::day(static_cast<unsigned>(num(6, 2)))};
    if (!d.ok())
        return std::nullopt;
    return d;
}

} // namespace

std::span<const DocumentType> DocumentTypes::all()
{
    return kTypes;
}

const DocumentType* DocumentTypes::find(std::string_view key)
{
    for (const auto& t : kTypes) {
        if (t.key == key)
            return &t;
    }
    return nullptr;
}

std::string DocumentTypes::canonical(std::string_view number)
{
    if (isAsciiCanonical(number))
        return std::string(number); // what nearly every stored number is: no Unicode work
    const QString nfkc = QString::fromUtf8(number.data(), static_cast<qsizetype>(number.size()))
                             .normalized(QString::NormalizationForm_KC);
    QString kept;
    kept.reserve(nfkc.size());
    for (const QChar c : nfkc) {
        if (!isSeparator(c))
            kept.append(c);
    }
    return kept.toUpper().toStdString();
}

char DocumentTypes::mod11_2(std::string_view digits)
{
    // Weights 2^(17-i) mod 11 for the 17 digits, left to right; the check character makes
    // the weighted sum (with the check's weight 1) congruent to 1 mod 11.
    static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr char kCheck[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    int sum = 0;
    for (std::size_t i = 0; i < 17 && i < digits.size(); ++i)
        sum += (digits[i] - '0') * kWeights[i];
    return kCheck[sum % 11];
}

std::optional<std::chrono::year_month_day> DocumentTypes::dateOfBirth(const DocumentType& type,
                                                                      std::string_view normalised)
{
    if (!type.dateOfBirthAt || normalised.size() < *type.dateOfBirthAt + 8)
        return std::nullopt;
    return parseCompactDate(normalised.substr(*type.dateOfBirthAt, 8));
}

std::string DocumentTypes::normalise(std::string_view typeKey, std::string_view number,
                                     std::chrono::year_month_day today)
{
    const DocumentType* type = find(typeKey);
    if (type == nullptr) {
        std::string known;
        for (const auto& t : kTypes)
            known += (known.empty() ? "" : ", ") + std::string(t.key);
        invalid(QT_TRANSLATE_NOOP("fe::Error", "Unknown document type %1; use one of: %2."),
                {std::string(typeKey.substr(0, 40)), known});
    }
    if (!SubjectValidator::isValidUtf8(number))
        invalid(
            QT_TRANSLATE_NOOP("fe::Error", "The document number is not valid UTF-8 text; type it again."));
    // Checked before the work of normalising, so a flood of input costs nothing.
    constexpr std::size_t kMaxTypedBytes = 256;
    if (number.size() > kMaxTypedBytes)
        invalid(QT_TRANSLATE_NOOP("fe::Error",
                                  "The document number is far too long for a %1 (at most %2 characters)."),
                {std::string(type->key), std::to_string(type->maxLength)});
    const std::string n = canonical(number);
    if (n.empty())
        invalid(QT_TRANSLATE_NOOP("fe::Error", "The document number is missing."));
    const std::string_view body =
        type->checkAlphabet.empty() ? std::string_view(n) : std::string_view(n).substr(0, n.size() - 1);
    const bool charactersOk =
        body.find_first_not_of(type->alphabet) == std::string_view::npos &&
        (type->checkAlphabet.empty() || type->checkAlphabet.find(n.back()) != std::string_view::npos);
    if (!charactersOk) {
        if (type->checkAlphabet.empty())
            invalid(QT_TRANSLATE_NOOP("fe::Error", "A %1 number holds only the letters A to Z and digits."),
                    {std::string(type->key)});
        invalid(
            QT_TRANSLATE_NOOP("fe::Error", "A %1 number holds only digits, and an X as its last character."),
            {std::string(type->key)});
    }
    if (n.size() < type->minLength || n.size() > type->maxLength)
        invalid(type->minLength == type->maxLength
                    ? QT_TRANSLATE_NOOP("fe::Error", "A %1 number has %2 characters; this one has %4.")
                    : QT_TRANSLATE_NOOP("fe::Error", "A %1 number has %2 to %3 characters; this one has %4."),
                {std::string(type->key), std::to_string(type->minLength), std::to_string(type->maxLength),
                 std::to_string(n.size())});
    if (type->dateOfBirthAt) {
        const auto dob = dateOfBirth(*type, n);
        if (!dob || dob->year() < std::chrono::year(1900) ||
            std::chrono::sys_days(*dob) > std::chrono::sys_days(today))
            invalid(QT_TRANSLATE_NOOP("fe::Error",
                                      "The document number does not hold a possible date of birth; check the "
                                      "digits %1 to %2."),
                    {std::to_string(*type->dateOfBirthAt + 1), std::to_string(*type->dateOfBirthAt + 8)});
    }
    if (type->checksum == DocumentChecksum::Iso7064Mod11_2 && mod11_2(n) != n.back())
        invalid(QT_TRANSLATE_NOOP("fe::Error",
                                  "The document number's check character is wrong: a digit was mistyped."));
    if (!type->refuseNumbersOf.empty()) {
        try {
            (void)normalise(type->refuseNumbersOf, n, today);
        } catch (const Error&) {
            return n; // not a number of the other type: fine
        }
        invalid(QT_TRANSLATE_NOOP("fe::Error", "This is a valid %1 number; choose that document type."),
                {std::string(type->refuseNumbersOf)});
    }
    return n;
}

} // namespace fe::enroll
