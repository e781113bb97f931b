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
    float score = 0.f; // cosine similarity
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
// Thread-safe: searches share a lock, changes take it exclusively.
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

    // The k most similar templates, best first.
    [[nodiscard]] std::vector<GalleryHit> search(std::span<const float> query, std::size_t k) const;
    // Every template scoring at least threshold, best first (at most maxHits).
    [[nodiscard]] std::vector<GalleryHit> above(std::span<const float> query, float threshold,
                                                std::size_t maxHits = 1000) const;
    // The score against one stored template, if present.
    [[nodiscard]] std::optional<float> score(std::string_view id, std::span<const float> query) const;

    // Bytes held for the templates and their ids (capacity, not just size).
    [[nodiscard]] std::size_t memoryBytes() const;
    // Rows the last search rescored in half precision (for the benchmark).
    [[nodiscard]] std::size_t lastCandidates() const { return m_lastCandidates; }

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

    std::size_t m_dim;
    mutable std::shared_mutex m_mutex;
    std::vector<std::int8_t, HugePageAllocator<std::int8_t>> m_codes;    // rows x dim
    std::vector<std::uint16_t, HugePageAllocator<std::uint16_t>> m_halfs; // rows x dim
    std::vector<float> m_scales;        // per row: value = code * scale
    std::vector<float> m_errors;        // per row: |value - code * scale| (L2)
    std::vector<const std::string*> m_ids;
    std::unordered_map<std::string, std::uint32_t> m_rows;
    mutable std::size_t m_lastCandidates = 0;
};

} // namespace fe::match
