#pragma once

#include "store/Clock.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace fe::store {

class Connection;

// The settings table: text values by key. Validation and permissions are Session's; writes
// belong inside the caller's transaction. Thread-safety: as the Connection.
class SettingsRepository
{
public:
    explicit SettingsRepository(Connection& db) : m_db(db) {}

    std::optional<std::string> get(std::string_view key);
    int getInt(std::string_view key, int fallback);
    std::map<std::string, std::string> all();
    void set(std::string_view key, std::string_view value, TimePoint when, std::string_view userId);

private:
    Connection& m_db;
};

} // namespace fe::store
