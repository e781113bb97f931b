#include "sync/BundleImporter.h"

#include "common/Logging.h"
#include "sync/AtomicFile.h"
#include "sync/BundleError.h"
#include "sync/Outbox.h"

#include <map>

namespace fe::sync {

BundleReader::TrustLookup BundleImporter::trustOf(store::Session& session)
{
    auto keys = std::make_shared<std::map<std::string, PublicKey>>();
    for (const auto& s : session.trustedStations())
        (*keys)[s.stationId] = s.publicKey;
    const auto self = session.stationIdentity();
    (*keys)[self.stationId] = self.publicKey;
    return [keys](const std::string& id) -> std::optional<PublicKey> {
        const auto it = keys->find(id);
        if (it == keys->end())
            return std::nullopt;
        return it->second;
    };
}

ImportResult BundleImporter::importFile(store::Session& session, const std::filesystem::path& file,
                                        const BundleReader::Progress& progress)
{
    session.require(store::Permission::Import);
    const auto trust = trustOf(session);
    FileSource source(file);
    BundleReader reader(source, &trust); // format, size, trust and signature, before anything else
    if (const auto central = session.centralKey(); central && central->keyId != reader.recipientKeyId())
        throw BundleError(BundleProblem::WrongRecipient,
                          QT_TRANSLATE_NOOP("fe::Error", "The bundle is sealed to central key %1; this station uploads to "
                                                         "central key %2."),
                          {reader.recipientKeyId(), central->keyId});
    ImportResult r;
    r.bundleId = reader.bundleId();
    r.stationId = reader.stationId();
    r.records = reader.header().recordCount;
    r.bytes = reader.geometry().fileSize;
    if (session.outboxBundle(r.bundleId)) {
        r.duplicate = true;
        store::OutboxBundle seen;
        seen.bundleId = r.bundleId;
        (void)session.addRelayedBundle(seen); // audits the duplicate; changes nothing
        return r;
    }
    Outbox outbox(session);
    store::OutboxBundle b;
    b.bundleId = r.bundleId;
    b.stationId = r.stationId;
    b.recordCount = r.records;
    b.sizeBytes = static_cast<std::int64_t>(r.bytes);
    b.fileName = Outbox::fileNameFor(r.bundleId);
    AtomicFile copy(outbox.directory() / b.fileName, AtomicFile::Existing::Replace);
    reader.verifyContent([&copy](ByteView bytes) { copy.append(bytes); }, progress);
    copy.commit();
    r.duplicate = !session.addRelayedBundle(b);
    qCInfo(lcSync) << "imported bundle" << QString::fromStdString(r.bundleId) << "with" << r.records << "records";
    return r;
}

} // namespace fe::sync
