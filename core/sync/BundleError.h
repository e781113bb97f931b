#pragma once

#include "common/Error.h"

#include <string>
#include <vector>

namespace fe::sync {

// Why a bundle (or a receipt) is refused. Each has a stable code (problemCode: the CLI's
// "reason_code", the hub's JSON "reason") and a translatable sentence. docs/bundle-format.md
// lists them.
enum class BundleProblem
{
    Io,                  // the file could not be read
    BadMagic,            // not a FaceEnroll bundle
    UnsupportedVersion,  // a format version this build does not read
    BadHeader,           // a header field out of its range
    Truncated,           // shorter than its header says
    TrailingData,        // bytes after the signature
    BadSignature,        // the station signature does not verify (header, chunk table or signature altered)
    UnknownStation,      // the signing station is not in the trust list
    StationKeyMismatch,  // the station is known under another public key
    DamagedKeyBlock,     // the sealed content key or the stream header does not match its signed hash
    DamagedChunk,        // a chunk does not match its signed hash
    ChunksOutOfOrder,    // a chunk sits where another belongs (swapped, moved)
    WrongRecipient,      // sealed to another central key
    ContentKeyRejected,  // the sealed content key does not open with the central key
    ChunkRejected,       // a chunk does not decrypt (secretstream authentication)
    MissingFinalChunk,   // the stream does not end with its final chunk
    BadRecord,           // a record is not the CBOR the format requires
    RecordCountMismatch, // the header's record count differs from the records inside
    BadReceipt,          // a receipt that is malformed
    ReceiptSignature,    // a receipt whose signature does not verify with the central key
    ReceiptMismatch,     // a receipt for another bundle, station or key
};

const char* problemCode(BundleProblem p) noexcept;

// A refused bundle: fe::Error (InvalidInput for malformed input, Corrupt for failed
// authentication) carrying the specific problem. Thrown by the readers of core/sync; the
// CLI exits with status 2 and prints the reason.
class BundleError : public Error
{
public:
    BundleError(BundleProblem problem, const char* textTemplate, std::vector<std::string> args = {});
    [[nodiscard]] BundleProblem problem() const noexcept { return m_problem; }

private:
    BundleProblem m_problem;
};

} // namespace fe::sync
