// JSON renderings of what the CLI (and later the HTTP API) prints with
// --json: knowledge-base entries, clearance, plan, today, session logs,
// progress and referral suggestions. Stable field names in snake_case.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"
#include "fascia/core/planner.hpp"
#include "fascia/core/progress.hpp"
#include "fascia/core/referral.hpp"
#include "fascia/core/screening.hpp"
#include "fascia/core/session_runner.hpp"

namespace fascia::adapters {

// `kind` is one of kb_kinds(); returns nullopt-like empty string for an unknown kind.
std::vector<std::string> kb_kinds();
std::string kb_list_json(const core::KnowledgeBase& kb, const std::string& kind);
// Empty string when the id is unknown in that kind.
std::string kb_entry_json(const core::KnowledgeBase& kb, const std::string& kind, const std::string& id);
// Rows of (id, name) for a kind, for text listings; empty for an unknown kind.
std::vector<std::pair<std::string, std::string>> kb_list_rows(const core::KnowledgeBase& kb, const std::string& kind);

std::string problems_json(const std::vector<std::string>& problems);
std::string profile_json(const core::Profile& profile);
std::string clearance_json(const core::Clearance& clearance);
std::string plan_json(const core::Plan& plan);
std::string today_json(const core::TodayView& view);
std::string session_json(const core::SessionEntry& session, const std::vector<core::StopOutcome>& stops);
// For the HTTP API: a logged session (no stops), a list of them, one stop's
// advice, and the answer to posting a guided session.
std::string session_entry_json(const core::SessionEntry& session);
std::string sessions_json(const std::vector<core::SessionEntry>& sessions);
std::string stop_outcome_json(const core::StopOutcome& outcome);
std::string session_saved_json(const core::SessionEntry& session, const std::vector<core::StopOutcome>& stops,
                               const std::vector<core::Reason>& warnings,
                               const std::optional<core::Clearance>& clearance);
std::string progress_json(const core::Progress& progress);
// The recorded practitioner clearances, oldest first: [{date, by, regions: [{region, side}], note}].
std::string clearances_json(const std::vector<core::ClearanceEntry>& clearances);
std::string referral_json(const std::vector<core::ReferralSuggestion>& suggestions,
                          const std::vector<core::Reason>& warnings);
std::string message_json(const std::string& key, const std::string& value);

}  // namespace fascia::adapters
