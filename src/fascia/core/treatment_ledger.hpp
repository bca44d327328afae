// The record of tissue loading per region, past (journal: home sessions and
// a practitioner's clinic treatments) and planned, and the frequency caps
// checked against it: at most N instrument sessions on a region in any 7
// days, a minimum gap between instrument sessions, and a minimum gap between
// compression or pressure sessions. Clinic work counts like home work.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fascia/core/dates.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"
#include "fascia/core/plan.hpp"
#include "fascia/core/reason.hpp"

namespace fascia::core {

// Where a load happened: in a session at home (or planned), or in clinic.
enum class LoadOrigin { home, clinic };

struct TreatmentEvent {
  Date date{};
  std::string region;
  Side side = Side::both;
  Modality modality = Modality::instrument;
  LoadOrigin origin = LoadOrigin::home;
  // Which session or visit it was: the logged session's id at home, the
  // clinic treatment's id in clinic, 0 for a planned session. Loads with the
  // same date, origin and occasion are one session for the weekly count; a
  // home session and clinic work on one day are two.
  std::int64_t occasion = 0;
};

// The first day home work of the kind a clinic treatment counts as may load
// its areas again, after that treatment alone: the day after the kind's gap
// has passed (instrument work 48 h, so two days later; compression or
// pressure 24 h, the next day; seed-000, seed-001 via SafetyCaps). nullopt
// for a kind that counts as nothing or an id the knowledge base lacks.
// Other work, the weekly count and, after instrument work, a settled
// check-in (ADR 0003) may hold the areas longer; a person's Today says.
std::optional<Date> home_work_resumes(const KnowledgeBase& kb, const ClinicTreatmentEntry& treatment);

class TreatmentLedger {
 public:
  // Session steps that were done or stopped count; skipped steps do not.
  // Each clinic treatment whose kind counts as a load in `kb`
  // (TreatmentModality::counts_as) counts once on each region it worked;
  // other kinds (a Swedish massage) and unknown ids count as nothing.
  static TreatmentLedger from_journal(const KnowledgeBase& kb, const Journal& journal);

  void add(TreatmentEvent event) { events_.push_back(std::move(event)); }
  void add_session(Date date, const PlannedSession& session);
  const std::vector<TreatmentEvent>& events() const { return events_; }

  // Why loading `region`/`side` with `modality` on `day` would break a cap;
  // empty when allowed. A reason about clinic work says so ("instrument work
  // in clinic on Monday, 23 November 2026"). `next_allowed` is set to the
  // earliest later day the gap rules would allow (ignoring the weekly count).
  std::vector<Reason> cap_conflicts(const KnowledgeBase& kb, const std::string& region, Side side, Modality modality,
                                    Date day, Date* next_allowed = nullptr) const;

 private:
  std::vector<TreatmentEvent> events_;
};

}  // namespace fascia::core
