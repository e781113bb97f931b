#include "store/UserRepository.h"

#include "store/Connection.h"

namespace fe::store {
namespace {

constexpr const char* kColumns = "id, name, role, active, created_at, disabled_at, must_change_password";

User readUser(const Statement& s)
{
    User u;
    u.id = s.text(0);
    u.name = s.text(1);
    u.role = parseRole(s.text(2)).value_or(Role::Operator);
    u.active = s.int64(3) != 0;
    u.createdAt = fromMillis(s.int64(4));
    if (const auto d = s.optInt64(5))
        u.disabledAt = fromMillis(*d);
    u.mustChangePassword = s.int64(6) != 0;
    return u;
}

} // namespace

std::optional<User> UserRepository::findByName(std::string_view name)
{
    auto& q = m_db.cached(std::string("SELECT ") + kColumns + " FROM users WHERE name = ?1");
    const Statement::ResetOnExit guard(q);
    q.bind(1, name);
    if (q.step())
        return readUser(q);
    return std::nullopt;
}

std::optional<User> UserRepository::findById(std::string_view id)
{
    auto& q = m_db.cached(std::string("SELECT ") + kColumns + " FROM users WHERE id = ?1");
    const Statement::ResetOnExit guard(q);
    q.bind(1, id);
    if (q.step())
        return readUser(q);
    return std::nullopt;
}

std::vector<User> UserRepository::list()
{
    Statement q = m_db.prepare(std::string("SELECT ") + kColumns + " FROM users ORDER BY name");
    std::vector<User> out;
    while (q.step())
        out.push_back(readUser(q));
    return out;
}

void UserRepository::insert(const User& user, std::string_view createdBy)
{
    auto& q = m_db.cached("INSERT INTO users (id, name, role, active, created_at, created_by, must_change_password) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    const Statement::ResetOnExit guard(q);
    q.bind(1, user.id)
        .bind(2, user.name)
        .bind(3, roleName(user.role))
        .bind(4, user.active)
        .bind(5, toMillis(user.createdAt));
    if (createdBy.empty())
        q.bindNull(6);
    else
        q.bind(6, createdBy);
    q.bind(7, user.mustChangePassword);
    q.run();
}

void UserRepository::setMustChangePassword(std::string_view id, bool mustChange)
{
    auto& q = m_db.cached("UPDATE users SET must_change_password = ?2 WHERE id = ?1");
    const Statement::ResetOnExit guard(q);
    q.bind(1, id).bind(2, mustChange);
    q.run();
}

void UserRepository::disable(std::string_view id, TimePoint when)
{
    auto& q = m_db.cached("UPDATE users SET active = 0, disabled_at = ?2 WHERE id = ?1");
    const Statement::ResetOnExit guard(q);
    q.bind(1, id).bind(2, toMillis(when));
    q.run();
}

int UserRepository::countActive(Role role)
{
    auto& q = m_db.cached("SELECT count(*) FROM users WHERE active = 1 AND role = ?1");
    const Statement::ResetOnExit guard(q);
    q.bind(1, roleName(role));
    q.step();
    return q.int32(0);
}

} // namespace fe::store
