#include "fixtures.hpp"

#include <stdlib.h>

#include <cstdio>
#include <map>
#include <string>

#include "fascia/app/sample_person.hpp"
#include "fascia/adapters/kb_paths.hpp"
#include "fascia/adapters/yaml_knowledge_source.hpp"
#include "fascia/app/tool_inventory.hpp"
#include "fascia/core/planner.hpp"
#include "fascia/core/session_runner.hpp"

namespace fascia::bench {

namespace {

core::Date date(const char* text) {
  auto d = core::parse_date(text);
  if (!d) fail_setup(d.error().message);
  return *d;
}

std::set<std::string> owned_tools(const core::KnowledgeBase& kb, const std::vector<std::string>& names) {
  auto tools = app::expand_owned_tools(kb, names);
  if (!tools) fail_setup("tools: " + tools.error().message);
  return {tools->begin(), tools->end()};
}

Scenario make_person(const core::Profile& profile, const core::ScreeningRecord& screening, core::Date today) {
  const auto& kb = knowledge_base();
  if (auto ok = core::validate_answers(kb, screening); !ok) fail_setup("screening: " + ok.error().message);
  Scenario s;
  s.person.profile = profile;
  s.person.screening = screening;
  s.person.clearance = core::evaluate_screening(kb, screening);
  s.person.tools = owned_tools(kb, profile.tools);
  s.today = today;
  return s;
}

core::Profile four_region_profile(core::Date start) {
  core::Profile p;
  p.name = "four regions";
  p.regions = {{"upper-trapezius", core::Side::both, 6},
               {"plantar-fascia", core::Side::both, 4},
               {"calves", core::Side::both, 4},
               {"glutes", core::Side::left, 5}};
  p.tools = {"starter-kit", "rolling-kit", "massage-ball"};
  p.weekdays = {0, 1, 2, 3, 4, 5};
  p.minutes_per_session = 30;
  p.start = start;
  p.weeks = 6;
  return p;
}

// Walks day by day from 2026-11-23 to the day before `today` the way a
// diligent person would with the CLI (bench/run.sh builds the same eight weeks
// with `fascia`).
Scenario simulate_history(core::Date today) {
  const auto& kb = knowledge_base();
  const core::Date first = date("2026-11-23");
  Scenario s = make_person(four_region_profile(first), all_no_screening(kb, first), today);
  core::Journal& journal = s.person.journal;
  std::vector<std::pair<std::string, core::Side>> sore_yesterday;
  std::int64_t next_id = 1;
  for (core::Date day = first; day < today; day = core::add_days(day, 1)) {
    const int n = core::days_between(first, day);
    if (n > 0 && n % 42 == 0) s.person.profile.start = day;  // the next six-week program
    for (const auto& [region, side] : sore_yesterday) journal.reactions.push_back({day, region, side});
    sore_yesterday.clear();
    for (const auto& t : s.person.profile.regions)
      journal.pain.push_back({day, t.region, t.side, std::max(0, t.pain - n / 14)});

    const auto inputs = app::plan_inputs(kb, s.person, day);
    const core::TodayView view = core::today_view(inputs, core::build_plan(inputs));
    for (const auto& planned : view.due) {
      core::SessionRunner runner(kb, planned, day);
      while (!runner.finished())
        if (!runner.done(runner.current().step->target, std::nullopt)) fail_setup("session step refused");
      core::SessionEntry entry = runner.log();
      entry.id = next_id++;
      journal.sessions.push_back(entry);
      for (const auto& [region, side] : planned.regions_worked(core::Modality::instrument)) {
        journal.reactions.push_back({day, region, side, false, false, false, 2});  // soreness right after
        sore_yesterday.emplace_back(region, side);
      }
    }
  }
  if (journal.sessions.empty()) fail_setup("the eight-week simulation did no session");
  return s;
}

}  // namespace

void fail_setup(const std::string& what) {
  std::fprintf(stderr, "fascia_bench: setup failed: %s\n", what.c_str());
  std::exit(2);
}

const core::KnowledgeBase& knowledge_base() {
  static const core::KnowledgeBase kb = [] {
    adapters::YamlKnowledgeSource source(adapters::default_data_dir());
    auto loaded = source.load();
    if (!loaded) fail_setup("knowledge base: " + (loaded.error().empty() ? "?" : loaded.error().front()));
    return std::move(*loaded);
  }();
  return kb;
}

core::ScreeningRecord all_no_screening(const core::KnowledgeBase& kb, core::Date day) {
  core::ScreeningRecord record;
  record.date = day;
  for (const auto& q : kb.questions) record.answers[q.id] = core::Answer{};
  return record;
}

core::ScreeningRecord several_yes_screening(const core::KnowledgeBase& kb, core::Date day) {
  core::ScreeningRecord record = all_no_screening(kb, day);
  for (const char* id : {"headache-or-dizziness-history", "blood-thinners-or-bleeding-disorder", "age-65-or-over"})
    record.answers.at(id).yes = true;
  record.answers.at("open-wound") = {true, {{"forearm", core::Side::both}}};
  record.answers.at("varicose-veins") = {true, {{"calves", core::Side::both}}};
  record.answers.at("acute-inflammation") = {true, {{"lateral-hip", core::Side::both}, {"low-back", core::Side::midline}}};
  return record;
}

const Scenario& desk_worker() {
  static const Scenario s = [] {
    const auto& kb = knowledge_base();
    const core::Date today = date("2026-11-23");
    return make_person(app::sample_desk_worker(today), app::sample_desk_worker_screening(kb, today), today);
  }();
  return s;
}

const Scenario& four_regions_eight_weeks() { return four_regions_history(8); }

const Scenario& four_regions_history(int weeks) {
  static std::map<int, Scenario> cache;
  auto it = cache.find(weeks);
  if (it == cache.end())
    it = cache.emplace(weeks, simulate_history(core::add_days(date("2026-11-23"), weeks * 7))).first;
  return it->second;
}

const Scenario& four_regions_rest_day() {
  static const Scenario s = simulate_history(date("2027-01-17"));
  return s;
}

core::PersonData person_data(const Scenario& s) {
  core::PersonData data;
  data.profile = s.person.profile;
  data.screenings = {s.person.screening};
  data.journal = s.person.journal;
  return data;
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "fascia-bench-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) fail_setup("cannot create a directory like " + pattern);
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace fascia::bench
