#pragma once

#include <string>
#include <string_view>

namespace fe::store {

// Random (version 4) UUIDs in lower-case 8-4-4-4-12 form: ids of enrollments, users,
// stations and databases. They carry no information about the subject.
std::string newUuid();
bool isUuid(std::string_view text);

} // namespace fe::store
