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

namespace fe::enroll {

// The rules' findings; each becomes a store::Flag with its key, a reason text key, the score
// and the threshold.
enum class FlagType {
    IdPhotoMismatch,          // 1:1 live portrait vs ID photo below the document threshold
    DuplicateIdentity,        // the face matches an enrollment with another document
    NumberBoundToOtherFace,   // the phone number belongs to an enrollment of another face
    DocumentBoundToOtherFace, // the document belongs to an enrollment of another face
    TooManyNumbers,           // this face already holds the maximum of numbers
    LivenessFailed,           // verdict spoof
    LivenessInconclusive,     // verdict inconclusive
    LowQualityOverride,       // the operator kept a portrait below the quality gate
};

std::string_view flagKey(FlagType type) noexcept;
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
    std::string phone;          // E.164, or national format with defaultRegion
    std::string defaultRegion;  // ISO 3166 region for numbers typed without +CC, e.g. "CN"
    ConsentInput consent;
};

// The ID-document photo, checked for its purpose (the "document" quality profile).
struct IdPhotoCheck
{
    bool faceFound = false;
    int faceCount = 0;
    vision::QualityReport quality;
    cv::Rect2f faceBox; // in the pixels of the image checked
    vision::Guidance guidance = vision::Guidance::NoFace;
    vision::FaceTemplate faceTemplate;
    std::vector<unsigned char> jpeg; // the document photo as captured, re-encoded
};

// What the live step produced (LiveCapture::finish).
struct LiveResult
{
    liveness::LivenessResult liveness;
    std::optional<liveness::Portrait> portrait;
    vision::Guidance blockingGuidance = vision::Guidance::NoFace;
};

enum class Outcome { Accepted, Flagged, Refused };
std::string_view outcomeKey(Outcome outcome) noexcept;

struct EnrollmentOutcome
{
    Outcome outcome = Outcome::Refused;
    std::string enrollmentId;         // empty when refused
    std::vector<store::Flag> flags;
    std::vector<store::MatchResult> matches;
    std::optional<double> idPhotoScore;
    std::string phoneE164;
};

} // namespace fe::enroll
