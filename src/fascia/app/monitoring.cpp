#include "fascia/app/monitoring.hpp"

#include <algorithm>

#include "fascia/app/care_links.hpp"
#include "fascia/app/person_state.hpp"
#include "fascia/app/tool_inventory.hpp"
#include "fascia/core/home_work_hold.hpp"

namespace fascia::app {

namespace {

using core::CareArea;

core::Date day_of(std::int64_t unix_seconds) {
  return std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{unix_seconds}});
}

std::vector<CareArea> shared_parts(const core::Sharing& s) {
  std::vector<CareArea> out;
  if (s.journal) out.push_back(CareArea::journal);
  if (s.sessions) out.push_back(CareArea::sessions);
  if (s.screening) out.push_back(CareArea::screening);
  return out;
}

std::vector<CareArea> unshared_parts(const core::Sharing& s) {
  std::vector<CareArea> out;
  if (!s.journal) out.push_back(CareArea::journal);
  if (!s.sessions) out.push_back(CareArea::sessions);
  if (!s.screening) out.push_back(CareArea::screening);
  return out;
}

AccessEntry monitoring_access(const Account& practitioner, const LinkDetails& link, std::int64_t now) {
  const auto parts = shared_parts(link.link.sharing);
  std::string what = kMonitoringWhat;
  if (parts.empty()) {
    what += " (nothing shared)";
  } else {
    what += " (";
    for (std::size_t i = 0; i < parts.size(); ++i) what += (i ? ", " : "") + std::string(core::to_string(parts[i]));
    what += ")";
  }
  AccessEntry e;
  e.person_id = link.link.person_id;
  e.at = now;
  e.actor_id = practitioner.person_id;
  e.actor_name = practitioner.name;
  e.actor_role = practitioner.membership.role;
  e.clinic_id = practitioner.membership.clinic_id;
  e.kind = core::AccessKind::read;
  e.area = parts.empty() ? CareArea::link : parts.front();
  e.what = what;
  return e;
}

// The journal with only what `sharing` opens: the journal part without
// sessions, clearances or clinic treatments; the sessions when shared.
core::Journal visible_journal(core::Journal journal, const core::Sharing& sharing) {
  if (!sharing.journal) {
    journal.pain.clear();
    journal.reactions.clear();
    journal.habits.clear();
    journal.treatments.clear();
    journal.notes.clear();
  }
  if (!sharing.sessions) journal.sessions.clear();
  journal.clearances.clear();
  journal.clinic_treatments.clear();
  return journal;
}

// The clearances a practitioner signed in fascia, without those the person
// entered themselves (ClearanceEntry::by_practitioner).
std::vector<core::ClearanceEntry> practitioners_clearances(std::vector<core::ClearanceEntry> clearances) {
  std::erase_if(clearances, [](const core::ClearanceEntry& c) { return !c.by_practitioner; });
  return clearances;
}

// One client's screenings read once with every clearance (`full`) and, when
// the person entered clearances of their own, once more with only
// practitioners' (`strict`): the flags, the program hold and the plan all
// take their reading from here rather than evaluating the screenings again.
struct ScreeningReadings {
  core::ScreeningState full;
  std::optional<core::ScreeningState> strict;
};

ScreeningReadings read_screenings(const core::KnowledgeBase& kb, const std::vector<core::ScreeningRecord>& screenings,
                                  const std::vector<core::ClearanceEntry>& clearances) {
  ScreeningReadings out{core::evaluate_screenings(kb, screenings, clearances), std::nullopt};
  const auto strict = practitioners_clearances(clearances);
  if (strict.size() != clearances.size()) out.strict = core::evaluate_screenings(kb, screenings, strict);
  return out;
}

// The journal parts of one client's inputs: what `journal` shows of what is
// shared, and the warning-sign history attributed to its sessions.
void read_journal(const core::KnowledgeBase& kb, core::AttentionInputs& in, core::Journal journal,
                  const ScreeningReadings& readings, bool has_screenings, const core::Sharing& sharing) {
  in.journal = visible_journal(std::move(journal), sharing);
  in.findings.reset();
  in.findings_without_own_clearances.reset();
  if (sharing.screening && has_screenings) {
    in.findings = readings.full.history;
    core::attribute_to_stop_signs(kb, in.journal.sessions, *in.findings);
    if (readings.strict) in.findings_without_own_clearances = readings.strict->history;
  } else if (sharing.screening) {
    in.findings.emplace();
  }
}

// What one client's flags are read from; the store is bound to them. With
// JournalReach::recent, the journal since core::attention_reads_from(today),
// and the whole one when that is not enough (core::recent_journal_suffices).
core::Result<core::AttentionInputs> attention_inputs(const core::KnowledgeBase& kb, JournalStore& store,
                                                     const LinkDetails& link, core::Date today, JournalReach reach,
                                                     OriginalPlanCache* plans = nullptr) {
  const core::Sharing& sharing = link.link.sharing;
  core::AttentionInputs in;
  in.journal_shared = sharing.journal;
  in.sessions_shared = sharing.sessions;
  in.watched_since = day_of(link.link.created_at);
  const core::Date from = core::attention_reads_from(today);
  auto journal = reach == JournalReach::recent ? store.load_journal_since(from) : store.load_journal();
  if (!journal) return tl::make_unexpected(journal.error());
  auto screenings = store.load_screenings();
  if (!screenings) return tl::make_unexpected(screenings.error());
  auto profile = store.load_profile();
  if (!profile) return tl::make_unexpected(profile.error());

  auto programs = store.load_programs();
  if (!programs) return tl::make_unexpected(programs.error());
  const core::HomeProgram* in_force = core::program_in_force(*programs);

  // Every clearance comes with either read; another clinic's, as this clinic sees it.
  journal->clearances = clearances_seen_by_clinic(std::move(journal->clearances), link.link.clinic_id);
  const std::vector<core::ClearanceEntry> clearances = journal->clearances;
  // Every journal read holds every clearance (load_journal_since), so one
  // reading serves the recent and the whole journal alike.
  const ScreeningReadings readings = read_screenings(kb, *screenings, clearances);
  // The hold of this clinic's program in force, as its program page shows it
  // (read_program_hold): none before the person has a profile and answers,
  // when no plan follows any program yet.
  if (in_force && in_force->clinic_id == link.link.clinic_id && *profile && !screenings->empty()) {
    in.program_hold = core::home_work_hold(kb, readings.full.clearance, in_force, &**profile);
    if (readings.strict)
      in.program_hold_without_own_clearances =
          core::home_work_hold(kb, readings.strict->clearance, in_force, &**profile);
  }
  in.replaced_program = core::replaced_program(*programs, link.link.clinic_id);
  for (const auto& c : clearances)
    if (!c.by_practitioner) in.latest_own_clearance = std::max(in.latest_own_clearance.value_or(c.date), c.date);
  read_journal(kb, in, std::move(*journal), readings, !screenings->empty(), sharing);
  // The plan as first made needs the profile and a screening that still
  // fits the questions; without them there is no review and no adherence.
  // It reads no journal but the clearances.
  if ((sharing.journal || sharing.sessions) && *profile && !screenings->empty() &&
      core::validate_answers(kb, screenings->back())) {
    if (auto tools = expand_owned_tools(kb, (*profile)->tools)) {
      PersonState person;
      person.profile = **profile;
      person.screening = screenings->back();
      person.screenings = *screenings;
      person.journal.clearances = clearances;
      person.tools = std::set<std::string>(tools->begin(), tools->end());
      // A home program in force is the plan as first made, as on the
      // client's own progress page (its start and review date).
      if (in_force) person.program = *in_force;
      // What refresh_clearance would compute: the same screenings, oldest
      // first, and the same clearances (no sessions to attribute here).
      person.clearance = readings.full.clearance;
      person.findings_history = readings.full.history;
      in.original = plans ? plans->plan(kb, link.link.person_id, person) : original_plan(kb, person);
      in.profile = std::move(person.profile);
    }
  }
  if (reach == JournalReach::recent && !core::recent_journal_suffices(kb, in, from, today)) {
    auto whole = store.load_journal();
    if (!whole) return tl::make_unexpected(whole.error());
    whole->clearances = clearances_seen_by_clinic(std::move(whole->clearances), link.link.clinic_id);
    read_journal(kb, in, std::move(*whole), readings, !screenings->empty(), sharing);
  }
  return in;
}

}  // namespace

core::Result<std::vector<core::AttentionFlag>> client_flags(const core::KnowledgeBase& kb, JournalStore& store,
                                                            const LinkDetails& link, core::Date today,
                                                            JournalReach reach, OriginalPlanCache* plans) {
  auto in = attention_inputs(kb, store, link, today, reach, plans);
  if (!in) return tl::make_unexpected(in.error());
  return core::attention_flags(kb, *in, today);
}

core::Result<std::vector<ClientAttention>> attention_list(const core::KnowledgeBase& kb, ClinicStore& clinics,
                                                          JournalStore& store, const Account& practitioner,
                                                          core::Date today, std::int64_t now,
                                                          OriginalPlanCache* plans) {
  auto links = list_clients(clinics, practitioner);
  if (!links) return tl::make_unexpected(links.error());
  std::vector<AccessEntry> log;
  log.reserve(links->size());
  for (const auto& link : *links) log.push_back(monitoring_access(practitioner, link, now));
  if (auto logged = clinics.add_accesses(log); !logged) return tl::make_unexpected(logged.error());

  std::vector<ClientAttention> out;
  out.reserve(links->size());
  for (auto& link : *links) {
    ClientAttention client{std::move(link), {}, {}};
    client.not_shared = unshared_parts(client.link.link.sharing);
    if (client.not_shared.size() < 3) {
      store.rebind(client.link.link.person_id);
      auto flags = client_flags(kb, store, client.link, today, JournalReach::recent, plans);
      if (!flags) return tl::make_unexpected(flags.error());
      client.flags = std::move(*flags);
    }
    out.push_back(std::move(client));
  }
  std::stable_sort(out.begin(), out.end(), [](const ClientAttention& a, const ClientAttention& b) {
    if (a.flags.empty() || b.flags.empty()) return !a.flags.empty() && b.flags.empty();
    return core::more_urgent(a.flags.front(), b.flags.front());
  });
  return out;
}

core::Result<ClientProgress> client_progress(const core::KnowledgeBase& kb, ClinicStore& clinics, JournalStore& store,
                                             const Account& practitioner, std::int64_t client, core::Date today,
                                             std::int64_t now) {
  auto link = reach_client(clinics, practitioner, client, CareArea::journal, core::AccessKind::read,
                           "read progress on the client page", now);
  if (!link) return tl::make_unexpected(link.error());
  const core::Sharing& sharing = link->link.sharing;
  auto in = attention_inputs(kb, store, *link, today, JournalReach::whole);
  if (!in) return tl::make_unexpected(in.error());
  if (!in->profile || !in->original)
    return core::fail(core::ErrorCode::precondition,
                      "this client has no profile or up-to-date screening yet: there is no progress to show");
  ClientProgress out;
  out.link = *link;
  out.progress = core::compute_progress(kb, *in->profile, in->journal, *in->original, today);
  if (!sharing.sessions) out.progress.weeks.clear();
  if (in->findings) out.progress.safety_findings = *in->findings;
  if (sharing.screening) {
    auto journal = store.load_journal();
    if (!journal) return tl::make_unexpected(journal.error());
    out.progress.clearances = clearances_seen_by_clinic(std::move(journal->clearances), link->link.clinic_id);
  }
  out.sessions = in->journal.sessions.size();
  out.flags = core::attention_flags(kb, *in, today);
  return out;
}

}  // namespace fascia::app
