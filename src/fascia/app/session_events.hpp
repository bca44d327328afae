// A guided session as the list of what the person did (done / skip / stop
// events), replayed through the core's SessionRunner against the session due
// that day: how the terminal keeps an unfinished or unsaved session (a draft
// written after every step) and saves it later, the same way the server
// replays what the browser posts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fascia/app/journal_store.hpp"
#include "fascia/app/person_state.hpp"
#include "fascia/core/session_runner.hpp"

namespace fascia::app {

struct SessionEvent {
  enum class Kind { done, skip, stop } kind = Kind::done;
  int amount = 0;                  // strokes or seconds done (stop: done before stopping)
  std::optional<int> pressure;     // done: pressure used /10
  std::string reason;              // skip: why
  std::vector<std::string> signs;  // stop: stop-sign ids
  friend bool operator==(const SessionEvent&, const SessionEvent&) = default;
};

// One session in progress or waiting to be saved: whose, which day and
// protocol, the events so far, and once every card is behind (or a stop ended
// it), `finished` and the soreness at the end if given.
struct SessionDraft {
  std::int64_t person_id = 1;
  core::Date date{};
  std::string protocol;
  std::vector<SessionEvent> events;
  bool finished = false;
  std::optional<int> soreness;
  friend bool operator==(const SessionDraft&, const SessionDraft&) = default;
};

// Where drafts are kept between runs (a file next to the journal for the
// terminal). load answers nullopt when there is none; save replaces it
// durably (written, flushed to disk, renamed into place).
class SessionDraftStore {
 public:
  virtual ~SessionDraftStore() = default;
  virtual core::Result<std::optional<SessionDraft>> load() = 0;
  virtual core::Result<void> save(const SessionDraft& draft) = 0;
  virtual core::Result<void> clear() = 0;
  virtual std::string where() const = 0;  // for messages: the file's path
};

// Applies one event. A done pressure above plan adds a warning; a stop adds
// its outcome. Errors: those of SessionRunner (unknown sign, out of range,
// the session already over), unchanged runner on error.
core::Result<void> apply_event(core::SessionRunner& runner, const SessionEvent& event,
                               std::vector<core::StopOutcome>& stops, std::vector<core::Reason>& warnings);

struct SavedDraft {
  core::SessionEntry entry;  // with its id
  std::vector<core::StopOutcome> stops;
  std::vector<core::Reason> warnings;
  std::optional<core::Clearance> clearance;  // when the stops changed the screening
  std::size_t cards = 0;
};

// What save_draft does with a draft whose cards are not all behind it.
enum class UnfinishedDraft {
  refuse,        // precondition error: continue it first
  skip_the_rest  // an interrupted session from an earlier day: the cards not
                 // reached are logged as skipped ("not done"), so the work that
                 // was done still counts in the rest and frequency rules
};

// Saves a draft as the session of its day: replays its events against the
// session due on draft.date for `person` and records it (record_session).
// Errors: precondition when the draft is not finished (with `refuse`), its
// protocol is not due that day (or was saved already), or the events do not
// end the session; the runner's errors; the store's errors (db_locked, ...),
// nothing written.
core::Result<SavedDraft> save_draft(const core::KnowledgeBase& kb, JournalStore& store, PersonState& person,
                                    const SessionDraft& draft, UnfinishedDraft unfinished = UnfinishedDraft::refuse);

}  // namespace fascia::app
