// Importing a person's whole record (`fascia import FILE`): the one use case
// that replaces what a person has with a fascia-export file (ADR 0027).
#pragma once

#include <cstddef>

#include "fascia/app/journal_store.hpp"
#include "fascia/core/error.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"

namespace fascia::app {

// What an import brought: counts for the confirmation; how many clearances
// the file marked as signed by a practitioner were kept as the person's own
// entries instead; and how many of the records practitioners made (home
// program versions, clinic treatments, signed clearances) this database
// holds were kept as they are although the file left them out.
struct ImportSummary {
  std::size_t sessions = 0;
  std::size_t pain_scores = 0;
  std::size_t screenings = 0;
  std::size_t clearances_kept_as_own = 0;
  std::size_t practitioner_records_kept = 0;
};

// Checks `data` whole (validate_person_data: every error names its position),
// then replaces the person's own entries with the file's in one write
// (JournalStore::replace_all). A file is the person's word; what a
// practitioner recorded is not theirs to write:
// - home program versions and clinic treatments: the file may hold only
//   those this database already holds, exactly; this database's own are all
//   kept, whether or not the file has them;
// - a clearance the file marks as signed by a practitioner stays signed only
//   when this database holds that very clearance; any other is kept as
//   entered by the person (by_practitioner false, no clinic), so it still
//   lifts their own warning signs and their practitioner sees it as theirs
//   (ADR 0026); the signed clearances this database holds are all kept.
// Nothing is written when any check fails. Errors: validate_person_data's;
// invalid_argument naming the program version or clinic treatment the
// database does not hold ("programs[1]: …"); the store's own.
core::Result<ImportSummary> import_person_data(const core::KnowledgeBase& kb, JournalStore& store,
                                               core::PersonData data, core::Date today);

}  // namespace fascia::app
