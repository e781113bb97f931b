#include "store/Roles.h"

#include "common/Error.h"
#include "store/StoreConstants.h"

namespace fe::store {

bool allows(Role role, Permission permission) noexcept
{
    switch (role) {
    case Role::Operator:
        switch (permission) {
        case Permission::Enroll:
        case Permission::ViewOwnEnrollmentsToday:
        case Permission::MatchGallery:
            return true;
        default:
            return false;
        }
    case Role::Supervisor:
        switch (permission) {
        case Permission::ViewAllEnrollments:
        case Permission::MatchGallery:
        case Permission::Review:
        case Permission::Export:
        case Permission::Import:
        case Permission::Upload:
        case Permission::Erase:
        case Permission::Purge:
        case Permission::VerifyAudit:
            return true;
        default:
            return false;
        }
    case Role::Admin:
        switch (permission) {
        case Permission::ManageUsers:
        case Permission::ManageSettings:
        case Permission::ManageThresholds:
        case Permission::RotateKeys:
        case Permission::Purge:
        case Permission::VerifyAudit:
            return true;
        default:
            return false;
        }
    }
    return false;
}

const char* roleName(Role role) noexcept
{
    switch (role) {
    case Role::Operator:
        return "operator";
    case Role::Supervisor:
        return "supervisor";
    case Role::Admin:
        return "admin";
    }
    return "operator";
}

std::optional<Role> parseRole(std::string_view name) noexcept
{
    for (const Role r : kAllRoles) {
        if (name == roleName(r))
            return r;
    }
    return std::nullopt;
}

const char* permissionName(Permission permission) noexcept
{
    switch (permission) {
    case Permission::Enroll:
        return "enroll";
    case Permission::ViewOwnEnrollmentsToday:
        return "view_own_enrollments_today";
    case Permission::ViewAllEnrollments:
        return "view_all_enrollments";
    case Permission::MatchGallery:
        return "match_gallery";
    case Permission::Review:
        return "review";
    case Permission::Export:
        return "export";
    case Permission::Import:
        return "import";
    case Permission::Upload:
        return "upload";
    case Permission::Erase:
        return "erase";
    case Permission::Purge:
        return "purge";
    case Permission::VerifyAudit:
        return "verify_audit";
    case Permission::ManageUsers:
        return "manage_users";
    case Permission::ManageSettings:
        return "manage_settings";
    case Permission::ManageThresholds:
        return "manage_thresholds";
    case Permission::RotateKeys:
        return "rotate_keys";
    }
    return "unknown";
}

const char* permissionRefusal(Permission permission) noexcept
{
    switch (permission) {
    case Permission::Enroll:
        return QT_TRANSLATE_NOOP("fe::Error", "The user %1 (role %2) is not allowed to enroll customers: operators enroll.");
    case Permission::ViewOwnEnrollmentsToday:
        return QT_TRANSLATE_NOOP("fe::Error", "The user %1 (role %2) is not allowed to view the enrollments they made today.");
    case Permission::ViewAllEnrollments:
        return QT_TRANSLATE_NOOP("fe::Error", "The user %1 (role %2) is not allowed to view the station's enrollments: "
                                              "supervisors do.");
    case Permission::MatchGallery:
        return QT_TRANSLATE_NOOP("fe::Error", "The user %1 (role %2) is not allowed to compare a face with the enrolled faces.");
    case Permission::Review:
        return QT_TRANSLATE_NOOP("fe::Error", "The user %1 (role %2) is not allowed to review flagged enrollments: "
                                              "supervisors do.");
    case Permission::Export:
        return QT_TRANSLATE_NOOP("fe::Error", "The user %1 (role %2) is not allowed to export bundles: supervisors do.");
    case Permission::Import:
        return QT_TRANSLATE_NOOP("fe::Error", "The user %1 (role %2) is not allowed to import bundles: supervisors do.");
    case Permission::Upload:
        return QT_TRANSLATE_NOOP("fe::Error", "The user %1 (role %2) is not allowed to upload to the central service: "
                                              "supervisors do.");
    case Permission::Erase:
        return QT_TRANSLATE_NOOP("fe::Error", "The user %1 (role %2) is not allowed to erase enrollments: supervisors do.");
    case Permission::Purge:
        return QT_TRANSLATE_NOOP("fe::Error", "The user %1 (role %2) is not allowed to purge biometric data: supervisors "
                                              "and admins do.");
    case Permission::VerifyAudit:
        return QT_TRANSLATE_NOOP("fe::Error", "The user %1 (role %2) is not allowed to check the audit log and the store's "
                                              "integrity: supervisors and admins do.");
    case Permission::ManageUsers:
        return QT_TRANSLATE_NOOP("fe::Error", "The user %1 (role %2) is not allowed to manage users: admins do.");
    case Permission::ManageSettings:
        return QT_TRANSLATE_NOOP("fe::Error", "The user %1 (role %2) is not allowed to change the station's settings: "
                                              "admins do.");
    case Permission::ManageThresholds:
        return QT_TRANSLATE_NOOP("fe::Error", "The user %1 (role %2) is not allowed to change the match thresholds: admins do.");
    case Permission::RotateKeys:
        return QT_TRANSLATE_NOOP("fe::Error", "The user %1 (role %2) is not allowed to change the station's keys: admins do.");
    }
    return QT_TRANSLATE_NOOP("fe::Error", "The user %1 (role %2) is not allowed to do this.");
}

Permission permissionFor(SettingAccess access) noexcept
{
    return access == SettingAccess::Thresholds ? Permission::ManageThresholds : Permission::ManageSettings;
}

void validateUserName(std::string_view name)
{
    bool ok = name.size() >= 2 && name.size() <= constants::kMaxUserNameLength;
    for (std::size_t i = 0; ok && i < name.size(); ++i) {
        const char c = name[i];
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        ok = alnum || (i > 0 && (c == '.' || c == '_' || c == '-'));
    }
    if (!ok)
        throw Error(
            ErrorCode::InvalidArgument,
            QT_TRANSLATE_NOOP("fe::Error", "A user name has 2 to %1 characters: lower-case letters, digits, '.', '_' or '-', "
                          "starting with a letter or digit."),
            {std::to_string(constants::kMaxUserNameLength)});
}

} // namespace fe::store
