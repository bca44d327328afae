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

std::vector<std::string> SessionEntry::stop_signs() const {
  std::vector<std::string> out;
  if (!stop_sign.empty()) out.push_back(stop_sign);
  out.insert(out.end(), other_stop_signs.begin(), other_stop_signs.end());
  return out;
}

bool sides_overlap(Side a, Side b) {
  if (a == b) return true;
  if (a == Side::midline || b == Side::midline) return false;
  return a == Side::both || b == Side::both;
}

std::optional<RegionSide> region_side_from_string(std::string_view text) {
  const auto colon = text.find(':');
  RegionSide out{std::string(text.substr(0, colon)), Side::both};
  if (out.region.empty()) return std::nullopt;
  if (colon != std::string_view::npos) {
    auto side = side_from_string(text.substr(colon + 1));
    if (!side) return std::nullopt;
    out.side = *side;
  }
  return out;
}

bool same_region_sides_overlap(Side a, Side b) {
  return !((a == Side::left && b == Side::right) || (a == Side::right && b == Side::left));
}

}  // namespace fascia::core
