// Reads tests/golden/scenarios/*.yaml into Scenario values, with the
// project's own line-numbered YAML tree (adapters/yaml_tree). Strict on
// shape: an unknown, misspelt or repeated key is an error, so a typo can
// never make an expectation silently disappear.
#include <charconv>
#include <set>
#include <stdexcept>

#include "fascia/adapters/yaml_tree.hpp"
#include "golden/scenario.hpp"

namespace golden {

namespace {

using core::Date;

using Node = fascia::adapters::yaml_tree::Node;

struct ShapeError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Reader {
 public:
  Reader(std::string file, const core::KnowledgeBase& kb) : file_(std::move(file)), kb_(kb) {}

  [[noreturn]] void fail(int line, const std::string& message) const {
    throw ShapeError(file_ + ":" + std::to_string(line) + ": " + message);
  }
  [[noreturn]] void fail(const Node& node, const std::string& message) const { fail(node.line, message); }

  // Every key of `map` must be one of `allowed`.
  void only_keys(const Node& map, const std::string& what, std::initializer_list<const char*> allowed) const {
    if (map.kind != Node::Kind::map) fail(map, what + " must be a mapping of key: value");
    const std::set<std::string> ok(allowed.begin(), allowed.end());
    for (const auto& entry : map.entries) {
      if (!ok.count(entry.key)) {
        std::string list;
        for (const auto& k : ok) list += (list.empty() ? "" : ", ") + k;
        fail(entry.line, "unknown key '" + entry.key + "' in " + what + " (known: " + list + ")");
      }
    }
  }

  const Node& required(const Node& map, const char* key, const std::string& what) const {
    const Node* node = map.find(key);
    if (!node) fail(map, what + " needs '" + key + "'");
    return *node;
  }

  std::string text(const Node& node) const {
    if (node.kind != Node::Kind::scalar) fail(node, "expected a single value");
    return node.text;
  }

  int number(const Node& node) const {
    const std::string t = text(node);
    int value = 0;
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (ec != std::errc{} || end != t.data() + t.size()) fail(node, "expected a whole number, got '" + t + "'");
    return value;
  }

  bool flag(const Node& node) const {
    const std::string t = text(node);
    if (t == "true") return true;
    if (t == "false") return false;
    fail(node, "expected true or false, got '" + t + "'");
  }

  Date date(const Node& node) const {
    auto d = core::parse_date(text(node));
    if (!d) fail(node, d.error().message);
    return *d;
  }

  // A date, or the word none.
  std::optional<Date> date_or_none(const Node& node) const {
    if (text(node) == "none") return std::nullopt;
    return date(node);
  }

  std::vector<std::string> list(const Node& node) const {
    if (node.kind != Node::Kind::list) fail(node, "expected a list like [a, b]");
    std::vector<std::string> out;
    for (const auto& item : node.items) out.push_back(text(item));
    return out;
  }

  core::Side side(const Node& node) const {
    auto s = core::side_from_string(text(node));
    if (!s) fail(node, "unknown side '" + text(node) + "' (left, right, both, midline)");
    return *s;
  }

  // The side a region takes when the file does not say: midline or both.
  core::Side side_or_default(const Node& map, const std::string& region) const {
    if (const Node* s = map.find("side")) return side(*s);
    const core::Region* r = kb_.region(region);
    return r && r->laterality == core::Laterality::midline ? core::Side::midline : core::Side::both;
  }

  core::Profile profile(const Node& node) const {
    only_keys(node, "profile", {"regions", "tools", "days", "minutes", "start", "weeks"});
    core::Profile p;
    const Node& regions = required(node, "regions", "profile");
    if (regions.kind != Node::Kind::list) fail(regions, "profile regions: expected a list like [calves:both:4]");
    for (const auto& item : regions.items) {
      // region:side:pain
      const std::string spec = text(item);
      const auto first = spec.find(':');
      const auto second = first == std::string::npos ? first : spec.find(':', first + 1);
      if (second == std::string::npos)
        fail(item, "profile region '" + spec + "' must read region:side:pain, e.g. calves:both:4");
      core::RegionTarget t;
      t.region = spec.substr(0, first);
      auto s = core::side_from_string(spec.substr(first + 1, second - first - 1));
      if (!s) fail(item, "profile region '" + spec + "': unknown side");
      t.side = *s;
      const std::string pain = spec.substr(second + 1);
      auto [end, ec] = std::from_chars(pain.data(), pain.data() + pain.size(), t.pain);
      if (ec != std::errc{} || end != pain.data() + pain.size())
        fail(item, "profile region '" + spec + "': the pain after the second ':' must be a number");
      p.regions.push_back(t);
    }
    if (const Node* tools = node.find("tools")) p.tools = list(*tools);
    const Node& days = required(node, "days", "profile");
    for (const auto& d : list(days)) {
      auto wd = core::parse_weekday(d);
      if (!wd) fail(days, wd.error().message);
      p.weekdays.push_back(*wd);
    }
    if (const Node* minutes = node.find("minutes")) p.minutes_per_session = number(*minutes);
    p.start = date(required(node, "start", "profile"));
    if (const Node* weeks = node.find("weeks")) p.weeks = number(*weeks);
    return p;
  }

  core::ScreeningRecord answers(const Node* node, Date today) const {
    core::ScreeningRecord record;
    record.date = today;
    for (const auto& q : kb_.questions) record.answers[q.id] = core::Answer{};
    if (!node) return record;
    only_keys(*node, "answers", {"yes", "regions"});
    if (const Node* yes = node->find("yes"))
      for (const auto& q : list(*yes)) record.answers[q].yes = true;
    if (const Node* regions = node->find("regions")) {
      if (regions->kind != Node::Kind::map) fail(*regions, "answers regions: expected question: [regions]");
      for (const auto& entry : regions->entries) {
        core::Answer& a = record.answers[entry.key];
        a.yes = true;
        for (const auto& text : list(entry.value)) {
          auto r = core::region_side_from_string(text);
          if (!r) fail(entry.value, "answers regions: '" + text + "' is not REGION or REGION:SIDE");
          a.regions.push_back(*r);
        }
      }
    }
    return record;
  }

  core::StepLog step(const Node& node, int index) const {
    only_keys(node, "a session step",
              {"technique", "region", "side", "modality", "status", "strokes", "seconds", "pressure", "stop_sign"});
    core::StepLog s;
    s.index = index;
    const Node& technique = required(node, "technique", "a session step");
    s.technique = text(technique);
    s.region = text(required(node, "region", "a session step"));
    s.side = side_or_default(node, s.region);
    if (const Node* modality = node.find("modality")) {
      auto m = core::modality_from_string(text(*modality));
      if (!m) fail(*modality, "unknown modality '" + text(*modality) + "'");
      s.modality = *m;
    } else if (const core::Technique* t = kb_.technique(s.technique)) {
      s.modality = t->modality;  // as the session runner logs it
    } else {
      fail(technique, "unknown technique '" + s.technique + "'");
    }
    if (const Node* status = node.find("status")) {
      auto st = core::step_status_from_string(text(*status));
      if (!st) fail(*status, "unknown status '" + text(*status) + "' (done, skipped, stopped)");
      s.status = *st;
    }
    if (const Node* n = node.find("strokes")) s.strokes = number(*n);
    if (const Node* n = node.find("seconds")) s.seconds = number(*n);
    if (const Node* n = node.find("pressure")) s.pressure_used = number(*n);
    if (const Node* n = node.find("stop_sign")) s.stop_sign = text(*n);
    return s;
  }

  core::SessionEntry session(const Node& node) const {
    only_keys(node, "a session", {"date", "protocol", "target", "side", "stopped", "steps"});
    core::SessionEntry s;
    s.date = date(required(node, "date", "a session"));
    s.protocol = text(required(node, "protocol", "a session"));
    if (const Node* n = node.find("target")) s.target_region = text(*n);
    if (const Node* n = node.find("side")) s.side = side(*n);
    if (const Node* n = node.find("stopped")) {
      s.stopped = true;
      s.stop_sign = text(*n);
    }
    const Node& steps = required(node, "steps", "a session");
    if (steps.kind != Node::Kind::list) fail(steps, "session steps: expected a list");
    int index = 0;
    for (const auto& st : steps.items) s.steps.push_back(step(st, index++));
    return s;
  }

  const Node* list_under(const Node& map, const char* key, const std::string& what) const {
    const Node* node = map.find(key);
    if (node && node->kind != Node::Kind::list) fail(*node, what + ": expected a list");
    return node;
  }

  core::Journal journal(const Node* node) const {
    core::Journal j;
    if (!node) return j;
    only_keys(*node, "journal", {"sessions", "reactions", "pain"});
    if (const Node* sessions = list_under(*node, "sessions", "journal sessions"))
      for (const auto& s : sessions->items) j.sessions.push_back(session(s));
    if (const Node* reactions = list_under(*node, "reactions", "journal reactions"))
      for (const auto& r : reactions->items) {
        only_keys(r, "a reaction", {"date", "region", "side", "soreness", "redness", "red_dots", "bruising"});
        core::ReactionEntry e;
        e.date = date(required(r, "date", "a reaction"));
        e.region = text(required(r, "region", "a reaction"));
        e.side = side_or_default(r, e.region);
        if (const Node* n = r.find("soreness")) e.soreness = number(*n);
        if (const Node* n = r.find("redness")) e.redness = flag(*n);
        if (const Node* n = r.find("red_dots")) e.red_dots = flag(*n);
        if (const Node* n = r.find("bruising")) e.bruising = flag(*n);
        j.reactions.push_back(e);
      }
    if (const Node* pain = list_under(*node, "pain", "journal pain"))
      for (const auto& p : pain->items) {
        only_keys(p, "a pain entry", {"date", "region", "side", "score"});
        core::PainEntry e;
        e.date = date(required(p, "date", "a pain entry"));
        e.region = text(required(p, "region", "a pain entry"));
        e.side = side_or_default(p, e.region);
        e.score = number(required(p, "score", "a pain entry"));
        j.pain.push_back(e);
      }
    return j;
  }

  std::map<std::string, std::vector<std::string>> rules_by_region(const Node& node) const {
    if (node.kind != Node::Kind::map) fail(node, "expected region: rule or region: [rules]");
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& entry : node.entries)
      out[entry.key] = entry.value.kind == Node::Kind::list ? list(entry.value) : std::vector{text(entry.value)};
    return out;
  }

  std::map<std::string, int> numbers_by_key(const Node& node) const {
    if (node.kind != Node::Kind::map) fail(node, "expected key: number");
    std::map<std::string, int> out;
    for (const auto& entry : node.entries) out[entry.key] = number(entry.value);
    return out;
  }

  Expectations expectations(const Node& node) const {
    only_keys(node, "expect", {"clearance",        "findings",
                               "plan_blocked",     "blocked_by",
                               "protocols",        "excluded",
                               "excluded_rules",   "max_pressure",
                               "modalities",       "edges",
                               "dose_targets",     "notes",
                               "first_session",    "sessions_in_first_week",
                               "sessions_total",   "silently_dropped",
                               "today_due",        "today_not_today_rules",
                               "today_next",       "adjustments",
                               "warnings",         "review",
                               "see_practitioner", "review_sessions"});
    Expectations e;
    auto words = [&](const char* key, std::optional<std::vector<std::string>>& into) {
      if (const Node* n = node.find(key)) into = list(*n);
    };
    if (const Node* n = node.find("clearance")) {
      e.clearance = text(*n);
      if (!core::clearance_level_from_string(*e.clearance)) fail(*n, "unknown clearance level '" + *e.clearance + "'");
    }
    words("findings", e.findings);
    if (const Node* n = node.find("plan_blocked")) e.plan_blocked = flag(*n);
    words("blocked_by", e.blocked_by);
    words("protocols", e.protocols);
    words("excluded", e.excluded);
    if (const Node* n = node.find("excluded_rules")) e.excluded_rules = rules_by_region(*n);
    if (const Node* n = node.find("max_pressure")) e.max_pressure = numbers_by_key(*n);
    if (const Node* n = node.find("modalities")) {
      e.modalities = list(*n);
      for (const auto& m : *e.modalities)
        if (!core::modality_from_string(m)) fail(*n, "unknown modality '" + m + "'");
    }
    words("edges", e.edges);
    if (const Node* targets = node.find("dose_targets")) {
      if (targets->kind != Node::Kind::map) fail(*targets, "dose_targets: expected region: {technique: target}");
      for (const auto& entry : targets->entries) e.dose_targets[entry.key] = numbers_by_key(entry.value);
    }
    if (const Node* n = node.find("notes")) e.notes = list(*n);
    if (const Node* n = node.find("first_session")) e.first_session = date_or_none(*n);
    if (const Node* n = node.find("sessions_in_first_week")) e.sessions_in_first_week = number(*n);
    if (const Node* n = node.find("sessions_total")) e.sessions_total = number(*n);
    words("silently_dropped", e.silently_dropped);
    words("today_due", e.today_due);
    words("today_not_today_rules", e.today_not_today_rules);
    if (const Node* n = node.find("today_next")) e.today_next = date_or_none(*n);
    words("adjustments", e.adjustments);
    words("warnings", e.warnings);
    if (const Node* n = node.find("review")) {
      e.review = text(*n);
      static const std::set<std::string> states{"not-yet", "improving", "not-improving", "no-data"};
      if (!states.count(*e.review)) fail(*n, "unknown review state (not-yet, improving, not-improving, no-data)");
    }
    if (const Node* n = node.find("see_practitioner")) e.see_practitioner = flag(*n);
    if (const Node* n = node.find("review_sessions")) e.review_sessions = text(*n);
    return e;
  }

  Scenario scenario(const Node& root) const {
    only_keys(root, "the scenario", {"name", "known_bug", "today", "profile", "answers", "journal", "expect"});
    Scenario s;
    s.file = file_;
    s.name = text(required(root, "name", "the scenario"));
    if (const Node* n = root.find("known_bug")) s.known_bug = text(*n);
    s.today = date(required(root, "today", "the scenario"));
    s.profile = profile(required(root, "profile", "the scenario"));
    s.screening = answers(root.find("answers"), s.today);
    s.journal = journal(root.find("journal"));
    s.expect = expectations(required(root, "expect", "the scenario"));
    return s;
  }

 private:
  std::string file_;
  const core::KnowledgeBase& kb_;
};

}  // namespace

core::Result<Scenario> read_scenario(const std::filesystem::path& file, const core::KnowledgeBase& kb) {
  const std::string name = file.filename().string();
  auto tree = fascia::adapters::yaml_tree::parse_file(file);
  if (!tree) return core::fail(core::ErrorCode::malformed_file, name + ":" + std::to_string(tree.error().line) + ": " +
                                                                    tree.error().message);
  try {
    return Reader(name, kb).scenario(*tree);
  } catch (const ShapeError& e) {
    return core::fail(core::ErrorCode::malformed_file, e.what());
  }
}

}  // namespace golden
