// Parsing of the small argument forms the commands share: REGION[:SIDE[:PAIN]],
// day lists, comma lists, numbers. Errors are one line naming the argument.
#pragma once

#include <string>
#include <vector>

#include "fascia/core/error.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"

namespace fascia::cli {

std::vector<std::string> split(const std::string& text, char sep);
core::Result<int> parse_int(const std::string& text, const std::string& what);
// "upper-trapezius", "upper-trapezius:left" or "upper-trapezius:left:6";
// the side defaults to both (midline for midline regions).
core::Result<core::RegionTarget> parse_region_arg(const core::KnowledgeBase& kb, const std::string& text,
                                                  bool with_pain);

// A clearance from the terminal's options: --date (YYYY-MM-DD, default
// today), --region REGION[:SIDE] (repeated; none = every warning sign),
// --note, signed `by`. bad_date naming --date; parse_region_arg's errors.
core::Result<core::ClearanceEntry> clearance_from_args(const core::KnowledgeBase& kb, core::Date today,
                                                       const std::string& date, const std::vector<std::string>& regions,
                                                       const std::string& note, const std::string& by);
core::Result<std::vector<int>> parse_days(const std::string& text);
core::Result<core::Side> parse_side(const std::string& text);

}  // namespace fascia::cli
