#include "fascia/app/home_programs.hpp"

#include <algorithm>
#include <map>

#include "fascia/app/care_links.hpp"
#include "fascia/app/person_state.hpp"
#include "fascia/app/screening_state.hpp"
#include "fascia/app/text_limits.hpp"
#include "fascia/app/tool_inventory.hpp"
#include "fascia/core/home_work_hold.hpp"
#include "fascia/core/planner.hpp"
#include "fascia/core/program_areas.hpp"
#include "fascia/core/reason_groups.hpp"

namespace fascia::app {

using core::ErrorCode;

namespace {

// Every problem in one message (the first one's field named, with its
// code), each also on its own with its field, so that one answer says all
// that must change: the content rules, the texts and the dates alike.
// `fresh`: a new program (not a change of one, whose start has passed).
FieldResult<void> check_content(const core::KnowledgeBase& kb, const core::HomeProgram& draft, core::Date today,
                                bool fresh) {
  struct Problem {
    core::ErrorCode code;
    std::string field, message;
  };
  std::vector<Problem> problems;
  for (auto& p : core::check_home_program(kb, draft))
    problems.push_back({ErrorCode::invalid_argument, std::move(p.field), std::move(p.message)});
  // Texts shown to the person and printed in their terminal: no control
  // characters (no escape sequences), within their limits.
  if (auto ok = check_text(draft.note, kProgramNoteLimit); !ok)
    problems.push_back({ok.error().code, "note", ok.error().message});
  for (std::size_t i = 0; i < draft.items.size(); ++i)
    if (auto ok = check_text(draft.items[i].cue, kProgramCueLimit); !ok)
      problems.push_back({ok.error().code, "items[" + std::to_string(i) + "].cue", ok.error().message});
  // A start further ahead than this would leave the person without a plan for months.
  if (draft.start > core::add_days(today, kProgramStartDaysAhead))
    problems.push_back({ErrorCode::bad_date, "start",
                        core::format_date(draft.start) + " is more than " + std::to_string(kProgramStartDaysAhead) +
                            " days ahead (the latest is " +
                            core::format_date(core::add_days(today, kProgramStartDaysAhead)) + ")"});
  if (draft.review < today)
    problems.push_back(
        {ErrorCode::bad_date, "review",
         core::format_date(draft.review) + " has passed; choose a review date from " + core::format_date(today)});
  // A new program starting in the past would count sessions the person was
  // never asked for (adherence, the week-4 review).
  if (fresh && draft.start < today)
    problems.push_back({ErrorCode::bad_date, "start",
                        core::format_date(draft.start) + " has passed; a new program starts from " +
                            core::format_date(today) + " (today) on"});
  if (problems.empty()) return {};
  std::string message;
  std::vector<FieldProblem> each;
  for (const auto& p : problems) {
    message += (message.empty() ? "" : "; ") + p.field + ": " + p.message;
    each.push_back({p.field, p.message});
  }
  const ErrorCode code = problems.size() == 1 ? problems.front().code : ErrorCode::invalid_argument;
  return tl::make_unexpected(FieldError{core::Error{code, message}, problems.front().field, std::move(each)});
}

// The latest version of program `id`, or not_found.
core::Result<core::HomeProgram> latest_version(const std::vector<core::HomeProgram>& versions, std::int64_t id) {
  const core::HomeProgram* latest = nullptr;
  for (const auto& v : versions)
    if (v.id == id && (!latest || v.version > latest->version)) latest = &v;
  if (!latest) return core::fail(ErrorCode::not_found, "no program " + std::to_string(id));
  return *latest;
}

// A program the link's clinic may act on: its latest version, not ended.
FieldResult<core::HomeProgram> program_of_clinic(const ProgramReader& read, std::int64_t id, std::int64_t clinic_id) {
  auto versions = read();
  if (!versions) return tl::make_unexpected(FieldError{versions.error(), {}});
  auto latest = latest_version(*versions, id);
  // Another clinic's program is answered like one that does not exist.
  if (!latest || latest->clinic_id != clinic_id)
    return field_fail(ErrorCode::not_found, "no program " + std::to_string(id), "id");
  if (latest->ended)
    return field_fail(ErrorCode::precondition,
                      "program " + std::to_string(id) + " ended on " + core::format_date(*latest->ended) +
                          "; assign a new one instead",
                      "id");
  return *latest;
}

template <class T>
FieldResult<T> lift(core::Result<T> result) {
  if (!result) return tl::make_unexpected(FieldError{std::move(result).error(), {}});
  return std::move(*result);
}

}  // namespace

FieldResult<core::HomeProgram> assign_program(const core::KnowledgeBase& kb, ClinicStore& clinics,
                                              const ProgramReader& read, const ProgramWriter& write,
                                              const Account& practitioner, std::int64_t client, core::HomeProgram draft,
                                              std::int64_t program_id, std::int64_t now, core::Date today) {
  if (auto ok = check_content(kb, draft, today, program_id == 0); !ok) return tl::make_unexpected(ok.error());
  const std::string what =
      program_id == 0 ? "assigned a home program" : "changed home program " + std::to_string(program_id);
  // Decided first without a log entry, then the program looked up, then the
  // reach logged: a refusal (no link, another clinic's program, an ended
  // one) leaves the access log as it was.
  auto decided = check_reach(clinics, practitioner, client, core::CareArea::care);
  if (!decided) return tl::make_unexpected(FieldError{decided.error(), {}});
  if (program_id != 0) {
    auto earlier = program_of_clinic(read, program_id, decided->link.clinic_id);
    if (!earlier) return tl::make_unexpected(earlier.error());
    // A change keeps its start, or moves it to today or later: an earlier
    // start would count sessions the person was never asked for.
    if (draft.start != earlier->start && draft.start < today)
      return field_fail(ErrorCode::bad_date,
                        "start: " + core::format_date(draft.start) + " has passed; a change keeps the start (" +
                            core::format_date(earlier->start) + ") or moves it to " + core::format_date(today) +
                            " (today) or later",
                        "start");
  }
  auto link = reach_client(clinics, practitioner, client, core::CareArea::care, core::AccessKind::write, what, now);
  if (!link) return tl::make_unexpected(FieldError{link.error(), {}});
  draft.id = program_id;
  draft.version = 1;  // the store numbers it
  draft.practitioner_id = practitioner.person_id;
  draft.practitioner = practitioner.name;
  draft.clinic_id = link->link.clinic_id;
  draft.clinic = link->clinic_name;
  draft.assigned = today;
  draft.ended.reset();
  draft.ended_by.clear();
  return lift(write(draft));
}

namespace {

FieldResult<core::HomeProgram> write_ended(const ProgramWriter& write, core::HomeProgram latest, const std::string& who,
                                           core::Date today) {
  latest.assigned = today;
  latest.ended = today;
  latest.ended_by = who;
  latest.note.clear();
  return lift(write(latest));
}

}  // namespace

FieldResult<core::HomeProgram> end_program(ClinicStore& clinics, const ProgramReader& read, const ProgramWriter& write,
                                           const Account& practitioner, std::int64_t client, std::int64_t program_id,
                                           std::int64_t now, core::Date today) {
  auto decided = check_reach(clinics, practitioner, client, core::CareArea::care);
  if (!decided) return tl::make_unexpected(FieldError{decided.error(), {}});
  auto latest = program_of_clinic(read, program_id, decided->link.clinic_id);
  if (!latest) return tl::make_unexpected(latest.error());  // nothing logged: nothing was done
  auto link = reach_client(clinics, practitioner, client, core::CareArea::care, core::AccessKind::write,
                           "ended home program " + std::to_string(program_id), now);
  if (!link) return tl::make_unexpected(FieldError{link.error(), {}});
  return write_ended(write, std::move(*latest), practitioner.name, today);
}

FieldResult<core::HomeProgram> end_own_program(const ProgramReader& read, const ProgramWriter& write,
                                               const std::string& who, std::int64_t program_id, core::Date today) {
  auto versions = read();
  if (!versions) return tl::make_unexpected(FieldError{versions.error(), {}});
  auto latest = latest_version(*versions, program_id);
  if (!latest) return tl::make_unexpected(FieldError{latest.error(), "id"});
  if (latest->ended)
    return field_fail(
        ErrorCode::precondition,
        "program " + std::to_string(program_id) + " already ended on " + core::format_date(*latest->ended), "id");
  return write_ended(write, std::move(*latest), who, today);
}

namespace {

// ProgramHistory::also_works for one version.
std::vector<std::vector<std::string>> also_works(const core::KnowledgeBase& kb, const core::HomeProgram& program) {
  std::vector<std::vector<std::string>> out(program.items.size());
  for (const auto& area : core::program_home_areas(kb, program, nullptr)) {
    if (area.region == program.items[area.item].target.region) continue;
    const core::Region* region = kb.region(area.region);
    std::string label = core::area_label(region ? region->name : area.region, area.side);
    auto& list = out[area.item];
    if (std::find(list.begin(), list.end(), label) == list.end()) list.push_back(std::move(label));
  }
  return out;
}

}  // namespace

std::vector<ProgramHistory> program_histories(const core::KnowledgeBase& kb,
                                              const std::vector<core::HomeProgram>& versions) {
  std::map<std::int64_t, std::vector<core::HomeProgram>, std::greater<>> by_id;
  for (const auto& v : versions) by_id[v.id].push_back(v);
  const core::HomeProgram* in_force = core::program_in_force(versions);
  std::vector<ProgramHistory> out;
  for (auto& [id, list] : by_id) {
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
    ProgramHistory h;
    h.current = list.back();
    h.in_force = in_force && in_force->id == id;
    for (std::size_t i = 0; i < list.size(); ++i)
      h.changes.push_back(i == 0 ? std::vector<std::string>{}
                                 : core::describe_program_changes(kb, list[i - 1], list[i]));
    h.versions = std::move(list);
    h.also_works = also_works(kb, h.current);
    out.push_back(std::move(h));
  }
  return out;
}

core::Result<std::vector<ProgramHistory>> programs_for_practitioner(const core::KnowledgeBase& kb, ClinicStore& clinics,
                                                                    const ProgramReader& read,
                                                                    const Account& practitioner, std::int64_t client,
                                                                    std::int64_t now) {
  auto link = reach_client(clinics, practitioner, client, core::CareArea::care, core::AccessKind::read,
                           "read the home programs", now);
  if (!link) return tl::make_unexpected(link.error());
  auto versions = read();
  if (!versions) return tl::make_unexpected(versions.error());
  // Which program is in force is decided over all of them (another clinic's
  // newer program replaces this clinic's), then only this clinic's are shown.
  auto histories = program_histories(kb, *versions);
  std::erase_if(histories, [&](const auto& h) { return h.current.clinic_id != link->link.clinic_id; });
  return histories;
}

namespace {

std::string listed(const std::vector<std::string>& areas) {
  std::string out;
  for (std::size_t i = 0; i < areas.size(); ++i)
    out += (i == 0 ? "" : i + 1 == areas.size() ? " and " : ", ") + areas[i];
  return out;
}

}  // namespace

ProgramHold program_hold(const core::KnowledgeBase& kb, const core::ScreeningState& state,
                         const core::HomeProgram* program, const core::Profile* profile, HoldReader reader) {
  const core::HomeWorkHold found = core::home_work_hold(kb, state.clearance, program, profile);
  ProgramHold hold;
  hold.held = found.held;
  hold.since = found.since;
  hold.partial = found.partial;
  hold.needs_clearance = found.no_plan || !found.until_cleared.empty();
  if (!hold.held) return hold;
  for (const auto* list : {&found.until_cleared, &found.until_answered, &found.cleared_until_answered})
    for (const auto& area : *list)
      if (std::find(hold.areas.begin(), hold.areas.end(), area) == hold.areas.end()) hold.areas.push_back(area);
  const bool practitioner = reader == HoldReader::practitioner;
  if (found.no_plan) {
    hold.reason = practitioner ? "The client's own safety answers hold back the program: a warning sign that needs a "
                                 "practitioner. See them, then record a clearance if it is safe."
                               : "Your own safety answers hold back the program: a warning sign needs a practitioner "
                                 "to check you first. Contact the practitioner who assigned it; once they have checked "
                                 "you, answer the safety questions again, and their recorded clearance lets the "
                                 "program apply again.";
    return hold;
  }
  // The date is in `since`; each sentence says what lifts the hold where, for its reader.
  std::vector<std::string> sentences;
  if (!found.until_cleared.empty()) {
    const std::string where = "the program's home work on " + listed(found.until_cleared);
    sentences.push_back(
        practitioner ? "The client's own safety answers hold back " + where +
                           ": a warning sign that needs a practitioner. See them, then record a clearance if it is "
                           "safe."
                     : "Your own safety answers hold back " + where +
                           ": a warning sign needs a practitioner to check you first. Contact the practitioner who "
                           "assigned it; once they have checked you, answer the safety questions again, and their "
                           "recorded clearance lets the program apply again there.");
  }
  if (!found.until_answered.empty()) {
    const std::string where = "the program's home work on " + listed(found.until_answered);
    const bool also = !found.until_cleared.empty();
    sentences.push_back(
        practitioner
            ? std::string(also ? "They also hold back " : "The client's own safety answers hold back ") + where +
                  ": something they reported there that a clearance does not lift. It applies again once "
                  "their answers no longer say so; change the program if that will not be soon."
            : std::string(also ? "They also hold back " : "Your own safety answers hold back ") + where +
                  ": it applies again once what you reported there has passed (for example, the skin has "
                  "healed) and you answer the safety questions again. If it will not pass soon, ask the "
                  "practitioner who assigned it to change the program.");
  }
  if (!found.cleared_until_answered.empty()) {
    // A clearance lifted the warning sign; only the latest answers still say yes.
    const std::string where = "the program's home work on " + listed(found.cleared_until_answered);
    sentences.push_back(practitioner ? "A clearance is recorded for " + where +
                                           ", but the client's latest safety answers still report the warning "
                                           "sign: it applies again once they answer the safety questions again."
                                     : "A clearance is recorded for " + where +
                                           ", but your latest safety answers still report the warning sign: answer "
                                           "the safety questions again and the program applies there again.");
  }
  for (std::size_t i = 0; i < sentences.size(); ++i) hold.reason += (i == 0 ? "" : " ") + sentences[i];
  return hold;
}

core::Result<ProgramHold> read_program_hold(const core::KnowledgeBase& kb, JournalStore& store, HoldReader reader,
                                            std::optional<std::int64_t> clinic) {
  auto state = screening_state(kb, store);
  if (!state) return tl::make_unexpected(state.error());
  auto gap = person_gap(kb, store);
  if (!gap) return tl::make_unexpected(gap.error());
  auto programs = store.load_programs();
  if (!programs) return tl::make_unexpected(programs.error());
  auto profile = store.load_profile();
  if (!profile) return tl::make_unexpected(profile.error());
  const core::HomeProgram* in_force = core::program_in_force(*programs);
  if (in_force && clinic && in_force->clinic_id != *clinic) in_force = nullptr;
  ProgramHold hold = program_hold(kb, *state, in_force, profile->has_value() ? &**profile : nullptr, reader);
  if (!*gap || **gap == PersonGap::screening_outdated) return hold;
  hold.awaiting_setup = true;
  hold.setup = reader == HoldReader::practitioner
                   ? "The client has not yet saved their profile and answered the safety questions; their plan "
                     "follows this program once they have."
                   : "Save your profile and answer the safety questions; your plan follows this program once you "
                     "have.";
  return hold;
}

core::Result<HandoutPerson> handout_person(const core::KnowledgeBase& kb, JournalStore& store, bool with_journal) {
  auto profile = store.load_profile();
  if (!profile) return tl::make_unexpected(profile.error());
  HandoutPerson person;
  if (!*profile) return person;
  person.regions = (*profile)->regions;
  if (auto tools = expand_owned_tools(kb, (*profile)->tools)) person.tools.emplace(tools->begin(), tools->end());
  if (with_journal) {
    auto journal = store.load_journal();
    if (!journal) return tl::make_unexpected(journal.error());
    person.journal = core::analyse_journal(kb, **profile, *journal);
  }
  return person;
}

Handout program_handout(const core::KnowledgeBase& kb, const core::HomeProgram& program, const HandoutPerson& person) {
  Handout out;
  out.cards = program_step_cards(kb, program, person);
  out.safety = core::handout_safety(kb, out.cards, person.journal ? &*person.journal : nullptr);
  return out;
}

core::Plan program_step_cards(const core::KnowledgeBase& kb, const core::HomeProgram& program,
                              const HandoutPerson& person) {
  core::Profile profile;
  profile.name = "handout";
  // The person's own regions first, so that a region visited on the way
  // takes the side they chose for it (core::step_side reads the first).
  profile.regions = person.regions;
  for (const auto& item : program.items) {
    const bool listed = std::any_of(profile.regions.begin(), profile.regions.end(), [&](const auto& r) {
      return r.region == item.target.region && r.side == item.target.side;
    });
    if (!listed) profile.regions.push_back({item.target.region, item.target.side, 0});
  }
  const std::optional<std::set<std::string>>& owned = person.tools;
  std::set<std::string> tools;
  if (owned) {
    tools = *owned;
  } else {
    for (const auto& [id, tool] : kb.tools) tools.insert(id);
  }
  profile.tools.assign(tools.begin(), tools.end());
  profile.weekdays = program.weekdays;
  profile.minutes_per_session = 240;
  profile.start = program.start;
  profile.weeks = program.weeks;
  const core::Clearance clearance;  // no findings: the handout shows the program itself
  const core::Journal journal;
  core::Plan cards =
      core::build_plan(core::PlanInputs{kb, profile, tools, clearance, journal, program.start, &program});
  if (!owned)
    cards.notes.push_back({"handout-every-tool",
                           "These cards assume every tool, because no list of the person's own tools is saved yet; "
                           "a step's edge may differ from the one their own kit offers",
                           "fascia-editors"});
  return cards;
}

}  // namespace fascia::app
