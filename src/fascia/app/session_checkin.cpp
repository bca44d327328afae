#include "fascia/app/session_checkin.hpp"

#include <algorithm>

#include "fascia/app/validate.hpp"
#include "fascia/core/journal_analysis.hpp"

namespace fascia::app {

namespace {

std::string area_text(const std::string& region, core::Side side) {
  return region + (side == core::Side::both ? std::string() : ":" + std::string(core::to_string(side)));
}

// "session 3", or "the clinic treatment on Monday, 23 November 2026".
std::string work_text(const SessionCheckinForm& form) {
  return form.session_id ? "session " + std::to_string(form.session_id)
                         : "the clinic treatment on " + core::format_long_date(form.session_date);
}

// Adds `side` of `region` to the areas, one per region, two sides merged into both.
void add_area(std::vector<core::ReactionEntry>& areas, const std::string& region, core::Side side) {
  auto it = std::find_if(areas.begin(), areas.end(), [&](const auto& a) { return a.region == region; });
  if (it == areas.end())
    areas.push_back({core::Date{}, region, side, false, false, false, 0});
  else if (it->side != side)
    it->side = core::Side::both;
}

}  // namespace

core::Result<SessionCheckinForm> session_checkin_form(const core::Journal& journal, const core::KnowledgeBase& kb,
                                                      std::optional<std::int64_t> id) {
  const core::SessionEntry* chosen = nullptr;
  for (const auto& s : journal.sessions) {
    if (id) {
      if (s.id == *id) chosen = &s;
    } else if (!core::instrument_areas(s).empty() &&
               (!chosen || s.date > chosen->date || (s.date == chosen->date && s.id > chosen->id))) {
      chosen = &s;
    }
  }
  // Without an id, instrument work in clinic after the latest session's day
  // is what the check-in follows (reaction_gate holds home work after it too).
  const core::ClinicTreatmentEntry* clinic = nullptr;
  if (!id)
    for (const auto& t : journal.clinic_treatments) {
      const auto kind = kb.treatments.find(t.treatment);
      if (kind == kb.treatments.end() || kind->second.counts_as != core::Modality::instrument) continue;
      if (!clinic || t.date > clinic->date || (t.date == clinic->date && t.id > clinic->id)) clinic = &t;
    }
  if (chosen && clinic && clinic->date < chosen->date) clinic = nullptr;
  if (chosen && clinic && clinic->date > chosen->date) chosen = nullptr;
  if (!chosen && !clinic)
    return core::fail(core::ErrorCode::not_found,
                      id ? "no session " + std::to_string(*id) : std::string("no instrument work to check in on yet"));
  SessionCheckinForm form;
  form.session_id = chosen ? chosen->id : 0;
  form.clinic_treatment_id = clinic ? clinic->id : 0;
  form.session_date = chosen ? chosen->date : clinic->date;
  form.counts_from = core::checkin_counts_from(kb, form.session_date);
  if (chosen)
    for (const auto& [region, side] : core::instrument_areas(*chosen)) add_area(form.areas, region, side);
  if (clinic)
    for (const auto& where : clinic->regions) add_area(form.areas, where.region, where.side);
  if (form.areas.empty())
    return core::fail(core::ErrorCode::precondition, "session " + std::to_string(chosen->id) +
                                                         " worked no area with an instrument; nothing to check in");
  return form;
}

core::Result<SessionCheckinSaved> record_session_checkin(const core::KnowledgeBase& kb, JournalStore& store,
                                                         std::optional<std::int64_t> session_id, int soreness,
                                                         const std::vector<core::ReactionEntry>& adjustments,
                                                         core::Date date, core::Date today) {
  FASCIA_TRY(validate_score(soreness, "soreness"));
  auto journal = store.load_journal();
  if (!journal) return tl::make_unexpected(journal.error());
  auto form = session_checkin_form(*journal, kb, session_id);
  if (!form) return tl::make_unexpected(form.error());
  FASCIA_TRY(validate_entry_date(date, today, "date"));
  if (date < form->session_date)
    return core::fail(core::ErrorCode::bad_date, "date " + core::format_date(date) + " is before " +
                                                     (form->session_id ? "the session" : "the clinic treatment") +
                                                     " on " + core::format_date(form->session_date));

  SessionCheckinSaved out;
  std::vector<core::ReactionEntry> defaults, narrower;
  for (auto area : form->areas) {
    area.date = date;
    area.soreness = soreness;
    defaults.push_back(area);
  }
  for (std::size_t i = 0; i < adjustments.size(); ++i) {
    core::ReactionEntry adj = adjustments[i];
    adj.date = date;
    const std::string where = area_text(adj.region, adj.side);
    for (std::size_t j = 0; j < i; ++j)
      if (adjustments[j].region == adj.region && adjustments[j].side == adj.side)
        return core::fail(core::ErrorCode::invalid_argument, "area " + where + " is adjusted twice");
    auto area = std::find_if(defaults.begin(), defaults.end(), [&](const core::ReactionEntry& a) {
      return a.region == adj.region && (a.side == adj.side || a.side == core::Side::both);
    });
    if (area == defaults.end())
      return core::fail(core::ErrorCode::invalid_argument,
                        "area " + where + " was not worked with an instrument in " + work_text(*form));
    FASCIA_TRY(validate_reaction(kb, adj, today));
    if (area->side == adj.side)
      *area = adj;
    else
      narrower.push_back(adj);
  }
  out.saved = defaults;
  out.saved.insert(out.saved.end(), narrower.begin(), narrower.end());
  for (const auto& e : out.saved) {
    FASCIA_TRY(validate_reaction(kb, e, today));
    if (!core::reaction_settled(kb, e) &&
        std::find(out.not_settled.begin(), out.not_settled.end(), e.region) == out.not_settled.end())
      out.not_settled.push_back(e.region);
  }
  FASCIA_TRY(store.add_reactions(out.saved));
  out.early = date < form->counts_from;
  out.form = std::move(*form);
  return out;
}

}  // namespace fascia::app
