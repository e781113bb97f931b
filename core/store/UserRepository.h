#pragma once

#include "store/Roles.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fe::store {

class Connection;

// The users table. No permission checks (Session does those); writes belong inside the
// caller's transaction. Thread-safety: as the Connection.
class UserRepository
{
public:
    explicit UserRepository(Connection& db) : m_db(db) {}

    std::optional<User> findByName(std::string_view name);
    std::optional<User> findById(std::string_view id);
    std::vector<User> list();
    // createdBy: the admin's id, empty for the first admin.
    void insert(const User& user, std::string_view createdBy);
    void disable(std::string_view id, TimePoint when);
    void setMustChangePassword(std::string_view id, bool mustChange);
    int countActive(Role role);

private:
    Connection& m_db;
};

} // namespace fe::store
