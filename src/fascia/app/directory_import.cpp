#include "fascia/app/directory_import.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>

#include "fascia/app/listings.hpp"
#include "fascia/app/text_limits.hpp"

namespace fascia::app {

namespace {

constexpr TextLimit kDirectoryNameLimit{"directory name", 80};

constexpr std::array<std::string_view, 14> kColumns{
    "name",    "clinic",   "modalities", "areas",   "languages",          "town",     "postcode", "region",
    "country", "latitude", "longitude",  "contact", "taking_new_clients", "published"};

using Columns = std::map<std::string, std::size_t, std::less<>>;

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(';', start);
    if (end == std::string::npos) end = text.size();
    std::string item = text.substr(start, end - start);
    const auto first = item.find_first_not_of(' ');
    const auto last = item.find_last_not_of(' ');
    if (first != std::string::npos) items.push_back(item.substr(first, last - first + 1));
    start = end + 1;
  }
  return items;
}

std::optional<bool> yes_no(const std::string& text) {
  if (text == "yes") return true;
  if (text == "no") return false;
  return std::nullopt;
}

std::optional<double> decimal(const std::string& text) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

core::Result<Columns> read_header(const TextRecord& header) {
  Columns columns;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const auto& name = header.fields[i];
    if (std::find(kColumns.begin(), kColumns.end(), name) == kColumns.end())
      return core::fail(core::ErrorCode::invalid_argument,
                        "line " + std::to_string(header.line) + ": unknown column '" + name.substr(0, 40) +
                            "' (columns: name, clinic, modalities, areas, languages, town, postcode, region, "
                            "country, latitude, longitude, contact, taking_new_clients, published)");
    if (!columns.emplace(name, i).second)
      return core::fail(core::ErrorCode::invalid_argument,
                        "line " + std::to_string(header.line) + ": column '" + name + "' is named twice");
  }
  for (std::string_view required : {"name", "modalities", "contact", "published"})
    if (!columns.contains(required))
      return core::fail(core::ErrorCode::invalid_argument, "line " + std::to_string(header.line) + ": the column '" +
                                                               std::string(required) + "' is missing");
  if (columns.contains("latitude") != columns.contains("longitude"))
    return core::fail(core::ErrorCode::invalid_argument,
                      "line " + std::to_string(header.line) + ": latitude and longitude go together");
  if (!columns.contains("latitude") && !columns.contains("town"))
    return core::fail(core::ErrorCode::invalid_argument,
                      "line " + std::to_string(header.line) + ": give latitude and longitude, or town");
  return columns;
}

// One line as a listing, or its problems.
std::optional<core::Listing> read_line(const core::KnowledgeBase& kb, const PlaceIndex* places, const Columns& columns,
                                       const TextRecord& record, std::vector<ImportProblem>& problems) {
  const auto problem = [&](std::string field, std::string message) {
    problems.push_back({record.line, std::move(field), std::move(message)});
  };
  if (record.fields.size() != columns.size()) {
    problem("", "has " + std::to_string(record.fields.size()) + " fields; the header names " +
                    std::to_string(columns.size()));
    return std::nullopt;
  }
  const auto get = [&](std::string_view column) -> std::string {
    auto it = columns.find(column);
    return it == columns.end() ? std::string() : record.fields[it->second];
  };
  ListingInput input;
  input.display_name = get("name");
  input.clinic_name = get("clinic");
  input.modalities = split_list(get("modalities"));
  input.areas = split_list(get("areas"));
  input.languages = split_list(get("languages"));
  input.town = get("town");
  input.postcode = get("postcode");
  input.contact = get("contact");
  std::size_t before = problems.size();
  const auto taking = get("taking_new_clients");
  if (auto value = taking.empty() ? std::optional<bool>(true) : yes_no(taking))
    input.taking_new_clients = *value;
  else
    problem("taking_new_clients", "is yes or no, not '" + taking.substr(0, 20) + "'");
  const auto published = yes_no(get("published"));
  if (!published) problem("published", "is yes or no, not '" + get("published").substr(0, 20) + "'");
  const auto lat_text = get("latitude");
  const auto lon_text = get("longitude");
  if (!lat_text.empty() || !lon_text.empty()) {
    const auto lat = decimal(lat_text);
    const auto lon = decimal(lon_text);
    if (!lat || *lat < -90 || *lat > 90) problem("latitude", "is a number of degrees from -90 to 90");
    if (!lon || *lon < -180 || *lon > 180) problem("longitude", "is a number of degrees from -180 to 180");
    input.location = core::GeoPoint::from_degrees(lat.value_or(0), lon.value_or(0));
    if (!input.location) input.location = core::GeoPoint{};  // reported above; no second problem about the place
  } else {
    input.place = input.town;
    for (const auto& part : {get("region"), get("country")})
      if (!part.empty()) input.place += ", " + part;
    if (input.town.empty()) problem("town", "is required without latitude and longitude");
  }
  auto listing = check_listing(kb, places, input);
  if (!listing) {
    const FieldError& e = listing.error();
    if (e.problems.empty()) {
      const std::string prefix = e.field + ": ";
      problem(e.field, e.error.message.rfind(prefix, 0) == 0 ? e.error.message.substr(prefix.size()) : e.error.message);
    }
    for (const auto& p : e.problems) problem(p.field, p.message);
  }
  if (!listing || problems.size() != before) return std::nullopt;
  listing->published = *published;
  return *listing;
}

}  // namespace

core::Result<DirectoryImport> import_directory(const core::KnowledgeBase& kb, const PlaceIndex* places,
                                               DirectoryStore& store, const std::string& directory,
                                               const std::vector<TextRecord>& records, BadLines bad_lines,
                                               std::int64_t now) {
  if (directory.empty()) return core::fail(core::ErrorCode::invalid_argument, "the directory needs a name (--name)");
  if (auto ok = check_text(directory, kDirectoryNameLimit); !ok) return tl::make_unexpected(ok.error());
  if (records.empty()) return core::fail(core::ErrorCode::invalid_argument, "the file is empty: no header line");
  auto columns = read_header(records.front());
  if (!columns) return tl::make_unexpected(columns.error());
  if (records.size() == 1)
    return core::fail(core::ErrorCode::invalid_argument, "the file has a header but no listings");
  DirectoryImport result;
  std::vector<core::Listing> listings;
  for (std::size_t i = 1; i < records.size(); ++i) {
    ++result.read;
    if (auto listing = read_line(kb, places, *columns, records[i], result.problems)) {
      listing->updated_at = now;
      listings.push_back(std::move(*listing));
    }
  }
  if (!result.problems.empty() && bad_lines == BadLines::refuse) return result;
  auto replaced = store.replace_directory(directory, listings);
  if (!replaced) return tl::make_unexpected(replaced.error());
  result.replaced = *replaced;
  result.imported = listings.size();
  result.written = true;
  return result;
}

}  // namespace fascia::app
