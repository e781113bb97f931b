#pragma once

// The outbox: bundles waiting for upload, as files in <database>.outbox/ (mode 0700), one
// per bundle, named <bundle id>.feb, each row in the store's outbox_bundles table. The files
// hold only what a bundle holds (sealed to the central service), never plaintext. A file
// without its row (a crash between the two) is left alone for an hour, then removed.
// Not thread-safe (uses the caller's Session).

#include "store/Session.h"
#include "sync/BundleExporter.h"

#include <filesystem>
#include <optional>

namespace fe::sync {

class Outbox
{
public:
    explicit Outbox(store::Session& session);

    [[nodiscard]] const std::filesystem::path& directory() const { return m_dir; }
    [[nodiscard]] std::filesystem::path pathOf(const store::OutboxBundle& bundle) const { return m_dir / bundle.fileName; }
    static std::string fileNameFor(std::string_view bundleId) { return std::string(bundleId) + ".feb"; }

    // Makes the next local bundle from queued enrollments (up to the limits), or nothing when
    // none is queued. Upload permission.
    std::optional<store::OutboxBundle> makeLocalBundle(std::size_t maxRecords, std::uint64_t maxBytes,
                                                       const ExportProgressFn& progress = {});

    // Deletes a receipted bundle's file (its row stays, with the receipt).
    void removeFile(const store::OutboxBundle& bundle) const;
    // Files and temporary files older than an hour that no row names.
    int removeOrphans();

private:
    store::Session& m_session;
    std::filesystem::path m_dir;
};

} // namespace fe::sync
