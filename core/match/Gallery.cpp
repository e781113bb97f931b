#include "match/Gallery.h"

#include "common/Error.h"
#include "match/GalleryKernels.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>

namespace fe::match {
namespace {

constexpr float kCodeMax = 127.f;

// Scale-and-round to int8 with the row's own scale; returns the L2 norm of the residual.
float quantise(std::span<const float> v, std::int8_t* codes, float& scale)
{
    float maxAbs = 0.f;
    for (float x : v)
        maxAbs = std::max(maxAbs, std::abs(x));
    scale = maxAbs > 0.f ? maxAbs / kCodeMax : 1.f;
    const float inverse = 1.f / scale;
    // Adding and subtracting 1.5 * 2^23 rounds to the nearest integer (ties to even) in
    // plain float arithmetic, without a library call; |v * inverse| <= 127 by construction.
    constexpr float kRound = 12582912.f;
    float err = 0.f;
    for (std::size_t j = 0; j < v.size(); ++j) {
        const float c = (v[j] * inverse + kRound) - kRound;
        codes[j] = static_cast<std::int8_t>(static_cast<int>(c));
        const float d = v[j] - c * scale;
        err += d * d;
    }
    return std::sqrt(err);
}

std::vector<float> normalised(std::span<const float> v, std::size_t dim)
{
    if (v.size() != dim)
        throw Error(ErrorCode::InvalidArgument, QT_TRANSLATE_NOOP("fe::Error", "A template has %1 values; the gallery holds %2-value templates."),
                    {std::to_string(v.size()), std::to_string(dim)});
    double norm = 0.0;
    for (float x : v) {
        if (!std::isfinite(x))
            throw Error(ErrorCode::InvalidArgument, QT_TRANSLATE_NOOP("fe::Error", "A template holds a value that is not a finite number."));
        norm += static_cast<double>(x) * x;
    }
    norm = std::sqrt(norm);
    if (!(norm > 1e-12))
        throw Error(ErrorCode::InvalidArgument, QT_TRANSLATE_NOOP("fe::Error", "A template is all zeros."));
    std::vector<float> out(v.begin(), v.end());
    for (float& x : out)
        x = static_cast<float>(x / norm);
    return out;
}

} // namespace

Gallery::Gallery(std::size_t dimension) : m_dim(dimension) {}

void Gallery::reserve(std::size_t count)
{
    std::unique_lock lock(m_mutex);
    m_codes.reserve(count * m_dim);
    m_halfs.reserve(count * m_dim);
    m_scales.reserve(count);
    m_errors.reserve(count);
    m_ids.reserve(count);
    m_rows.reserve(count);
}

void Gallery::add(std::string_view id, std::span<const float> values)
{
    const std::vector<float> unit = normalised(values, m_dim);
    std::unique_lock lock(m_mutex);
    // Encode outside the rows, then append or overwrite: appending to reserved storage writes
    // each byte once (a resize would zero it first).
    std::vector<std::int8_t> codes(m_dim);
    std::vector<std::uint16_t> halfs(m_dim);
    float scale = 0.f;
    const float error = quantise(unit, codes.data(), scale);
    kernels::floatsToHalfs(unit.data(), halfs.data(), m_dim);
    std::size_t row = m_ids.size();
    auto [it, inserted] = m_rows.try_emplace(std::string(id), static_cast<std::uint32_t>(row));
    if (inserted) {
        m_ids.push_back(&it->first);
        m_codes.insert(m_codes.end(), codes.begin(), codes.end());
        m_halfs.insert(m_halfs.end(), halfs.begin(), halfs.end());
        m_scales.push_back(scale);
        m_errors.push_back(error);
    } else {
        row = it->second;
        std::copy(codes.begin(), codes.end(), m_codes.begin() + static_cast<std::ptrdiff_t>(row * m_dim));
        std::copy(halfs.begin(), halfs.end(), m_halfs.begin() + static_cast<std::ptrdiff_t>(row * m_dim));
        m_scales[row] = scale;
        m_errors[row] = error;
    }
}

bool Gallery::remove(std::string_view id)
{
    std::unique_lock lock(m_mutex);
    auto it = m_rows.find(std::string(id));
    if (it == m_rows.end())
        return false;
    const std::size_t row = it->second;
    const std::size_t last = m_ids.size() - 1;
    if (row != last) {
        // The last row moves into the hole.
        std::copy_n(m_codes.begin() + static_cast<std::ptrdiff_t>(last * m_dim), m_dim,
                    m_codes.begin() + static_cast<std::ptrdiff_t>(row * m_dim));
        std::copy_n(m_halfs.begin() + static_cast<std::ptrdiff_t>(last * m_dim), m_dim,
                    m_halfs.begin() + static_cast<std::ptrdiff_t>(row * m_dim));
        m_scales[row] = m_scales[last];
        m_errors[row] = m_errors[last];
        m_ids[row] = m_ids[last];
        m_rows[*m_ids[row]] = static_cast<std::uint32_t>(row);
    }
    m_codes.resize(last * m_dim);
    m_halfs.resize(last * m_dim);
    m_scales.pop_back();
    m_errors.pop_back();
    m_ids.pop_back();
    m_rows.erase(it);
    return true;
}

void Gallery::clear()
{
    std::unique_lock lock(m_mutex);
    m_codes.clear();
    m_halfs.clear();
    m_scales.clear();
    m_errors.clear();
    m_ids.clear();
    m_rows.clear();
}

std::size_t Gallery::size() const
{
    std::shared_lock lock(m_mutex);
    return m_ids.size();
}

bool Gallery::contains(std::string_view id) const
{
    std::shared_lock lock(m_mutex);
    return m_rows.count(std::string(id)) != 0;
}

Gallery::Query Gallery::prepare(std::span<const float> query) const
{
    Query q;
    q.unit = normalised(query, m_dim);
    q.codes.resize(m_dim);
    q.error = quantise(q.unit, q.codes.data(), q.scale);
    return q;
}

void Gallery::scan(const Query& q, std::vector<float>& approx) const
{
    const std::size_t n = m_ids.size();
    std::vector<std::int32_t> dots(n);
    kernels::dotInt8(m_codes.data(), q.codes.data(), dots.data(), n, m_dim);
    approx.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        approx[i] = static_cast<float>(dots[i]) * m_scales[i] * q.scale;
}

float Gallery::exact(std::size_t row, const Query& q) const
{
    return kernels::dotHalf(m_halfs.data() + row * m_dim, q.unit.data(), m_dim);
}

std::vector<std::pair<float, std::uint32_t>> Gallery::topExact(const Query& q, std::size_t k, float threshold) const
{
    const std::size_t n = m_ids.size();
    std::vector<std::pair<float, std::uint32_t>> out;
    if (n == 0)
        return out;
    std::vector<float> approx;
    scan(q, approx);
    // |true - approx| <= e_row + e_query * (1 + e_row) for unit vectors; a row can be among
    // the k best only if its upper bound reaches the k-th largest lower bound.
    const auto margin = [&](std::size_t i) { return m_errors[i] + q.error * (1.f + m_errors[i]); };
    float cut = threshold;
    k = std::min(k, n);
    if (k > 0) {
        std::vector<float> lower(n);
        for (std::size_t i = 0; i < n; ++i)
            lower[i] = approx[i] - margin(i);
        std::nth_element(lower.begin(), lower.begin() + static_cast<std::ptrdiff_t>(k - 1), lower.end(), std::greater<>());
        cut = std::min(cut, lower[k - 1]);
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (approx[i] + margin(i) >= cut)
            out.emplace_back(exact(i, q), static_cast<std::uint32_t>(i));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    return out;
}

std::vector<GalleryHit> Gallery::search(std::span<const float> query, std::size_t k, SearchStats* stats) const
{
    const Query q = prepare(query);
    std::shared_lock lock(m_mutex);
    if (k == 0)
        return {};
    const auto top = topExact(q, k, std::numeric_limits<float>::infinity());
    if (stats)
        stats->rescored = top.size();
    std::vector<GalleryHit> hits;
    for (std::size_t r = 0; r < std::min(k, top.size()); ++r)
        hits.push_back({*m_ids[top[r].second], top[r].first, static_cast<std::uint32_t>(r + 1), std::nullopt});
    return hits;
}

std::vector<GalleryHit> Gallery::above(std::span<const float> query, float threshold, std::size_t maxHits,
                                       SearchStats* stats) const
{
    const Query q = prepare(query);
    std::shared_lock lock(m_mutex);
    const auto top = topExact(q, 0, threshold);
    if (stats)
        stats->rescored = top.size();
    std::vector<GalleryHit> hits;
    for (std::size_t r = 0; r < top.size() && top[r].first >= threshold && hits.size() < maxHits; ++r)
        hits.push_back({*m_ids[top[r].second], top[r].first, static_cast<std::uint32_t>(r + 1), std::nullopt});
    return hits;
}

CandidateSearch Gallery::candidates(std::span<const float> query, float threshold, const CandidateOptions& options) const
{
    const Query q = prepare(query);
    std::shared_lock lock(m_mutex);
    CandidateSearch out;
    const auto top = topExact(q, options.cohortSkip + options.cohortSize, threshold);
    out.stats.rescored = top.size();
    // The cohort: ranks skip+1 .. skip+size of this probe's exact scores.
    if (top.size() >= options.cohortSkip + kMinCohort) {
        std::vector<float> cohort;
        for (std::size_t r = options.cohortSkip; r < std::min(top.size(), options.cohortSkip + options.cohortSize); ++r)
            cohort.push_back(top[r].first);
        const auto medianOf = [](std::vector<float> v) {
            const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
            std::nth_element(v.begin(), mid, v.end());
            float m = *mid;
            if (v.size() % 2 == 0)
                m = (m + *std::max_element(v.begin(), mid)) / 2.f;
            return m;
        };
        out.cohort.size = cohort.size();
        out.cohort.median = medianOf(cohort);
        for (float& s : cohort)
            s = std::abs(s - out.cohort.median);
        // 1.4826 x MAD estimates the standard deviation of a normal sample.
        out.cohort.spread = 1.4826f * medianOf(std::move(cohort));
    }
    const float spread = std::max(out.cohort.spread, kMinCohortSpread);
    for (std::size_t r = 0; r < top.size() && top[r].first >= threshold && out.hits.size() < options.maxHits; ++r) {
        GalleryHit h{*m_ids[top[r].second], top[r].first, static_cast<std::uint32_t>(r + 1), std::nullopt};
        if (out.cohort.size > 0)
            h.cohortScore = (h.score - out.cohort.median) / spread;
        out.hits.push_back(std::move(h));
    }
    return out;
}

std::optional<float> Gallery::score(std::string_view id, std::span<const float> query) const
{
    const Query q = prepare(query);
    std::shared_lock lock(m_mutex);
    auto it = m_rows.find(std::string(id));
    if (it == m_rows.end())
        return std::nullopt;
    return exact(it->second, q);
}

std::size_t Gallery::memoryBytes() const
{
    std::shared_lock lock(m_mutex);
    std::size_t bytes = m_codes.capacity() + m_halfs.capacity() * sizeof(std::uint16_t) +
                        (m_scales.capacity() + m_errors.capacity()) * sizeof(float) +
                        m_ids.capacity() * sizeof(const std::string*);
    // Hash map: buckets, and per entry a node with the key and the row (heap-allocated key
    // text when it does not fit the small-string buffer).
    bytes += m_rows.bucket_count() * sizeof(void*);
    for (const auto& [id, row] : m_rows)
        bytes += sizeof(void*) + sizeof(std::size_t) + sizeof(std::string) + sizeof(std::uint32_t) +
                 (id.capacity() > 15 ? id.capacity() + 1 : 0);
    return bytes;
}

} // namespace fe::match
