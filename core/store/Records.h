#pragma once

// The enrollment record (DESIGN.md "Records") as plain value types: what core/enroll builds
// and hands to Session::insertEnrollment, and what the review UI and the bundle writer read
// back. Images are JPEG bytes, templates float vectors; they exist only in memory and inside
// the encrypted database. Times are UTC with millisecond precision (what the store keeps).

#include "store/Clock.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fe::store {

using Jpeg = std::vector<unsigned char>;

// Workflow state. Accepted: no flags, queued for upload. PendingReview: flagged, waiting for
// a supervisor. Approved / Rejected: the supervisor's decision.
enum class EnrollmentStatus
{
    Accepted,
    PendingReview,
    Approved,
    Rejected
};
// Where the record is on its way to the central service. Held: not to be sent (pending
// review, rejected). Receipted: the central service confirmed it; retention starts.
enum class UploadState
{
    Held,
    Queued,
    Exported,
    Uploaded,
    Receipted
};
enum class ReviewOutcome
{
    Approved,
    Rejected
};
enum class MatchKind
{
    IdDocument,
    Gallery
};

const char* toString(EnrollmentStatus s) noexcept;
const char* toString(UploadState s) noexcept;
const char* toString(ReviewOutcome o) noexcept;
const char* toString(MatchKind k) noexcept;
std::optional<EnrollmentStatus> parseEnrollmentStatus(std::string_view s) noexcept;
std::optional<UploadState> parseUploadState(std::string_view s) noexcept;

struct Subject
{
    std::string name;
    std::string documentType; // e.g. "national_id", "passport"
    std::string documentNumber;
    std::optional<std::chrono::year_month_day> dateOfBirth;
};

struct Consent
{
    std::string noticeVersion; // version of the privacy notice shown
    std::string language;      // BCP 47 tag of the notice shown, e.g. "en", "fr-CM"
    TimePoint time{};
    bool operatorAttested = false; // the operator confirms the subject agreed
};

// A face template: the encoder's output and which model made it (templates of different
// models are not comparable).
struct TemplateRecord
{
    std::vector<float> values;
    std::string modelId;
    std::string modelVersion;
    [[nodiscard]] bool empty() const noexcept { return values.empty(); }
    friend bool operator==(const TemplateRecord&, const TemplateRecord&) = default;
};

// One quality measure (ISO/IEC 29794-5 style): raw value, pass/fail, reason when it failed.
struct QualityMeasure
{
    std::string name;
    double value = 0.0;
    bool passed = false;
    std::string reason;
    friend bool operator==(const QualityMeasure&, const QualityMeasure&) = default;
};

struct ChallengeStep
{
    std::string challenge; // e.g. "blink", "turn_left"
    bool passed = false;
    std::int64_t durationMs = 0;
    std::string detail;
    friend bool operator==(const ChallengeStep&, const ChallengeStep&) = default;
};

struct PassiveScore
{
    std::string model;
    double score = 0.0;
    friend bool operator==(const PassiveScore&, const PassiveScore&) = default;
};

struct Liveness
{
    std::string verdict; // e.g. "live", "spoof", "inconclusive"
    // "challenge" or "spontaneous" (liveness::modeKey); empty when unknown (enrollments made
    // before schema version 8, or purged).
    std::string mode;
    std::vector<ChallengeStep> challenges;
    std::vector<PassiveScore> passiveScores;
    std::vector<Jpeg> evidenceFrames; // a few frames kept as evidence
};

struct MatchResult
{
    MatchKind kind = MatchKind::IdDocument;
    std::string candidateId; // the other enrollment's id for gallery matches; empty for the ID photo
    double score = 0.0;
    double threshold = 0.0;
    bool matched = false;
    // Gallery candidates: the rank of the score over the whole gallery (1 = best) and the
    // cohort score (robust standard deviations above the probe's cohort, match::Gallery);
    // empty for the ID photo and for records made before schema version 5.
    std::optional<int> rank;
    std::optional<double> cohortScore;
    friend bool operator==(const MatchResult&, const MatchResult&) = default;
};

// A rule that fired: why, with the score and the threshold it crossed.
struct Flag
{
    std::string code; // e.g. "id_photo_mismatch", "duplicate_face", "duplicate_document"
    std::string reason;
    double score = 0.0;
    double threshold = 0.0;
    friend bool operator==(const Flag&, const Flag&) = default;
};

struct ReviewDecision
{
    std::string reviewerId;
    ReviewOutcome outcome = ReviewOutcome::Approved;
    std::string reason; // cleared by the retention purge
    TimePoint time{};
};

// The central service's confirmation that it holds the enrollment.
struct Receipt
{
    std::string receiptId;
    TimePoint receivedAt{};
    std::vector<unsigned char> signedReceipt; // as the service sent it
};

struct UploadInfo
{
    UploadState state = UploadState::Held;
    std::string bundleId;
    std::optional<Receipt> receipt;
};

struct Enrollment
{
    // Set by the caller or, when empty, by the store (id: new UUID; station: this station;
    // created: now). The operator is always the logged-in user.
    std::string id;
    std::string stationId;
    std::string operatorId;
    TimePoint createdAt{};

    Subject subject;
    std::string phone; // E.164, e.g. "+237650000000"
    Consent consent;
    Jpeg portrait; // the ICAO-style crop
    TemplateRecord faceTemplate;
    std::vector<QualityMeasure> quality;
    Liveness liveness;
    Jpeg idPhoto;
    TemplateRecord idTemplate;
    std::vector<MatchResult> matches;
    std::vector<Flag> flags;

    // Kept by the store; ignored by insertEnrollment.
    EnrollmentStatus status = EnrollmentStatus::Accepted;
    std::optional<ReviewDecision> review;
    UploadInfo upload;
    // Set once the retention purge removed the biometric and personal fields.
    std::optional<TimePoint> purgedAt;
};

// What a list shows: no images, no templates.
struct EnrollmentSummary
{
    std::string id;
    std::string stationId;
    std::string operatorId;
    TimePoint createdAt{};
    EnrollmentStatus status = EnrollmentStatus::Accepted;
    UploadState uploadState = UploadState::Held;
    int flagCount = 0;
    bool purged = false;
    // Empty when purged, and for lookups by a role that may not view the enrollment.
    std::string subjectName;
    std::string documentType;
    std::string documentNumber;
    std::string phone;
};

struct EnrollmentFilter
{
    std::optional<EnrollmentStatus> status;
    std::optional<std::string> operatorId;
    std::optional<TimePoint> since; // created at or after
    std::optional<TimePoint> until; // created before
    std::size_t limit = 0;          // 0: no limit
};

// One gallery entry for 1:N matching, loaded into memory at unlock.
struct GalleryEntry
{
    std::string enrollmentId;
    EnrollmentStatus status = EnrollmentStatus::Accepted;
    std::string documentType;
    std::string documentNumber;
    std::string phone;
    TemplateRecord faceTemplate;
};

// The same, as a view for streaming: valid only during the callback that receives it.
struct GalleryRow
{
    std::string_view enrollmentId;
    EnrollmentStatus status = EnrollmentStatus::Accepted;
    std::string_view documentType;
    std::string_view documentNumber;
    std::string_view phone;
    std::string_view modelId;
    std::string_view modelVersion;
    std::span<const float> values;
};

struct PurgeReport
{
    int purged = 0;            // enrollments whose biometric and personal fields were removed
    int retentionDays = 0;     // the period applied (0 with PurgeMode::AllReceipted)
    bool walTruncated = false; // the WAL was checkpointed and truncated to zero bytes
};

enum class PurgeMode
{
    RetentionPeriod, // receipts older than the retention setting
    AllReceipted,    // every receipted enrollment, now (CLI purge --now)
};

// Checks what the store requires of a new enrollment (consent, E.164 phone, JPEG portrait, a
// template with its model id, ...). Throws fe::Error(InvalidArgument) naming the field,
// never its value.
void validateForInsert(const Enrollment& e);

bool isE164(std::string_view phone) noexcept;
std::string formatDate(const std::chrono::year_month_day& date);
std::optional<std::chrono::year_month_day> parseDate(std::string_view iso) noexcept;

} // namespace fe::store
