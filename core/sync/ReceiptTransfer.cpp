#include "sync/ReceiptTransfer.h"

#include "common/Error.h"
#include "store/FileUtil.h"
#include "sync/AtomicFile.h"
#include "sync/BundleExporter.h"
#include "sync/Receipt.h"

namespace fe::sync {

ReceiptExport ReceiptTransfer::exportFile(store::Session& session, const std::filesystem::path& file,
                                          std::optional<std::string> stationId)
{
    const auto receipts = session.receipts(std::move(stationId));
    std::error_code ec;
    if (std::filesystem::exists(file, ec))
        throw Error(ErrorCode::Conflict, QT_TRANSLATE_NOOP("fe::Error", "%1 exists already; FaceEnroll will not overwrite it."),
                    {file.string()});
    AtomicFile out(file);
    ReceiptExport r;
    for (const auto& receipt : receipts) {
        out.append(receipt.signedBytes);
        ++r.receipts;
    }
    out.commit();
    r.bytes = out.size();
    return r;
}

ReceiptImport ReceiptTransfer::importFile(store::Session& session, const std::filesystem::path& file)
{
    session.require(store::Permission::Upload);
    const auto central = BundleExporter::requireCentralKey(session);
    const std::string content = store::readWholeFile(file);
    const ByteView bytes(reinterpret_cast<const unsigned char*>(content.data()), content.size());
    const auto all = Receipt::verifyAll(bytes, central); // every one verifies, or nothing is recorded
    const std::string self = session.stationIdentity().stationId;
    ReceiptImport r;
    for (const auto& [body, signedBytes] : all) {
        ++r.receipts;
        if (body.stationId != self) {
            ++r.notForHere;
            continue;
        }
        const auto outcome = session.applyReceipt(Receipt::toRecord(body, signedBytes));
        r.applied += outcome.newReceipt ? 1 : 0;
        r.marked += outcome.marked;
    }
    return r;
}

} // namespace fe::sync
