#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace fe::enroll {

enum class DocumentChecksum
{
    None,
    Iso7064Mod11_2, // the check character of the Chinese resident identity card (GB 11643)
};

// One kind of identity document the station accepts and the rules its number follows, as
// data: what DocumentTypes::normalise checks. The key is what the store records; the name a
// person reads is the OutcomeKind::DocumentType text of the key (common/OutcomeTexts).
struct DocumentType
{
    std::string_view key;
    std::size_t minLength = 1; // characters, after normalisation
    std::size_t maxLength = 1;
    std::string_view alphabet;      // the characters a number may hold, after normalisation
    std::string_view checkAlphabet; // the last character's, when it is a check character
    DocumentChecksum checksum = DocumentChecksum::None;
    // YYYYMMDD at this 0-based position (the resident identity card's date of birth).
    std::optional<std::size_t> dateOfBirthAt;
    // Numbers of this kind that are valid numbers of another type are refused and named
    // (a Chinese card number typed as a foreign identity card would dodge the binding rule).
    std::string_view refuseNumbersOf;
};

// The document types and the normalisation of their numbers: the one place that says what a
// document number is. Thread-safe (constant data, no state).
//
// Normalisation, the same for every type and for numbers stored before it existed: Unicode
// NFKC (full-width digits and letters become ASCII), then every whitespace, separator, dash,
// dot, slash, underscore and invisible format character (zero-width space, joiners, BOM,
// direction marks) is removed, then letters are upper-cased. " 110101-19900505 0006\u200b"
// and "１１０１０１１９９００５０５０００６" are the same number as "110101199005050006".
class DocumentTypes
{
public:
    // cn_resident_id (18 characters, a valid date of birth, ISO 7064 MOD 11-2 check
    // character), passport (ICAO 9303: 6 to 9 letters and digits), national_id (an identity
    // card of another country: 4 to 20 letters and digits).
    static std::span<const DocumentType> all();
    static const DocumentType* find(std::string_view key);

    // The normalised form, without validation: what stored numbers are compared by. Invalid
    // UTF-8 is replaced, not refused (stored values are not re-validated).
    static std::string canonical(std::string_view number);

    // The normalised number when it follows the type's rules. Throws fe::Error(InvalidInput)
    // for an unknown type, invalid UTF-8, a character the type does not allow, a wrong
    // length, an impossible date of birth (before 1900 or after `today`) or a wrong check
    // character; the message names the rule, never the number.
    static std::string normalise(std::string_view typeKey, std::string_view number,
                                 std::chrono::year_month_day today);

    // The date of birth a normalised number holds (cn_resident_id), if its type embeds one.
    static std::optional<std::chrono::year_month_day> dateOfBirth(const DocumentType& type,
                                                                  std::string_view normalised);
    // The ISO 7064 MOD 11-2 check character of 17 digits ('0'-'9' or 'X').
    static char mod11_2(std::string_view digits);
};

} // namespace fe::enroll
