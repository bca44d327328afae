#include "fascia/adapters/database_open.hpp"

#include <algorithm>
#include <cctype>

#include "fascia/adapters/pg_connection.hpp"
#include "fascia/adapters/sqlite_accounts.hpp"
#include "fascia/adapters/sqlite_connection.hpp"
#include "fascia/adapters/sqlite_open.hpp"
#include "fascia/adapters/sqlite_store.hpp"

namespace fascia::adapters {

namespace {
// The scheme of a mistyped URL, for a message: nothing after it, where a
// user name and password may follow.
std::string display_prefix(const std::string& text) {
  const auto slashes = text.find("://");
  if (slashes != std::string::npos) return text.substr(0, slashes + 3) + "…";
  return text.substr(0, text.find(':') + 1) + "…";
}
}  // namespace

DatabaseTarget::DatabaseTarget(std::string text) : text_(std::move(text)), postgresql_(is_postgresql_url(text_)) {}

std::string DatabaseTarget::display() const { return postgresql_ ? redacted_postgresql_url(text_) : text_; }

std::string DatabaseTarget::problem() const {
  if (text_.empty()) return "the database is empty text: give a file or a postgresql:// URL";
  if (postgresql_) return {};
  if (std::isspace(static_cast<unsigned char>(text_.front())) || std::isspace(static_cast<unsigned char>(text_.back())))
    return "the database given starts or ends with a space: give a file or a postgresql:// URL without one";
  std::string lower = text_.substr(0, 16);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.starts_with("postgres")) {  // POSTGRESQL://…, postgresql:/x, postgres:…, postgresql//…
    if (const auto colon = text_.find(':'); colon != std::string::npos && colon <= 10)
      return "'" + display_prefix(text_) + "' is not a PostgreSQL URL: write it as postgresql://… (in lower case)";
    if (text_.find_first_of("/@") != std::string::npos)
      return "'" + text_.substr(0, std::min<std::size_t>(text_.find_first_of("/@"), 12)) +
             "…' looks like a mistyped PostgreSQL URL, not a file: write it as postgresql://…";
  }
  // Any other scheme://: a URL fascia cannot open, not a file name.
  const auto scheme_end = text_.find("://");
  if (scheme_end != std::string::npos && scheme_end > 0 &&
      std::all_of(text_.begin(), text_.begin() + static_cast<std::ptrdiff_t>(scheme_end), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
      }))
    return "'" + text_.substr(0, scheme_end + 3) +
           "…' is not a database fascia can open: give a file or a postgresql:// URL";
  // scheme:…: a URL (file:, sqlite:), not a file name; ./NAME for a file whose name has a colon.
  const auto colon = text_.find(':');
  if (colon != std::string::npos && colon >= 2 && std::isalpha(static_cast<unsigned char>(text_.front())) &&
      std::all_of(text_.begin(), text_.begin() + static_cast<std::ptrdiff_t>(colon), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
      }))
    return "'" + text_.substr(0, colon + 1) +
           "…' is not a database fascia can open: give a file or a postgresql:// URL (./" + text_.substr(0, colon + 1) +
           "… for a file whose name has a colon)";
  return {};
}

namespace {
core::Result<std::shared_ptr<sql::Connection>> connect(const DatabaseTarget& target) {
  if (target.is_postgresql()) {
    auto connection = PgConnection::open(target.text());
    if (!connection) return tl::make_unexpected(connection.error());
    return std::shared_ptr<sql::Connection>(std::move(*connection));
  }
  auto db = open_fascia_database(target.file());
  if (!db) return tl::make_unexpected(db.error());
  return std::shared_ptr<sql::Connection>(std::make_shared<SqliteConnection>(std::move(*db)));
}
}  // namespace

core::Result<void> check_database_pages(const DatabaseTarget& target) {
  if (auto problem = target.problem(); !problem.empty()) return core::fail(core::ErrorCode::invalid_argument, problem);
  if (target.is_postgresql()) return {};
  return quick_check_file(target.file());
}

core::Result<OpenedDatabase> open_database(const DatabaseTarget& target) {
  if (auto problem = target.problem(); !problem.empty()) return core::fail(core::ErrorCode::invalid_argument, problem);
  auto connection = connect(target);
  if (!connection) return tl::make_unexpected(connection.error());
  return OpenedDatabase{
      std::make_unique<SqlStore>(*connection, 1), std::make_unique<SqlAccounts>(*connection),
      std::make_unique<SqlClinics>(*connection),
      std::make_unique<SqlDirectory>(
          *connection, target.is_postgresql() ? SpatialIndex::postgresql_btree : SpatialIndex::sqlite_rtree),
      *connection};
}

core::Result<std::unique_ptr<SqlStore>> open_journal_store(const DatabaseTarget& target, std::int64_t person_id) {
  if (auto problem = target.problem(); !problem.empty()) return core::fail(core::ErrorCode::invalid_argument, problem);
  if (!target.is_postgresql()) {
    auto store = SqliteStore::open(target.file(), person_id);
    if (!store) return tl::make_unexpected(store.error());
    return std::unique_ptr<SqlStore>(std::move(*store));
  }
  if (person_id <= 0)
    return core::fail(core::ErrorCode::invalid_argument,
                      "person id " + std::to_string(person_id) + " must be positive");
  auto connection = PgConnection::open(target.text());
  if (!connection) return tl::make_unexpected(connection.error());
  return std::make_unique<SqlStore>(std::move(*connection), person_id);
}

core::Result<std::unique_ptr<SqlAccounts>> open_account_store(const DatabaseTarget& target) {
  if (auto problem = target.problem(); !problem.empty()) return core::fail(core::ErrorCode::invalid_argument, problem);
  if (!target.is_postgresql()) return SqliteAccounts::open(target.file());
  auto connection = PgConnection::open(target.text());
  if (!connection) return tl::make_unexpected(connection.error());
  return std::make_unique<SqlAccounts>(std::move(*connection));
}

core::Result<std::unique_ptr<SqlClinics>> open_clinic_store(const DatabaseTarget& target) {
  if (auto problem = target.problem(); !problem.empty()) return core::fail(core::ErrorCode::invalid_argument, problem);
  auto connection = connect(target);
  if (!connection) return tl::make_unexpected(connection.error());
  return std::make_unique<SqlClinics>(std::move(*connection));
}

core::Result<std::unique_ptr<SqlDirectory>> open_directory_store(const DatabaseTarget& target) {
  if (auto problem = target.problem(); !problem.empty()) return core::fail(core::ErrorCode::invalid_argument, problem);
  auto connection = connect(target);
  if (!connection) return tl::make_unexpected(connection.error());
  return std::make_unique<SqlDirectory>(
      std::move(*connection), target.is_postgresql() ? SpatialIndex::postgresql_btree : SpatialIndex::sqlite_rtree);
}

}  // namespace fascia::adapters
