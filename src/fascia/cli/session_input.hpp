// Where a guided session's decisions come from: a person at the terminal
// (timers, stroke counter, prompts) or a script of lines (tests, automation):
//   done [AMOUNT] [PRESSURE] | skip [REASON] | stop SIGN[,SIGN] [AMOUNT] | soreness N
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "fascia/core/error.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/session_runner.hpp"

namespace fascia::cli {

struct StepDecision {
  enum class Kind { done, skip, stop } kind = Kind::done;
  int amount = 0;
  std::optional<int> pressure;
  std::string reason;
  std::vector<std::string> signs;
};

class SessionInput {
 public:
  virtual ~SessionInput() = default;
  // Errors: malformed script lines, or input that ended early.
  virtual core::Result<StepDecision> decide(const core::StepCard& card) = 0;
  // Soreness 0-10 right after the session, if the person gives one.
  virtual core::Result<std::optional<int>> soreness_after() = 0;
};

class ScriptInput final : public SessionInput {
 public:
  ScriptInput(std::istream& in, std::string origin) : in_(in), origin_(std::move(origin)) {}
  core::Result<StepDecision> decide(const core::StepCard& card) override;
  core::Result<std::optional<int>> soreness_after() override;

 private:
  bool next_line(std::vector<std::string>& words);
  core::Error error(const std::string& message) const;
  std::istream& in_;
  std::string origin_;
  int line_ = 0;
};

// Real timers unless `fast`; the stroke counter counts Enter presses.
class TerminalInput final : public SessionInput {
 public:
  TerminalInput(std::istream& in, std::ostream& out, const core::KnowledgeBase& kb, bool fast)
      : in_(in), out_(out), kb_(kb), fast_(fast) {}
  core::Result<StepDecision> decide(const core::StepCard& card) override;
  core::Result<std::optional<int>> soreness_after() override;

 private:
  std::vector<std::string> ask_signs(const core::StepCard& card);
  std::optional<int> ask_number(const std::string& prompt, int min, int max);
  bool countdown(int seconds);  // false when the person asked to stop
  std::istream& in_;
  std::ostream& out_;
  const core::KnowledgeBase& kb_;
  bool fast_;
};

}  // namespace fascia::cli
