#include "enroll/MatchIndex.h"

#include "common/Error.h"
#include "common/Logging.h"
#include "common/SecureZero.h"
#include "enroll/DocumentTypes.h"
#include "vision/FaceEncoder.h"

#include <mutex>
#include <unordered_map>

namespace fe::enroll {
namespace {

struct Entry
{
    std::string documentType;
    std::string documentNumber; // canonical
    std::string phone;

    void wipe() noexcept
    {
        secureClear(documentType);
        secureClear(documentNumber);
        secureClear(phone);
    }
};

// A change read outside the index's lock (refresh), applied under it, then wiped.
struct PendingChange
{
    std::string id;
    bool removed = false;
    store::EnrollmentStatus status = store::EnrollmentStatus::Accepted;
    std::string documentType, documentNumber, phone, modelId, modelVersion;
    std::vector<float> values;

    PendingChange() = default;
    PendingChange(PendingChange&&) noexcept = default;
    PendingChange& operator=(PendingChange&&) noexcept = default;
    ~PendingChange()
    {
        secureClear(documentNumber);
        secureClear(phone);
        secureZero(values.data(), values.size() * sizeof(float));
    }
    [[nodiscard]] store::GalleryRow row() const
    {
        return {id, status, documentType, documentNumber, phone, modelId, modelVersion, values};
    }
};

} // namespace

struct MatchIndex::State
{
    explicit State(std::size_t dimension) : gallery(std::make_unique<match::Gallery>(dimension)) {}
    ~State() { wipe(); }
    State(const State&) = delete;
    State& operator=(const State&) = delete;

    void remove(std::string_view id)
    {
        if (const auto it = entries.find(std::string(id)); it != entries.end()) {
            it->second.wipe();
            entries.erase(it);
        }
        if (gallery)
            gallery->remove(id);
    }

    void wipe() noexcept
    {
        for (auto& [id, e] : entries)
            e.wipe();
        entries.clear();
        // The gallery's rows live in HugePageAllocator memory, which is wiped when freed.
        gallery.reset();
    }

    std::unique_ptr<match::Gallery> gallery;
    std::unordered_map<std::string, Entry> entries;
    std::int64_t sequence = 0;
};

MatchIndex::Spec MatchIndex::specOf(const vision::FaceEncoder& encoder)
{
    return {encoder.modelId(), static_cast<std::size_t>(encoder.dimension())};
}

MatchIndex::MatchIndex(Spec spec) : m_spec(std::move(spec))
{
    if (m_spec.modelId.empty() || m_spec.dimension == 0)
        throw Error(ErrorCode::InvalidArgument,
                    QT_TRANSLATE_NOOP(
                        "fe::Error", "A match index needs the model id and template size; take them from the "
                                     "encoder (MatchIndex::specOf)."));
}

MatchIndex::~MatchIndex()
{
    wipe();
}

void MatchIndex::apply(State& state, const store::GalleryRow& row)
{
    if (row.modelId != m_spec.modelId || row.values.size() != m_spec.dimension) {
        state.remove(row.enrollmentId); // another model's template cannot be compared
        return;
    }
    state.gallery->add(row.enrollmentId, row.values);
    Entry& e = state.entries[std::string(row.enrollmentId)];
    e.wipe();
    e.documentType = row.documentType;
    // Numbers stored before normalisation existed are compared in their normalised form.
    e.documentNumber = DocumentTypes::canonical(row.documentNumber);
    e.phone = row.phone;
}

MatchIndex::LoadResult MatchIndex::load(store::Session& session, const ProgressFn& progress,
                                        const CancelToken& cancel)
{
    const std::uint64_t generation = m_generation.load();
    auto fresh = std::make_unique<State>(m_spec.dimension);
    Progress p;
    const auto scan = session.scanGallery(
        [&](const store::GalleryRow& row) {
            if (cancel.cancelled() || m_generation.load() != generation)
                return false;
            apply(*fresh, row);
            if (++p.done % kProgressStep == 0 && progress)
                progress(p);
            return true;
        },
        [&](std::int64_t total) {
            p.total = total;
            fresh->gallery->reserve(static_cast<std::size_t>(total));
            if (progress)
                progress(p);
        });
    if (!scan.complete)
        return LoadResult::Cancelled; // fresh is wiped by its destructor
    fresh->sequence = scan.sequence;
    {
        std::unique_lock lock(m_mutex);
        if (m_generation.load() != generation)
            return LoadResult::Cancelled;
        std::swap(m_state, fresh);
    }
    p.done = p.total;
    if (progress)
        progress(p);
    qCDebug(lcEnroll) << "match index loaded:" << size() << "templates at change" << scan.sequence;
    return LoadResult::Loaded; // the previous state, now in fresh, is wiped on return
}

std::size_t MatchIndex::refresh(store::Session& session)
{
    std::int64_t since = 0;
    std::uint64_t generation = 0;
    {
        std::shared_lock lock(m_mutex);
        if (!m_state)
            return 0;
        since = m_state->sequence;
        generation = m_generation.load();
    }
    std::vector<PendingChange> changes;
    const std::int64_t upTo = session.galleryChangesSince(
        since,
        [&](const store::GalleryRow& row) {
            PendingChange c;
            c.id = row.enrollmentId;
            c.status = row.status;
            c.documentType = row.documentType;
            c.documentNumber = row.documentNumber;
            c.phone = row.phone;
            c.modelId = row.modelId;
            c.modelVersion = row.modelVersion;
            c.values.assign(row.values.begin(), row.values.end());
            changes.push_back(std::move(c));
        },
        [&](std::string_view id) {
            PendingChange c;
            c.id = id;
            c.removed = true;
            changes.push_back(std::move(c));
        });
    std::unique_lock lock(m_mutex);
    // Another catch-up (an insert's, under the write lock) may have gone further meanwhile:
    // applying this older read would bring back what it removed.
    if (!m_state || m_generation.load() != generation || upTo <= m_state->sequence)
        return 0;
    for (const auto& c : changes) {
        if (c.removed)
            m_state->remove(c.id);
        else
            apply(*m_state, c.row());
    }
    m_state->sequence = upTo;
    if (!changes.empty())
        qCDebug(lcEnroll) << "match index refreshed:" << changes.size() << "enrollments changed, now"
                          << m_state->entries.size();
    return changes.size();
}

MatchIndex::Lookup MatchIndex::catchUpAndLookup(store::Session::GalleryChanges& changes,
                                                std::span<const float> face, std::string_view documentType,
                                                std::string_view documentNumber, std::string_view phone,
                                                const match::MatchPolicy& policy)
{
    match::CandidateOptions options;
    options.cohortSkip = static_cast<std::size_t>(policy.maxCandidates);
    return catchUpAndLookup(
        changes, face, documentType, documentNumber, phone,
        [&](std::size_t gallerySize) { return policy.duplicateThreshold(gallerySize).threshold; }, options);
}

MatchIndex::Lookup MatchIndex::catchUpAndLookup(store::Session::GalleryChanges& changes,
                                                std::span<const float> face, std::string_view documentType,
                                                std::string_view documentNumber, std::string_view phone,
                                                float similarThreshold)
{
    return catchUpAndLookup(
        changes, face, documentType, documentNumber, phone,
        [similarThreshold](std::size_t) { return static_cast<double>(similarThreshold); }, {});
}

MatchIndex::Lookup MatchIndex::catchUpAndLookup(store::Session::GalleryChanges& changes,
                                                std::span<const float> face, std::string_view documentType,
                                                std::string_view documentNumber, std::string_view phone,
                                                const std::function<double(std::size_t)>& threshold,
                                                const match::CandidateOptions& options)
{
    std::unique_lock lock(m_mutex);
    if (!m_state)
        throw Error(
            ErrorCode::Conflict,
            QT_TRANSLATE_NOOP("fe::Error",
                              "The list of enrolled faces is still loading; wait until it is ready, then "
                              "save again. Nothing was stored."));
    State& state = *m_state;
    state.sequence = changes.since(
        state.sequence, [&](const store::GalleryRow& row) { apply(state, row); },
        [&](std::string_view id) { state.remove(id); });
    return lookupLocked(state, face, documentType, documentNumber, phone, threshold(state.gallery->size()), options);
}

MatchIndex::Lookup MatchIndex::lookup(std::span<const float> face, std::string_view documentType,
                                      std::string_view documentNumber, std::string_view phone,
                                      const match::MatchPolicy& policy) const
{
    std::shared_lock lock(m_mutex);
    if (!m_state)
        throw Error(ErrorCode::Conflict,
                    QT_TRANSLATE_NOOP("fe::Error",
                                      "The list of enrolled faces is still loading; wait until it is ready, then "
                                      "save again. Nothing was stored."));
    match::CandidateOptions options;
    options.cohortSkip = static_cast<std::size_t>(policy.maxCandidates);
    return lookupLocked(*m_state, face, documentType, documentNumber, phone,
                        policy.duplicateThreshold(m_state->gallery->size()).threshold, options);
}

MatchIndex::Lookup MatchIndex::lookupLocked(const State& state, std::span<const float> face,
                                            std::string_view documentType, std::string_view documentNumber,
                                            std::string_view phone, double similarThreshold,
                                            const match::CandidateOptions& options) const
{
    Lookup out;
    out.size = state.entries.size();
    out.similarThreshold = similarThreshold;
    const auto candidate = [](const std::string& id, float score, const Entry& e) {
        return Candidate{id, score, 0, std::nullopt, e.documentType, e.documentNumber, e.phone};
    };
    for (const auto& hit : state.gallery->candidates(face, static_cast<float>(similarThreshold), options).hits) {
        if (const auto it = state.entries.find(hit.id); it != state.entries.end()) {
            Candidate c = candidate(hit.id, hit.score, it->second);
            c.rank = hit.rank;
            c.cohortScore = hit.cohortScore;
            out.similar.push_back(std::move(c));
        }
    }
    for (const auto& [id, e] : state.entries) {
        const bool samePhone = e.phone == phone;
        const bool sameDocument = e.documentType == documentType && e.documentNumber == documentNumber;
        if (!samePhone && !sameDocument)
            continue;
        const float score = state.gallery->score(id, face).value_or(-1.f);
        if (samePhone)
            out.samePhone.push_back(candidate(id, score, e));
        if (sameDocument)
            out.sameDocument.push_back(candidate(id, score, e));
    }
    return out;
}

void MatchIndex::forget(std::string_view enrollmentId)
{
    std::unique_lock lock(m_mutex);
    if (m_state)
        m_state->remove(enrollmentId);
}

void MatchIndex::wipe() noexcept
{
    ++m_generation;
    std::unique_ptr<State> old;
    {
        std::unique_lock lock(m_mutex);
        old = std::move(m_state);
    }
    // old's destructor overwrites and frees it, outside the lock.
}

bool MatchIndex::ready() const
{
    std::shared_lock lock(m_mutex);
    return m_state != nullptr;
}

std::size_t MatchIndex::size() const
{
    std::shared_lock lock(m_mutex);
    return m_state ? m_state->entries.size() : 0;
}

bool MatchIndex::contains(std::string_view enrollmentId) const
{
    std::shared_lock lock(m_mutex);
    return m_state && m_state->entries.contains(std::string(enrollmentId));
}

std::int64_t MatchIndex::sequence() const
{
    std::shared_lock lock(m_mutex);
    return m_state ? m_state->sequence : 0;
}

std::vector<match::GalleryHit> MatchIndex::search(std::span<const float> face, std::size_t k) const
{
    std::shared_lock lock(m_mutex);
    if (!m_state)
        return {};
    return m_state->gallery->search(face, k);
}

} // namespace fe::enroll
