// Turning a JSON value into text without ever throwing on what it holds:
// strings that are not UTF-8 (text stored before it was checked, or given on
// the command line) come out with U+FFFD in place of each bad byte, where
// nlohmann's plain dump() would throw.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace fascia::adapters {

// `indent` as for nlohmann::json::dump: -1 compact, 2 for the terminal.
inline std::string json_text(const nlohmann::json& value, int indent = -1) {
  return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace fascia::adapters
