#pragma once

#include <QtGlobal>

#include <stdexcept>
#include <string>
#include <vector>

namespace fe {

// Error texts are marked with QT_TRANSLATE_NOOP("fe::Error", "...") where they are written (so
// that lupdate finds them); the UI and the CLI translate them in that context and fill in %1,
// %2, ... from Error::args().

enum class ErrorCode {
    InvalidArgument,  // the caller passed something unusable (bad option value, wrong size)
    InvalidInput,     // a file or stream exists but cannot be used (corrupt, truncated, too small)
    NotFound,         // a file, record or user does not exist
    AssetMissing,     // a model or media asset is not installed
    NoFace,           // a face was required and none was found
    Io,               // the operating system refused a read or write
    DiskFull,         // a write failed for lack of space
    Database,         // SQLCipher reported an error
    Corrupt,          // an integrity check (HMAC, hash chain, signature) failed
    AuthenticationFailed,
    Locked,           // account or station locked
    PermissionDenied, // the actor's role does not allow the action
    Conflict,         // the action contradicts current state (duplicate name, already purged)
    Internal,
};

// The one error type that crosses the core API. Carries a code for programs, an English
// text with %N placeholders for translation, and the arguments. Never carries biometric
// data or personal data: callers pass ids and file paths only.
class Error : public std::runtime_error
{
public:
    Error(ErrorCode code, const char* textTemplate, std::vector<std::string> args = {});

    [[nodiscard]] ErrorCode code() const noexcept { return m_code; }
    [[nodiscard]] const char* textTemplate() const noexcept { return m_template; }
    [[nodiscard]] const std::vector<std::string>& args() const noexcept { return m_args; }

    // Substitutes %1..%9 in a template; shared with the translating callers.
    static std::string format(const std::string& textTemplate, const std::vector<std::string>& args);

private:
    ErrorCode m_code;
    const char* m_template;
    std::vector<std::string> m_args;
};

const char* errorCodeName(ErrorCode code) noexcept;

} // namespace fe
