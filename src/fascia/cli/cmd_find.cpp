// The practitioner finder in the terminal (issue 11):
//   fascia find --near PLACE [--within KM] [--modality ID] [--need ID]
//   fascia practice listing --as NAME                    the practitioner's own listing
//   fascia practice listing set --as NAME [--name ..] [--clinic ..] [--modality ID].. [--area ID]..
//       [--language L].. [--town T] [--postcode P] [--place PLACE | --lat DEG --lon DEG]
//       [--contact C] [--taking-new-clients yes|no]   writes it (given fields change; opt-in: unpublished)
//   fascia practice listing publish|unpublish --as NAME
//   fascia directory import FILE --name DIRECTORY [--skip-bad-lines]
// Searches store nothing about who searched.
#include <charconv>
#include <cmath>

#include "fascia/adapters/csv_file.hpp"
#include "fascia/adapters/database_open.hpp"
#include "fascia/adapters/gazetteer_file.hpp"
#include "fascia/adapters/geodesic_earth.hpp"
#include "fascia/adapters/json_finder_views.hpp"
#include "fascia/app/directory_import.hpp"
#include "fascia/app/finder.hpp"
#include "fascia/app/listings.hpp"
#include "fascia/cli/care_stores.hpp"
#include "fascia/cli/commands.hpp"
#include "fascia/core/wording.hpp"

namespace fascia::cli {

namespace {

core::Result<std::unique_ptr<app::PlaceIndex>> load_places() {
  auto places = adapters::load_gazetteer(adapters::default_gazetteer_file());
  if (!places) return tl::make_unexpected(places.error());
  return std::make_unique<app::PlaceIndex>(std::move(*places));
}

// A decimal number as typed ("12.5"), finite; invalid_argument naming the option.
core::Result<double> decimal(const std::string& text, const std::string& option) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return core::fail(core::ErrorCode::invalid_argument, option + ": '" + text + "' is not a number");
  return value;
}

core::Result<bool> yes_no(const std::string& text, const std::string& option) {
  if (text == "yes") return true;
  if (text == "no") return false;
  return core::fail(core::ErrorCode::invalid_argument, option + ": yes or no, not '" + text + "'");
}

std::string names_of(const core::KnowledgeBase& kb, const std::vector<std::string>& ids) {
  std::vector<std::string> names;
  for (const auto& id : ids) {
    auto it = kb.treatments.find(id);
    if (it != kb.treatments.end()) {
      names.push_back(it->second.name);
    } else if (const core::Region* region = kb.region(id)) {
      names.push_back(region->name);
    } else {
      names.push_back(id);
    }
  }
  return core::joined(names);
}

void print_listing(Context& ctx, const core::KnowledgeBase& kb, const core::Listing& l) {
  ctx.out << l.display_name << (l.clinic_name.empty() ? "" : " — " + l.clinic_name) << "\n";
  ctx.out << "   Gives: " << names_of(kb, l.modalities) << "\n";
  if (!l.areas.empty()) ctx.out << "   Treats: " << names_of(kb, l.areas) << "\n";
  if (!l.languages.empty()) ctx.out << "   Languages: " << core::joined(l.languages) << "\n";
  ctx.out << "   Where: " << l.town << (l.postcode.empty() ? "" : " " + l.postcode) << "\n";
  ctx.out << "   Contact: " << l.contact << "\n";
}

// ---- fascia find ----

struct FindOptions {
  std::string near, within, modality, need;
};

int report_place(Context& ctx, const std::string& near, const app::PlaceLookup& lookup) {
  if (ctx.json()) {
    ctx.print_json(adapters::place_lookup_json(near, lookup));
    return kUsage;
  }
  return report(ctx.err, {core::ErrorCode::not_found, "--near: " + app::place_problem(near, lookup)});
}

int run_find(Context& ctx, const FindOptions& o) {
  FASCIA_CLI_TRY(kb, ctx.kb());
  app::FinderRequest request{o.near, std::nullopt, o.modality, o.need};
  if (!o.within.empty()) {
    FASCIA_CLI_TRY(km, decimal(o.within, "--within"));
    request.within_km = km;
  }
  FASCIA_CLI_TRY(places, load_places());
  FASCIA_CLI_TRY(store, adapters::open_directory_store(ctx.database()));
  const adapters::GeodesicEarth earth;
  auto answer = app::find_practitioners(*kb, *places, earth, *store, request);
  if (!answer) {
    auto e = answer.error().error;
    if (!answer.error().field.empty()) e.message = "--" + e.message;
    return report(ctx.err, e);
  }
  if (const auto* lookup = std::get_if<app::PlaceLookup>(&*answer)) return report_place(ctx, o.near, *lookup);
  const auto& result = std::get<app::FinderResult>(*answer);
  if (ctx.json()) {
    ctx.print_json(adapters::finder_result_json(*kb, result));
    return kOk;
  }
  if (!result.place_note.empty()) ctx.out << result.place_note << "\n";
  ctx.out << "Practitioners within " << core::distance_words(result.within_km) << " of " << result.place.label();
  if (!result.modality.empty()) ctx.out << " who give " << core::lower_first(kb->treatments.at(result.modality).name);
  ctx.out << "\n";
  if (result.need != nullptr)
    ctx.out << "\n" << (result.need->medical_first ? "A medical check comes first. " : "") << result.need->says << "\n";
  ctx.out << "\n";
  if (result.matches.empty()) {
    ctx.out << "No published listing answers this search";
    if (result.within_km < app::kMaxWithinKm)
      ctx.out << ". Try a larger distance (--within "
              << static_cast<int>(std::min(app::kMaxWithinKm, std::max(50.0, result.within_km * 2))) << ")"
              << (result.modality.empty() ? "" : " or no --modality");
    ctx.out << ". The finder lists only practitioners who published a listing, or a directory imported here.\n";
  }
  int rank = 0;
  for (const auto& m : result.matches) {
    ctx.out << ++rank << ". " << core::distance_words(m.distance_km) << "  ";
    print_listing(ctx, *kb, m.listing);
    std::string why;
    for (const auto& reason : m.why) why += (why.empty() ? "" : "; ") + reason;
    ctx.out << "   Why listed: " << why << "\n";
  }
  if (result.total > result.matches.size())
    ctx.out << "… and " << result.total - result.matches.size() << " more; narrow the search.\n";
  ctx.out << "\n" << adapters::kGazetteerAttribution << "\n";
  return kOk;
}

// ---- fascia practice listing ----

struct ListingOptions {
  std::string as, name, clinic, town, postcode, place, lat, lon, contact, taking;
  std::vector<std::string> modalities, areas, languages;
  CLI::App* set = nullptr;  // to tell which options were given
};

app::ListingInput input_from(const core::Listing& l) {
  app::ListingInput in;
  in.display_name = l.display_name;
  in.clinic_name = l.clinic_name;
  in.modalities = l.modalities;
  in.areas = l.areas;
  in.languages = l.languages;
  in.town = l.town;
  in.postcode = l.postcode;
  in.location = l.location;
  in.contact = l.contact;
  in.taking_new_clients = l.taking_new_clients;
  return in;
}

core::Result<app::ListingInput> merged_input(const std::optional<core::Listing>& existing, const ListingOptions& o) {
  app::ListingInput in = existing ? input_from(*existing) : app::ListingInput{};
  const auto given = [&](const char* option) { return o.set->count(option) > 0; };
  if (given("--name")) in.display_name = o.name;
  if (given("--clinic")) in.clinic_name = o.clinic;
  if (given("--modality")) in.modalities = o.modalities;
  if (given("--area")) in.areas = o.areas;
  if (given("--language")) in.languages = o.languages;
  if (given("--town")) in.town = o.town;
  if (given("--postcode")) in.postcode = o.postcode;
  if (given("--contact")) in.contact = o.contact;
  if (given("--taking-new-clients")) {
    auto taking = yes_no(o.taking, "--taking-new-clients");
    if (!taking) return tl::make_unexpected(taking.error());
    in.taking_new_clients = *taking;
  }
  if (given("--lat") != given("--lon"))
    return core::fail(core::ErrorCode::invalid_argument, "--lat and --lon go together");
  if (given("--place") && given("--lat"))
    return core::fail(core::ErrorCode::invalid_argument, "give --place or --lat and --lon, not both");
  if (given("--place")) {
    in.place = o.place;
    in.location.reset();
    if (!given("--town")) in.town.clear();  // the place's name
  }
  if (given("--lat")) {
    auto lat = decimal(o.lat, "--lat");
    if (!lat) return tl::make_unexpected(lat.error());
    auto lon = decimal(o.lon, "--lon");
    if (!lon) return tl::make_unexpected(lon.error());
    in.location = core::GeoPoint::from_degrees(*lat, *lon);
    if (!in.location) return core::fail(core::ErrorCode::out_of_range, "--lat is -90..90 and --lon -180..180");
  }
  return in;
}

// What every `practice listing` command works with: the knowledge base, the
// practitioner --as names, and the directory.
struct ListingCaller {
  const core::KnowledgeBase* kb;
  app::Account who;
  std::unique_ptr<adapters::SqlDirectory> directory;
};

// The errors of the knowledge base, account_named and opening the directory.
core::Result<ListingCaller> open_listing_caller(Context& ctx, const std::string& as) {
  auto kb = ctx.kb();
  if (!kb) return tl::make_unexpected(kb.error());
  auto stores = open_care_stores(ctx);
  if (!stores) return tl::make_unexpected(stores.error());
  auto who = account_named(*stores->accounts, as);
  if (!who) return tl::make_unexpected(who.error());
  auto directory = adapters::open_directory_store(ctx.database());
  if (!directory) return tl::make_unexpected(directory.error());
  return ListingCaller{*kb, std::move(*who), std::move(*directory)};
}

std::string option_of(const std::string& field) {
  const std::string base = field.substr(0, field.find('['));
  if (base == "modalities") return "--modality";
  if (base == "areas") return "--area";
  if (base == "languages") return "--language";
  if (base == "place") return "--place";
  return "--" + base;
}

int show_listing(Context& ctx, const ListingOptions& o) {
  FASCIA_CLI_TRY(caller, open_listing_caller(ctx, o.as));
  auto& [kb, who, directory] = caller;
  FASCIA_CLI_TRY(listing, directory->listing_of_account(who.person_id));
  if (ctx.json()) {
    ctx.print_json(listing ? adapters::own_listing_json(*kb, *listing) : nlohmann::json(nullptr));
    return kOk;
  }
  if (!listing) {
    ctx.out << who.name << " has no listing in the finder. Write one with:\n"
            << "  fascia practice listing set --as " << who.name
            << " --name NAME --modality ID --place 'TOWN, REGION, COUNTRY' --contact PHONE-OR-EMAIL\n";
    return kOk;
  }
  print_listing(ctx, *kb, *listing);
  ctx.out << "   " << (listing->taking_new_clients ? "Taking new clients" : "Not taking new clients") << "\n"
          << (listing->published ? "Published: people searching the finder can see it.\n"
                                 : "Not published: no one sees it until you run fascia practice listing publish --as " +
                                       who.name + "\n");
  return kOk;
}

int set_listing(Context& ctx, const ListingOptions& o) {
  FASCIA_CLI_TRY(caller, open_listing_caller(ctx, o.as));
  auto& [kb, who, directory] = caller;
  FASCIA_CLI_TRY(existing, directory->listing_of_account(who.person_id));
  FASCIA_CLI_TRY(input, merged_input(existing, o));
  std::unique_ptr<app::PlaceIndex> places;
  if (!input.place.empty()) {
    FASCIA_CLI_TRY(loaded, load_places());
    places = std::move(loaded);
  }
  auto saved = app::save_own_listing(*kb, places.get(), *directory, who, input, ctx.now());
  if (!saved) {
    const auto& e = saved.error();
    std::vector<app::FieldProblem> problems = e.problems;
    if (problems.empty() && !e.field.empty())
      problems.push_back({e.field, e.error.message.substr(std::min(e.error.message.size(), e.field.size() + 2))});
    if (problems.empty()) return report(ctx.err, e.error);
    for (std::size_t i = 0; i + 1 < problems.size(); ++i)
      ctx.err << "fascia: error: " << option_of(problems[i].field) << ": " << problems[i].message << "\n";
    return report(ctx.err, {e.error.code, option_of(problems.back().field) + ": " + problems.back().message});
  }
  if (ctx.json()) {
    ctx.print_json(adapters::own_listing_json(*kb, *saved));
    return kOk;
  }
  print_listing(ctx, *kb, *saved);
  ctx.out << (saved->published ? "Saved; it is published, so the change shows in searches now.\n"
                               : "Saved, not published: no one sees it until you run\n  fascia practice listing "
                                 "publish --as " +
                                     who.name + "\n");
  return kOk;
}

int publish_listing(Context& ctx, const ListingOptions& o, bool published) {
  FASCIA_CLI_TRY(caller, open_listing_caller(ctx, o.as));
  auto& [kb, who, directory] = caller;
  FASCIA_CLI_TRY(listing, app::set_own_listing_published(*directory, who, published, ctx.now()));
  if (ctx.json()) {
    ctx.print_json(adapters::own_listing_json(*kb, listing));
    return kOk;
  }
  ctx.out << (published ? "Published: " + listing.display_name + " now appears in the finder's searches.\n"
                        : "Withdrawn: " + listing.display_name + " no longer appears in any search.\n");
  return kOk;
}

// ---- fascia directory import ----

struct ImportOptions {
  std::string file, name;
  bool skip_bad_lines = false;
};

int import_file(Context& ctx, const ImportOptions& o) {
  FASCIA_CLI_TRY(kb, ctx.kb());
  FASCIA_CLI_TRY(records, adapters::read_csv_file(o.file));
  FASCIA_CLI_TRY(directory, adapters::open_directory_store(ctx.database()));
  auto places = load_places();  // only lines without coordinates need it: check_listing says so per line
  const app::PlaceIndex* index = places ? places->get() : nullptr;
  FASCIA_CLI_TRY(result,
                 app::import_directory(*kb, index, *directory, o.name, records,
                                       o.skip_bad_lines ? app::BadLines::skip : app::BadLines::refuse, ctx.now()));
  if (ctx.json()) {
    ctx.print_json(adapters::directory_import_json(result));
    return result.written ? kOk : kUsage;
  }
  for (const auto& p : result.problems)
    ctx.err << o.file << ", line " << p.line << (p.field.empty() ? "" : ", " + p.field) << ": " << p.message << "\n";
  if (!result.written) {
    ctx.err << "fascia: error: " << result.problems.size() << " problem(s) in " << o.file
            << "; nothing was imported (fix them, or pass --skip-bad-lines to import the other lines)\n";
    return kUsage;
  }
  ctx.out << "Imported " << result.imported << " of " << result.read << " listing(s) into the directory '" << o.name
          << "'" << (result.replaced > 0 ? ", replacing its " + std::to_string(result.replaced) + " earlier" : "")
          << ".\n";
  if (!result.problems.empty())
    ctx.out << result.read - result.imported << " bad line(s) skipped, their problems listed above.\n";
  return kOk;
}

}  // namespace

void add_find_commands(CLI::App& app, Context& ctx, Action& action) {
  auto f = std::make_shared<FindOptions>();
  auto* find = app.add_subcommand("find", "find a practitioner near a place, by modality or by need (offline)");
  find->add_option("--near", f->near, "a town or city: 'Walnut Creek', 'Springfield, IL, US'")->required();
  find->add_option("--within", f->within, "kilometres (default 25, at most 500)");
  find->add_option("--modality", f->modality, "a treatment id practitioners give (fascia kb list treatments)");
  find->add_option("--need", f->need, "what fascia sent you for (data/finder.yaml): medical-check, scalenes, ...");
  find->callback([&ctx, &action, f] { action = [&ctx, f] { return run_find(ctx, *f); }; });

  CLI::App* practice = app.get_subcommand("practice");
  auto o = std::make_shared<ListingOptions>();
  auto* listing = practice->add_subcommand("listing", "your listing in the practitioner finder (opt-in)");
  listing->add_option("--as", o->as, "the practitioner's account name");
  listing->require_subcommand(0, 1);
  listing->callback([&ctx, &action, o, listing] {
    if (listing->get_subcommands().empty())
      action = [&ctx, o] {
        if (o->as.empty())
          return report(ctx.err, {core::ErrorCode::invalid_argument, "--as: name the practitioner's account"});
        return show_listing(ctx, *o);
      };
  });
  auto* set = listing->add_subcommand("set", "write or change your listing; the options given change");
  o->set = set;
  set->add_option("--as", o->as, "the practitioner's account name")->required();
  set->add_option("--name", o->name, "the name to show");
  set->add_option("--clinic", o->clinic, "the clinic's name");
  set->add_option("--modality", o->modalities, "a treatment you give (repeat; fascia kb list treatments)");
  set->add_option("--area", o->areas, "a practitioner-only area you treat: scalenes, anterior-neck (repeat)");
  set->add_option("--language", o->languages, "a language you treat in (repeat)");
  set->add_option("--town", o->town, "the town to show (default: the place's name)");
  set->add_option("--postcode", o->postcode, "the postcode to show");
  set->add_option("--place", o->place, "where you practise: 'Walnut Creek, CA, US', placed offline");
  set->add_option("--lat", o->lat, "latitude in degrees, with --lon, instead of --place");
  set->add_option("--lon", o->lon, "longitude in degrees, with --lat");
  set->add_option("--contact", o->contact, "how to get in touch: phone, e-mail or web address");
  set->add_option("--taking-new-clients", o->taking, "yes or no");
  set->callback([&ctx, &action, o] { action = [&ctx, o] { return set_listing(ctx, *o); }; });
  for (const bool published : {true, false}) {
    auto* cmd = listing->add_subcommand(published ? "publish" : "unpublish",
                                        published ? "show your listing in searches" : "take it out of every search");
    cmd->add_option("--as", o->as, "the practitioner's account name")->required();
    cmd->callback([&ctx, &action, o, published] {
      action = [&ctx, o, published] { return publish_listing(ctx, *o, published); };
    });
  }

  auto i = std::make_shared<ImportOptions>();
  auto* directory = app.add_subcommand("directory", "the finder's shared directories of practitioners");
  directory->require_subcommand(1);
  auto* import = directory->add_subcommand(
      "import", "load a CSV list of practitioners (replaces the directory of that name; all lines or none)");
  import->add_option("file", i->file, "the CSV file (columns: see docs/FINDER.md)")->required();
  import->add_option("--name", i->name, "the directory's name, e.g. the network sharing it")->required();
  import->add_flag("--skip-bad-lines", i->skip_bad_lines, "import the good lines even when some are bad");
  import->callback([&ctx, &action, i] { action = [&ctx, i] { return import_file(ctx, *i);
};
}  // namespace fascia::cli
);
}

}  // namespace fascia::cli
