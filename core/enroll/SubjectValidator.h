#pragma once

#include "store/Records.h"

#include <chrono>
#include <string>
#include <string_view>

namespace fe::enroll {

// The customer's data as the store keeps it: name, document and phone normalised and checked.
struct ValidatedSubject
{
    store::Subject subject; // name NFC and trimmed; document type known, number normalised
    std::string phoneE164;
};

// Checks and normalises what the operator typed. Every text must be valid UTF-8 (a byte that
// is not is refused, not replaced). Names: NFC, trimmed, runs of spaces made one, 1 to
// kMaxNameLength characters with at least one letter, no control characters and no
// bidirectional overrides or other invisible format characters (zero-width joiner and
// non-joiner excepted: some scripts need them). Documents: DocumentTypes::normalise. Phone:
// libphonenumber, to E.164. A date of birth must lie between 1900 and today and agree with
// the one a resident identity card number holds. Errors are fe::Error(InvalidInput) naming the
// field and the rule, never the value. Thread-safe (no state).
class SubjectValidator
{
public:
    static constexpr std::size_t kMaxNameLength = 128; // characters (code points)

    static ValidatedSubject validate(const store::Subject& subject, std::string_view phone,
                                     std::string_view defaultRegion, store::TimePoint now);
    static std::string name(std::string_view name);
    static std::string phone(std::string_view phone, std::string_view defaultRegion);

    // True when text is well-formed UTF-8 (no overlong forms, surrogates or code points above
    // U+10FFFF).
    static bool isValidUtf8(std::string_view text) noexcept;
};

} // namespace fe::enroll
