#include "fascia/adapters/sqlite_store.hpp"

#include <algorithm>
#include <array>

#include "fascia/adapters/sqlite_open.hpp"

namespace fascia::adapters {

using core::ErrorCode;
using core::Result;

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::filesystem::path& file, std::int64_t person_id) {
  if (person_id <= 0)
    return core::fail(ErrorCode::invalid_argument, "person id " + std::to_string(person_id) + " must be positive");
  auto db = open_fascia_database(file);
  if (!db) return tl::make_unexpected(db.error());
  return std::unique_ptr<SqliteStore>(
      new SqliteStore(std::make_unique<SqliteConnection>(std::move(*db)), file, person_id));
}

Result<std::string> SqliteStore::pragma(std::string_view name) {
  static constexpr std::array<std::string_view, 6> kAllowed{"journal_mode", "synchronous",  "foreign_keys",
                                                            "busy_timeout", "user_version", "application_id"};
  if (std::find(kAllowed.begin(), kAllowed.end(), name) == kAllowed.end())
    return core::fail(ErrorCode::invalid_argument, "unknown setting '" + std::string(name) + "'");
  return sqlite().database().query_text("PRAGMA " + std::string(name));
}

}  // namespace fascia::adapters
