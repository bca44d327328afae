#include "fascia/core/session_runner.hpp"

#include <algorithm>

#include "fascia/core/finder.hpp"

namespace fascia::core {

SessionRunner::SessionRunner(const KnowledgeBase& kb, PlannedSession session, Date date)
    : kb_(kb), session_(std::move(session)) {
  for (const auto& step : session_.steps) {
    if (step.per_side && step.side == Side::both) {
      cards_.push_back({&step, Side::left, false});
      cards_.push_back({&step, Side::right, true});
    } else {
      cards_.push_back({&step, step.side, false});
    }
  }
  log_.date = date;
  log_.protocol = session_.protocol;
  log_.target_region = session_.target_region;
  log_.side = session_.side;
}

StepLog SessionRunner::start_log(StepStatus status) const {
  const StepCard& card = current();
  StepLog entry;
  entry.index = card.step->index;
  entry.technique = card.step->technique;
  entry.region = card.step->region;
  entry.side = card.side;
  entry.modality = card.step->modality;
  entry.status = status;
  return entry;
}

Result<std::optional<Reason>> SessionRunner::done(int amount, std::optional<int> pressure) {
  if (finished()) return fail(ErrorCode::precondition, "the session is already over");
  if (amount < 0 || amount > kMaxStepAmount)
    return fail(ErrorCode::out_of_range,
                "amount " + std::to_string(amount) + " is outside 0.." + std::to_string(kMaxStepAmount));
  if (pressure && (*pressure < 0 || *pressure > 10))
    return fail(ErrorCode::out_of_range, "pressure " + std::to_string(*pressure) + " is outside 0..10");
  StepLog entry = start_log(StepStatus::done);
  (current().step->unit == DoseUnit::strokes ? entry.strokes : entry.seconds) = amount;
  entry.pressure_used = pressure;
  std::optional<Reason> warning;
  const auto& planned = current().step->pressure;
  if (pressure && planned && *pressure > planned->max) {
    warning = Reason{"pressure-above-plan",
                     "you used " + std::to_string(*pressure) + "/10 where the plan allows " +
                         std::to_string(planned->max) + "/10; go lighter next time",
                     current().step->source};
    entry.note = warning->text;
  }
  log_.steps.push_back(std::move(entry));
  ++position_;
  return warning;
}

Result<void> SessionRunner::skip(const std::string& reason) {
  if (finished()) return fail(ErrorCode::precondition, "the session is already over");
  StepLog entry = start_log(StepStatus::skipped);
  entry.note = reason;
  log_.steps.push_back(std::move(entry));
  ++position_;
  return {};
}

Result<StopOutcome> stop_outcome(const KnowledgeBase& kb, const std::vector<std::string>& signs) {
  if (signs.empty()) return fail(ErrorCode::invalid_argument, "say which warning sign made you stop");
  std::vector<const StopSign*> found;
  for (const auto& id : signs) {
    auto it = kb.stop_signs.find(id);
    if (it == kb.stop_signs.end())
      return fail(ErrorCode::unknown_name, "unknown warning sign '" + id + "' (see: fascia kb list stop-signs)");
    // A sign named twice is one report.
    if (std::find(found.begin(), found.end(), &it->second) == found.end()) found.push_back(&it->second);
  }
  std::stable_sort(found.begin(), found.end(), [](auto* a, auto* b) { return a->action > b->action; });

  StopOutcome outcome;
  outcome.action = found.front()->action;
  for (const StopSign* s : found) {
    outcome.advice.push_back({s->id, s->advice, s->source});
    if (const FinderNeed* need = need_for_stop_sign(kb, s->id); need != nullptr && !outcome.finder_need)
      outcome.finder_need = need->id;
    if (!s->rescreen_question.empty() &&
        std::find(outcome.rescreen.begin(), outcome.rescreen.end(), s->rescreen_question) == outcome.rescreen.end())
      outcome.rescreen.push_back(s->rescreen_question);
  }
  outcome.session_over = outcome.action != StopAction::stop_step;
  return outcome;
}

Result<StopOutcome> SessionRunner::stop(const std::vector<std::string>& signs, int amount_done) {
  if (finished()) return fail(ErrorCode::precondition, "the session is already over");
  if (signs.empty()) return fail(ErrorCode::invalid_argument, "say which warning sign made you stop");
  if (amount_done < 0 || amount_done > kMaxStepAmount)
    return fail(ErrorCode::out_of_range,
                "amount " + std::to_string(amount_done) + " is outside 0.." + std::to_string(kMaxStepAmount));
  auto outcome = stop_outcome(kb_, signs);
  if (!outcome) return outcome;
  StepLog entry = start_log(StepStatus::stopped);
  (current().step->unit == DoseUnit::strokes ? entry.strokes : entry.seconds) = amount_done;
  // Every sign reported is kept, most severe first (the advice's order).
  entry.stop_sign = outcome->advice.front().rule;
  for (std::size_t i = 1; i < outcome->advice.size(); ++i) entry.other_stop_signs.push_back(outcome->advice[i].rule);
  if (outcome->session_over) {
    log_.stopped = true;
    log_.stop_sign = entry.stop_sign;
    log_.other_stop_signs = entry.other_stop_signs;
  }
  log_.steps.push_back(std::move(entry));
  ++position_;
  return outcome;
}

}  // namespace fascia::core
