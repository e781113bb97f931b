#include "store/Records.h"

#include "common/Error.h"

#include <charconv>
#include <cstdio>

namespace fe::store {

const char* toString(EnrollmentStatus s) noexcept
{
    switch (s) {
    case EnrollmentStatus::Accepted:
        return "accepted";
    case EnrollmentStatus::PendingReview:
        return "pending_review";
    case EnrollmentStatus::Approved:
        return "approved";
    case EnrollmentStatus::Rejected:
        return "rejected";
    }
    return "accepted";
}

const char* toString(UploadState s) noexcept
{
    switch (s) {
    case UploadState::Held:
        return "held";
    case UploadState::Queued:
        return "queued";
    case UploadState::Exported:
        return "exported";
    case UploadState::Uploaded:
        return "uploaded";
    case UploadState::Receipted:
        return "receipted";
    }
    return "held";
}

const char* toString(ReviewOutcome o) noexcept
{
    return o == ReviewOutcome::Approved ? "approved" : "rejected";
}

const char* toString(MatchKind k) noexcept
{
    return k == MatchKind::IdDocument ? "id_document" : "gallery";
}

std::optional<EnrollmentStatus> parseEnrollmentStatus(std::string_view s) noexcept
{
    for (const auto v : {EnrollmentStatus::Accepted, EnrollmentStatus::PendingReview,
                         EnrollmentStatus::Approved, EnrollmentStatus::Rejected}) {
        if (s == toString(v))
            return v;
    }
    return std::nullopt;
}

std::optional<UploadState> parseUploadState(std::string_view s) noexcept
{
    for (const auto v : {UploadState::Held, UploadState::Queued, UploadState::Exported, UploadState::Uploaded,
                         UploadState::Receipted}) {
        if (s == toString(v))
            return v;
    }
    return std::nullopt;
}

bool isE164(std::string_view phone) noexcept
{
    // ITU-T E.164: '+', a country code that does not start with 0, at most 15 digits in all.
    if (phone.size() < 3 || phone.size() > 16 || phone[0] != '+' || phone[1] < '1' || phone[1] > '9')
        return false;
    for (std::size_t i = 1; i < phone.size(); ++i) {
        if (phone[i] < '0' || phone[i] > '9')
            return false;
    }
    return true;
}

std::string formatDate(const std::chrono::year_month_day& date)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

std::optional<std::chrono::year_month_day> parseDate(std::string_view iso) noexcept
{
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-')
        return std::nullopt;
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    const auto num = [&](std::size_t at, std::size_t n, auto& out) {
        const auto [p, ec] = std::from_chars(iso.data() + at, iso.data() + at + n, out);
        return ec == std::errc() && p == iso.data() + at + n;
    };
    if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d))
        return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
    if (!date.ok())
        return std::nullopt;
    return date;
}

namespace {

// Whole sentences, so that each can be translated; they name the field, never its value.
[[noreturn]] void invalid(const char* textTemplate)
{
    throw Error(ErrorCode::InvalidArgument, textTemplate);
}

bool isJpeg(const Jpeg& bytes)
{
    // JPEG starts with SOI (FF D8) followed by a marker (FF).
    return bytes.size() >= 4 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;
}

bool isCompleteTemplate(const TemplateRecord& t)
{
    return !t.values.empty() && !t.modelId.empty() && !t.modelVersion.empty();
}

} // namespace

void validateForInsert(const Enrollment& e)
{
    if (e.subject.name.empty())
        invalid(QT_TRANSLATE_NOOP("fe::Error", "The enrollment has no subject name."));
    if (e.subject.documentType.empty() || e.subject.documentNumber.empty())
        invalid(QT_TRANSLATE_NOOP("fe::Error", "The enrollment needs a document type and number."));
    if (!isE164(e.phone))
        invalid(QT_TRANSLATE_NOOP("fe::Error", "The enrollment's phone number is not in E.164 form (+ and up to 15 digits)."));
    if (!e.consent.operatorAttested || e.consent.noticeVersion.empty() || e.consent.language.empty())
        invalid(QT_TRANSLATE_NOOP("fe::Error", "The enrollment's consent must be attested by the operator, with the notice "
                              "version and language shown."));
    if (!isJpeg(e.portrait))
        invalid(QT_TRANSLATE_NOOP("fe::Error", "The enrollment's portrait is not a JPEG image."));
    if (!isCompleteTemplate(e.faceTemplate))
        invalid(
            QT_TRANSLATE_NOOP("fe::Error", "The enrollment's face template needs values, a model id and a model version."));
    if (!e.idPhoto.empty() && !isJpeg(e.idPhoto))
        invalid(QT_TRANSLATE_NOOP("fe::Error", "The enrollment's ID-document photo is not a JPEG image."));
    if (!e.idTemplate.empty() && !isCompleteTemplate(e.idTemplate))
        invalid(QT_TRANSLATE_NOOP("fe::Error", 
            "The enrollment's ID-document template needs values, a model id and a model version."));
    for (const auto& frame : e.liveness.evidenceFrames) {
        if (!isJpeg(frame))
            invalid(
                QT_TRANSLATE_NOOP("fe::Error", "The enrollment's liveness evidence holds a frame that is not a JPEG image."));
    }
    if (e.liveness.verdict.empty())
        invalid(QT_TRANSLATE_NOOP("fe::Error", "The enrollment has no liveness verdict."));
    for (const auto& f : e.flags) {
        if (f.code.empty())
            invalid(QT_TRANSLATE_NOOP("fe::Error", "The enrollment has a flag without a code."));
    }
}

} // namespace fe::store
