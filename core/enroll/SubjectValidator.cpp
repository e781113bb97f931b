#include "enroll/SubjectValidator.h"

#include "common/Error.h"
#include "enroll/DocumentTypes.h"
#include "enroll/PhoneNumberValidator.h"

#include <QList>
#include <QString>

namespace fe::enroll {
namespace {

[[noreturn]] void invalid(const char* text, std::vector<std::string> args = {})
{
    throw Error(ErrorCode::InvalidInput, text, std::move(args));
}

// Invisible characters that change how a name is shown without being part of it: bidi
// embeddings, overrides and isolates, marks, zero-width space, BOM, soft hyphen (all of
// category Cf). The joiners stay: Persian, Indic and emoji sequences need them.
bool isForbiddenFormat(char32_t c)
{
    return c != 0x200C && c != 0x200D && QChar::category(c) == QChar::Other_Format;
}

std::chrono::year_month_day dayOf(store::TimePoint t)
{
    return std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(t));
}

} // namespace

bool SubjectValidator::isValidUtf8(std::string_view text) noexcept
{
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    while (p < end) {
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra = 0;
        char32_t cp = 0;
        char32_t min = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1, cp = c & 0x1F, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2, cp = c & 0x0F, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3, cp = c & 0x07, min = 0x10000;
        } else {
            return false; // a continuation byte first, or 0xF8..0xFF
        }
        if (end - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        p += extra + 1;
    }
    return true;
}

std::string SubjectValidator::name(std::string_view name)
{
    if (!isValidUtf8(name))
        invalid(
            QT_TRANSLATE_NOOP("fe::Error", "The customer's name is not valid UTF-8 text; type it again."));
    // A bound on the work before any Unicode processing: 4 bytes per character at most.
    if (name.size() > 4 * kMaxNameLength + 64)
        invalid(QT_TRANSLATE_NOOP("fe::Error", "The customer's name is longer than %1 characters."),
                {std::to_string(kMaxNameLength)});
    const QString nfc = QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()))
                            .normalized(QString::NormalizationForm_C)
                            .simplified();
    if (nfc.isEmpty())
        invalid(QT_TRANSLATE_NOOP("fe::Error", "The customer's name is missing."));
    bool hasLetter = false;
    qsizetype characters = 0;
    for (const char32_t c : nfc.toUcs4()) {
        ++characters;
        if (c == 0xFFFD)
            invalid(QT_TRANSLATE_NOOP(
                "fe::Error", "The customer's name holds a character that could not be read (U+FFFD); "
                             "type it again."));
        const auto category = QChar::category(c);
        if (category == QChar::Other_Control)
            invalid(QT_TRANSLATE_NOOP("fe::Error", "The customer's name holds a control character."));
        if (isForbiddenFormat(c))
            invalid(QT_TRANSLATE_NOOP(
                "fe::Error", "The customer's name holds an invisible formatting character (such as a "
                             "text-direction override); type it again."));
        hasLetter = hasLetter || QChar::isLetter(c);
    }
    if (static_cast<std::size_t>(characters) > kMaxNameLength)
        invalid(QT_TRANSLATE_NOOP("fe::Error", "The customer's name is longer than %1 characters."),
                {std::to_string(kMaxNameLength)});
    if (!hasLetter)
        invalid(QT_TRANSLATE_NOOP("fe::Error", "The customer's name has no letters."));
    return nfc.toStdString();
}

std::string SubjectValidator::phone(std::string_view phone, std::string_view defaultRegion)
{
    if (!isValidUtf8(phone))
        invalid(QT_TRANSLATE_NOOP("fe::Error", "The phone number is not valid UTF-8 text; type it again."));
    constexpr std::size_t kMaxTypedPhone = 64;
    const auto e164 =
        phone.size() <= kMaxTypedPhone ? PhoneNumberValidator::toE164(phone, defaultRegion) : std::nullopt;
    if (!e164)
        invalid(QT_TRANSLATE_NOOP(
            "fe::Error", "The phone number is not a valid number; type it with its country code, e.g. +86."));
    return *e164;
}

ValidatedSubject SubjectValidator::validate(const store::Subject& subject, std::string_view phone,
                                            std::string_view defaultRegion, store::TimePoint now)
{
    ValidatedSubject out;
    out.subject.name = name(subject.name);
    if (subject.documentType.empty() || subject.documentNumber.empty())
        invalid(QT_TRANSLATE_NOOP("fe::Error", "The document type and number are both needed."));
    const auto today = dayOf(now);
    out.subject.documentType = subject.documentType;
    out.subject.documentNumber =
        DocumentTypes::normalise(subject.documentType, subject.documentNumber, today);
    if (subject.dateOfBirth) {
        const auto& dob = *subject.dateOfBirth;
        if (!dob.ok() || dob.year() < std::chrono::year(1900) ||
            std::chrono::sys_days(dob) > std::chrono::sys_days(today))
            invalid(
                QT_TRANSLATE_NOOP("fe::Error", "The date of birth is not a possible date (1900 to today)."));
        const auto* type = DocumentTypes::find(subject.documentType);
        const auto onDocument = DocumentTypes::dateOfBirth(*type, out.subject.documentNumber);
        if (onDocument && *onDocument != dob)
            invalid(QT_TRANSLATE_NOOP("fe::Error",
                                      "The date of birth differs from the one the document number holds."));
        out.subject.dateOfBirth = dob;
    }
    out.phoneE164 = SubjectValidator::phone(phone, defaultRegion);
    return out;
}

} // namespace fe::enroll
