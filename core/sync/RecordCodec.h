#pragma once

// One enrollment as a bundle record: a CBOR map with text keys (RFC 8949), written with
// QCborStreamWriter and read with QCborStreamReader. New fields are new keys; a reader
// ignores keys it does not know, so older receivers read newer records (docs/bundle-format.md,
// "Records"). Thread-safe (no state).

#include "store/SyncRecords.h"

#include <QByteArray>

namespace fe::sync {

class RecordCodec
{
public:
    // Appends the record's CBOR to out (no copy of the images beyond the one into out).
    static void encode(const store::ExportRecord& record, QByteArray& out);
    static QByteArray encode(const store::ExportRecord& record);
    // Throws BundleError(BadRecord) naming the field (never its value) when the bytes are
    // not one complete record map, or a required field is missing or of the wrong type.
    static store::ExportRecord decode(const QByteArray& cbor);
    // Just the id and station of a record (what a receiver deduplicates by), checked as UUIDs.
    struct Identity
    {
        std::string id;
        std::string stationId;
    };
    static Identity identity(const store::ExportRecord& record);
};

} // namespace fe::sync
