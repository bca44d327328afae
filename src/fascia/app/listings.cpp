#include "fascia/app/listings.hpp"

#include <algorithm>

#include "fascia/app/text_limits.hpp"

namespace fascia::app {

namespace {

constexpr TextLimit kListingNameLimit{"name", 100};
constexpr TextLimit kListingTownLimit{"town", 100};
constexpr TextLimit kListingPostcodeLimit{"postcode", 20};
constexpr TextLimit kListingContactLimit{"contact", 200};
constexpr TextLimit kListingLanguageLimit{"language", 40};
constexpr std::size_t kMaxModalities = 20;
constexpr std::size_t kMaxLanguages = 10;

class Problems {
 public:
  void add(const std::string& field, core::ErrorCode code, std::string message) {
    if (list_.empty()) code_ = code;
    list_.push_back({field, std::move(message)});
  }
  bool empty() const { return list_.empty(); }
  FieldError error() const {
    std::string message;
    for (const auto& p : list_) message += (message.empty() ? "" : "; ") + p.field + ": " + p.message;
    return FieldError{core::Error{code_, message}, list_.front().field,
                      list_.size() > 1 ? list_ : std::vector<FieldProblem>{}};
  }

 private:
  core::ErrorCode code_ = core::ErrorCode::invalid_argument;
  std::vector<FieldProblem> list_;
};

// A text problem's message without its leading field name ("name is longer
// than..." -> "is longer than...").
std::string without_field(const std::string& message, const std::string& field) {
  return message.rfind(field + " ", 0) == 0 ? message.substr(field.size() + 1) : message;
}

bool no_line_breaks(std::string_view text) { return text.find_first_of("\r\n") == std::string_view::npos; }

std::string list_of(const std::vector<Place>& places) {
  std::string text;
  for (const auto& p : places) text += (text.empty() ? "" : "; ") + p.label();
  return text;
}

core::Result<void> check_practitioner(const Account& who) {
  if (who.membership.role != core::Role::practitioner)
    return core::fail(core::ErrorCode::forbidden, "only a practitioner's account has a listing in the finder");
  if (who.deactivated_at)
    return core::fail(core::ErrorCode::forbidden, "the account '" + who.name + "' is deactivated");
  return {};
}

}  // namespace

std::string place_problem(std::string_view text, const PlaceLookup& lookup) {
  const std::string quoted = "'" + std::string(text) + "'";
  if (lookup.outcome == PlaceLookup::Outcome::ambiguous)
    return quoted + " names several places: " + list_of(lookup.places) + "; add the region and country code, e.g. '" +
           lookup.places.front().label() + "'";
  if (lookup.places.empty()) return "no place " + quoted + " in the gazetteer (places of 1,000 people or more)";
  return "no place " + quoted + " (did you mean " + list_of(lookup.places) + "?)";
}

FieldResult<core::Listing> check_listing(const core::KnowledgeBase& kb, const PlaceIndex* places,
                                         const ListingInput& in) {
  Problems problems;
  core::Listing listing;
  const auto text = [&](const std::string& field, const std::string& value, const TextLimit& limit, bool required) {
    if (value.empty()) {
      if (required) problems.add(field, core::ErrorCode::invalid_argument, "is required");
    } else if (auto ok = check_text(value, limit, field); !ok) {
      problems.add(field, ok.error().code, without_field(ok.error().message, field));
    } else if (!no_line_breaks(value)) {
      problems.add(field, core::ErrorCode::invalid_argument, "must be one line");
    }
  };
  text("name", in.display_name, kListingNameLimit, true);
  text("clinic", in.clinic_name, kClinicNameLimit, false);
  text("town", in.town, kListingTownLimit, false);
  text("postcode", in.postcode, kListingPostcodeLimit, false);
  text("contact", in.contact, kListingContactLimit, true);
  if (in.modalities.empty())
    problems.add("modalities", core::ErrorCode::invalid_argument, "name at least one treatment you give");
  if (in.modalities.size() > kMaxModalities)
    problems.add("modalities", core::ErrorCode::out_of_range, "at most " + std::to_string(kMaxModalities));
  for (std::size_t i = 0; i < in.modalities.size() && i < kMaxModalities; ++i) {
    const auto& id = in.modalities[i];
    auto it = kb.treatments.find(id);
    const std::string field = "modalities[" + std::to_string(i) + "]";
    if (it == kb.treatments.end() || !it->second.practitioner_kind)
      problems.add(field, core::ErrorCode::unknown_name,
                   "no treatment '" + id.substr(0, 60) + "' that practitioners give (fascia kb list treatments)");
    else if (std::count(in.modalities.begin(), in.modalities.end(), id) > 1)
      problems.add(field, core::ErrorCode::invalid_argument, "'" + id + "' is named twice");
  }
  for (std::size_t i = 0; i < in.areas.size(); ++i) {
    const core::Region* region = kb.region(in.areas[i]);
    const std::string field = "areas[" + std::to_string(i) + "]";
    if (region == nullptr || region->region_class != core::RegionClass::practitioner_only)
      problems.add(field, core::ErrorCode::unknown_name,
                   "'" + in.areas[i].substr(0, 60) + "' is not a practitioner-only area (scalenes, anterior-neck)");
  }
  if (in.languages.size() > kMaxLanguages)
    problems.add("languages", core::ErrorCode::out_of_range, "at most " + std::to_string(kMaxLanguages));
  for (std::size_t i = 0; i < in.languages.size() && i < kMaxLanguages; ++i)
    text("languages[" + std::to_string(i) + "]", in.languages[i], kListingLanguageLimit, true);

  if (in.location) {
    listing.location = *in.location;
  } else if (in.place.empty()) {
    problems.add("place", core::ErrorCode::invalid_argument, "give the town's place name or its coordinates");
  } else if (places == nullptr) {
    problems.add("place", core::ErrorCode::io_error, "the gazetteer is not installed (bash scripts/setup.sh)");
  } else {
    const auto lookup = places->resolve(in.place);
    if (lookup.outcome == PlaceLookup::Outcome::found) {
      listing.location = lookup.places.front().point;
      if (in.town.empty()) listing.town = lookup.places.front().name;
    } else {
      problems.add("place", core::ErrorCode::invalid_argument, place_problem(in.place, lookup));
    }
  }
  if (!problems.empty()) return tl::make_unexpected(problems.error());
  listing.display_name = in.display_name;
  listing.clinic_name = in.clinic_name;
  listing.modalities = in.modalities;
  listing.areas = in.areas;
  listing.languages = in.languages;
  if (!in.town.empty()) listing.town = in.town;
  listing.postcode = in.postcode;
  listing.contact = in.contact;
  listing.taking_new_clients = in.taking_new_clients;
  return listing;
}

FieldResult<core::Listing> save_own_listing(const core::KnowledgeBase& kb, const PlaceIndex* places,
                                            DirectoryStore& store, const Account& who, const ListingInput& input,
                                            std::int64_t now) {
  if (auto ok = check_practitioner(who); !ok) return tl::make_unexpected(FieldError{ok.error()});
  auto listing = check_listing(kb, places, input);
  if (!listing) return listing;
  auto existing = store.listing_of_account(who.person_id);
  if (!existing) return tl::make_unexpected(FieldError{existing.error()});
  listing->account_id = who.person_id;
  listing->published = *existing && (*existing)->published;
  listing->updated_at = now;
  auto saved = store.save_account_listing(*listing);
  if (!saved) return tl::make_unexpected(FieldError{saved.error()});
  return *saved;
}

core::Result<core::Listing> set_own_listing_published(DirectoryStore& store, const Account& who, bool published,
                                                      std::int64_t now) {
  FASCIA_TRY(check_practitioner(who));
  auto existing = store.listing_of_account(who.person_id);
  if (!existing) return tl::make_unexpected(existing.error());
  if (!*existing)
    return core::fail(core::ErrorCode::not_found, "'" + who.name + "' has no listing yet: write it first");
  core::Listing listing = **existing;
  listing.published = published;
  listing.updated_at = now;
  return store.save_account_listing(listing);
}

}  // namespace fascia::app
