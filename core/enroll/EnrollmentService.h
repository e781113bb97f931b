#pragma once

#include "enroll/EnrollTypes.h"
#include "match/Gallery.h"
#include "match/MatchPolicy.h"
#include "store/Records.h"

#include <opencv2/core/mat.hpp>

#include <map>
#include <memory>
#include <string>
#include <unordered_map>

namespace fe::store {
class Session;
}
namespace fe::vision {
struct VisionModels;
class FaceEncoder;
} // namespace fe::vision

namespace fe::enroll {

// One enrollment workflow, the same for the CLI and the GUI: subject data -> ID photo ->
// live result -> 1:1 and 1:N matching -> rules -> flags -> the store, keeping the in-memory
// gallery in step with every insert, purge and erasure. The gallery is loaded from the store
// when the service is created (at unlock).
//
// Borrows the session (which enforces roles and audits) and the models. Not thread-safe: use
// it from the thread that owns the session.
class EnrollmentService
{
public:
    EnrollmentService(store::Session& session, const vision::VisionModels& models);
    ~EnrollmentService();

    // Validates the typed subject data and returns the phone number in E.164; throws
    // fe::Error(InvalidInput) naming the field (never its value).
    std::string validateSubject(const SubjectInput& input) const;

    // Finds the face on an ID-document photo (small or tightly cropped ones too) and checks
    // it with the "document" quality profile. faceFound = false when there is none.
    IdPhotoCheck checkIdPhoto(const cv::Mat& bgr);

    // What enroll() would decide, without storing anything: the same checks, matches and
    // flags (enrollmentId empty, outcome Accepted or Flagged). For the result screen an
    // operator sees before saving; enroll() decides again when it stores, so a gallery that
    // changed in between is taken into account. Throws like enroll().
    EnrollmentOutcome assess(const SubjectInput& input, const IdPhotoCheck& idPhoto, const LiveResult& live,
                             bool lowQualityOverride = false, std::string_view overrideReason = {}) const;

    // Consent refused: nothing is stored and the outcome is Refused. Otherwise matches, applies
    // the rules and stores the enrollment with its flags (audited by the store). Throws
    // fe::Error for invalid subject data, a missing portrait, or a store failure (nothing is
    // stored then). overrideReason: the operator's words for keeping a portrait below the
    // quality gate; it becomes the low_quality_override flag's reason (else the text key).
    EnrollmentOutcome enroll(const SubjectInput& input, const IdPhotoCheck& idPhoto, const LiveResult& live,
                             bool lowQualityOverride = false, std::string_view overrideReason = {});

    void review(std::string_view enrollmentId, store::ReviewOutcome outcome, std::string_view reason);
    store::PurgeReport purge(store::PurgeMode mode);
    void erase(std::string_view enrollmentId);

    // Rebuilds the gallery from the store (what happens at unlock).
    void reloadGallery();
    [[nodiscard]] const match::Gallery& gallery() const { return m_gallery; }
    [[nodiscard]] const match::MatchPolicy& policy() const { return m_policy; }

private:
    struct Entry
    {
        std::string documentType;
        std::string documentNumber;
        std::string phone;
    };

    std::vector<store::Flag> applyRules(const SubjectInput& input, const std::string& phone,
                                        const IdPhotoCheck& idPhoto, const LiveResult& live, bool lowQualityOverride,
                                        std::string_view overrideReason, std::vector<store::MatchResult>& matches,
                                        std::optional<double>& idScore) const;

    store::Session& m_session;
    const vision::VisionModels& m_models;
    std::unique_ptr<vision::FaceEncoder> m_encoder;
    match::MatchPolicy m_policy;
    match::Gallery m_gallery;
    std::unordered_map<std::string, Entry> m_entries;
};

} // namespace fe::enroll
