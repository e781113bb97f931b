#include "sync/BundleError.h"

namespace fe::sync {
namespace {

ErrorCode codeFor(BundleProblem p) noexcept
{
    switch (p) {
    case BundleProblem::Io:
        return ErrorCode::Io;
    case BundleProblem::BadSignature:
    case BundleProblem::DamagedKeyBlock:
    case BundleProblem::DamagedChunk:
    case BundleProblem::ChunksOutOfOrder:
    case BundleProblem::ContentKeyRejected:
    case BundleProblem::ChunkRejected:
    case BundleProblem::MissingFinalChunk:
    case BundleProblem::ReceiptSignature:
        return ErrorCode::Corrupt;
    case BundleProblem::UnknownStation:
    case BundleProblem::StationKeyMismatch:
        return ErrorCode::PermissionDenied;
    default:
        return ErrorCode::InvalidInput;
    }
}

} // namespace

const char* problemCode(BundleProblem p) noexcept
{
    switch (p) {
    case BundleProblem::Io:
        return "io_error";
    case BundleProblem::BadMagic:
        return "bad_magic";
    case BundleProblem::UnsupportedVersion:
        return "unsupported_version";
    case BundleProblem::BadHeader:
        return "bad_header";
    case BundleProblem::Truncated:
        return "truncated";
    case BundleProblem::TrailingData:
        return "trailing_data";
    case BundleProblem::BadSignature:
        return "bad_signature";
    case BundleProblem::UnknownStation:
        return "unknown_station";
    case BundleProblem::StationKeyMismatch:
        return "station_key_mismatch";
    case BundleProblem::DamagedKeyBlock:
        return "damaged_key_block";
    case BundleProblem::DamagedChunk:
        return "damaged_chunk";
    case BundleProblem::ChunksOutOfOrder:
        return "chunks_out_of_order";
    case BundleProblem::WrongRecipient:
        return "wrong_recipient";
    case BundleProblem::ContentKeyRejected:
        return "content_key_rejected";
    case BundleProblem::ChunkRejected:
        return "chunk_rejected";
    case BundleProblem::MissingFinalChunk:
        return "missing_final_chunk";
    case BundleProblem::BadRecord:
        return "bad_record";
    case BundleProblem::RecordCountMismatch:
        return "record_count_mismatch";
    case BundleProblem::BadReceipt:
        return "bad_receipt";
    case BundleProblem::ReceiptSignature:
        return "receipt_signature";
    case BundleProblem::ReceiptMismatch:
        return "receipt_mismatch";
    }
    return "unknown";
}

BundleError::BundleError(BundleProblem problem, const char* textTemplate, std::vector<std::string> args)
    : Error(codeFor(problem), textTemplate, std::move(args)), m_problem(problem)
{
}

} // namespace fe::sync
