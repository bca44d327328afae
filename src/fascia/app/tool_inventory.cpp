#include "fascia/app/tool_inventory.hpp"

#include <algorithm>

namespace fascia::app {

core::Result<std::vector<std::string>> expand_owned_tools(const core::KnowledgeBase& kb,
                                                          const std::vector<std::string>& names) {
  std::set<std::string> tools;
  for (const auto& name : names) {
    if (kb.tools.count(name)) {
      tools.insert(name);
    } else if (auto kit = kb.kits.find(name); kit != kb.kits.end()) {
      tools.insert(kit->second.tools.begin(), kit->second.tools.end());
    } else {
      return core::fail(core::ErrorCode::unknown_name,
                        "unknown tool or kit '" + name + "' (see: fascia kb list tools, fascia kb list kits)");
    }
  }
  return std::vector<std::string>(tools.begin(), tools.end());
}

}  // namespace fascia::app
