#include "fascia/cli/session_input.hpp"

#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <sstream>
#include <thread>

#include "fascia/app/text_limits.hpp"
#include "fascia/cli/args.hpp"

namespace fascia::cli {

namespace {
std::vector<std::string> words_of(const std::string& line) {
  std::istringstream ss(line);
  std::vector<std::string> words;
  for (std::string w; ss >> w;) words.push_back(w);
  return words;
}
}  // namespace

// ---- script ----------------------------------------------------------------

core::Error ScriptInput::error(const std::string& message) const {
  return {core::ErrorCode::invalid_argument, origin_ + ":" + std::to_string(line_) + ": " + message};
}

bool ScriptInput::next_line(std::vector<std::string>& words) {
  std::string line;
  while (std::getline(in_, line)) {
    ++line_;
    words = words_of(line);
    if (!words.empty() && words[0][0] != '#') return true;
  }
  return false;
}

core::Result<StepDecision> ScriptInput::decide(const core::StepCard& card) {
  std::vector<std::string> w;
  if (!next_line(w))
    return tl::make_unexpected(
        error("the script ended before the session did; the steps done so far are kept (continue with --resume)"));
  StepDecision d;
  if (w[0] == "done") {
    d.kind = StepDecision::Kind::done;
    d.amount = card.step->target;
    if (w.size() > 3) return tl::make_unexpected(error("done takes at most an amount and a pressure"));
    if (w.size() >= 2) {
      auto a = parse_int(w[1], "amount");
      if (!a) return tl::make_unexpected(error(a.error().message));
      d.amount = *a;
    }
    if (w.size() == 3) {
      auto p = parse_int(w[2], "pressure");
      if (!p) return tl::make_unexpected(error(p.error().message));
      d.pressure = *p;
    }
  } else if (w[0] == "skip") {
    d.kind = StepDecision::Kind::skip;
    for (std::size_t i = 1; i < w.size(); ++i) d.reason += (i > 1 ? " " : "") + w[i];
    if (auto ok = app::check_text(d.reason, app::kStepNoteLimit, "skip reason"); !ok)
      return tl::make_unexpected(error(ok.error().message));
  } else if (w[0] == "stop") {
    d.kind = StepDecision::Kind::stop;
    if (w.size() < 2 || w.size() > 3) return tl::make_unexpected(error("stop takes SIGN[,SIGN] [AMOUNT]"));
    d.signs = split(w[1], ',');
    if (w.size() == 3) {
      auto a = parse_int(w[2], "amount");
      if (!a) return tl::make_unexpected(error(a.error().message));
      d.amount = *a;
    }
  } else {
    return tl::make_unexpected(error("'" + w[0] + "' is not done, skip or stop"));
  }
  return d;
}

core::Result<std::optional<int>> ScriptInput::soreness_after() {
  std::vector<std::string> w;
  if (!next_line(w)) return std::optional<int>{};
  if (w[0] != "soreness" || w.size() != 2)
    return tl::make_unexpected(error("after the last step only 'soreness N' may follow"));
  auto n = parse_int(w[1], "soreness");
  if (!n) return tl::make_unexpected(error(n.error().message));
  return std::optional<int>{*n};
}

// ---- terminal --------------------------------------------------------------

std::optional<int> TerminalInput::ask_number(const std::string& prompt, int min, int max) {
  for (;;) {
    out_ << prompt << std::flush;
    std::string line;
    if (!std::getline(in_, line) || line.empty()) return std::nullopt;
    auto n = parse_int(line, "number");
    if (n && *n >= min && *n <= max) return *n;
    out_ << "  Please type a number from " << min << " to " << max << ", or just Enter.\n";
  }
}

bool TerminalInput::countdown(int seconds) {
  constexpr int kWidth = 30;
  for (int left = seconds; left >= 0; --left) {
    const int filled = seconds == 0 ? kWidth : (seconds - left) * kWidth / seconds;
    out_ << "\r  [" << std::string(static_cast<std::size_t>(filled), '#')
         << std::string(static_cast<std::size_t>(kWidth - filled), '.') << "] " << left << " s left   (x + Enter to stop) "
         << std::flush;
    if (left == 0) break;
    if (fast_) continue;
    pollfd fd{STDIN_FILENO, POLLIN, 0};
    if (poll(&fd, 1, 1000) > 0) {
      std::string line;
      std::getline(in_, line);
      if (line == "x") {
        out_ << "\n";
        return false;
      }
    }
  }
  out_ << "\a\n  Time. ";
  return true;
}

std::vector<std::string> TerminalInput::ask_signs(const core::StepCard& card) {
  std::vector<std::string> ids = card.step->stop_signs;
  for (const auto& [id, sign] : kb_.stop_signs)
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  out_ << "  What made you stop? (numbers, comma-separated)\n";
  for (std::size_t i = 0; i < ids.size(); ++i) out_ << "    " << i + 1 << ". " << kb_.stop_signs.at(ids[i]).name << "\n";
  for (;;) {
    out_ << "  > " << std::flush;
    std::string line;
    if (!std::getline(in_, line)) return {ids.front()};
    std::vector<std::string> chosen;
    bool ok = true;
    for (const auto& part : split(line, ',')) {
      auto n = parse_int(part, "choice");
      if (!n || *n < 1 || *n > static_cast<int>(ids.size())) ok = false;
      else chosen.push_back(ids[static_cast<std::size_t>(*n - 1)]);
    }
    if (ok && !chosen.empty()) return chosen;
    out_ << "  Please type one or more of the numbers above.\n";
  }
}

core::Result<StepDecision> TerminalInput::decide(const core::StepCard& card) {
  const core::PlannedStep& step = *card.step;
  StepDecision d;
  const bool timed = step.unit == core::DoseUnit::seconds;
  out_ << (timed ? "  Enter = start the timer, s = skip, x = stop: " : "  Enter = count a stroke, or type the total; s = skip, x = stop\n")
       << std::flush;
  int count = 0;
  for (;;) {
    std::string line;
    if (!std::getline(in_, line))
      return core::fail(core::ErrorCode::invalid_argument,
                        "input ended during the session; the steps done so far are kept: run fascia session again to "
                        "continue");
    if (line == "s") {
      d.kind = StepDecision::Kind::skip;
      for (;;) {  // the same limit as every other way a step note arrives
        out_ << "  Why skip? (optional) " << std::flush;
        if (!std::getline(in_, d.reason)) {
          d.reason.clear();
          break;
        }
        auto fits = app::check_text(d.reason, app::kStepNoteLimit, "the reason");
        if (fits) break;
        out_ << "  " << fits.error().message << "; please type it again.\n";
      }
      return d;
    }
    if (line == "x") break;
    if (timed) {
      if (!countdown(step.target)) break;
      d.amount = step.target;
    } else if (line.empty()) {
      out_ << "  stroke " << ++count << " / " << step.target << "\r" << std::flush;
      if (count < step.target) continue;
      out_ << "\a\n  Target reached. ";
      d.amount = count;
    } else {
      auto n = parse_int(line, "strokes");
      if (!n || *n < 0) {
        out_ << "  Type a number, Enter, s or x.\n";
        continue;
      }
      d.amount = *n;
    }
    if (step.pressure) d.pressure = ask_number("Pressure you used, 0-10 (Enter to skip): ", 0, 10);
    else out_ << "\n";
    return d;
  }
  d.kind = StepDecision::Kind::stop;
  d.amount = timed ? 0 : count;
  d.signs = ask_signs(card);
  return d;
}

core::Result<std::optional<int>> TerminalInput::soreness_after() {
  return ask_number(
      "\nHow sore is the worked area right now, 0-10? (kept as soreness at the end, not as the check-in; Enter to "
      "skip): ",
      0, 10);
}

}  // namespace fascia::cli
