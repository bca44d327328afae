// Monitoring (issue 10, point 6): a practitioner's clients ordered by what
// needs attention (core::attention_flags), and one client's progress page.
// Reading a client for either IS a read of their data: only the parts the
// client shares are read, and every client shown is logged in the access log
// (once per view) before anything of theirs is read. Times are Unix seconds,
// passed in.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "fascia/app/account_store.hpp"
#include "fascia/app/clinic_store.hpp"
#include "fascia/app/journal_store.hpp"
#include "fascia/app/original_plan_cache.hpp"
#include "fascia/core/attention.hpp"
#include "fascia/core/progress.hpp"

namespace fascia::app {

// What the access log says for a client seen on the monitoring list.
inline constexpr const char* kMonitoringWhat = "viewed on the monitoring list";

// One client on the list: the link (names, what is shared), the flags raised
// on what is shared, most urgent first, and the parts not shared (journal,
// sessions, screening, in that order), whose flags cannot be known.
struct ClientAttention {
  LinkDetails link;
  std::vector<core::AttentionFlag> flags;
  std::vector<core::CareArea> not_shared;
};

// How much of a client's journal their flags are read from. `recent`: the
// entries since core::attention_reads_from(today), then the whole journal
// only when core::recent_journal_suffices says they do not settle every flag
// (the flags are the same either way; a year of journal is read in a
// fraction of the time). `whole`: always everything.
enum class JournalReach { recent, whole };

// One client's flags on `today` (core::attention_flags) from what `link`
// shares, read through `store`, which must be bound to the client. Logs
// nothing: the caller has logged the read. With `plans`, the plan as first
// made comes from that memo (the flags are the same). Errors: the store's own.
core::Result<std::vector<core::AttentionFlag>> client_flags(const core::KnowledgeBase& kb, JournalStore& store,
                                                            const LinkDetails& link, core::Date today,
                                                            JournalReach reach, OriginalPlanCache* plans = nullptr);

// Every live linked client of the practitioner in their clinic, ordered by
// their most urgent flag (core::more_urgent), clients without flags last,
// ties in link order. First logs one read per client in one transaction
// (area: the first part shared of journal, sessions, screening, else link;
// what: kMonitoringWhat and the parts read), then reads each client (client_flags, the recent journal first)
// through `store`, which it rebinds to each in turn (left bound to the last).
// Errors: forbidden for an account that is not a practitioner of a clinic
// (nothing logged); the stores' own errors. `plans`: as for client_flags
// (the server keeps one; the terminal, which lists once, none).
core::Result<std::vector<ClientAttention>> attention_list(const core::KnowledgeBase& kb, ClinicStore& clinics,
                                                          JournalStore& store, const Account& practitioner,
                                                          core::Date today, std::int64_t now,
                                                          OriginalPlanCache* plans = nullptr);

// A client's progress page: pain by region against the meaningful-change
// band, the week-4 review, the changes the rules made (from the journal
// part); sessions and adherence only when sessions are shared; the screening
// history and clearances only when screening is shared.
struct ClientProgress {
  LinkDetails link;
  core::Progress progress;  // weeks empty unless sessions are shared; safety_findings/clearances unless screening
  std::vector<core::AttentionFlag> flags;
  std::size_t sessions = 0;  // logged sessions, when shared
};

// Reached through app::reach_client (area journal, logged as "read progress
// on the client page") before anything is read. Errors: those of
// reach_client (not_found for no live link; forbidden when the journal is
// not shared or the account is not a practitioner); precondition when the
// client has no profile or screening yet (nothing to measure against); the
// store's own errors. `store` must be bound to `client`.
core::Result<ClientProgress> client_progress(const core::KnowledgeBase& kb, ClinicStore& clinics, JournalStore& store,
                                             const Account& practitioner, std::int64_t client, core::Date today,
                                             std::int64_t now);

}  // namespace fascia::app
