#include "fascia/app/person_import.hpp"

#include <algorithm>
#include <string>

#include "fascia/app/validate.hpp"

namespace fascia::app {

namespace {

template <class T>
bool holds(const std::vector<T>& held, const T& entry) {
  return std::find(held.begin(), held.end(), entry) != held.end();
}

// The first entry of `from_file` the database does not hold, as an error
// naming it; none when every one is held.
template <class T, class Describe>
core::Result<void> only_held(const std::vector<T>& from_file, const std::vector<T>& held, const std::string& field,
                             Describe describe) {
  for (std::size_t i = 0; i < from_file.size(); ++i)
    if (!holds(held, from_file[i]))
      return core::fail(core::ErrorCode::invalid_argument,
                        field + "[" + std::to_string(i) + "]: " + describe(from_file[i]) +
                            " is not in this database as the file has it: a file cannot bring in or change what a "
                            "practitioner recorded; remove it from the file (the database keeps its own record)");
  return {};
}

// How many of `held` the file does not have: kept all the same.
template <class T>
std::size_t missing_from(const std::vector<T>& held, const std::vector<T>& from_file) {
  return static_cast<std::size_t>(
      std::count_if(held.begin(), held.end(), [&](const T& entry) { return !holds(from_file, entry); }));
}

}  // namespace

core::Result<ImportSummary> import_person_data(const core::KnowledgeBase& kb, JournalStore& store,
                                               core::PersonData data, core::Date today) {
  FASCIA_TRY(validate_person_data(kb, data, today));
  auto held = store.export_all();
  if (!held) return tl::make_unexpected(held.error());
  FASCIA_TRY(only_held(data.programs, held->programs, "programs", [](const core::HomeProgram& p) {
    return "home program " + std::to_string(p.id) + " (version " + std::to_string(p.version) + ", assigned by " +
           p.practitioner + ", " + p.clinic + ")";
  }));
  FASCIA_TRY(only_held(data.journal.clinic_treatments, held->journal.clinic_treatments, "journal.clinic_treatments",
                       [](const core::ClinicTreatmentEntry& t) {
                         return "clinic treatment " + std::to_string(t.id) + " (by " + t.practitioner + ")";
                       }));

  ImportSummary summary;
  summary.practitioner_records_kept = missing_from(held->programs, data.programs) +
                                      missing_from(held->journal.clinic_treatments, data.journal.clinic_treatments);
  data.programs = held->programs;
  data.journal.clinic_treatments = held->journal.clinic_treatments;

  // Clearances: the file's own entries, its signed ones this database holds,
  // the rest of its signed ones as the person's own; then every signed one
  // held here that the file lacks.
  std::vector<core::ClearanceEntry>& clearances = data.journal.clearances;
  // Each signed clearance held here vouches for one entry of the file: a
  // second copy of it is the file's own, not a second signature.
  std::vector<core::ClearanceEntry> unmatched = held->journal.clearances;
  for (auto& clearance : clearances) {
    if (!clearance.by_practitioner) continue;
    if (const auto match = std::find(unmatched.begin(), unmatched.end(), clearance); match != unmatched.end()) {
      unmatched.erase(match);
      continue;
    }
    clearance.by_practitioner = false;
    clearance.clinic_id.reset();
    ++summary.clearances_kept_as_own;
  }
  const std::size_t from_file = clearances.size();
  for (const auto& clearance : held->journal.clearances)
    if (clearance.by_practitioner && !holds(clearances, clearance)) {
      clearances.push_back(clearance);
      ++summary.practitioner_records_kept;
    }
  // Those added back go in their day's place (a file's own order is kept).
  if (clearances.size() != from_file)
    std::stable_sort(clearances.begin(), clearances.end(),
                     [](const core::ClearanceEntry& a, const core::ClearanceEntry& b) { return a.date < b.date; });

  FASCIA_TRY(store.replace_all(data));
  summary.sessions = data.journal.sessions.size();
  summary.pain_scores = data.journal.pain.size();
  summary.screenings = data.screenings.size();
  return summary;
}

}  // namespace fascia::app
