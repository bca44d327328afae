// Screening answers written as a small YAML map, for non-interactive use:
//   recent-trauma: no
//   open-wound: [calves]      # a region question: the regions, or no
// Errors name the origin and line: "answers.yaml:3: ...".
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "fascia/core/error.hpp"
#include "fascia/core/person.hpp"

namespace fascia::adapters {

core::Result<std::map<std::string, core::Answer>> parse_answers(std::string_view text, const std::string& origin);

}  // namespace fascia::adapters
