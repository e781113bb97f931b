// Gallery rebuild at unlock: every template of 100,000 enrollments read from the encrypted
// store into the 1:N index (what the GUI's worker does when a user logs in: MatchIndex::load),
// against the bare gallery fill and the naive path of opening every enrollment record.
// Run: build/bin/bench_enroll
// BM_TemplateScan/{4,3} read the same templates straight through a Connection from the store
// in SQLCipher 4 (HMAC-SHA512) and from a copy in the SQLCipher 3 format (HMAC-SHA1), same
// engine, same run: what the page authentication costs.
#include "StoreTestSupport.h"
#include "common/Error.h"
#include "enroll/MatchIndex.h"
#include "match/Gallery.h"
#include "store/Connection.h"
#include "store/FileUtil.h"
#include "store/SecretBytes.h"
#include "store/Session.h"
#include "store/Store.h"

#include <benchmark/benchmark.h>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <QTemporaryDir>

#include <chrono>
#include <cmath>
#include <memory>
#include <random>

namespace {

constexpr int kEnrollments = 100'000;
constexpr int kNaiveSample = 2'000; // the naive path is timed on a sample and scaled
constexpr std::size_t kDim = 512;

fe::store::StoreOptions cheapKdf()
{
    fe::store::StoreOptions o;
    o.kdf = fe::store::KdfParams{1, std::size_t{8} << 10}; // the benchmark times the rebuild, not Argon2id
    return o;
}

struct Fixture
{
    QTemporaryDir dir;
    std::filesystem::path db;
    fe::store::SecretBytes password{"bench-password-1", 16};

    Fixture()
    {
        db = std::filesystem::path(dir.path().toStdString()) / "bench.db";
        fe::store::Store::initialize(db, "admin", password, cheapKdf());
        auto admin = fe::store::Store::unlock(db, "admin", password, cheapKdf());
        // An admin's password works once; the operator then chooses their own (issue 9).
        const fe::store::SecretBytes oneTime{"set-by-the-admin-1", 18};
        admin.addUser("op", fe::store::Role::Operator, oneTime);
        admin.logout();
        fe::store::Store::unlock(db, "op", oneTime, cheapKdf()).changeOwnPassword(password);
        auto op = fe::store::Store::unlock(db, "op", password, cheapKdf());
        // A small real JPEG portrait; the gallery reads templates, not images.
        std::vector<unsigned char> jpeg;
        cv::Mat img(64, 48, CV_8UC3, cv::Scalar(90, 120, 160));
        cv::imencode(".jpg", img, jpeg);
        std::mt19937 rng(9);
        std::normal_distribution<float> nd;
        std::vector<fe::store::Enrollment> batch;
        for (int i = 0; i < kEnrollments; ++i) {
            fe::store::Enrollment e;
            e.subject = {"Subject " + std::to_string(i), "national_id", "N" + std::to_string(1000000 + i), std::nullopt};
            e.phone = "+86131" + std::to_string(10000000 + i);
            e.consent = {"1", "en", fe::store::systemNow(), true};
            e.portrait = jpeg;
            e.faceTemplate.values.resize(kDim);
            double norm = 0;
            for (auto& v : e.faceTemplate.values) {
                v = nd(rng);
                norm += double(v) * v;
            }
            for (auto& v : e.faceTemplate.values)
                v = static_cast<float>(v / std::sqrt(norm));
            e.faceTemplate.modelId = "faceplugin-fr_feature-0.0.1";
            e.faceTemplate.modelVersion = "0.0.1";
            e.liveness.verdict = "live";
            batch.push_back(std::move(e));
            if (batch.size() == 2000) {
                op.insertEnrollments(batch);
                batch.clear();
            }
        }
        if (!batch.empty())
            op.insertEnrollments(batch);
        op.logout();
    }
};

Fixture& fixture()
{
    static Fixture f;
    return f;
}

// The fixture's database copied and rewritten in the SQLCipher 3 format (same key and salt).
struct Sqlcipher3Copy
{
    QTemporaryDir dir;
    fe::store::StorePaths paths;
    fe::store::SecretBytes key;

    Sqlcipher3Copy()
    {
        Fixture& f = fixture();
        paths = fe::store::StorePaths::forDatabase(std::filesystem::path(dir.path().toStdString()) / "v3.db");
        std::filesystem::copy_file(f.db, paths.database);
        std::filesystem::copy_file(f.db.string() + ".keys", paths.keyFile);
        key = fe::store::test::databaseKey(paths, "op", "bench-password-1");
        fe::store::test::convertToSqlcipher3(paths, key);
    }
};

Sqlcipher3Copy& sqlcipher3Copy()
{
    static Sqlcipher3Copy c;
    return c;
}

void BM_TemplateScan(benchmark::State& state)
{
    using Format = fe::store::Connection::CipherFormat;
    const bool v3 = state.range(0) == 3;
    Fixture& f = fixture();
    const std::filesystem::path db = v3 ? sqlcipher3Copy().paths.database : f.db;
    const auto key = fe::store::test::databaseKey(fe::store::StorePaths::forDatabase(db), "op", "bench-password-1");
    for (auto _ : state) {
        // A fresh connection each time: every page is read from the file and authenticated.
        auto c = fe::store::Connection::openKeyed(db, key, v3 ? Format::Sqlcipher3 : Format::Current);
        auto q = c.prepare("SELECT vector FROM templates WHERE kind = 'face'");
        std::size_t bytes = 0;
        std::size_t rows = 0;
        while (q.step()) {
            bytes += q.blobView(0).size();
            ++rows;
        }
        benchmark::DoNotOptimize(bytes);
        state.counters["templates"] = static_cast<double>(rows);
        state.counters["pages"] = static_cast<double>(c.queryInt("PRAGMA page_count").value_or(0));
    }
}

void BM_GalleryRebuildAtUnlock(benchmark::State& state)
{
    Fixture& f = fixture();
    for (auto _ : state) {
        state.PauseTiming();
        auto session = fe::store::Store::unlock(f.db, "op", f.password, cheapKdf());
        state.ResumeTiming();
        // The gallery alone, streamed from the store (the index below adds the binding fields).
        fe::match::Gallery gallery(kDim);
        session.forEachGalleryTemplate([&](const fe::store::GalleryRow& row) { gallery.add(row.enrollmentId, row.values); });
        benchmark::DoNotOptimize(gallery.size());
        state.counters["templates"] = static_cast<double>(gallery.size());
        state.PauseTiming();
        session.logout();
        state.ResumeTiming();
    }
}

// The real path: MatchIndex::load on a worker session, with the binding fields (document
// numbers normalised) and progress reports.
void BM_MatchIndexLoadAtUnlock(benchmark::State& state)
{
    Fixture& f = fixture();
    for (auto _ : state) {
        state.PauseTiming();
        auto session = fe::store::Store::unlock(f.db, "op", f.password, cheapKdf());
        auto worker = session.openWorker();
        state.ResumeTiming();
        fe::enroll::MatchIndex index({"faceplugin-fr_feature-0.0.1", kDim});
        std::int64_t reports = 0;
        index.load(worker, [&](const fe::enroll::MatchIndex::Progress&) { ++reports; });
        benchmark::DoNotOptimize(index.size());
        state.counters["templates"] = static_cast<double>(index.size());
        state.counters["progress_reports"] = static_cast<double>(reports);
        state.PauseTiming();
        index.wipe();
        worker.logout();
        session.logout();
        state.ResumeTiming();
    }
}

void BM_GalleryRebuild_NaiveOpenEveryRecord(benchmark::State& state)
{
    Fixture& f = fixture();
    for (auto _ : state) {
        state.PauseTiming();
        auto session = fe::store::Store::unlock(f.db, "op", f.password, cheapKdf());
        const auto list = session.listEnrollments({});
        state.ResumeTiming();
        const auto t = std::chrono::steady_clock::now();
        fe::match::Gallery gallery(kDim);
        for (int i = 0; i < kNaiveSample && i < static_cast<int>(list.size()); ++i) {
            const auto e = session.getEnrollment(list[static_cast<std::size_t>(i)].id);
            gallery.add(e.id, e.faceTemplate.values);
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
        state.counters["extrapolated_100k_s"] = seconds * kEnrollments / kNaiveSample;
        state.PauseTiming();
        session.logout();
        state.ResumeTiming();
    }
}

} // namespace

BENCHMARK(BM_GalleryRebuildAtUnlock)->Iterations(1)->Repetitions(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MatchIndexLoadAtUnlock)->Iterations(1)->Repetitions(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GalleryRebuild_NaiveOpenEveryRecord)->Iterations(1)->Repetitions(3)->Unit(benchmark::kMillisecond);

BENCHMARK(BM_TemplateScan)->Arg(4)->Arg(3)->Iterations(1)->Repetitions(3)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
