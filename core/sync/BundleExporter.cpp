#include "sync/BundleExporter.h"

#include "common/Error.h"
#include "common/Logging.h"
#include "store/Uuid.h"
#include "sync/AtomicFile.h"
#include "sync/RecordCodec.h"
#include "sync/RecordQueue.h"

#include <atomic>
#include <chrono>
#include <exception>
#include <sys/resource.h>
#include <thread>
#ifdef __linux__
#include <pthread.h>
#endif

namespace fe::sync {
namespace {

// Encoded records waiting for the sealer: enough to ride out a slow write or a large record's
// read, small beside the 64 MB an export may use above idle (docs/bundle-format.md).
constexpr std::size_t kQueueBytes = 8u * 1024 * 1024;

// CPU time (user + system) of the calling thread, in ms; 0 where the system cannot say.
double threadCpuMs()
{
#ifdef RUSAGE_THREAD
    rusage u{};
    if (::getrusage(RUSAGE_THREAD, &u) != 0)
        return 0;
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
#else
    return 0;
#endif
}

// Stops and joins the sealer thread on every way out of write().
struct SealerJoin
{
    RecordQueue& queue;
    std::thread& thread;
    SealerJoin(RecordQueue& q, std::thread& t) : queue(q), thread(t) {}
    SealerJoin(const SealerJoin&) = delete;
    SealerJoin& operator=(const SealerJoin&) = delete;
    ~SealerJoin()
    {
        if (thread.joinable()) {
            queue.stop();
            thread.join();
        }
    }
};

// What a record's CBOR will take, so that encoding it does not grow the buffer step by step
// (each step a copy of the portrait).
qsizetype encodedSizeHint(const store::ExportRecord& r)
{
    std::size_t n = 16 * 1024 + r.enrollment.portrait.size() + r.enrollment.idPhoto.size();
    for (const auto& f : r.enrollment.liveness.evidenceFrames)
        n += f.size() + 16;
    return static_cast<qsizetype>(n);
}

[[noreturn]] void cancelled()
{
    throw Error(ErrorCode::Conflict, QT_TRANSLATE_NOOP("fe::Error", "Cancelled; nothing was changed."));
}

} // namespace

store::CentralKeyInfo BundleExporter::requireCentralKey(store::Session& session)
{
    auto key = session.centralKey();
    if (!key)
        throw Error(ErrorCode::NotFound,
                    QT_TRANSLATE_NOOP("fe::Error", "This station has no central key, so it cannot seal bundles. An admin "
                                                   "imports it with: faceenroll-cli keys set-central central.pub"));
    return *key;
}

std::vector<std::string> BundleExporter::allPending()
{
    m_session.require(store::Permission::Export);
    return m_session.uploadQueue();
}

std::vector<std::string> BundleExporter::ofBundle(std::string_view bundleId)
{
    return m_session.enrollmentsOfBundle(bundleId);
}

BundleExporter::Written BundleExporter::write(BundleSink& sink, std::string_view bundleId,
                                              const std::vector<std::string>& ids, std::uint64_t maxBytes,
                                              const ExportProgressFn& progress)
{
    const auto central = requireCentralKey(m_session);
    const auto station = m_session.stationIdentity();
    const store::SecretBytes signingKey = m_session.stationSigningKey();
    BundleWriterParams params;
    params.bundleId = std::string(bundleId);
    params.station = station;
    params.stationSecretKey = &signingKey;
    params.recipient = central;
    params.createdAtMs = store::toMillis(store::systemNow());
    BundleWriter writer(sink, params);

    // Two stages on two cores: this thread reads and decrypts records from the store (its
    // Session stays on its own thread) and encodes them; the sealer encrypts, hashes and
    // writes them. Only encoded records and the byte count cross; the writer and the sink
    // are the sealer's until it has been joined.
    RecordQueue queue(kQueueBytes);
    std::atomic<std::uint64_t> sealedBytes{writer.bytesWritten()};
    std::exception_ptr sealError;
    double sealerCpuMs = 0;
    std::thread sealer([&] {
#ifdef __linux__
        ::pthread_setname_np(::pthread_self(), "fe-sync-seal"); // for top and perf
#endif
        const double cpuAtStart = threadCpuMs();
        try {
            while (auto record = queue.pop()) {
                writer.addRecord(*record);
                sealedBytes.store(writer.bytesWritten(), std::memory_order_relaxed);
            }
            sealerCpuMs = threadCpuMs() - cpuAtStart;
        } catch (...) {
            sealError = std::current_exception();
            queue.stop(); // the reader stops at its next record
        }
    });
    // Whatever leaves this function, the sealer has stopped first: the writer, the sink and
    // the file under it are destroyed after it.
    const SealerJoin join{queue, sealer};

    const double readerCpuAtStart = threadCpuMs();
    Written out;
    std::uint64_t recordBytes = 0;
    ExportProgress p{0, ids.size(), 0};
    m_session.readExportRecords(ids, [&](const store::ExportRecord& record) {
        if (out.records > 0 && recordBytes >= maxBytes)
            return false;
        QByteArray cbor;
        cbor.reserve(encodedSizeHint(record));
        RecordCodec::encode(record, cbor);
        recordBytes += static_cast<std::uint64_t>(cbor.size());
        if (!queue.push(std::move(cbor)))
            return false; // the sealer failed; its error is thrown below
        ++out.records;
        p.records = out.records;
        p.bytes = sealedBytes.load(std::memory_order_relaxed);
        if (progress && !progress(p))
            cancelled();
        return true;
    });
    queue.close();
    const double readerCpuMs = threadCpuMs() - readerCpuAtStart;
    sealer.join();
    if (sealError)
        std::rethrow_exception(sealError);
    // The longer of the two is what the export's wall time tends to on two idle cores.
    qCDebug(lcSync) << "read" << out.records << "records in" << readerCpuMs << "ms of CPU, sealed them in" << sealerCpuMs
                    << "ms of CPU";
    out.summary = writer.finish();
    return out;
}

ExportResult BundleExporter::exportToFile(const std::filesystem::path& path, const std::vector<std::string>& ids,
                                          const ExportProgressFn& progress)
{
    m_session.require(store::Permission::Export);
    (void)requireCentralKey(m_session);
    if (ids.empty())
        throw Error(ErrorCode::InvalidArgument,
                    QT_TRANSLATE_NOOP("fe::Error", "There is nothing to export: no enrollment is waiting, and none was named."));
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
        throw Error(ErrorCode::Conflict, QT_TRANSLATE_NOOP("fe::Error", "%1 exists already; FaceEnroll will not overwrite it."),
                    {path.string()});
    using Clock = std::chrono::steady_clock;
    const auto ms = [](Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
    const auto started = Clock::now();
    const std::string bundleId = store::newUuid();
    AtomicFile file(path);
    const Written w = write(file, bundleId, ids, UINT64_MAX, progress);
    const auto sealed = Clock::now();
    file.commit();
    const auto durable = Clock::now();
    // Only now, with the file in place, do the enrollments count as exported: a crash in
    // between leaves them queued and a second export repeats them (the receiver keeps one).
    ExportResult r;
    r.bundleId = bundleId;
    r.path = path;
    r.records = w.records;
    r.bytes = w.summary.bytes;
    r.marked = m_session.markExportedBatch(ids, bundleId);
    const auto done = Clock::now();
    qCInfo(lcSync) << "exported" << r.records << "records," << r.bytes << "bytes in" << ms(done - started)
                   << "ms: read and sealed" << ms(sealed - started) << "ms, made durable" << ms(durable - sealed)
                   << "ms, marked" << ms(done - durable) << "ms";
    return r;
}

} // namespace fe::sync
