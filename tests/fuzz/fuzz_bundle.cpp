// libFuzzer target for everything core/sync reads from outside: bundles (envelope, chunk
// table, decryption, record framing), records (CBOR), receipts, trust lists and central key
// files. The first byte chooses the parser (FuzzKeys.h); the corpus in corpus/ starts each
// from a valid input. Any exception other than fe::Error, any crash or sanitizer report is a
// finding. Built with clang (tests/fuzz/clang); tests/fuzz/CMakeLists.txt runs it for a
// bounded time under ctest.
#include "FuzzKeys.h"
#include "sync/BundleError.h"
#include "sync/BundleReader.h"
#include "sync/Receipt.h"
#include "sync/RecordCodec.h"
#include "sync/TrustList.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace fe::sync;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const CentralSecretKeys central = fuzz::centralKeys();
    static const fuzz::StationKeys station = fuzz::stationKeys();
    if (size == 0)
        return 0;
    const auto mode = static_cast<fuzz::Mode>(data[0] % fuzz::kModes);
    const ByteView input(data + 1, size - 1);
    const std::string_view text(reinterpret_cast<const char*>(input.data()), input.size());
    try {
        switch (mode) {
        case fuzz::kBundle: {
            MemorySource source(input);
            const BundleReader::TrustLookup trust = [](const std::string& id) -> std::optional<PublicKey> {
                if (id == station.stationId)
                    return station.publicKey;
                return std::nullopt;
            };
            BundleReader reader(source, &trust);
            reader.readRecords(central, [](const QByteArray& cbor) { (void)RecordCodec::decode(cbor); });
            break;
        }
        case fuzz::kRecord:
            (void)RecordCodec::decode(QByteArray(reinterpret_cast<const char*>(input.data()), static_cast<qsizetype>(input.size())));
            break;
        case fuzz::kReceipt:
            (void)Receipt::verifyAll(input, central.publicKeys);
            break;
        case fuzz::kTrustList:
            (void)TrustList::parse(text);
            break;
        case fuzz::kCentralKey:
            try {
                (void)CentralKeys::parsePublic(text);
            } catch (const fe::Error&) {
            }
            (void)CentralKeys::parseSecret(text);
            break;
        default:
            break;
        }
    } catch (const fe::Error&) {
        // A refusal is the expected outcome for almost every input.
    }
    return 0;
}
