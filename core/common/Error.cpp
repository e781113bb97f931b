#include "common/Error.h"

namespace fe {

Error::Error(ErrorCode code, const char* textTemplate, std::vector<std::string> args)
    : std::runtime_error(format(textTemplate, args)), m_code(code), m_template(textTemplate),
      m_args(std::move(args))
{
}

std::string Error::format(const std::string& textTemplate, const std::vector<std::string>& args)
{
    std::string out;
    out.reserve(textTemplate.size() + 32);
    for (std::size_t i = 0; i < textTemplate.size(); ++i) {
        const char c = textTemplate[i];
        if (c == '%' && i + 1 < textTemplate.size() && textTemplate[i + 1] >= '1' && textTemplate[i + 1] <= '9') {
            const auto index = static_cast<std::size_t>(textTemplate[i + 1] - '1');
            if (index < args.size()) {
                out += args[index];
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

const char* errorCodeName(ErrorCode code) noexcept
{
    switch (code) {
    case ErrorCode::InvalidArgument: return "invalid_argument";
    case ErrorCode::InvalidInput: return "invalid_input";
    case ErrorCode::NotFound: return "not_found";
    case ErrorCode::AssetMissing: return "asset_missing";
    case ErrorCode::NoFace: return "no_face";
    case ErrorCode::Io: return "io";
    case ErrorCode::DiskFull: return "disk_full";
    case ErrorCode::Database: return "database";
    case ErrorCode::Corrupt: return "corrupt";
    case ErrorCode::AuthenticationFailed: return "authentication_failed";
    case ErrorCode::Locked: return "locked";
    case ErrorCode::PermissionDenied: return "permission_denied";
    case ErrorCode::Conflict: return "conflict";
    case ErrorCode::Internal: return "internal";
    }
    return "internal";
}

} // namespace fe
