// Plain-text renderings for people at a terminal: calm, short lines, the
// reason and source beside every refusal or change.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"
#include "fascia/core/planner.hpp"
#include "fascia/core/progress.hpp"
#include "fascia/core/referral.hpp"
#include "fascia/core/screening.hpp"
#include "fascia/core/session_runner.hpp"

namespace fascia::cli {

// An area as people read it: the region's name, with "(left)" or "(right)"
// when only one side is meant; the id itself when the knowledge base has no such region.
std::string area_name(const core::KnowledgeBase& kb, const std::string& region, core::Side side);

// Who put a clearance on record, in words for any reader: "signed in fascia
// by the practitioner" or "entered by the person, not signed by a practitioner".
std::string clearance_recorder(const core::ClearanceEntry& clearance);
void print_disclaimer(std::ostream& out);
void print_reason(std::ostream& out, const core::Reason& reason, const char* indent = "  - ");
// Each reason once: one with the same rule and words as an earlier one (the
// same change made to several steps) is not repeated.
void print_distinct_reasons(std::ostream& out, const std::vector<core::Reason>& reasons);
void print_clearance(std::ostream& out, const core::KnowledgeBase& kb, const core::Clearance& clearance);
// One line per step (technique, area, edge, pressure, dose); with
// `with_cues`, each step's cues and cautions under it (a printed handout),
// one that applies to several steps only under the first.
void print_session_outline(std::ostream& out, const core::KnowledgeBase& kb, const core::PlannedSession& session,
                           bool with_cues = false);
void print_plan(std::ostream& out, const core::KnowledgeBase& kb, const core::Plan& plan);
void print_today(std::ostream& out, const core::KnowledgeBase& kb, const core::TodayView& view);
void print_card(std::ostream& out, const core::KnowledgeBase& kb, const core::StepCard& card, std::size_t number,
                std::size_t total);
void print_stop_outcome(std::ostream& out, const core::StopOutcome& outcome);
// Who reads a progress page: the person, or a linked practitioner (who is
// told how they clear a warning sign, not the person's own command).
enum class ProgressReader { person, practitioner };
void print_progress(std::ostream& out, const core::KnowledgeBase& kb, const core::Progress& progress,
                    ProgressReader reader = ProgressReader::person);
void print_referral(std::ostream& out, const std::vector<core::ReferralSuggestion>& suggestions,
                    const std::vector<core::Reason>& warnings);

// The areas of warning signs that still wait for a practitioner's recorded
// clearance ("Side of the neck (left)"), each once, in the order of the
// findings; not those a clearance lifted on every area, which wait only for
// the safety questions to be answered again. As the web's clearance form
// offers them (client-clearance-form.tsx).
std::vector<std::string> areas_awaiting_clearance(const core::KnowledgeBase& kb, const core::Clearance& clearance);

}  // namespace fascia::cli
