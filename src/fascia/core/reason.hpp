// A reason the rules give for a decision: which rule, in plain words, and the
// source that backs it. Every refusal, exclusion and adjustment carries one.
#pragma once

#include <optional>
#include <string>

#include "fascia/core/dates.hpp"

namespace fascia::core {

struct Reason {
  std::string rule;    // rule or cap id
  std::string text;    // plain-language explanation (complete: names the area and any date, ISO)
  std::string source;  // id from data/sources.yaml
  // (Default member initialisers keep {rule, text, source} free of warnings.)
  // Optional structure, so that display can group reasons (see reason_groups.hpp).
  // Reasons about one area set `region`, `side` and `area`; `general` is the
  // text without the area and with "{date}" where `date` belongs. Empty
  // `general` means `text` is shown as it is.
  std::string region = {};        // region id, "" when the reason is not about one area
  std::string side = {};          // "left", "right", "both" or "midline"; "" with no region
  std::string area = {};          // display name of the area with its side, e.g. "Upper trapezius (left)"
  std::string general = {};       // e.g. "at least 48 h must pass between instrument sessions; next allowed {date}"
  std::optional<Date> date = {};  // fills "{date}" in `general`
  friend bool operator==(const Reason&, const Reason&) = default;
};

}  // namespace fascia::core
