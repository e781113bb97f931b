#pragma once

#include "common/SettingsSchema.h"
#include "store/Clock.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fe::store {

// One role per user (issue 3). Roles do not nest: an admin manages the station but does not
// see biometric data; a supervisor reviews but does not enroll.
enum class Role
{
    Operator,
    Supervisor,
    Admin
};

// What a Session checks before every operation (Session::require). The UI may hide what a
// role cannot do, but the check is here.
enum class Permission
{
    Enroll,                  // operator: insert enrollments
    ViewOwnEnrollmentsToday, // operator: list and open the enrollments they made today
    ViewAllEnrollments,      // supervisor: the review queue and every enrollment
    MatchGallery,            // operator, supervisor: load templates for 1:N, look up duplicates
    Review,                  // supervisor: approve or reject a flagged enrollment
    Export,                  // supervisor: write bundles
    Import,                  // supervisor: take in bundles from other stations
    Upload,                  // supervisor: upload, record receipts
    Erase,                   // supervisor: subject erasure of a not-yet-uploaded enrollment
    Purge,                   // supervisor, admin: retention purge after receipts
    VerifyAudit,             // supervisor, admin: read and verify the audit log, integrity check
    ManageUsers,             // admin: add, disable, reset passwords
    ManageSettings,          // admin: station settings
    ManageThresholds,        // admin: matching and quality thresholds (settings "threshold.*")
    RotateKeys,              // admin: rekey the database
};

inline constexpr Permission kAllPermissions[] = {
    Permission::Enroll,
    Permission::ViewOwnEnrollmentsToday,
    Permission::ViewAllEnrollments,
    Permission::MatchGallery,
    Permission::Review,
    Permission::Export,
    Permission::Import,
    Permission::Upload,
    Permission::Erase,
    Permission::Purge,
    Permission::VerifyAudit,
    Permission::ManageUsers,
    Permission::ManageSettings,
    Permission::ManageThresholds,
    Permission::RotateKeys,
};
inline constexpr Role kAllRoles[] = {Role::Operator, Role::Supervisor, Role::Admin};

[[nodiscard]] bool allows(Role role, Permission permission) noexcept;
[[nodiscard]] const char* roleName(Role role) noexcept;
[[nodiscard]] std::optional<Role> parseRole(std::string_view name) noexcept;
[[nodiscard]] const char* permissionName(Permission permission) noexcept;
// The refusal of a permission in words, as the user reads it: a translatable template (context
// fe::Error) with %1 the user's name and %2 the role, "The user %1 (role %2) is not allowed to
// verify the audit chain...". permissionName() stays the audit log's identifier.
[[nodiscard]] const char* permissionRefusal(Permission permission) noexcept;
// What changing a setting needs (SettingsSchema's SettingAccess of its row).
[[nodiscard]] Permission permissionFor(SettingAccess access) noexcept;

// A station user as the store knows it. The id is what the audit log records.
struct User
{
    std::string id;   // UUID
    std::string name; // login name, lower-case ASCII
    Role role = Role::Operator;
    bool active = true;
    // The password was set by an admin (new user, reset): it opens one session, in which the
    // user must choose their own (Session::mustChangePassword).
    bool mustChangePassword = false;
    TimePoint createdAt{};
    std::optional<TimePoint> disabledAt;
};

// Login names: 2-32 characters of a-z, 0-9, '.', '_', '-', starting with a letter or digit.
// Throws fe::Error(InvalidArgument) naming the rule.
void validateUserName(std::string_view name);

} // namespace fe::store
