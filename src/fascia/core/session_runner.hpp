// A guided session as a state machine, free of terminal and timer: it turns a
// planned session into step cards (one per side where a step is done on each
// side), accepts done / skip / stop events, and builds the session log.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fascia/core/error.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"
#include "fascia/core/plan.hpp"
#include "fascia/core/reason.hpp"

namespace fascia::core {

// The most strokes or seconds one step can record, in every interface (the
// terminal, scripts, the API, the web counter, imports): more is a typing error.
inline constexpr int kMaxStepAmount = 3600;

struct StepCard {
  const PlannedStep* step = nullptr;
  Side side = Side::both;
  bool switch_sides = false;  // the second side of a per-side step
};

struct StopOutcome {
  StopAction action = StopAction::stop_step;
  std::vector<Reason> advice;               // one per sign, most severe first
  std::vector<std::string> rescreen;        // yes-no questions now answered yes
  bool session_over = false;
  // The practitioner finder's need of the most severe sign that has one
  // (data/finder.yaml stop_signs), e.g. "medical-check" after dizziness.
  std::optional<std::string> finder_need;
};

// What to do about these warning signs (stop-sign ids, most severe first),
// without logging anything: the action, advice and questions to re-screen.
// unknown_name for an unknown id; invalid_argument when there is none.
Result<StopOutcome> stop_outcome(const KnowledgeBase& kb, const std::vector<std::string>& signs);

class SessionRunner {
 public:
  SessionRunner(const KnowledgeBase& kb, PlannedSession session, Date date);
  SessionRunner(const SessionRunner&) = delete;  // cards point into session_
  SessionRunner& operator=(const SessionRunner&) = delete;

  bool finished() const { return position_ >= cards_.size() || log_.stopped; }
  const StepCard& current() const { return cards_.at(position_); }
  std::size_t position() const { return position_; }
  const std::vector<StepCard>& cards() const { return cards_; }
  const PlannedSession& session() const { return session_; }

  // `amount` is strokes or seconds done; `pressure` the pressure used (/10).
  // A pressure above the step's ceiling is logged with a warning, returned.
  Result<std::optional<Reason>> done(int amount, std::optional<int> pressure);
  Result<void> skip(const std::string& reason);
  // Signs are stop-sign ids; unknown ids are an error and change nothing.
  Result<StopOutcome> stop(const std::vector<std::string>& signs, int amount_done = 0);

  const SessionEntry& log() const { return log_; }

 private:
  StepLog start_log(StepStatus status) const;

  const KnowledgeBase& kb_;
  PlannedSession session_;
  std::vector<StepCard> cards_;
  std::size_t position_ = 0;
  SessionEntry log_;
};

}  // namespace fascia::core
