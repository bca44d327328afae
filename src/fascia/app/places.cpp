#include "fascia/app/places.hpp"

#include <algorithm>
#include <numeric>

#include "fascia/app/unicode_text.hpp"

namespace fascia::app {

std::string Place::label() const {
  std::string text = name;
  if (!region.empty() && region != "00") text += ", " + region;
  if (!country.empty()) text += ", " + country;
  return text;
}

namespace {

std::vector<std::string> split_commas(std::string_view text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const auto comma = text.find(',', start);
    parts.push_back(search_key(text.substr(start, comma == std::string_view::npos ? comma : comma - start)));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return parts;
}

// The Levenshtein distance between two keys, in bytes (keys are mostly
// ASCII once accents are gone), stopping early past `limit`.
std::size_t edit_distance(const std::string& a, const std::string& b, std::size_t limit) {
  const std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap > limit) return limit + 1;
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t row_best = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
      row_best = std::min(row_best, row[j]);
    }
    if (row_best > limit) return limit + 1;
  }
  return row[b.size()];
}

bool by_people(const Place& a, const Place& b) {
  return a.population != b.population ? a.population > b.population : a.id < b.id;
}

}  // namespace

PlaceIndex::PlaceIndex(std::vector<Place> places) : places_(std::move(places)) {
  for (std::size_t i = 0; i < places_.size(); ++i) {
    auto key = search_key(places_[i].name);
    if (by_key_.find(key) == by_key_.end()) keys_.push_back(key);
    by_key_.emplace(std::move(key), i);
  }
}

PlaceLookup PlaceIndex::resolve(std::string_view text) const {
  const auto parts = split_commas(text);
  PlaceLookup lookup;
  if (parts.empty() || parts[0].empty() || parts.size() > 3) return lookup;
  const std::string& region = parts.size() == 3 ? parts[1] : std::string();
  const std::string& country = parts.size() == 3 ? parts[2] : std::string();
  const std::string& either = parts.size() == 2 ? parts[1] : std::string();
  const auto matches_qualifiers = [&](const Place& p) {
    const auto r = search_key(p.region);
    const auto c = search_key(p.country);
    if (!either.empty()) return either == r || either == c;
    return (region.empty() || region == r) && (country.empty() || country == c);
  };
  std::vector<Place> found;
  auto [first, last] = by_key_.equal_range(parts[0]);
  for (auto it = first; it != last; ++it)
    if (matches_qualifiers(places_[it->second])) found.push_back(places_[it->second]);
  std::sort(found.begin(), found.end(), by_people);
  // Places that share their whole label (two Lafayettes in Tennessee) cannot
  // be told apart by any text: the largest is taken, as is a far larger one.
  const auto other_label = [&] {
    return std::find_if(found.begin(), found.end(), [&](const Place& p) { return p.label() != found[0].label(); });
  };
  if (found.size() == 1 ||
      (found.size() > 1 && (other_label() == found.end() ||
                            found[0].population >= kClearlyLargest * std::max<std::int64_t>(found[1].population, 1)))) {
    lookup.outcome = PlaceLookup::Outcome::found;
    if (found.size() > 1) {
      lookup.note =
          "Taken as " + found[0].label() + ", the largest of " + std::to_string(found.size()) + " places of that name";
      const auto other = other_label();
      lookup.note += other == found.end()
                         ? " there."
                         : "; for another, add its region and country code (e.g. '" + other->label() + "').";
    }
    lookup.places = {found[0]};
    return lookup;
  }
  if (!found.empty()) {
    lookup.outcome = PlaceLookup::Outcome::ambiguous;
    found.resize(std::min(found.size(), kMaxChoices));
    lookup.places = std::move(found);
    return lookup;
  }
  // Not found: names a few edits away, closest first, then the largest.
  const std::size_t limit = std::min<std::size_t>(3, std::max<std::size_t>(1, parts[0].size() / 4));
  std::vector<std::pair<std::size_t, Place>> near;
  for (const auto& key : keys_) {
    const std::size_t distance = edit_distance(parts[0], key, limit);
    if (distance > limit) continue;
    auto [from, to] = by_key_.equal_range(key);
    for (auto it = from; it != to; ++it)
      if (matches_qualifiers(places_[it->second])) near.emplace_back(distance, places_[it->second]);
  }
  std::sort(near.begin(), near.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : by_people(a.second, b.second);
  });
  for (std::size_t i = 0; i < near.size() && lookup.places.size() < kMaxSuggestions; ++i)
    lookup.places.push_back(near[i].second);
  return lookup;
}

}  // namespace fascia::app
