// Reasons grouped for display: one entry per rule and wording, naming every
// area it applies to once, so that "why not today" after one session on four
// areas reads as one line per rule instead of one per rule and area.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fascia/core/dates.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/reason.hpp"

namespace fascia::core {

struct ReasonArea {
  std::string region;  // region id
  std::string side;    // side word
  std::string name;    // display name with side
  friend bool operator==(const ReasonArea&, const ReasonArea&) = default;
};

struct ReasonGroup {
  std::string rule;
  std::string text;               // no area; any date written as format_long_date ("Tuesday, 8 December 2026")
  std::vector<ReasonArea> areas;  // in first-seen order, each once; empty when the reason is not about areas
  std::optional<Date> date;       // the date in `text`, as a value
  std::string source;
};

// "Base of the skull (left)": a region's name, with the side when only one
// side is meant (no side word for both sides or the midline).
std::string area_label(const std::string& region_name, Side side);

// Marks `r` as being about one area: sets region, side and the display name
// ("Upper trapezius (left)"; no side word for both sides or the midline),
// the area-free wording `general` (with "{date}" where `date` goes) and the date.
Reason about_area(Reason r, const std::string& region, const std::string& region_name, Side side, std::string general,
                  std::optional<Date> date = std::nullopt);

// Groups reasons with the same rule, general wording, date and source, in
// the order each group first appears. A reason without `general` is a group
// of its own text (identical texts merge). Pure; never fails.
std::vector<ReasonGroup> group_reasons(const std::vector<Reason>& reasons);

}  // namespace fascia::core
