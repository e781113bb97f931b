#include "store/KdfParams.h"

#include "common/Error.h"

#include <sodium.h>
#include <string>

namespace fe::store {
namespace {
// Caps on what a key file may ask for: 16 passes, 2 GiB (ten times the recommended cost).
constexpr std::uint64_t kMaxOps = 16;
constexpr std::size_t kMaxMem = std::size_t{2} << 30;
} // namespace

void KdfParams::validate() const
{
    if (opsLimit < crypto_pwhash_OPSLIMIT_MIN || opsLimit > kMaxOps ||
        memLimitBytes < crypto_pwhash_MEMLIMIT_MIN || memLimitBytes > kMaxMem)
        throw Error(ErrorCode::InvalidArgument,
                    QT_TRANSLATE_NOOP("fe::Error", "Argon2id parameters out of range (passes %1, memory %2 bytes)."),
                    {std::to_string(opsLimit), std::to_string(memLimitBytes)});
}

} // namespace fe::store
