// Importing a person's whole record (`fascia import FILE`): the one use case
// that replaces everything a person has with a fascia-export file.
#pragma once

#include <cstddef>

#include "fascia/app/journal_store.hpp"
#include "fascia/core/error.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"

namespace fascia::app {

// What an import brought: counts for the confirmation, and how many
// clearances the file marked as signed by a practitioner were kept as the
// person's own entries instead (see import_person_data).
struct ImportSummary {
  std::size_t sessions = 0;
  std::size_t pain_scores = 0;
  std::size_t screenings = 0;
  std::size_t clearances_kept_as_own = 0;
};

// Checks `data` whole (validate_person_data: every error names its position,
// and nothing is written when any is found), then replaces the person's
// record with it in one write (JournalStore::replace_all).
// A file is the person's own word: it cannot prove that a practitioner
// signed a clearance. A clearance marked by_practitioner is kept signed only
// when this database already holds that very clearance (a restore of one's
// own export); any other is kept as entered by the person (by_practitioner
// false, no clinic), so it still lifts the person's own findings, and their
// practitioner still sees it flagged as the client's own (ADR 0026).
// Errors: validate_person_data's, and the store's.
core::Result<ImportSummary> import_person_data(const core::KnowledgeBase& kb, JournalStore& store,
                                               core::PersonData data, core::Date today);

}  // namespace fascia::app
