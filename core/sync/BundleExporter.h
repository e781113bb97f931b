#pragma once

// Writes enrollments into a bundle: to a file for removable media (export), or into the
// outbox for the uploader. Reads one enrollment at a time (memory stays at one record and
// one chunk), seals to the central key the station has imported, signs with the station's
// key. Not thread-safe (uses the caller's Session).

#include "store/Session.h"
#include "sync/BundleWriter.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace fe::sync {

struct ExportProgress
{
    std::size_t records = 0; // written so far
    std::size_t total = 0;
    std::uint64_t bytes = 0;
};
// Return false to cancel: nothing is written and nothing changes. Called while the records
// are read in one snapshot of the store: it must not call the exporting Session.
using ExportProgressFn = std::function<bool(const ExportProgress&)>;

struct ExportResult
{
    std::string bundleId;
    std::filesystem::path path;
    std::size_t records = 0;
    std::uint64_t bytes = 0;
    int marked = 0; // enrollments that moved to exported
};

class BundleExporter
{
public:
    explicit BundleExporter(store::Session& session) : m_session(session) {}

    // The enrollments an export takes: every queued one, or those of an earlier bundle (to
    // export the same set again). Export permission.
    std::vector<std::string> allPending();
    std::vector<std::string> ofBundle(std::string_view bundleId);

    // Writes ids into a new bundle at path (atomic: temporary file, fsync, rename; the file
    // must not exist), then marks them exported with the bundle id. Throws fe::Error:
    // NotFound (no central key: "keys set-central" first), InvalidArgument (nothing to
    // export), Conflict (the file exists; an enrollment is held or purged; cancelled),
    // DiskFull, Io.
    ExportResult exportToFile(const std::filesystem::path& path, const std::vector<std::string>& ids,
                              const ExportProgressFn& progress = {});

    // Writes records into sink until ids are exhausted or maxBytes of records are in;
    // returns how many of ids went in (a prefix) and the bundle's summary.
    struct Written
    {
        std::size_t records = 0;
        BundleSummary summary;
    };
    Written write(BundleSink& sink, std::string_view bundleId, const std::vector<std::string>& ids,
                  std::uint64_t maxBytes, const ExportProgressFn& progress);

    // The central key, or fe::Error(NotFound) saying how to import one.
    static store::CentralKeyInfo requireCentralKey(store::Session& session);

private:
    store::Session& m_session;
};

} // namespace fe::sync
