#pragma once

#include "common/HugePageAllocator.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fe::match {

struct GalleryHit
{
    std::string id;
    float score = 0.f;      // cosine similarity
    std::uint32_t rank = 0; // 1 = the probe's best score over the whole gallery
    // How unusual the score is for this probe: robust standard deviations above its cohort
    // (see Gallery::candidates); empty where no cohort was computed or the gallery is too small.
    std::optional<float> cohortScore;
};

// What one search cost (for the benchmark): rows rescored in half precision.
struct SearchStats
{
    std::size_t rescored = 0;
};

// A probe's cohort: its scores over the gallery just below the candidate slots (ranks
// skip+1 .. skip+size). median and spread (1.4826 x the median absolute deviation, a standard
// deviation that a few look-alikes do not inflate) describe what this probe scores against
// strangers near the top of the gallery.
struct CohortStats
{
    std::size_t size = 0;
    float median = 0.f;
    float spread = 0.f;
};

struct CandidateOptions
{
    std::size_t maxHits = 1000;   // hits at or above the threshold returned at most
    std::size_t cohortSkip = 5;   // ranks left out of the cohort: the candidate slots (k)
    std::size_t cohortSize = 32;  // ranks in the cohort
};

struct CandidateSearch
{
    std::vector<GalleryHit> hits; // at or above the threshold, best first, rank and cohortScore set
    CohortStats cohort;
    SearchStats stats;
};

// The in-memory 1:N gallery: every enrolled template, searched exhaustively (no approximate
// index). Each template is kept twice, compactly: as int8 codes with a per-row scale, which a
// SIMD scan reads for every query (a quarter of the float32 bytes, so a quarter of the memory
// traffic), and as IEEE half floats, with which the few rows that the int8 scan cannot rule
// out are rescored. The int8 scan carries a per-row error bound (Cauchy-Schwarz on the
// quantisation residuals), so no row that could belong to the answer is skipped: results are
// those of an exact float search up to half-float rounding (|error| < 1e-3). About 1.6 KiB
// per 512-D template.
//
// Thread-safe: searches share a lock and write nothing shared (each returns its own
// SearchStats); changes take the lock exclusively.
class Gallery
{
public:
    explicit Gallery(std::size_t dimension = 512);

    // Adds or replaces a template. values: L2-normalised (renormalised if not); throws
    // fe::Error(InvalidArgument) for a wrong dimension or non-finite values.
    void add(std::string_view id, std::span<const float> values);
    bool remove(std::string_view id);
    void clear();
    void reserve(std::size_t count);

    [[nodiscard]] std::size_t size() const;
    [[nodiscard]] std::size_t dimension() const { return m_dim; }
    [[nodiscard]] bool contains(std::string_view id) const;

    // The k most similar templates, best first (rank set, no cohort score).
    [[nodiscard]] std::vector<GalleryHit> search(std::span<const float> query, std::size_t k,
                                                 SearchStats* stats = nullptr) const;
    // Every template scoring at least threshold, best first (at most maxHits; rank set).
    [[nodiscard]] std::vector<GalleryHit> above(std::span<const float> query, float threshold,
                                                std::size_t maxHits = 1000, SearchStats* stats = nullptr) const;
    // The duplicate search: every template at or above threshold (best first, at most
    // options.maxHits), each with its rank over the whole gallery and its cohort score
    // (score - cohort median) / cohort spread, where the cohort is the probe's exact scores at
    // ranks cohortSkip+1 .. cohortSkip+cohortSize. A true duplicate stands far above the
    // cohort (the mate of a new capture scores 10+ spreads above it); a crowd of look-alikes
    // does not. No cohort (and no cohort scores) with fewer than kMinCohort rows past the skip.
    [[nodiscard]] CandidateSearch candidates(std::span<const float> query, float threshold,
                                             const CandidateOptions& options = {}) const;
    static constexpr std::size_t kMinCohort = 8;
    // Floor of the cohort spread (cosine units): keeps the cohort score finite for a cohort
    // of near-equal scores. A tenth of the spread measured on the calibration faces.
    static constexpr float kMinCohortSpread = 0.01f;
    // The score against one stored template, if present.
    [[nodiscard]] std::optional<float> score(std::string_view id, std::span<const float> query) const;

    // Bytes held for the templates and their ids (capacity, not just size).
    [[nodiscard]] std::size_t memoryBytes() const;

private:
    struct Query
    {
        std::vector<float> unit;
        std::vector<std::int8_t> codes;
        float scale = 0.f;
        float error = 0.f;
    };
    Query prepare(std::span<const float> query) const;
    // Scores every row with the int8 codes; bounds[i] is the most the true score may differ.
    void scan(const Query& q, std::vector<float>& approx) const;
    float exact(std::size_t row, const Query& q) const;
    // Rows that may hold one of the k best exact scores or a score >= threshold, rescored
    // exactly and sorted best first (caller holds the shared lock).
    std::vector<std::pair<float, std::uint32_t>> topExact(const Query& q, std::size_t k, float threshold) const;

    std::size_t m_dim;
    mutable std::shared_mutex m_mutex;
    std::vector<std::int8_t, HugePageAllocator<std::int8_t>> m_codes;    // rows x dim
    std::vector<std::uint16_t, HugePageAllocator<std::uint16_t>> m_halfs; // rows x dim
    std::vector<float> m_scales;        // per row: value = code * scale
    std::vector<float> m_errors;        // per row: |value - code * scale| (L2)
    std::vector<const std::string*> m_ids;
    std::unordered_map<std::string, std::uint32_t> m_rows;
};

} // namespace fe::match
