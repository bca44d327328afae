// An independent check of a plan against the hard safety constraints. It
// shares no scheduling code with the planner, so the property tests can use
// it as an oracle and the planner can use it as a last gate.
#pragma once

#include <string>
#include <vector>

#include "fascia/core/dates.hpp"
#include "fascia/core/journal_analysis.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"
#include "fascia/core/plan.hpp"
#include "fascia/core/screening.hpp"

namespace fascia::core {

struct Violation {
  Date date{};
  std::string protocol;
  std::string rule;  // the cap or rule id broken
  std::string detail;
};

// The frequency caps count the journal's home sessions and its clinic
// treatments (those whose kind counts as a load in `kb`) with the plan.
std::vector<Violation> check_plan(const KnowledgeBase& kb, const Clearance& clearance, const JournalAnalysis& history,
                                  const Journal& journal, const Plan& plan);

}  // namespace fascia::core
