// Issue 14's figures for core/sync, each beside a naive baseline measured in the same run:
//   export of 2,000 enrollments with 100 KB portraits (~220 MB)      target >= 100 MB/s
//   verify + import of that bundle on a relay                        target >= 200 MB/s
//   upload of it to a local faceenroll-hub: limited by the hub; client CPU per MB reported
//   peak RSS of export and import above an idle process               target <= 64 MB
// The naive baselines hold the whole set in memory and seal (or verify) it in one piece.
//
//   cmake --build build --target bench_sync faceenroll-hub
//   build/bin/bench_sync --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
//
// The fixture is written once into a temporary directory (FACEENROLL_BENCH_DIR, default
// /tmp) and removed at exit. Stores use the cheapest Argon2id so that logins do not weigh in.
// FACEENROLL_BENCH_ENROLLMENTS sets a smaller set (e.g. 200 for a callgrind run).
//
// Besides wall time, every figure comes with the CPU time it cost (cpu_ms, and CPU_MB_per_s =
// bytes / CPU seconds): on a shared machine the wall time says more about the other jobs than
// about the code. Export runs on two threads (the store's reader and the sealer) and counts
// the whole process's CPU, as does its naive baseline; import runs in the calling thread and
// counts that thread's CPU (user + system, so the kernel's share of reads and writes is in);
// the upload counts the whole client process (Qt Network has its own thread) and the hub
// process.
#include "StoreTestSupport.h"
#include "store/Store.h"
#include "sync/BundleExporter.h"
#include "sync/BundleImporter.h"
#include "sync/CentralKeys.h"
#include "sync/HubService.h"
#include "sync/RecordCodec.h"
#include "sync/TrustList.h"
#include "sync/Uploader.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>
#include <chrono>
#include <fcntl.h>
#include <fstream>
#include <sodium.h>
#include <sstream>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace fe;
using namespace fe::store::test;

namespace {

constexpr int kDefaultEnrollments = 2000;
constexpr std::size_t kPortraitBytes = 100 * 1024;

int enrollmentCount()
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("FACEENROLL_BENCH_ENROLLMENTS", &ok);
    return ok && n >= 100 ? n - n % 100 : kDefaultEnrollments;
}

double seconds(std::chrono::steady_clock::duration d)
{
    return std::chrono::duration<double>(d).count();
}

struct Fixture
{
    QTemporaryDir dir{QString::fromLocal8Bit(qgetenv("FACEENROLL_BENCH_DIR").isEmpty() ? QByteArray("/tmp")
                                                                                        : qgetenv("FACEENROLL_BENCH_DIR")) +
                      QStringLiteral("/bench_sync-XXXXXX")};
    std::filesystem::path root{dir.path().toStdString()};
    std::unique_ptr<TempStore> station;
    sync::CentralSecretKeys central = sync::CentralKeys::generate();
    std::vector<std::string> ids;
    std::filesystem::path bundle; // one export of the whole set, for the import and upload benchmarks
    std::uint64_t bundleBytes = 0;

    Fixture()
    {
        sync::CentralKeys::writeKeyDirectory(root / "central", central);
        station = std::make_unique<TempStore>();
        {
            auto admin = station->login("admin");
            admin.setCentralKey(central.publicKeys);
        }
        auto op = station->login("op1");
        for (int batch = 0; batch < enrollmentCount() / 100; ++batch) {
            std::vector<store::Enrollment> es;
            for (int i = 0; i < 100; ++i) {
                auto e = sampleEnrollment(static_cast<std::uint32_t>(batch * 100 + i), kPortraitBytes);
                e.flags.clear();
                e.matches.resize(1);
                es.push_back(std::move(e));
            }
            const auto got = op.insertEnrollments(es);
            ids.insert(ids.end(), got.begin(), got.end());
        }
        op.logout();
        bundle = root / "all.feb";
        auto sup = station->login("sup");
        bundleBytes = sync::BundleExporter(sup).exportToFile(bundle, ids).bytes;
    }
};

Fixture& fixture()
{
    static Fixture f;
    return f;
}

// A relay station that trusts the fixture's station and knows the central key.
std::unique_ptr<TempStore> makeRelay(const Fixture& f)
{
    auto relay = std::make_unique<TempStore>();
    auto admin = relay->login("admin");
    admin.setCentralKey(f.central.publicKeys);
    auto sup = f.station->login("sup");
    const auto id = sup.stationIdentity();
    admin.replaceTrustList({{id.stationId, id.name, id.publicKey}});
    return relay;
}

std::string readAll(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void writeDurably(const std::filesystem::path& p, const unsigned char* data, std::size_t n)
{
    const int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    std::size_t done = 0;
    while (done < n) {
        const ssize_t w = ::write(fd, data + done, n - done);
        if (w <= 0)
            break;
        done += static_cast<std::size_t>(w);
    }
    ::fsync(fd);
    ::close(fd);
}

// The naive export: every enrollment read into memory, all records in one buffer, sealed to
// the central key in one piece, signed in one piece, written.
std::uint64_t naiveExport(TempStore& station, const std::vector<std::string>& ids, const sync::CentralSecretKeys& central,
                          const std::filesystem::path& out)
{
    auto sup = station.login("sup");
    std::vector<store::ExportRecord> records;
    for (const auto& id : ids)
        records.push_back(sup.exportRecord(id));
    QByteArray all;
    for (const auto& r : records) {
        const QByteArray cbor = sync::RecordCodec::encode(r);
        unsigned char len[4];
        sync::putU32(len, static_cast<std::uint32_t>(cbor.size()));
        all.append(reinterpret_cast<const char*>(len), 4);
        all.append(cbor);
    }
    std::vector<unsigned char> sealed(static_cast<std::size_t>(all.size()) + crypto_box_SEALBYTES + crypto_sign_BYTES);
    crypto_box_seal(sealed.data(), reinterpret_cast<const unsigned char*>(all.constData()), static_cast<std::size_t>(all.size()),
                    central.publicKeys.boxPublicKey.data());
    const auto key = sup.stationSigningKey();
    const std::size_t n = static_cast<std::size_t>(all.size()) + crypto_box_SEALBYTES;
    crypto_sign_detached(sealed.data() + n, nullptr, sealed.data(), n, key.data());
    writeDurably(out, sealed.data(), sealed.size());
    return sealed.size();
}

// The naive import on a relay: the whole file in memory, the signature over all of it, a copy.
std::uint64_t naiveImport(const std::filesystem::path& in, const store::Ed25519PublicKey& stationKey,
                          const std::filesystem::path& out)
{
    const std::string bytes = readAll(in);
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size() - crypto_sign_BYTES;
    if (crypto_sign_verify_detached(p + n, p, n, stationKey.data()) != 0)
        throw std::runtime_error("naive bundle does not verify");
    writeDurably(out, p, bytes.size());
    return bytes.size();
}

// Runs fn in a forked child and returns the child's peak RSS in KiB.
long peakRssOf(const std::function<void()>& fn)
{
    const pid_t pid = ::fork();
    if (pid == 0) {
        try {
            fn();
        } catch (...) {
            ::_exit(3);
        }
        ::_exit(0);
    }
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error("the measured child failed");
    return usage.ru_maxrss;
}

double cpuSecondsOf(int who)
{
    rusage u{};
    ::getrusage(who, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double cpuSeconds()
{
    return cpuSecondsOf(RUSAGE_SELF);
}

// User + system CPU of the calling thread.
double threadCpuSeconds()
{
    return cpuSecondsOf(RUSAGE_THREAD);
}

// Wall time as the iteration time, and the CPU time beside it: the calling thread's, or the
// whole process's for work that runs on threads of its own.
class Measure
{
public:
    enum class Cpu
    {
        CallingThread,
        WholeProcess
    };
    explicit Measure(benchmark::State& state, Cpu cpu = Cpu::CallingThread)
        : m_state(state), m_clock(cpu == Cpu::WholeProcess ? &cpuSeconds : &threadCpuSeconds)
    {
    }
    template <typename Fn> auto operator()(Fn&& fn)
    {
        const double cpu = m_clock();
        const auto started = std::chrono::steady_clock::now();
        auto result = fn();
        m_state.SetIterationTime(seconds(std::chrono::steady_clock::now() - started));
        m_cpu += m_clock() - cpu;
        return result;
    }
    // cpu_ms per iteration and MB per CPU second.
    void report(std::uint64_t bytesPerIteration) const
    {
        const double iterations = static_cast<double>(m_state.iterations());
        m_state.counters["cpu_ms"] = m_cpu * 1000.0 / iterations;
        m_state.counters["CPU_MB_per_s"] = static_cast<double>(bytesPerIteration) * iterations / 1e6 / m_cpu;
    }

private:
    benchmark::State& m_state;
    double (*m_clock)();
    double m_cpu = 0;
};

double processCpuSeconds(qint64 pid)
{
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    std::getline(stat, line);
    std::istringstream fields(line.substr(line.rfind(')') + 2));
    std::string f;
    unsigned long long utime = 0;
    unsigned long long stime = 0;
    for (int i = 3; i <= 15 && fields >> f; ++i) {
        if (i == 14)
            utime = std::stoull(f);
        if (i == 15)
            stime = std::stoull(f);
    }
    return static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

// --- peak RSS (first, before any network thread exists in this process) ----------------

void BM_PeakRss(benchmark::State& state)
{
    auto& f = fixture();
    const int which = static_cast<int>(state.range(0));
    long idle = 0;
    long peak = 0;
    for (auto _ : state) {
        idle = peakRssOf([&] {
            auto sup = f.station->login("sup");
            (void)sup.stationIdentity();
        });
        const auto out = f.root / "rss.out";
        std::filesystem::remove(out);
        auto relay = which == 1 ? makeRelay(f) : nullptr;
        const auto naiveSource = f.root / "naive.src";
        if (which == 3 && !std::filesystem::exists(naiveSource))
            naiveExport(*f.station, f.ids, f.central, naiveSource);
        store::Ed25519PublicKey stationKey{};
        {
            auto sup = f.station->login("sup");
            stationKey = sup.stationIdentity().publicKey;
        }
        peak = peakRssOf([&] {
            switch (which) {
            case 0: {
                auto sup = f.station->login("sup");
                sync::BundleExporter(sup).exportToFile(out, f.ids);
                break;
            }
            case 1: {
                auto sup = relay->login("sup");
                sync::BundleImporter::importFile(sup, f.bundle);
                break;
            }
            case 2:
                naiveExport(*f.station, f.ids, f.central, out);
                break;
            case 3: {
                auto sup = f.station->login("sup");
                naiveImport(naiveSource, stationKey, out);
                break;
            }
            }
        });
    }
    state.counters["peak_rss_MB"] = static_cast<double>(peak) / 1024.0;
    state.counters["idle_rss_MB"] = static_cast<double>(idle) / 1024.0;
    state.counters["above_idle_MB"] = static_cast<double>(peak - idle) / 1024.0;
    static const char* names[] = {"export", "import", "naive export", "naive import"};
    state.SetLabel(names[which]);
}

// --- throughput --------------------------------------------------------------------------

void BM_Export(benchmark::State& state)
{
    auto& f = fixture();
    std::uint64_t bytes = 0;
    Measure measure(state, Measure::Cpu::WholeProcess);
    for (auto _ : state) {
        const auto out = f.root / "export.feb";
        std::filesystem::remove(out);
        auto sup = f.station->login("sup");
        bytes = measure([&] { return sync::BundleExporter(sup).exportToFile(out, f.ids).bytes; });
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes * state.iterations()));
    state.counters["MB"] = static_cast<double>(bytes) / 1e6;
    measure.report(bytes);
}

void BM_ExportNaive(benchmark::State& state)
{
    auto& f = fixture();
    std::uint64_t bytes = 0;
    Measure measure(state, Measure::Cpu::WholeProcess);
    for (auto _ : state)
        bytes = measure([&] { return naiveExport(*f.station, f.ids, f.central, f.root / "naive.bin"); });
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes * state.iterations()));
    measure.report(bytes);
}

void BM_VerifyImport(benchmark::State& state)
{
    auto& f = fixture();
    Measure measure(state);
    for (auto _ : state) {
        auto relay = makeRelay(f);
        auto sup = relay->login("sup");
        const auto r = measure([&] { return sync::BundleImporter::importFile(sup, f.bundle); });
        if (r.duplicate)
            state.SkipWithError("the bundle was in the outbox already");
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(f.bundleBytes * state.iterations()));
    measure.report(f.bundleBytes);
}

void BM_VerifyImportNaive(benchmark::State& state)
{
    auto& f = fixture();
    const auto src = f.root / "naive.src";
    if (!std::filesystem::exists(src))
        naiveExport(*f.station, f.ids, f.central, src);
    store::Ed25519PublicKey key{};
    {
        auto sup = f.station->login("sup");
        key = sup.stationIdentity().publicKey;
    }
    std::uint64_t bytes = 0;
    Measure measure(state);
    for (auto _ : state)
        bytes = measure([&] { return naiveImport(src, key, f.root / "naive.copy"); });
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes * state.iterations()));
    measure.report(bytes);
}

// Upload of the relayed 220 MB bundle to a local hub. Wall time is the hub's work (verify,
// decrypt, decode, SQLCipher insert); the client's CPU per MB shows what the client costs.
void BM_Upload(benchmark::State& state)
{
    auto& f = fixture();
    double clientCpu = 0;
    double hubCpu = 0;
    for (auto _ : state) {
        state.PauseTiming();
        auto relay = makeRelay(f);
        {
            auto sup = relay->login("sup");
            sync::BundleImporter::importFile(sup, f.bundle);
        }
        QTemporaryDir hubDir(QString::fromStdString((f.root / "hub-XXXXXX").string()));
        const auto trust = f.root / "hub-trust.txt";
        {
            auto a = f.station->login("sup");
            auto b = relay->login("sup");
            const auto ia = a.stationIdentity();
            const auto ib = b.stationIdentity();
            std::ofstream t(trust, std::ios::trunc);
            t << sync::TrustList::formatLine({ia.stationId, ia.name, ia.publicKey}) << "\n"
              << sync::TrustList::formatLine({ib.stationId, ib.name, ib.publicKey}) << "\n";
        }
        QProcess hub;
        hub.start(QStringLiteral(FACEENROLL_HUB),
                  {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"), hubDir.path(),
                   QStringLiteral("--key"), QString::fromStdString((f.root / "central").string()), QStringLiteral("--stations"),
                   QString::fromStdString(trust.string())});
        hub.waitForReadyRead(60'000);
        const int port = QJsonDocument::fromJson(hub.readLine()).object().value(QStringLiteral("port")).toInt();
        auto sup = relay->login("sup");
        sync::UploadOptions options;
        options.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        sync::Uploader uploader(sup, options);
        const double hubBefore = processCpuSeconds(hub.processId());
        const double before = cpuSeconds();
        state.ResumeTiming();
        const auto report = uploader.run();
        state.PauseTiming();
        clientCpu += cpuSeconds() - before;
        hubCpu += processCpuSeconds(hub.processId()) - hubBefore;
        if (report.bundles != 1)
            state.SkipWithError("the upload did not complete");
        hub.terminate();
        hub.waitForFinished(60'000);
        state.ResumeTiming();
    }
    const double mb = static_cast<double>(f.bundleBytes) * static_cast<double>(state.iterations()) / 1e6;
    state.SetBytesProcessed(static_cast<std::int64_t>(f.bundleBytes * state.iterations()));
    state.counters["client_cpu_ms_per_MB"] = clientCpu * 1000.0 / mb;
    state.counters["hub_cpu_ms_per_MB"] = hubCpu * 1000.0 / mb;
    state.counters["client_CPU_MB_per_s"] = mb / clientCpu;
    state.counters["hub_CPU_MB_per_s"] = mb / hubCpu;
}

} // namespace

BENCHMARK(BM_PeakRss)->DenseRange(0, 3)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Export)->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExportNaive)->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_VerifyImport)->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_VerifyImportNaive)->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Upload)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
