// Plain-text renderings of a person's journal and sessions for a linked
// practitioner at a terminal (`fascia practice show`): one dated line per
// entry, oldest first, names from the knowledge base instead of ids.
#pragma once

#include <iosfwd>
#include <vector>

#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"

namespace fascia::cli {

// Every entry of `journal` that is not a session: pain (NPRS 0-10), skin and
// soreness check-ins, habits, treatments elsewhere, clinic treatments (with
// who recorded them), function notes and clearances; "Nothing logged yet."
// when there is none.
void print_journal(std::ostream& out, const core::KnowledgeBase& kb, const core::Journal& journal);

// One line per logged session (its protocol, steps done, skipped and
// stopped, and the stop sign when it was stopped), then its steps indented:
// area, strokes or seconds, pressure used (0-10). "No sessions logged yet."
// when there is none.
void print_sessions(std::ostream& out, const core::KnowledgeBase& kb, const std::vector<core::SessionEntry>& sessions);

}  // namespace fascia::cli
