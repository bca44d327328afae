#include "fascia/adapters/sql_directory.hpp"

namespace fascia::adapters {

using core::ErrorCode;
using core::Result;
using sql::Access;

namespace {

constexpr std::string_view kColumns =
    "l.id, l.account_id, l.directory, l.display_name, l.clinic_name, l.modalities, l.areas, l.languages, l.town, "
    "l.postcode, l.lat_e6, l.lon_e6, l.contact, l.taking_new_clients, l.published, l.updated_at";

// A list stored as one value per line (ids and languages hold no line break:
// app/listings checks).
std::string joined_lines(const std::vector<std::string>& values) {
  std::string text;
  for (const auto& v : values) text += (text.empty() ? "" : "\n") + v;
  return text;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> values;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    values.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return values;
}

core::Listing listing_from(const sql::Row& row) {
  core::Listing l;
  l.id = row.int64(0);
  if (!row.is_null(1)) l.account_id = row.int64(1);
  l.directory = row.text(2);
  l.display_name = row.text(3);
  l.clinic_name = row.text(4);
  l.modalities = split_lines(row.text(5));
  l.areas = split_lines(row.text(6));
  l.languages = split_lines(row.text(7));
  l.town = row.text(8);
  l.postcode = row.text(9);
  l.location = {static_cast<std::int32_t>(row.int64(10)), static_cast<std::int32_t>(row.int64(11))};
  l.contact = row.text(12);
  l.taking_new_clients = row.boolean(13);
  l.published = row.boolean(14);
  l.updated_at = row.int64(15);
  return l;
}

bool holds_line_break(const std::vector<std::string>& values) {
  for (const auto& v : values)
    if (v.empty() || v.find_first_of("\r\n") != std::string::npos) return true;
  return false;
}

}  // namespace

Result<void> SqlDirectory::insert(const core::Listing& l, std::int64_t id) {
  if (holds_line_break(l.modalities) || holds_line_break(l.areas) || holds_line_break(l.languages))
    return core::fail(ErrorCode::invalid_argument, "a listing's modalities, areas and languages are one line each");
  return db_->run(
      "INSERT INTO listing (id, account_id, directory, display_name, clinic_name, modalities, areas, languages, "
      "town, postcode, lat_e6, lon_e6, contact, taking_new_clients, published, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
      id, l.account_id, l.directory, l.display_name, l.clinic_name, joined_lines(l.modalities), joined_lines(l.areas),
      joined_lines(l.languages), l.town, l.postcode, l.location.lat_e6, l.location.lon_e6, l.contact,
      l.taking_new_clients, l.published, l.updated_at);
}

Result<std::optional<core::Listing>> SqlDirectory::listing_of_account(std::int64_t account_id) {
  std::optional<core::Listing> found;
  FASCIA_TRY(db_->each_row(
      "SELECT " + std::string(kColumns) + " FROM listing l WHERE l.account_id = ?1",
      [&](const sql::Row& row) { found = listing_from(row); }, account_id));
  return found;
}

Result<core::Listing> SqlDirectory::save_account_listing(const core::Listing& listing) {
  if (!listing.account_id || !listing.directory.empty())
    return core::fail(ErrorCode::invalid_argument, "a practitioner's own listing needs their account");
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  auto existing = db_->query_int("SELECT id FROM listing WHERE account_id = ?1", *listing.account_id);
  if (!existing) return tl::make_unexpected(existing.error());
  std::int64_t id = existing->value_or(0);
  if (id != 0) {
    FASCIA_TRY(db_->run("DELETE FROM listing WHERE id = ?1", id));
  } else {
    auto next = db_->query_int("SELECT coalesce(max(id), 0) + 1 FROM listing");
    if (!next) return tl::make_unexpected(next.error());
    id = next->value_or(1);
  }
  FASCIA_TRY(insert(listing, id));
  FASCIA_TRY(txn->commit());
  core::Listing saved = listing;
  saved.id = id;
  return saved;
}

Result<std::int64_t> SqlDirectory::replace_directory(const std::string& directory,
                                                     const std::vector<core::Listing>& listings) {
  if (directory.empty()) return core::fail(ErrorCode::invalid_argument, "an imported list needs a directory name");
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  auto before = db_->query_int("SELECT count(*) FROM listing WHERE directory = ?1", directory);
  if (!before) return tl::make_unexpected(before.error());
  FASCIA_TRY(db_->run("DELETE FROM listing WHERE directory = ?1", directory));
  auto next = db_->query_int("SELECT coalesce(max(id), 0) + 1 FROM listing");
  if (!next) return tl::make_unexpected(next.error());
  std::int64_t id = next->value_or(1);
  for (core::Listing listing : listings) {
    listing.account_id.reset();
    listing.directory = directory;
    FASCIA_TRY(insert(listing, id++));
  }
  FASCIA_TRY(txn->commit());
  return before->value_or(0);
}

Result<std::vector<core::Listing>> SqlDirectory::published_in(const app::GeoBox& box) {
  // SQLite: the R*Tree finds the ids in the box; PostgreSQL: the partial
  // B-tree on (lat_e6, lon_e6) of published listings.
  const std::string where = index_ == SpatialIndex::sqlite_rtree
                                ? " FROM listing_geo g JOIN listing l ON l.id = g.id"
                                  " LEFT JOIN account a ON a.person_id = l.account_id"
                                  " WHERE g.min_lat >= ?1 AND g.max_lat <= ?2 AND g.min_lon >= ?3 AND g.max_lon <= ?4"
                                  " AND l.published = 1"
                                : " FROM listing l LEFT JOIN account a ON a.person_id = l.account_id"
                                  " WHERE l.lat_e6 BETWEEN ?1 AND ?2 AND l.lon_e6 BETWEEN ?3 AND ?4"
                                  " AND l.published = 1";
  std::vector<core::Listing> listings;
  FASCIA_TRY(db_->each_row(
      "SELECT " + std::string(kColumns) + where + " AND a.deactivated_at IS NULL ORDER BY l.id",
      [&](const sql::Row& row) { listings.push_back(listing_from(row)); }, box.min_lat_e6, box.max_lat_e6,
      box.min_lon_e6, box.max_lon_e6));
  return listings;
}

Result<std::vector<core::Listing>> SqlDirectory::all_listings() {
  std::vector<core::Listing> listings;
  FASCIA_TRY(db_->each_row("SELECT " + std::string(kColumns) + " FROM listing l ORDER BY l.id",
                           [&](const sql::Row& row) { listings.push_back(listing_from(row)); }));
  return listings;
}

Result<void> SqlDirectory::restore_listing(const core::Listing& listing) {
  if (listing.id <= 0) return core::fail(ErrorCode::invalid_argument, "a restored listing keeps its id");
  auto txn = db_->begin(Access::write);
  if (!txn) return tl::make_unexpected(txn.error());
  auto taken = db_->query_int("SELECT count(*) FROM listing WHERE id = ?1", listing.id);
  if (!taken) return tl::make_unexpected(taken.error());
  if (taken->value_or(0) > 0)
    return core::fail(ErrorCode::invalid_argument, "listing " + std::to_string(listing.id) + " already exists");
  FASCIA_TRY(insert(listing, listing.id));
  return txn->commit();
}

}  // namespace fascia::adapters
