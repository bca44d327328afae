// Readers for screening questions, screening rules and stop signs.
#include <algorithm>

#include "fascia/adapters/kb_readers.hpp"

namespace fascia::adapters::kb {

namespace {

constexpr std::string_view kModalityWords = "instrument, compression, pressure, movement, preparation, percussion";

template <class Entry>
bool id_taken(const std::vector<Entry>& entries, const std::string& id) {
  return std::any_of(entries.begin(), entries.end(), [&](const Entry& entry) { return entry.id == id; });
}

void report_if_taken(bool taken, const EntryReader& e) {
  if (taken) e.report(e.line_of("id"), "id is already used by another " + std::string(e.kind()));
}

std::vector<core::Modality> read_modalities(const EntryReader& e) {
  std::vector<core::Modality> modalities;
  const Node* list = e.list("modalities", Need::optional);
  if (list == nullptr) return modalities;
  for (const Node& item : list->items) {
    auto modality = item.kind == Node::Kind::scalar ? core::modality_from_string(item.text) : std::nullopt;
    if (modality)
      modalities.push_back(*modality);
    else
      e.report_not_one_of(item, "modalities", kModalityWords);
  }
  return modalities;
}

bool asks_for_regions(const core::KnowledgeBase& kb, const core::ScreeningRule& rule) {
  auto is_regions = [&](const std::string& id) {
    const core::Question* question = kb.question(id);
    return question != nullptr && question->kind == core::QuestionKind::regions;
  };
  return std::any_of(rule.all_of.begin(), rule.all_of.end(), is_regions) ||
         std::any_of(rule.any_of.begin(), rule.any_of.end(), is_regions);
}

// The rules on which fields go with which level (docs/KNOWLEDGE_BASE.md, "Screening rules").
void check_rule(const core::ScreeningRule& rule, bool level_known, const EntryReader& e, const LoadState& state) {
  if (rule.all_of.empty() && rule.any_of.empty()) e.report(e.line(), "needs all_of or any_of");
  if (!level_known) return;
  if (rule.level == core::ClearanceLevel::urgent || rule.level == core::ClearanceLevel::emergency) {
    const std::string prefix =
        "is " + std::string(core::to_string(rule.level)) + " and stops everything, so it must not have ";
    if (!rule.regions.empty()) e.report(e.line_of("regions"), prefix + "regions");
    if (rule.answered_regions) e.report(e.line_of("answered_regions"), prefix + "answered_regions");
    if (!rule.modalities.empty()) e.report(e.line_of("modalities"), prefix + "modalities");
  }
  if (rule.level != core::ClearanceLevel::self_care_with_cautions) {
    if (rule.pressure_cap)
      e.report(e.line_of("pressure_cap"), "pressure_cap is only for self-care-with-cautions rules");
    if (rule.gentle) e.report(e.line_of("gentle"), "gentle is only for self-care-with-cautions rules");
  }
  if (rule.answered_regions && state.refs.available(RefKind::question) && !asks_for_regions(state.kb, rule))
    e.report(e.line_of("answered_regions"), "answered_regions needs a question of kind regions in all_of or any_of");
}

}  // namespace

void read_questions(const Node& root, std::string_view file, LoadState& state) {
  const Keys keys = {"id", "text", "kind", "group", "help", "source"};
  for_each_entry(root, "questions", "question", keys, context(file, state), [&](EntryReader& e) {
    core::Question question;
    question.id = e.id();
    question.text = e.text("text", Need::required);
    question.kind = e.word("kind", Need::required, core::question_kind_from_string, "yes-no, regions")
                        .value_or(core::QuestionKind::yes_no);
    question.group = e.text("group", Need::required);
    question.help = e.text("help", Need::optional);
    question.source = e.source();
    if (question.id.empty()) return;
    const bool taken = id_taken(state.kb.questions, question.id);
    report_if_taken(taken, e);
    if (!taken) state.kb.questions.push_back(std::move(question));
  });
}

void read_rules(const Node& root, std::string_view file, LoadState& state) {
  const Keys keys = {"id",         "all_of",       "any_of", "level",  "regions", "answered_regions",
                     "modalities", "pressure_cap", "gentle", "advice", "source", "until_cleared"};
  for_each_entry(root, "rules", "rule", keys, context(file, state), [&](EntryReader& e) {
    core::ScreeningRule rule;
    rule.id = e.id();
    rule.all_of = e.refs("all_of", Need::optional, RefKind::question);
    rule.any_of = e.refs("any_of", Need::optional, RefKind::question);
    auto level = e.word("level", Need::required, core::clearance_level_from_string,
                        "cleared, self-care-with-cautions, see-practitioner-first, urgent, emergency");
    rule.level = level.value_or(core::ClearanceLevel::cleared);
    rule.regions = e.refs("regions", Need::optional, RefKind::region);
    rule.answered_regions = e.flag("answered_regions", false);
    rule.modalities = read_modalities(e);
    rule.pressure_cap = e.whole("pressure_cap", Need::optional, 1, 10);
    rule.gentle = e.flag("gentle", false);
    rule.until_cleared = e.flag("until_cleared", false);
    rule.advice = e.text("advice", Need::required);
    rule.source = e.source();
    check_rule(rule, level.has_value(), e, state);
    if (rule.id.empty()) return;
    const bool taken = id_taken(state.kb.screening_rules, rule.id);
    report_if_taken(taken, e);
    if (!taken) state.kb.screening_rules.push_back(std::move(rule));
  });
}

void read_stop_signs(const Node& root, std::string_view file, LoadState& state) {
  const Keys keys = {"id", "name", "action", "advice", "rescreen", "lower_pressure_next_time", "source"};
  for_each_entry(root, "stop_signs", "stop sign", keys, context(file, state), [&](EntryReader& e) {
    core::StopSign sign;
    sign.id = e.id();
    sign.name = e.text("name", Need::required);
    sign.action = e.word("action", Need::required, core::stop_action_from_string, "stop-step, stop-session, emergency")
                      .value_or(core::StopAction::stop_step);
    sign.advice = e.text("advice", Need::required);
    sign.rescreen_question = e.ref("rescreen", Need::optional, RefKind::question);
    sign.lower_pressure_next_time = e.whole("lower_pressure_next_time", Need::optional, 0, 10).value_or(0);
    sign.source = e.source();
    // A yes-no question is set to yes; a regions question marks the area of
    // the step where the session stopped (app::record_session).
    insert_unique(state.kb.stop_signs, std::move(sign), e);
  });
}

}  // namespace fascia::adapters::kb
