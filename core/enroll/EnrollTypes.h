#pragma once

#include "liveness/CaptureSelector.h"
#include "liveness/LivenessTypes.h"
#include "store/Records.h"
#include "vision/FaceEncoder.h"
#include "vision/VisionTypes.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The plain value types of the enrollment workflow: what the GUI and the CLI hand to
// EnrollmentService and get back. Copyable, no behaviour, safe to pass between threads.
namespace fe::enroll {

// The rules' findings; each becomes a store::Flag with its key, a reason text key, the score
// and the threshold. The text a person reads: enroll/OutcomeText.h.
enum class FlagType
{
    IdPhotoMismatch,          // 1:1 live portrait vs ID photo below the document threshold
    DuplicateIdentity,        // the face matches an enrollment with another document
    NumberBoundToOtherFace,   // the phone number belongs to an enrollment of another face
    DocumentBoundToOtherFace, // the document belongs to an enrollment of another face
    TooManyNumbers,           // this face already holds the maximum of numbers
    LivenessFailed,           // verdict spoof
    LivenessInconclusive,     // verdict inconclusive
    LowQualityOverride,       // the operator kept a portrait below the quality gate
    IdPhotoQualityOverride,   // the operator kept an ID photo that fails the document profile
    // Liveness ran in spontaneous mode with a real camera (the station allows it): that mode
    // cannot tell a replayed recording from a live face, so a supervisor looks (issue 12).
    LivenessSpontaneous,
};
inline constexpr FlagType kAllFlagTypes[] = {
    FlagType::IdPhotoMismatch,          FlagType::DuplicateIdentity,  FlagType::NumberBoundToOtherFace,
    FlagType::DocumentBoundToOtherFace, FlagType::TooManyNumbers,     FlagType::LivenessFailed,
    FlagType::LivenessInconclusive,     FlagType::LowQualityOverride, FlagType::IdPhotoQualityOverride,
    FlagType::LivenessSpontaneous,
};

std::string_view flagKey(FlagType type) noexcept;
std::optional<FlagType> flagFromKey(std::string_view key) noexcept;
// The UI's translation key for the reason text, e.g. "flag.id_photo_mismatch".
std::string flagReasonKey(FlagType type);

struct ConsentInput
{
    bool given = false;
    std::string noticeVersion = "1";
    std::string language = "en";
    bool operatorAttested = false;
};

// What the operator typed.
struct SubjectInput
{
    store::Subject subject;
    std::string phone;         // E.164, or national format with defaultRegion
    std::string defaultRegion; // ISO 3166 region for numbers typed without +CC, e.g. "CN"
    ConsentInput consent;
};

// The first step's answer (EnrollmentService::start): consent refused (audited, nothing
// else to do), or the subject as it will be stored.
struct SubjectDecision
{
    bool consentRefused = false;
    store::Subject subject; // normalised (SubjectValidator); empty when refused
    std::string phoneE164;
};

// The ID-document photo as analysed for its purpose (IdPhotoReader, "document" quality
// profile). The workflow's rules decide on it (EnrollmentService::checkIdPhotoRules).
struct IdPhotoCheck
{
    int faceCount = 0;             // faces found; the rules want exactly one
    vision::QualityReport quality; // of the largest face, "document" profile
    cv::Rect2f faceBox;            // of the largest face, in the pixels of the image analysed
    vision::Guidance guidance = vision::Guidance::NoFace;
    vision::FaceTemplate faceTemplate; // of the largest face
    std::vector<unsigned char> jpeg;   // the document photo as captured, re-encoded
    [[nodiscard]] bool faceFound() const { return faceCount > 0 && !faceTemplate.empty(); }
};

// What the live step produced (LiveCapture::finish).
struct LiveResult
{
    liveness::LivenessResult liveness;
    std::optional<liveness::Portrait> portrait;
    vision::Guidance blockingGuidance = vision::Guidance::NoFace;
};

// The operator's decisions that change the rules' outcome; each is recorded as a flag.
struct EnrollOptions
{
    bool lowQualityOverride = false;     // keep a portrait below the quality gate
    bool idPhotoQualityOverride = false; // keep an ID photo that fails the document profile
    // The operator's words for lowQualityOverride (at most EnrollmentService::kMaxReviewReason
    // bytes); they become the low_quality_override flag's reason. Empty: the text key.
    std::string overrideReason;
    // The operator's words for idPhotoQualityOverride (same limit); they become the
    // id_photo_quality_override flag's reason. Empty: the text key.
    std::string idPhotoOverrideReason;
};

enum class Outcome
{
    Accepted,
    Flagged,
    Refused
};
std::string_view outcomeKey(Outcome outcome) noexcept;

// The 1:1 comparison of the live portrait with the ID photo, as decided.
struct IdPhotoMatch
{
    double score = 0.0;
    double threshold = 0.0;
    bool matched = false;
};

struct EnrollmentOutcome
{
    Outcome outcome = Outcome::Refused;
    std::string enrollmentId; // empty when refused
    std::vector<store::Flag> flags;
    std::vector<store::MatchResult> matches;
    std::optional<IdPhotoMatch> idPhoto;
    std::string phoneE164;
    std::size_t gallerySize = 0; // enrollments the 1:N rules compared against
};

} // namespace fe::enroll
