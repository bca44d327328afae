// A guided session as the list of what the person did (done / skip / stop
// events), replayed through the core's SessionRunner against the session due
// that day: how the terminal keeps an unfinished or unsaved session (a draft
// written after every step) and saves it later, the same way the server
// replays what the browser posts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <tl/expected.hpp>
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

// Why a draft was not saved, typed so that each interface words it and maps
// it (an exit code, an HTTP status and field) its own way. Nothing was
// written in every case.
struct DraftRefusal {
  enum class Why {
    unfinished,    // UnfinishedDraft::refuse and the draft is not marked finished
    blocked,       // the screening says not to self-treat that day (a safety refusal)
    not_due,       // its protocol is not due that day: nothing is, another one is, or it was saved already
    bad_event,     // the session runner refused events[event] (an unknown sign, an amount out of range,
                   // an event after the session had ended)
    incomplete,    // the events end before the session does
    not_recorded,  // record_session refused the session (a check failed) or the store failed
                   // (db_locked, db_full, ...)
  };
  Why why = Why::not_recorded;
  core::Error error;      // the code and one line: due_session's, the runner's, record_session's
  std::size_t event = 0;  // bad_event: which event (0-based)
  std::size_t cards = 0;  // incomplete: how many steps the session has
};

// Saves a draft as the session of its day: replays its events against the
// session due on draft.date for `person` and records it (record_session).
// The one replay of a session's events: the terminal's kept sessions and the
// server's POST /api/v1/sessions both call it. Errors: a DraftRefusal.
tl::expected<SavedDraft, DraftRefusal> save_draft(const core::KnowledgeBase& kb, JournalStore& store,
                                                  PersonState& person, const SessionDraft& draft,
                                                  UnfinishedDraft unfinished = UnfinishedDraft::refuse);

}  // namespace fascia::app
