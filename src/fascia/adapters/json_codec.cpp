#include "fascia/adapters/json_codec.hpp"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <vector>

#include "fascia/adapters/json_duplicate_keys.hpp"
#include "fascia/adapters/json_encoding.hpp"
#include "fascia/adapters/json_number_range.hpp"
#include "fascia/app/journal_store.hpp"
#include "fascia/core/session_runner.hpp"

namespace fascia::adapters {

using app::kMaxSessionId;

using core::Date;
using core::Error;
using core::ErrorCode;
using json = nlohmann::ordered_json;  // keeps keys in the order written

namespace {

// ---- decoding ----

std::string key_path(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}
std::string index_path(const std::string& path, std::size_t index) { return path + "[" + std::to_string(index) + "]"; }

template <class Enum>
std::string word_list(std::initializer_list<Enum> values) {
  std::string out;
  for (Enum v : values) out += (out.empty() ? "" : ", ") + std::string(core::to_string(v));
  return out;
}

// Reads values while remembering the first problem. Once an error is
// recorded every read is a no-op returning a default, so decoders can read
// straight through and check ok() at the end.
class Decoder {
 public:
  bool ok() const { return !error_.has_value(); }
  const Error& error() const { return *error_; }
  void fail(ErrorCode code, std::string message) {
    if (ok()) error_ = Error{code, std::move(message)};
  }

  // True when j is an object holding exactly `keys`.
  bool object(const json& j, const std::string& path, std::initializer_list<std::string_view> keys) {
    if (!expect(j.is_object(), j, path, "an object")) return false;
    for (const auto& item : j.items())
      if (std::find(keys.begin(), keys.end(), item.key()) == keys.end()) {
        std::string expected;
        for (auto k : keys) expected += (expected.empty() ? "" : ", ") + std::string(k);
        fail(ErrorCode::malformed_file, key_path(path, item.key()) + ": unknown key (expected " + expected + ")");
        return false;
      }
    for (auto k : keys)
      if (!j.contains(std::string(k))) {
        fail(ErrorCode::malformed_file, key_path(path, k) + ": missing");
        return false;
      }
    return true;
  }
  // An object with any keys.
  bool map(const json& j, const std::string& path) { return expect(j.is_object(), j, path, "an object"); }
  bool array(const json& j, const std::string& path) { return expect(j.is_array(), j, path, "an array"); }

  std::string string(const json& j, const std::string& path) {
    return expect(j.is_string(), j, path, "a string") ? j.get<std::string>() : std::string{};
  }
  bool boolean(const json& j, const std::string& path) {
    return expect(j.is_boolean(), j, path, "true or false") && j.get<bool>();
  }
  // An integer in min..max (max = int's largest means "no upper bound").
  int integer(const json& j, const std::string& path, int min, int max = std::numeric_limits<int>::max()) {
    const auto value = int64(j, path);
    if (!ok()) return 0;
    if (value < min || value > max) {
      const bool unbounded = max == std::numeric_limits<int>::max();
      const std::string problem = !unbounded    ? "is outside " + std::to_string(min) + ".." + std::to_string(max)
                                  : value < min ? "is below " + std::to_string(min)
                                                : "is too large";
      fail(ErrorCode::out_of_range, path + ": " + j.dump() + " " + problem);
      return 0;
    }
    return static_cast<int>(value);
  }
  // Any JSON integer that fits in 64 signed bits; larger ones are refused
  // (quoted as written), never clamped or wrapped.
  std::int64_t int64(const json& j, const std::string& path) {
    if (!expect(j.is_number_integer(), j, path, "an integer")) return 0;
    if (j.is_number_unsigned() && j.get<std::uint64_t>() > std::uint64_t{std::numeric_limits<std::int64_t>::max()}) {
      fail(ErrorCode::out_of_range, path + ": " + j.dump() + " is too large");
      return 0;
    }
    return j.get<std::int64_t>();
  }
  Date date(const json& j, const std::string& path) {
    const std::string text = string(j, path);
    if (!ok()) return {};
    auto parsed = core::parse_date(text);
    if (!parsed) return fail(parsed.error().code, path + ": " + parsed.error().message), Date{};
    return *parsed;
  }
  template <class Enum>
  Enum word(const json& j, const std::string& path, std::optional<Enum> (*from_string)(std::string_view),
            std::initializer_list<Enum> all) {
    const std::string text = string(j, path);
    if (!ok()) return Enum{};
    const auto value = from_string(text);
    if (!value)
      return fail(ErrorCode::invalid_argument, path + ": '" + text + "' is not one of " + word_list(all)), Enum{};
    return *value;
  }

 private:
  bool expect(bool good, const json& j, const std::string& path, std::string_view what) {
    if (!ok()) return false;
    if (!good)
      fail(ErrorCode::malformed_file, (path.empty() ? std::string("the file") : path) + ": expected " +
                                          std::string(what) + ", found " + (j.is_number() ? j.dump() : j.type_name()));
    return good;
  }
  std::optional<Error> error_;
};

// Reads the fields of one JSON object after checking that it holds exactly
// `keys`. When that check fails every read returns a default (the decoder
// already holds the error).
class Fields {
 public:
  Fields(Decoder& d, const json& j, std::string path, std::initializer_list<std::string_view> keys)
      : d_(d), j_(j), path_(std::move(path)), valid_(d.object(j, path_, keys)) {}

  std::string text(std::string_view key) { return valid_ ? d_.string(at(key), sub(key)) : std::string{}; }
  bool flag(std::string_view key) { return valid_ && d_.boolean(at(key), sub(key)); }
  int integer(std::string_view key, int min, int max = std::numeric_limits<int>::max()) {
    return valid_ ? d_.integer(at(key), sub(key), min, max) : 0;
  }
  std::optional<int> optional_integer(std::string_view key, int min, int max) {
    if (!valid_ || at(key).is_null()) return std::nullopt;
    return d_.integer(at(key), sub(key), min, max);
  }
  // A session or clinic treatment id: 0 (the store numbers it) up to kMaxSessionId.
  std::int64_t id(std::string_view key) {
    const std::int64_t value = valid_ ? d_.int64(at(key), sub(key)) : 0;
    if (d_.ok() && (value < 0 || value > kMaxSessionId))
      d_.fail(ErrorCode::out_of_range,
              sub(key) + ": " + at(key).dump() + " is outside 0.." + std::to_string(kMaxSessionId));
    return value;
  }
  // An id of a record elsewhere (a person, a clinic): 1 or more.
  std::int64_t positive(std::string_view key) {
    const std::int64_t value = valid_ ? d_.int64(at(key), sub(key)) : 0;
    if (d_.ok() && value < 1) d_.fail(ErrorCode::out_of_range, sub(key) + ": " + at(key).dump() + " is below 1");
    return value;
  }
  Date date(std::string_view key) { return valid_ ? d_.date(at(key), sub(key)) : Date{}; }
  core::Side side(std::string_view key) {
    using enum core::Side;
    return word(key, core::side_from_string, {left, right, both, midline});
  }
  template <class Enum>
  Enum word(std::string_view key, std::optional<Enum> (*from_string)(std::string_view),
            std::initializer_list<Enum> all) {
    return valid_ ? d_.word(at(key), sub(key), from_string, all) : Enum{};
  }
  // Decodes each element of the array under key with decode_one(decoder, element, path).
  template <class T, class DecodeOne>
  std::vector<T> list(std::string_view key, DecodeOne decode_one) {
    std::vector<T> out;
    if (!valid_ || !d_.array(at(key), sub(key))) return out;
    const json& items = at(key);
    for (std::size_t i = 0; i < items.size() && d_.ok(); ++i)
      out.push_back(decode_one(d_, items[i], index_path(sub(key), i)));
    return out;
  }
  std::vector<std::string> texts(std::string_view key) {
    return list<std::string>(key, [](Decoder& d, const json& j, const std::string& p) { return d.string(j, p); });
  }
  bool valid() const { return valid_; }
  const json& at(std::string_view key) const { return *j_.find(std::string(key)); }
  std::string sub(std::string_view key) const { return key_path(path_, key); }

 private:
  Decoder& d_;
  const json& j_;
  std::string path_;
  bool valid_;
};

core::RegionTarget decode_target(Decoder& d, const json& j, const std::string& p) {
  Fields f(d, j, p, {"region", "side", "pain"});
  return {f.text("region"), f.side("side"), f.integer("pain", 0, 10)};
}

core::Profile decode_profile(Decoder& d, const json& j, const std::string& p) {
  Fields f(d, j, p, {"name", "regions", "tools", "weekdays", "minutes_per_session", "start", "weeks"});
  return {f.text("name"),
          f.list<core::RegionTarget>("regions", decode_target),
          f.texts("tools"),
          f.list<int>("weekdays",
                      [](Decoder& dd, const json& w, const std::string& wp) { return dd.integer(w, wp, 0, 6); }),
          f.integer("minutes_per_session", 1),
          f.date("start"),
          f.integer("weeks", 1)};
}

// A region answer: {"region", "side"}, or (files from before sides) a bare
// region name, which means both sides.
core::RegionSide decode_region_side(Decoder& d, const json& j, const std::string& p) {
  if (j.is_string()) return {j.get<std::string>(), core::Side::both};
  Fields f(d, j, p, {"region", "side"});
  return {f.text("region"), f.side("side")};
}

// Marks a clearance from a file written before after_screenings existed;
// decode_person fills it in once the screenings are read.
constexpr std::size_t kOrderNotGiven = std::numeric_limits<std::size_t>::max();

core::ClearanceEntry decode_clearance(Decoder& d, const json& j, const std::string& p) {
  const bool ordered = j.is_object() && j.contains("after_screenings");
  // by_practitioner came later still: a file without it holds only the person's.
  const bool signed_kind = j.is_object() && j.contains("by_practitioner");
  Fields f = signed_kind ? Fields(d, j, p,
                                  {"date", "by", "regions", "note", "after_screenings", "by_practitioner", "clinic_id"})
             : ordered   ? Fields(d, j, p, {"date", "by", "regions", "note", "after_screenings"})
                         : Fields(d, j, p, {"date", "by", "regions", "note"});
  core::ClearanceEntry out{f.date("date"), f.text("by"), f.list<core::RegionSide>("regions", decode_region_side),
                           f.text("note"), kOrderNotGiven};
  if (ordered) out.after_screenings = static_cast<std::size_t>(f.integer("after_screenings", 0));
  if (signed_kind) {
    out.by_practitioner = f.flag("by_practitioner");
    // The signing practitioner's clinic: null for the person's own.
    if (f.valid() && !f.at("clinic_id").is_null()) out.clinic_id = f.positive("clinic_id");
  }
  return out;
}

// Each clearance follows at most the screenings in the file; one from an
// older file follows every screening of its day or earlier (all the date can say).
void order_clearances(Decoder& d, core::PersonData& data) {
  auto& clearances = data.journal.clearances;
  for (std::size_t i = 0; i < clearances.size() && d.ok(); ++i) {
    auto& c = clearances[i];
    if (c.after_screenings == kOrderNotGiven) {
      c.after_screenings = static_cast<std::size_t>(std::count_if(
          data.screenings.begin(), data.screenings.end(), [&](const auto& s) { return s.date <= c.date; }));
    } else if (c.after_screenings > data.screenings.size()) {
      d.fail(ErrorCode::out_of_range, index_path("journal.clearances", i) + ".after_screenings: " +
                                          std::to_string(c.after_screenings) + " is more than the " +
                                          std::to_string(data.screenings.size()) + " screenings in the file");
    }
  }
}

core::ScreeningRecord decode_screening(Decoder& d, const json& j, const std::string& p) {
  Fields f(d, j, p, {"date", "answers"});
  core::ScreeningRecord out{f.date("date"), {}};
  if (!f.valid() || !d.map(f.at("answers"), f.sub("answers"))) return out;  // any question id is a key
  for (const auto& item : f.at("answers").items()) {
    Fields a(d, item.value(), key_path(f.sub("answers"), item.key()), {"yes", "regions"});
    out.answers[item.key()] = core::Answer{a.flag("yes"), a.list<core::RegionSide>("regions", decode_region_side)};
  }
  return out;
}

// other_stop_signs came later: a file without it holds stops with one sign.
bool has_other_signs(const json& j) { return j.is_object() && j.contains("other_stop_signs"); }

core::StepLog decode_step(Decoder& d, const json& j, const std::string& p) {
  const bool others = has_other_signs(j);
  Fields f = others ? Fields(d, j, p,
                             {"index", "technique", "region", "side", "modality", "status", "strokes", "seconds",
                              "pressure_used", "stop_sign", "other_stop_signs", "note"})
                    : Fields(d, j, p,
                             {"index", "technique", "region", "side", "modality", "status", "strokes", "seconds",
                              "pressure_used", "stop_sign", "note"});
  using enum core::Modality;
  using enum core::StepStatus;
  return {f.integer("index", 0),
          f.text("technique"),
          f.text("region"),
          f.side("side"),
          f.word("modality", core::modality_from_string,
                 {instrument, compression, pressure, movement, preparation, percussion}),
          f.word("status", core::step_status_from_string, {done, skipped, stopped}),
          f.integer("strokes", 0, core::kMaxStepAmount),
          f.integer("seconds", 0, core::kMaxStepAmount),
          f.optional_integer("pressure_used", 0, 10),
          f.text("stop_sign"),
          f.text("note"),
          others ? f.texts("other_stop_signs") : std::vector<std::string>{}};
}

core::SessionEntry decode_session(Decoder& d, const json& j, const std::string& p) {
  const bool others = has_other_signs(j);
  Fields f =
      others ? Fields(d, j, p,
                      {"id", "date", "protocol", "target_region", "side", "stopped", "stop_sign", "other_stop_signs",
                       "steps"})
             : Fields(d, j, p, {"id", "date", "protocol", "target_region", "side", "stopped", "stop_sign", "steps"});
  return {f.id("id"),  // 0: the store numbers it
          f.date("date"),
          f.text("protocol"),
          f.text("target_region"),
          f.side("side"),
          f.list<core::StepLog>("steps", decode_step),
          f.flag("stopped"),
          f.text("stop_sign"),
          others ? f.texts("other_stop_signs") : std::vector<std::string>{}};
}

core::PainEntry decode_pain(Decoder& d, const json& j, const std::string& p) {
  Fields f(d, j, p, {"date", "region", "side", "score"});
  return {f.date("date"), f.text("region"), f.side("side"), f.integer("score", 0, 10)};
}

core::ReactionEntry decode_reaction(Decoder& d, const json& j, const std::string& p) {
  Fields f(d, j, p, {"date", "region", "side", "redness", "red_dots", "bruising", "soreness"});
  return {f.date("date"),
          f.text("region"),
          f.side("side"),
          f.flag("redness"),
          f.flag("red_dots"),
          f.flag("bruising"),
          f.integer("soreness", 0, 10)};
}

core::HabitEntry decode_habit(Decoder& d, const json& j, const std::string& p) {
  Fields f(d, j, p, {"date", "habit"});
  return {f.date("date"), f.text("habit")};
}

core::TreatmentEntry decode_treatment(Decoder& d, const json& j, const std::string& p) {
  Fields f(d, j, p, {"date", "treatment", "region", "note"});
  return {f.date("date"), f.text("treatment"), f.text("region"), f.text("note")};
}

core::NoteEntry decode_note(Decoder& d, const json& j, const std::string& p) {
  Fields f(d, j, p, {"date", "text"});
  return {f.date("date"), f.text("text")};
}

core::ClinicTreatmentEntry decode_clinic_treatment(Decoder& d, const json& j, const std::string& p) {
  Fields f(d, j, p,
           {"id", "date", "treatment", "regions", "pressure", "minutes", "reaction", "note", "practitioner_id",
            "practitioner", "clinic_id"});
  core::ClinicTreatmentEntry out;
  out.id = f.id("id");  // 0: the store numbers it
  out.date = f.date("date");
  out.treatment = f.text("treatment");
  out.regions = f.list<core::RegionSide>("regions", [](Decoder& dd, const json& r, const std::string& rp) {
    Fields rf(dd, r, rp, {"region", "side"});
    return core::RegionSide{rf.text("region"), rf.side("side")};
  });
  out.pressure = f.optional_integer("pressure", 0, 10);
  out.minutes = f.integer("minutes", 1, 240);
  out.reaction = f.text("reaction");
  out.note = f.text("note");
  out.practitioner_id = f.positive("practitioner_id");
  out.practitioner = f.text("practitioner");
  out.clinic_id = f.positive("clinic_id");
  return out;
}

// Ids other than 0 of one list (sessions, clinic treatments) must be unique:
// they are kept on import.
template <class Entry>
void check_ids(Decoder& d, const std::vector<Entry>& entries, const std::string& path) {
  std::map<std::int64_t, std::size_t> first_use;  // id -> index
  for (std::size_t i = 0; i < entries.size() && d.ok(); ++i) {
    if (entries[i].id == 0) continue;
    if (auto [it, fresh] = first_use.emplace(entries[i].id, i); !fresh)
      d.fail(ErrorCode::invalid_argument, index_path(path, i) + ".id: " + std::to_string(entries[i].id) +
                                              " is already used by " + index_path(path, it->second));
  }
}

core::Journal decode_journal(Decoder& d, const json& j, const std::string& p) {
  // "clearances" came with issue 8 and "clinic_treatments" with issue 10;
  // older exports do not have them (a file with the second has the first).
  const bool has_clearances = j.is_object() && j.contains("clearances");
  const bool has_clinic = j.is_object() && j.contains("clinic_treatments");
  Fields f = has_clinic ? Fields(d, j, p,
                                 {"pain", "reactions", "habits", "treatments", "notes", "sessions", "clearances",
                                  "clinic_treatments"})
             : has_clearances
                 ? Fields(d, j, p, {"pain", "reactions", "habits", "treatments", "notes", "sessions", "clearances"})
                 : Fields(d, j, p, {"pain", "reactions", "habits", "treatments", "notes", "sessions"});
  core::Journal out;
  out.pain = f.list<core::PainEntry>("pain", decode_pain);
  out.reactions = f.list<core::ReactionEntry>("reactions", decode_reaction);
  out.habits = f.list<core::HabitEntry>("habits", decode_habit);
  out.treatments = f.list<core::TreatmentEntry>("treatments", decode_treatment);
  out.notes = f.list<core::NoteEntry>("notes", decode_note);
  out.sessions = f.list<core::SessionEntry>("sessions", decode_session);
  if (has_clearances || has_clinic) out.clearances = f.list<core::ClearanceEntry>("clearances", decode_clearance);
  if (has_clinic)
    out.clinic_treatments = f.list<core::ClinicTreatmentEntry>("clinic_treatments", decode_clinic_treatment);
  check_ids(d, out.sessions, "journal.sessions");
  check_ids(d, out.clinic_treatments, "journal.clinic_treatments");
  return out;
}

// The program's own fields, as a practitioner sends them; the rest of a
// stored version (who, when, which version) is decoded by decode_program.
void decode_program_fields(Decoder& d, Fields& f, core::HomeProgram& out) {
  out.start = f.date("start");
  out.weeks = f.integer("weeks", 1, 52);
  out.review = f.date("review");
  out.weekdays = f.list<int>("weekdays",
                             [](Decoder& dd, const json& w, const std::string& wp) { return dd.integer(w, wp, 0, 6); });
  out.items = f.list<core::ProgramItem>("items", [](Decoder& dd, const json& i, const std::string& ip) {
    Fields itf(dd, i, ip, {"protocol", "target", "max_pressure", "dose_percent", "cue"});
    core::ProgramItem item;
    item.protocol = itf.text("protocol");
    if (itf.valid()) item.target = decode_region_side(dd, itf.at("target"), itf.sub("target"));
    item.max_pressure = itf.optional_integer("max_pressure", 0, 10);
    // Any whole percent is read; core::check_home_program says what a
    // program may hold (at most 100 %, not below the minimum), with its source.
    item.dose_percent = itf.integer("dose_percent", 0, 1000);
    item.cue = itf.text("cue");
    return item;
  });
  out.clinic_only = f.list<core::RegionSide>("clinic_only", [](Decoder& dd, const json& r, const std::string& rp) {
    Fields rf(dd, r, rp, {"region", "side"});
    return core::RegionSide{rf.text("region"), rf.side("side")};
  });
  out.note = f.text("note");
  (void)d;
}

core::HomeProgram decode_program(Decoder& d, const json& j, const std::string& p) {
  Fields f(d, j, p,
           {"id", "version", "practitioner_id", "practitioner", "clinic_id", "clinic", "assigned", "start", "weeks",
            "review", "weekdays", "items", "clinic_only", "note", "ended", "ended_by"});
  core::HomeProgram out;
  out.id = f.positive("id");
  out.version = f.integer("version", 1);
  out.practitioner_id = f.positive("practitioner_id");
  out.practitioner = f.text("practitioner");
  out.clinic_id = f.positive("clinic_id");
  out.clinic = f.text("clinic");
  out.assigned = f.date("assigned");
  decode_program_fields(d, f, out);
  if (f.valid() && !f.at("ended").is_null()) out.ended = f.date("ended");
  out.ended_by = f.text("ended_by");
  return out;
}

// Versions of one program are numbered 1, 2, ... without gaps or repeats.
void check_program_versions(Decoder& d, std::vector<core::HomeProgram>& programs) {
  std::sort(programs.begin(), programs.end(),
            [](const auto& a, const auto& b) { return std::pair(a.id, a.version) < std::pair(b.id, b.version); });
  for (std::size_t i = 0; i < programs.size() && d.ok(); ++i) {
    const int expected = i > 0 && programs[i - 1].id == programs[i].id ? programs[i - 1].version + 1 : 1;
    if (programs[i].version != expected)
      d.fail(ErrorCode::invalid_argument, "programs: program " + std::to_string(programs[i].id) + " has version " +
                                              std::to_string(programs[i].version) + " where " +
                                              std::to_string(expected) + " was expected");
  }
}

core::PersonData decode_person(Decoder& d, const json& j) {
  // "programs" came with issue 10; older exports do not have it.
  const bool has_programs = j.is_object() && j.contains("programs");
  Fields f = has_programs ? Fields(d, j, "", {"format", "version", "profile", "screenings", "journal", "programs"})
                          : Fields(d, j, "", {"format", "version", "profile", "screenings", "journal"});
  if (const std::string format = f.text("format"); d.ok() && format != kExportFormat)
    d.fail(ErrorCode::malformed_file,
           "format: '" + format + "' is not a fascia export (expected '" + std::string(kExportFormat) + "')");
  if (const int version = f.integer("version", 0); d.ok() && version != kExportVersion)
    d.fail(ErrorCode::malformed_file, "version: " + std::to_string(version) + " is not supported (this fascia reads " +
                                          std::to_string(kExportVersion) + ")");
  core::PersonData out;
  if (!d.ok()) return out;
  if (!f.at("profile").is_null()) out.profile = decode_profile(d, f.at("profile"), "profile");
  out.screenings = f.list<core::ScreeningRecord>("screenings", decode_screening);
  out.journal = decode_journal(d, f.at("journal"), "journal");
  if (has_programs) out.programs = f.list<core::HomeProgram>("programs", decode_program);
  if (d.ok()) check_program_versions(d, out.programs);
  if (d.ok()) order_clearances(d, out);
  return out;
}

}  // namespace

std::string person_data_to_json(const core::PersonData& data) {
  // Each part in the one encoding of its type (json_encoding.hpp), keys in the order listed there.
  const json doc = {{"format", kExportFormat},       {"version", kExportVersion}, {"profile", data.profile},
                    {"screenings", data.screenings}, {"journal", data.journal},   {"programs", data.programs}};
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

namespace {

// Parses text strictly (no duplicate keys, no fractions where integers are
// meant, at most kMaxImportDepth levels) and decodes it with decode.
template <class T, class Decode>
core::Result<T> decode_text(std::string_view text, Decode decode) {
  DuplicateKeyFinder duplicates;
  struct TooDeep {
    std::string path;
  };
  json doc;
  try {
    doc = json::parse(text, [&](int depth, nlohmann::detail::parse_event_t event, json& parsed) {
      using Event = nlohmann::detail::parse_event_t;
      if (depth >= kMaxImportDepth && (event == Event::object_start || event == Event::array_start))
        throw TooDeep{duplicates.path()};
      return duplicates.on_event(event, parsed);
    });
  } catch (const TooDeep& e) {
    return core::fail(ErrorCode::malformed_file, (e.path.empty() ? std::string("the file") : e.path) +
                                                     ": lists and objects are nested more than " +
                                                     std::to_string(kMaxImportDepth) + " levels deep");
  } catch (const json::parse_error& e) {
    // what() reads "[json.exception.parse_error.101] parse error at line L, column C: ..."
    std::string what = e.what();
    if (const auto end = what.find("] "); end != std::string::npos) what.erase(0, end + 2);
    // The quoted input may hold invalid UTF-8; keep the message plain ASCII.
    for (char& c : what)
      if (static_cast<unsigned char>(c) >= 0x80) c = '?';
    return core::fail(ErrorCode::malformed_file, "not valid JSON: " + what);
  }
  if (duplicates.found())
    return core::fail(ErrorCode::malformed_file, *duplicates.found() + ": key appears more than once");
  // Checked on the text: once parsed, such a number has lost its digits.
  if (auto problem = find_number_problem(text))
    return core::fail(problem->fraction ? ErrorCode::invalid_argument : ErrorCode::out_of_range,
                      number_problem_message(*problem));
  Decoder decoder;
  T data = decode(decoder, doc);
  if (!decoder.ok()) return tl::make_unexpected(decoder.error());
  return data;
}

}  // namespace

core::Result<core::PersonData> person_data_from_json(std::string_view text) {
  return decode_text<core::PersonData>(text, decode_person);
}

std::string home_program_to_json(const core::HomeProgram& program) {
  return json(program).dump(-1, ' ', false, json::error_handler_t::replace);
}

core::Result<core::HomeProgram> home_program_from_json(std::string_view text) {
  return decode_text<core::HomeProgram>(text, [](Decoder& d, const json& j) { return decode_program(d, j, ""); });
}

core::Result<core::HomeProgram> program_request_from_json(std::string_view text) {
  return decode_text<core::HomeProgram>(text, [](Decoder& d, const json& j) {
    // What may be left out takes its default: no ceiling, the full dose, no cue, no note.
    json filled = j;
    if (filled.is_object()) {
      if (!filled.contains("clinic_only")) filled["clinic_only"] = json::array();
      if (!filled.contains("note")) filled["note"] = "";
      if (filled.contains("items") && filled["items"].is_array())
        for (auto& item : filled["items"])
          if (item.is_object()) {
            if (!item.contains("max_pressure")) item["max_pressure"] = nullptr;
            if (!item.contains("dose_percent")) item["dose_percent"] = 100;
            if (!item.contains("cue")) item["cue"] = "";
          }
    }
    core::HomeProgram out;
    Fields f(d, filled, "", {"start", "weeks", "review", "weekdays", "items", "clinic_only", "note"});
    decode_program_fields(d, f, out);
    return out;
  });
}

}  // namespace fascia::adapters
