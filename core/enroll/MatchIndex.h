#pragma once

#include "common/CancelToken.h"
#include "match/Gallery.h"
#include "match/MatchPolicy.h"
#include "store/Session.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fe::vision {
class FaceEncoder;
}

namespace fe::enroll {

// The in-memory 1:N index of the station's enrollments: every face template of one model (in
// a match::Gallery) with the document and phone each is bound to. It is personal data
// (templates, document and phone numbers) and lives only while the station is unlocked.
//
// Life cycle, as the GUI drives it:
//  - at unlock, a worker thread calls load() with a worker session (Session::openWorker()):
//    about 2 s for 100,000 enrollments, with progress and cancellation; the UI thread never
//    waits for it (ready() says when enrollments can be decided);
//  - the workflow (EnrollmentService, UI thread) decides every enrollment under the store's
//    write lock after catching the index up with what any process committed since its
//    snapshot (catchUp(), from Session::insertEnrollment's decision), so the rules see every
//    enrollment committed before this one's commit;
//  - refresh() brings it up to date when another process (a second station session, an
//    import) changed the store: one query when nothing did;
//  - on lock or logout, wipe() overwrites and frees everything (also what a load running at
//    that moment would have swapped in).
//
// Thread-safety: every function may be called from any thread, concurrently. load() builds
// the new index aside and swaps it in under the lock, so lookups never wait for a load.
// The session passed to load() and refresh() must be used only by the calling thread.
class MatchIndex
{
public:
    // Which templates the index holds: those of one model and size (others are not
    // comparable). Comes from the encoder (specOf), not from constants.
    struct Spec
    {
        std::string modelId;
        std::size_t dimension = 0;
    };
    static Spec specOf(const vision::FaceEncoder& encoder);

    struct Progress
    {
        std::int64_t done = 0;  // templates read so far
        std::int64_t total = 0; // templates in the store's snapshot
    };
    // Called on the loading thread, at most every kProgressStep templates and at the end.
    using ProgressFn = std::function<void(const Progress&)>;
    static constexpr std::int64_t kProgressStep = 4096;

    enum class LoadResult
    {
        Loaded,
        Cancelled, // cancel was set, or wipe() ran meanwhile: the index is left as it was
    };

    // One enrolled face the rules compare against: its score and what it is bound to.
    struct Candidate
    {
        std::string enrollmentId;
        float score = 0.f;
        // In `similar` only (Gallery::candidates): rank over the whole index (1 = best) and
        // the cohort score; 0 and empty in samePhone and sameDocument.
        std::uint32_t rank = 0;
        std::optional<float> cohortScore;
        std::string documentType;
        std::string documentNumber; // normalised (DocumentTypes::canonical)
        std::string phone;
    };
    struct Lookup
    {
        std::vector<Candidate> similar;   // faces scoring >= similarThreshold, best first
        std::vector<Candidate> samePhone; // enrollments bound to the phone, with their score
        std::vector<Candidate> sameDocument;
        std::size_t size = 0;           // enrollments in the index (after the catch-up)
        double similarThreshold = 0.0;  // the threshold `similar` was searched at
    };

    explicit MatchIndex(Spec spec);
    ~MatchIndex(); // wipes
    MatchIndex(const MatchIndex&) = delete;
    MatchIndex& operator=(const MatchIndex&) = delete;

    [[nodiscard]] const Spec& spec() const { return m_spec; }

    // Reads every face template of spec() through session (MatchGallery permission) in one
    // snapshot and replaces the index with it. Throws fe::Error from the store (Locked when
    // the session ended meanwhile; the partial index is wiped then).
    LoadResult load(store::Session& session, const ProgressFn& progress = {}, const CancelToken& cancel = {});

    // Applies what changed in the store since the index's snapshot. Returns the number of
    // enrollments updated; 0 when nothing changed or the index is not loaded.
    std::size_t refresh(store::Session& session);

    // The same, under the store's write lock (inside Session::insertEnrollment's decision),
    // followed by the lookup the rules need, atomically. The duplicate search runs at
    // policy.duplicateThreshold(the index's size after the catch-up) and gives each similar
    // face its rank and cohort score (Gallery::candidates; the cohort skips
    // policy.maxCandidates ranks). Throws Conflict when not loaded.
    Lookup catchUpAndLookup(store::Session::GalleryChanges& changes, std::span<const float> face,
                            std::string_view documentType, std::string_view documentNumber,
                            std::string_view phone, const match::MatchPolicy& policy);
    // The same at a fixed threshold (tools, tests).
    Lookup catchUpAndLookup(store::Session::GalleryChanges& changes, std::span<const float> face,
                            std::string_view documentType, std::string_view documentNumber,
                            std::string_view phone, float similarThreshold);

    // The same lookup against the index as it is, without catching up and without the store's
    // write lock (a shared lock only): for a preview of the decision (EnrollmentService::
    // assess). What is stored is decided again by catchUpAndLookup. Throws Conflict when not
    // loaded.
    [[nodiscard]] Lookup lookup(std::span<const float> face, std::string_view documentType,
                                std::string_view documentNumber, std::string_view phone,
                                const match::MatchPolicy& policy) const;

    // Drops one enrollment at once (erasure), without waiting for the next refresh.
    void forget(std::string_view enrollmentId);

    // Overwrites and frees every template, document and phone number; not ready afterwards.
    void wipe() noexcept;

    [[nodiscard]] bool ready() const;
    [[nodiscard]] std::size_t size() const;
    [[nodiscard]] bool contains(std::string_view enrollmentId) const;
    // The change sequence the index reflects (Session::GalleryChanges).
    [[nodiscard]] std::int64_t sequence() const;
    // The k most similar enrolled faces (tools, tests).
    [[nodiscard]] std::vector<match::GalleryHit> search(std::span<const float> face, std::size_t k) const;

private:
    struct State;

    void apply(State& state, const store::GalleryRow& row);
    // threshold: the duplicate threshold for a gallery size.
    Lookup catchUpAndLookup(store::Session::GalleryChanges& changes, std::span<const float> face,
                            std::string_view documentType, std::string_view documentNumber,
                            std::string_view phone, const std::function<double(std::size_t)>& threshold,
                            const match::CandidateOptions& options);
    Lookup lookupLocked(const State& state, std::span<const float> face, std::string_view documentType,
                        std::string_view documentNumber, std::string_view phone, double similarThreshold,
                        const match::CandidateOptions& options) const;

    const Spec m_spec;
    mutable std::shared_mutex m_mutex;
    std::unique_ptr<State> m_state;             // null until loaded and after wipe()
    std::atomic<std::uint64_t> m_generation{0}; // bumped by wipe(): a load started before it is dropped
};

} // namespace fe::enroll
