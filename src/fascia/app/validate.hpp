// Checks of what a person enters against the knowledge base and the calendar,
// before anything is stored: known ids, sides that fit the region, scores in
// range, dates that are real and not in the future. Each error is one line
// naming the field and the value.
#pragma once

#include "fascia/core/error.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"

namespace fascia::app {

core::Result<void> validate_region_side(const core::KnowledgeBase& kb, const std::string& region, core::Side side,
                                        const std::string& where);
core::Result<void> validate_score(int value, const std::string& what);
core::Result<void> validate_entry_date(core::Date date, core::Date today, const std::string& where);

core::Result<void> validate_profile(const core::KnowledgeBase& kb, const core::Profile& profile);
core::Result<void> validate_pain(const core::KnowledgeBase& kb, const core::PainEntry& e, core::Date today);
core::Result<void> validate_reaction(const core::KnowledgeBase& kb, const core::ReactionEntry& e, core::Date today);
core::Result<void> validate_habit(const core::KnowledgeBase& kb, const core::HabitEntry& e, core::Date today);
core::Result<void> validate_treatment(const core::KnowledgeBase& kb, const core::TreatmentEntry& e, core::Date today);
core::Result<void> validate_note(const core::NoteEntry& e, core::Date today);
core::Result<void> validate_session(const core::KnowledgeBase& kb, const core::SessionEntry& e, core::Date today);
// A clinic treatment as an import brings it: app::check_clinic_treatment,
// and who recorded it (positive ids, an account name within its limit).
core::Result<void> validate_clinic_treatment(const core::KnowledgeBase& kb, const core::ClinicTreatmentEntry& e,
                                             core::Date today);
// Everything an import brings, with its position named in any error.
core::Result<void> validate_person_data(const core::KnowledgeBase& kb, const core::PersonData& data, core::Date today);

}  // namespace fascia::app
