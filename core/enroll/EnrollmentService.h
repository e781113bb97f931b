#pragma once

#include "enroll/EnrollTypes.h"
#include "enroll/MatchIndex.h"
#include "enroll/SubjectValidator.h"
#include "match/MatchPolicy.h"
#include "store/Records.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fe::store {
class Session;
}

namespace fe::enroll {

// The enrollment workflow, the same for the CLI and the GUI, and the one place where its
// decisions are made: consent, the typed data (SubjectValidator), the ID photo's rules, the
// 1:1 and 1:N rules and their flags, the store, review, erasure, purge and queries. It needs
// no vision models (the ID photo is analysed by IdPhotoReader and the live capture by
// LiveCapture, on the analysis thread), so it is cheap to create: review and list do not
// load any model.
//
// The 1:N rules run against a MatchIndex shared with the thread that loads it. enroll()
// decides inside the store's write transaction, after catching the index up with everything
// any process committed since its snapshot: two enrollments made at once on one station (or
// by two processes) cannot both miss each other.
//
// Threading: borrows the session, and is used on the session's thread (the GUI's UI thread);
// not thread-safe itself. The index may be loading on a worker meanwhile. When the session
// turns out to be locked (a call throws Locked), the index is wiped. Only fe::Error leaves it.
class EnrollmentService
{
public:
    // index: needed by enroll(); review, erasure, purge and queries work without one.
    explicit EnrollmentService(store::Session& session, std::shared_ptr<MatchIndex> index = {});
    ~EnrollmentService();

    // Step 1, before any media is read: consent and the typed data. Consent refused: the
    // refusal is audited (naming no one) and consentRefused is set. Otherwise the operator
    // must have attested the consent, and the data must be valid (SubjectValidator); throws
    // fe::Error(InvalidInput) naming the field, never its value.
    SubjectDecision start(const SubjectInput& input);
    // The validation alone (no audit row).
    [[nodiscard]] ValidatedSubject validateSubject(const SubjectInput& input) const;

    // Step 2: the ID photo's own rules. Exactly one face (NoFace for none, InvalidInput for
    // several: someone else's card held beside the customer's face would otherwise be
    // compared); the "document" quality profile passed, unless the operator overrides (then
    // enroll() flags id_photo_quality_override). Throws with the reason.
    void checkIdPhotoRules(const IdPhotoCheck& idPhoto, bool qualityOverride) const;

    // Step 3: consent and data (as start), the ID photo's rules, the portrait, then the rules
    // and the store in one write transaction. Consent refused: audited, nothing stored,
    // Refused. Throws fe::Error for invalid data, an ID photo or portrait the rules refuse, an
    // index still loading (Conflict), an operator disabled meanwhile (PermissionDenied) or a
    // store failure; nothing is stored then.
    EnrollmentOutcome enroll(const SubjectInput& input, const IdPhotoCheck& idPhoto, const LiveResult& live,
                             const EnrollOptions& options = {});

    // What enroll() would decide now, storing and auditing nothing: the same checks (throws
    // like enroll()), the 1:1 score and the flags, looked up against the index as it is
    // (no catch-up, no write lock). For the result screen the operator sees before saving;
    // enroll() decides again under the write lock, so what is stored counts every enrollment
    // committed meanwhile. Consent refused: Refused (not audited here).
    [[nodiscard]] EnrollmentOutcome assess(const SubjectInput& input, const IdPhotoCheck& idPhoto,
                                           const LiveResult& live, const EnrollOptions& options = {}) const;

    // Supervisor's decision with a mandatory reason (1 to kMaxReviewReason bytes of text).
    void review(std::string_view enrollmentId, store::ReviewOutcome outcome, std::string_view reason);
    store::PurgeReport purge(store::PurgeMode mode);
    void erase(std::string_view enrollmentId);

    // Queries, as the session allows them to the user's role.
    std::vector<store::EnrollmentSummary> list(const store::EnrollmentFilter& filter = {});
    std::vector<store::EnrollmentSummary> reviewQueue();
    store::Enrollment get(std::string_view enrollmentId);
    // By document, the number normalised first (so " 1101-01…" finds "110101…").
    std::vector<store::EnrollmentSummary> findByDocument(std::string_view documentType,
                                                         std::string_view number);

    // The thresholds now (the station's settings are read at every call).
    [[nodiscard]] match::MatchPolicy policy() const;
    // Where spontaneous liveness may run (the setting liveness.spontaneous_mode, read now).
    [[nodiscard]] liveness::SpontaneousPolicy spontaneousPolicy() const;
    // Refuses (fe::Error InvalidInput) a live result taken in spontaneous mode with a source
    // the station's policy does not allow; enroll() and assess() call it.
    void checkLivenessMode(const LiveResult& live) const;
    [[nodiscard]] const std::shared_ptr<MatchIndex>& index() const { return m_index; }
    // Attaches the index once it exists (the CLI validates the typed data before it loads any
    // model; the GUI creates it at unlock).
    void setIndex(std::shared_ptr<MatchIndex> index) { m_index = std::move(index); }

    static constexpr std::size_t kMaxReviewReason = 2000;

private:
    template <typename F> decltype(auto) call(const char* where, F&& f);

    store::Session& m_session;
    std::shared_ptr<MatchIndex> m_index;
};

} // namespace fe::enroll
