// Fits one protocol to one person: resolves the target region and sides,
// picks an edge they own (or an allowed substitute, or drops the step),
// applies every pressure cap and dose adjustment, and trims the session to
// the instrument time cap. Each change is recorded as a Reason on the step
// or in `dropped`.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "fascia/core/journal_analysis.hpp"
#include "fascia/core/home_program.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"
#include "fascia/core/plan.hpp"
#include "fascia/core/screening.hpp"

namespace fascia::core {

struct AdaptContext {
  const KnowledgeBase& kb;
  const Profile& profile;
  const std::set<std::string>& tools;  // tools owned, hands included
  const Clearance& clearance;
  const JournalAnalysis& history;
  // An assigned program's item this protocol is fitted for, with the areas
  // the program keeps for the clinic and the practitioner's name: a lower
  // pressure ceiling, a lower dose, a cue, no step on a clinic-only area.
  const ProgramItem* assigned = nullptr;
  const std::vector<RegionSide>* clinic_only = nullptr;
  std::string assigned_by;
};

struct AdaptedProtocol {
  std::optional<PlannedSession> session;  // none when nothing useful is left
  std::vector<Reason> dropped;            // steps left out, or why the protocol cannot be used
};

// `target` is the profile region the protocol is chosen for.
AdaptedProtocol adapt_protocol(const AdaptContext& ctx, const Protocol& protocol, const RegionTarget& target);

// The side a step on `region` works when the protocol is fitted for
// `target`: the midline for a midline region, the target's side on the
// target, the side the person chose for a region of their profile (when
// `profile` is given), else the target's side (both for a midline target).
Side step_side(const KnowledgeBase& kb, const Profile* profile, const std::string& region, const RegionTarget& target);

// The edges the owned tools provide.
std::set<std::string> owned_edges(const KnowledgeBase& kb, const std::set<std::string>& tools);

}  // namespace fascia::core
