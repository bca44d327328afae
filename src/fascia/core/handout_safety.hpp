// What a printed home program says besides its step cards (issue 10,
// point 9: "step cards, doses, safety notes"): the spacing rules for the
// kinds of work on it, which session goes on which weekday, and the pressure
// caps a reaction in the person's journal has lowered on the areas it works.
// Pure: read off the cards (app::program_step_cards) and the journal's
// analysis, so the paper says what the person's plan enforces.
#pragma once

#include <string>
#include <vector>

#include "fascia/core/journal_analysis.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/plan.hpp"
#include "fascia/core/reason.hpp"

namespace fascia::core {

// One weekday of the program's week and the sessions on it.
struct HandoutDay {
  int weekday = 0;                    // 0 = Monday ... 6 = Sunday
  std::vector<std::string> sessions;  // protocol names, in the plan's order
  friend bool operator==(const HandoutDay&, const HandoutDay&) = default;
};

struct HandoutSafety {
  // The gaps and limits that hold for the kinds of work on the cards, each a
  // sentence with its cap id and source: 48 h between instrument sessions on
  // an area and at most 3 in any 7 days (clinic work counts too), a check-in
  // with settled skin and soreness before the next one, 24 h between
  // compression or pressure sessions on an area (data/safety/caps.yaml).
  std::vector<Reason> spacing;
  // The program's first week, Monday first: which session goes on which day
  // (days without a session are left out).
  std::vector<HandoutDay> week;
  // Each area the cards work whose pressure a reaction has lowered (bruising,
  // a stop sign asking for lighter pressure), at most that cap /10, with the
  // reaction's rule and source; empty without a journal.
  std::vector<Reason> lowered;
};

// `analysis`: the person's journal read by analyse_journal, nullptr when the
// reader may not see it (then `lowered` is empty).
HandoutSafety handout_safety(const KnowledgeBase& kb, const Plan& cards, const JournalAnalysis* analysis);

}  // namespace fascia::core
