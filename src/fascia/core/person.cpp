#include "fascia/core/person.hpp"

namespace fascia::core {

std::string_view to_string(StepStatus value) {
  switch (value) {
    case StepStatus::done: return "done";
    case StepStatus::skipped: return "skipped";
    case StepStatus::stopped: return "stopped";
  }
  return "?";
}

std::optional<StepStatus> step_status_from_string(std::string_view text) {
  if (text == "done") return StepStatus::done;
  if (text == "skipped") return StepStatus::skipped;
  if (text == "stopped") return StepStatus::stopped;
  return std::nullopt;
}

bool sides_overlap(Side a, Side b) {
  if (a == b) return true;
  if (a == Side::midline || b == Side::midline) return false;
  return a == Side::both || b == Side::both;
}

}  // namespace fascia::core
