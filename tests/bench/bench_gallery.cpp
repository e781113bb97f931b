// 1:N search over random unit 512-D templates: FaceEnroll's gallery (int8 scan + half-float
// rescoring) against the naive baseline (a float32 matrix, scalar dot products, partial sort).
// Reports per-query median and p95, bytes per template and recall@10 against exact float
// search. BM_GalleryCandidates is the duplicate search enrollment runs (hits over a threshold,
// each with its rank and cohort score over the probe's ranks 6..37): its cost over
// BM_GallerySearch is the cohort statistics' (target: at most 10 % at 100,000).
// Run: build/bin/bench_gallery --benchmark_counters_tabular=true
// When Debian's libfaiss-dev is installed at configure time, FAISS's exact flat inner-product
// index (IndexFlatIP, one thread) runs on the same data as a third contender.
#include "match/Gallery.h"
#include "match/GalleryKernels.h"

#include <benchmark/benchmark.h>

#ifdef FACEENROLL_HAVE_FAISS
#include <faiss/IndexFlat.h>
#include <omp.h>
#endif

#include <algorithm>
#include <chrono>
#include <cmath>
#include <malloc.h>
#include <map>
#include <memory>
#include <random>
#include <set>

namespace {

constexpr std::size_t kDim = 512;
constexpr std::size_t kTopK = 10;
constexpr int kQueries = 200;

struct Data
{
    std::vector<float> rows; // n x dim, unit rows
    std::vector<std::vector<float>> queries;
    std::size_t n = 0;
};

void unit(float* v, std::mt19937& rng)
{
    std::normal_distribution<float> nd;
    double norm = 0;
    for (std::size_t j = 0; j < kDim; ++j) {
        v[j] = nd(rng);
        norm += double(v[j]) * v[j];
    }
    for (std::size_t j = 0; j < kDim; ++j)
        v[j] = static_cast<float>(v[j] / std::sqrt(norm));
}

const Data& data(std::size_t n)
{
    static std::map<std::size_t, std::unique_ptr<Data>> cache;
    auto& d = cache[n];
    if (!d) {
        d = std::make_unique<Data>();
        d->n = n;
        d->rows.resize(n * kDim);
        std::mt19937 rng(42);
        for (std::size_t i = 0; i < n; ++i)
            unit(d->rows.data() + i * kDim, rng);
        // Half the queries are new captures of enrolled faces (similarity ~0.7), half strangers.
        for (int q = 0; q < kQueries; ++q) {
            std::vector<float> v(kDim);
            unit(v.data(), rng);
            if (q % 2 == 0) {
                const float* row = d->rows.data() + (static_cast<std::size_t>(q) * 7919 % n) * kDim;
                double norm = 0;
                for (std::size_t j = 0; j < kDim; ++j) {
                    v[j] = 0.7f * row[j] + 0.714f * v[j];
                    norm += double(v[j]) * v[j];
                }
                for (auto& x : v)
                    x = static_cast<float>(x / std::sqrt(norm));
            }
            d->queries.push_back(std::move(v));
        }
    }
    return *d;
}

std::vector<std::size_t> naiveTopK(const Data& d, const std::vector<float>& q)
{
    std::vector<std::pair<float, std::size_t>> scores(d.n);
    for (std::size_t i = 0; i < d.n; ++i)
        scores[i] = {fe::match::kernels::dotFloat(d.rows.data() + i * kDim, q.data(), kDim), i};
    std::partial_sort(scores.begin(), scores.begin() + kTopK, scores.end(), std::greater<>());
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < kTopK; ++i)
        out.push_back(scores[i].second);
    return out;
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(std::ceil(p * v.size())) - 1)];
}

void reportLatency(benchmark::State& state, const std::vector<double>& ms)
{
    state.counters["median_ms"] = percentile(ms, 0.5);
    state.counters["p95_ms"] = percentile(ms, 0.95);
}

void BM_GallerySearch(benchmark::State& state)
{
    const Data& d = data(static_cast<std::size_t>(state.range(0)));
    const auto heapNow = [] { const auto m = mallinfo2(); return m.uordblks + m.hblkhd; };
    const std::size_t before = heapNow();
    fe::match::Gallery gallery(kDim);
    gallery.reserve(d.n);
    for (std::size_t i = 0; i < d.n; ++i)
        gallery.add("enrollment-" + std::to_string(i) + "-0000-0000-000000000000",
                    std::span<const float>(d.rows.data() + i * kDim, kDim));
    const std::size_t heap = heapNow() - before;
    std::vector<double> ms;
    std::size_t q = 0, candidates = 0;
    for (auto _ : state) {
        fe::match::SearchStats stats;
        const auto t = std::chrono::steady_clock::now();
        auto hits = gallery.search(d.queries[q % d.queries.size()], kTopK, &stats);
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count());
        candidates += stats.rescored;
        benchmark::DoNotOptimize(hits);
        ++q;
    }
    reportLatency(state, ms);
    state.counters["rescored_rows"] = static_cast<double>(candidates) / static_cast<double>(q);
    state.counters["bytes_per_template"] = static_cast<double>(gallery.memoryBytes()) / static_cast<double>(d.n);
    state.counters["heap_bytes_per_template"] = static_cast<double>(heap) / static_cast<double>(d.n);
    // Recall@10 against the exact float search, on 20 of the queries.
    double found = 0, wanted = 0;
    for (int i = 0; i < 20; ++i) {
        const auto& query = d.queries[static_cast<std::size_t>(i)];
        std::set<std::string> ours;
        for (const auto& h : gallery.search(query, kTopK))
            ours.insert(h.id);
        for (std::size_t row : naiveTopK(d, query)) {
            wanted += 1;
            found += ours.count("enrollment-" + std::to_string(row) + "-0000-0000-000000000000");
        }
    }
    state.counters["recall_at_10"] = found / wanted;
    state.SetLabel(fe::match::kernels::kernelName());
}

// The gallery of one size, built once and shared by the benchmarks that only search it.
const fe::match::Gallery& sharedGallery(const Data& d)
{
    static std::map<std::size_t, std::unique_ptr<fe::match::Gallery>> cache;
    auto& g = cache[d.n];
    if (!g) {
        g = std::make_unique<fe::match::Gallery>(kDim);
        g->reserve(d.n);
        for (std::size_t i = 0; i < d.n; ++i)
            g->add("enrollment-" + std::to_string(i) + "-0000-0000-000000000000", std::span<const float>(d.rows.data() + i * kDim, kDim));
    }
    return *g;
}

// Search and duplicate search on the same gallery and queries, interleaved query by query so
// that a busy machine slows both alike: the ratio of their medians is the cohort's cost.
void BM_GalleryCandidates(benchmark::State& state)
{
    const Data& d = data(static_cast<std::size_t>(state.range(0)));
    const fe::match::Gallery& gallery = sharedGallery(d);
    // The duplicate threshold of a 100,000-face gallery is far above random templates' scores;
    // the enrolled faces' new captures (similarity ~0.7) pass it.
    constexpr float kThreshold = 0.5f;
    std::vector<double> searchMs, candidatesMs;
    std::size_t q = 0, hits = 0;
    for (auto _ : state) {
        const auto& query = d.queries[q % d.queries.size()];
        auto t = std::chrono::steady_clock::now();
        auto top = gallery.search(query, kTopK);
        searchMs.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count());
        benchmark::DoNotOptimize(top);
        t = std::chrono::steady_clock::now();
        auto c = gallery.candidates(query, kThreshold);
        candidatesMs.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count());
        hits += c.hits.size();
        benchmark::DoNotOptimize(c);
        ++q;
    }
    const double search = percentile(searchMs, 0.5), candidates = percentile(candidatesMs, 0.5);
    state.counters["search_median_ms"] = search;
    state.counters["median_ms"] = candidates;
    state.counters["p95_ms"] = percentile(candidatesMs, 0.95);
    state.counters["cohort_cost"] = candidates / search - 1.0;
    state.counters["hits_per_query"] = static_cast<double>(hits) / static_cast<double>(q);
}

void BM_NaiveFloatSearch(benchmark::State& state)
{
    const Data& d = data(static_cast<std::size_t>(state.range(0)));
    std::vector<double> ms;
    std::size_t q = 0;
    for (auto _ : state) {
        const auto t = std::chrono::steady_clock::now();
        auto top = naiveTopK(d, d.queries[q % d.queries.size()]);
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count());
        benchmark::DoNotOptimize(top);
        ++q;
    }
    reportLatency(state, ms);
    state.counters["bytes_per_template"] = static_cast<double>(kDim * sizeof(float));
}

#ifdef FACEENROLL_HAVE_FAISS
void BM_FaissFlatIP(benchmark::State& state)
{
    const Data& d = data(static_cast<std::size_t>(state.range(0)));
    omp_set_num_threads(1);
    faiss::IndexFlatIP index(static_cast<faiss::Index::idx_t>(kDim));
    index.add(static_cast<faiss::Index::idx_t>(d.n), d.rows.data());
    std::vector<float> distances(kTopK);
    std::vector<faiss::Index::idx_t> labels(kTopK);
    std::vector<double> ms;
    std::size_t q = 0;
    for (auto _ : state) {
        const auto t = std::chrono::steady_clock::now();
        index.search(1, d.queries[q % d.queries.size()].data(), static_cast<faiss::Index::idx_t>(kTopK), distances.data(),
                     labels.data());
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count());
        benchmark::DoNotOptimize(labels);
        ++q;
    }
    reportLatency(state, ms);
    state.counters["bytes_per_template"] = static_cast<double>(kDim * sizeof(float));
}
BENCHMARK(BM_FaissFlatIP)->Arg(100'000)->Arg(1'000'000)->Iterations(kQueries)->Unit(benchmark::kMillisecond);
#endif

} // namespace

BENCHMARK(BM_GallerySearch)->Arg(100'000)->Arg(1'000'000)->Iterations(kQueries)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GalleryCandidates)->Arg(100'000)->Iterations(kQueries)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NaiveFloatSearch)->Arg(100'000)->Arg(1'000'000)->Iterations(40)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
