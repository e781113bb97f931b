#pragma once

// Receipts for relayed bundles go back to the station that made them on removable media,
// like the bundles came: the relay writes the receipts it holds for that station into a
// file (several receipts in a row), the station imports it. Each receipt is verified with the
// central key before anything is recorded; one that does not verify stops the import and
// changes nothing. Not thread-safe (uses the caller's Session).

#include "store/Session.h"

#include <filesystem>
#include <optional>
#include <string>

namespace fe::sync {

struct ReceiptExport
{
    int receipts = 0;
    std::uint64_t bytes = 0;
};

struct ReceiptImport
{
    int receipts = 0;   // in the file
    int applied = 0;    // new here
    int marked = 0;     // enrollments now receipted
    int notForHere = 0; // receipts for another station's bundles (skipped)
};

class ReceiptTransfer
{
public:
    // Upload or Import permission. An atomic write; the file must not exist.
    static ReceiptExport exportFile(store::Session& session, const std::filesystem::path& file,
                                    std::optional<std::string> stationId);
    // Upload permission. Throws BundleError (BadReceipt, ReceiptSignature, ReceiptMismatch)
    // before recording anything when any receipt in the file does not verify.
    static ReceiptImport importFile(store::Session& session, const std::filesystem::path& file);
};

} // namespace fe::sync
