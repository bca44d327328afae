#include "fascia/cli/render_journal.hpp"

#include <algorithm>
#include <ostream>
#include <string>
#include <utility>

#include "fascia/cli/render_text.hpp"
#include "fascia/core/wording.hpp"

namespace fascia::cli {
namespace {

template <class Map>
std::string name_in(const Map& entries, const std::string& id) {
  const auto found = entries.find(id);
  return found == entries.end() ? id : found->second.name;
}

std::string areas(const core::KnowledgeBase& kb, const std::vector<core::RegionSide>& regions) {
  std::string out;
  for (const auto& r : regions) out += (out.empty() ? "" : ", ") + area_name(kb, r.region, r.side);
  return out.empty() ? "everywhere" : out;
}

std::string reaction_words(const core::ReactionEntry& r) {
  std::string out;
  const auto add = [&](bool seen, const char* what) {
    if (seen) out += (out.empty() ? "" : ", ") + std::string(what);
  };
  add(r.redness, "redness");
  add(r.red_dots, "red dots");
  add(r.bruising, "bruising");
  return (out.empty() ? "skin clear" : out) + ", soreness " + std::to_string(r.soreness) + "/10";
}

}  // namespace

void print_journal(std::ostream& out, const core::KnowledgeBase& kb, const core::Journal& j) {
  std::vector<std::pair<core::Date, std::string>> lines;  // kept in the order added within a day
  for (const auto& p : j.pain)
    lines.push_back({p.date, "pain      " + area_name(kb, p.region, p.side) + " " + std::to_string(p.score) + "/10"});
  for (const auto& r : j.reactions)
    lines.push_back({r.date, "check-in  " + area_name(kb, r.region, r.side) + ": " + reaction_words(r)});
  for (const auto& h : j.habits) lines.push_back({h.date, "habit     " + name_in(kb.habits, h.habit)});
  for (const auto& t : j.treatments)
    lines.push_back({t.date, "elsewhere " + name_in(kb.treatments, t.treatment) +
                                 (t.region.empty() ? "" : " on " + area_name(kb, t.region, core::Side::both)) +
                                 (t.note.empty() ? "" : ": " + t.note)});
  for (const auto& c : j.clinic_treatments)
    lines.push_back({c.date, "clinic    " + name_in(kb.treatments, c.treatment) + " on " + areas(kb, c.regions) + ", " +
                                 std::to_string(c.minutes) + " min" +
                                 (c.pressure ? ", pressure " + std::to_string(*c.pressure) + "/10" : "") + ", by " +
                                 c.practitioner + (c.reaction.empty() ? "" : "; seen: " + c.reaction)});
  for (const auto& n : j.notes) lines.push_back({n.date, "note      " + n.text});
  for (const auto& c : j.clearances)
    lines.push_back({c.date, "cleared   " + areas(kb, c.regions) + " by " + c.by + " (" + clearance_recorder(c) + ")" +
                                 (c.note.empty() ? "" : ": " + c.note)});
  if (lines.empty()) {
    out << "Nothing logged yet.\n";
    return;
  }
  std::stable_sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [date, text] : lines) out << core::format_date(date) << "  " << text << "\n";
}

void print_sessions(std::ostream& out, const core::KnowledgeBase& kb, const std::vector<core::SessionEntry>& sessions) {
  if (sessions.empty()) {
    out << "No sessions logged yet.\n";
    return;
  }
  std::vector<const core::SessionEntry*> by_date;
  for (const auto& s : sessions) by_date.push_back(&s);
  std::stable_sort(by_date.begin(), by_date.end(), [](auto* a, auto* b) { return a->date < b->date; });
  for (const core::SessionEntry* s : by_date) {
    const core::Protocol* protocol = kb.protocol(s->protocol);
    int done = 0, skipped = 0;
    for (const auto& step : s->steps) {
      if (step.status == core::StepStatus::done) ++done;
      if (step.status == core::StepStatus::skipped) ++skipped;
    }
    out << core::format_date(s->date) << "  " << (protocol ? protocol->name : s->protocol);
    if (!s->target_region.empty()) out << " on " << area_name(kb, s->target_region, s->side);
    out << ": " << done << " step" << (done == 1 ? "" : "s") << " done";
    if (skipped) out << ", " << skipped << " skipped";
    if (s->stopped) {
      // Every sign reported, the most severe first.
      std::vector<std::string> names;
      for (const auto& sign : s->stop_signs()) names.push_back(name_in(kb.stop_signs, sign));
      out << "; stopped for " << core::joined(names);
    }
    out << "\n";
    for (const auto& step : s->steps) {
      out << "    " << area_name(kb, step.region, step.side) << ": " << core::to_string(step.status);
      if (step.strokes) out << ", " << step.strokes << " strokes";
      if (step.seconds) out << ", " << step.seconds << " s";
      if (step.pressure_used) out << ", pressure " << *step.pressure_used << "/10";
      if (!step.note.empty()) out << " (" << step.note << ")";
      out << "\n";
    }
  }
}

}  // namespace fascia::cli
