// JSON views of the monitoring list and a client's progress page (issue 10,
// point 6): what `fascia practice clients --json` / `practice progress --json`
// print and GET /api/v1/clients/attention and /api/v1/clients/{id}/progress answer.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "fascia/app/monitoring.hpp"

namespace fascia::adapters {

// {"kind" ("stop-event", …), "rank" (0 most urgent), "date" (ISO), "reason",
//  "rule" (or null), "source" (or null)}.
nlohmann::json attention_flag_json(const core::AttentionFlag& flag);
nlohmann::json attention_flags_json(const std::vector<core::AttentionFlag>& flags);
// {"clients": [{"link": link_json, "flags": [...], "not_shared": ["journal", "sessions", "screening"]}]},
// in the list's order (most urgent first).
nlohmann::json attention_list_json(const std::vector<app::ClientAttention>& clients);
// {"link", "progress": progress_json (weeks empty unless sessions are
//  shared; safety_findings and clearances empty unless screening is),
//  "flags", "sessions" (logged sessions, 0 unless shared)}; the progress
//  carries "meaningful_change": {"points", "percent"} from `caps`, as GET
//  /api/v1/progress does (the band a chart draws around the baseline).
nlohmann::json client_progress_json(const app::ClientProgress& page, const core::SafetyCaps& caps);

}  // namespace fascia::adapters
