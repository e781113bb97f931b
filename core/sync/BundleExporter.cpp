#include "sync/BundleExporter.h"

#include "common/Error.h"
#include "common/Logging.h"
#include "store/Uuid.h"
#include "sync/AtomicFile.h"
#include "sync/RecordCodec.h"

#include <chrono>

namespace fe::sync {
namespace {

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
    Written out;
    QByteArray cbor;
    std::uint64_t recordBytes = 0;
    ExportProgress p{0, ids.size(), 0};
    m_session.readExportRecords(ids, [&](const store::ExportRecord& record) {
        if (out.records > 0 && recordBytes >= maxBytes)
            return false;
        cbor.resize(0); // keeps the capacity for the next record
        RecordCodec::encode(record, cbor);
        writer.addRecord(cbor);
        recordBytes += static_cast<std::uint64_t>(cbor.size());
        ++out.records;
        p.records = out.records;
        p.bytes = writer.bytesWritten();
        if (progress && !progress(p))
            cancelled();
        return true;
    });
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
    const auto started = std::chrono::steady_clock::now();
    const std::string bundleId = store::newUuid();
    AtomicFile file(path);
    const Written w = write(file, bundleId, ids, UINT64_MAX, progress);
    file.commit();
    // Only now, with the file in place, do the enrollments count as exported: a crash in
    // between leaves them queued and a second export repeats them (the receiver keeps one).
    ExportResult r;
    r.bundleId = bundleId;
    r.path = path;
    r.records = w.records;
    r.bytes = w.summary.bytes;
    r.marked = m_session.markExportedBatch(ids, bundleId);
    qCInfo(lcSync) << "exported" << r.records << "records," << r.bytes << "bytes in"
                   << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() << "s";
    return r;
}

} // namespace fe::sync
