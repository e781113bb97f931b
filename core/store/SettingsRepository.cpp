#include "store/SettingsRepository.h"

#include "store/Connection.h"

#include <charconv>

namespace fe::store {

std::optional<std::string> SettingsRepository::get(std::string_view key)
{
    auto& q = m_db.cached("SELECT value FROM settings WHERE key = ?1");
    const Statement::ResetOnExit guard(q);
    q.bind(1, key);
    if (!q.step())
        return std::nullopt;
    return q.text(0);
}

int SettingsRepository::getInt(std::string_view key, int fallback)
{
    const auto v = get(key);
    if (!v)
        return fallback;
    int out = 0;
    const auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    return ec == std::errc() && p == v->data() + v->size() ? out : fallback;
}

std::map<std::string, std::string> SettingsRepository::all()
{
    Statement q = m_db.prepare("SELECT key, value FROM settings ORDER BY key");
    std::map<std::string, std::string> out;
    while (q.step())
        out.emplace(q.text(0), q.text(1));
    return out;
}

void SettingsRepository::set(std::string_view key, std::string_view value, TimePoint when,
                             std::string_view userId)
{
    // SQLCipher 3.4 is SQLite 3.15: no UPSERT yet, and nothing references a settings row.
    auto& q = m_db.cached("INSERT OR REPLACE INTO settings (key, value, updated_at, updated_by) "
                          "VALUES (?1, ?2, ?3, ?4)");
    const Statement::ResetOnExit guard(q);
    q.bind(1, key).bind(2, value).bind(3, toMillis(when));
    if (userId.empty())
        q.bindNull(4);
    else
        q.bind(4, userId);
    q.run();
}

} // namespace fe::store
