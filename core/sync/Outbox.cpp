#include "sync/Outbox.h"

#include "common/Error.h"
#include "common/Logging.h"
#include "store/Uuid.h"
#include "sync/AtomicFile.h"

#include <chrono>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace fe::sync {
namespace {

constexpr auto kOrphanAge = std::chrono::hours(1);

} // namespace

Outbox::Outbox(store::Session& session) : m_session(session), m_dir(session.outboxDirectory())
{
    std::error_code ec;
    if (!std::filesystem::exists(m_dir, ec)) {
        if (::mkdir(m_dir.c_str(), 0700) != 0 && errno != EEXIST)
            throw Error(ErrorCode::Io, QT_TRANSLATE_NOOP("fe::Error", "Cannot write %1: %2."),
                        {m_dir.string(), std::strerror(errno)});
    }
}

std::optional<store::OutboxBundle> Outbox::makeLocalBundle(std::size_t maxRecords, std::uint64_t maxBytes,
                                                           const ExportProgressFn& progress)
{
    const auto ids = m_session.uploadQueue(maxRecords);
    if (ids.empty())
        return std::nullopt;
    const std::string bundleId = store::newUuid();
    store::OutboxBundle b;
    b.bundleId = bundleId;
    b.fileName = fileNameFor(bundleId);
    AtomicFile file(m_dir / b.fileName);
    const auto written = BundleExporter(m_session).write(file, bundleId, ids, maxBytes, progress);
    file.commit();
    const std::vector<std::string> used(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(written.records));
    b.origin = store::BundleOrigin::Local;
    b.stationId = m_session.stationIdentity().stationId;
    b.recordCount = static_cast<std::int64_t>(written.records);
    b.sizeBytes = static_cast<std::int64_t>(written.summary.bytes);
    try {
        m_session.addLocalBundle(b, used);
    } catch (...) {
        // An enrollment changed meanwhile (erased, uploaded by another process): the bundle
        // is not recorded, so its file goes; the caller makes the next one.
        ::unlink((m_dir / b.fileName).c_str());
        throw;
    }
    return b;
}

void Outbox::removeFile(const store::OutboxBundle& bundle) const
{
    if (::unlink(pathOf(bundle).c_str()) != 0 && errno != ENOENT)
        qCWarning(lcSync) << "could not remove the uploaded bundle" << QString::fromStdString(bundle.bundleId);
}

int Outbox::removeOrphans()
{
    std::set<std::string> known;
    for (const auto& b : m_session.outboxBundles())
        known.insert(b.fileName);
    int removed = 0;
    std::error_code ec;
    const auto now = std::filesystem::file_time_type::clock::now();
    for (const auto& entry : std::filesystem::directory_iterator(m_dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (!entry.is_regular_file(ec) || known.count(name) != 0)
            continue;
        const auto age = now - entry.last_write_time(ec);
        if (ec || age < kOrphanAge)
            continue;
        if (::unlink(entry.path().c_str()) == 0)
            ++removed;
    }
    return removed;
}

} // namespace fe::sync
