// Turns what a person says they own (tool ids and kit ids) into the set of
// tools and edges the planner may use.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "fascia/core/error.hpp"
#include "fascia/core/knowledge_base.hpp"

namespace fascia::app {

// Expands kit ids into their tools; unknown names are an unknown_name error.
core::Result<std::vector<std::string>> expand_owned_tools(const core::KnowledgeBase& kb,
                                                          const std::vector<std::string>& names);

}  // namespace fascia::app
