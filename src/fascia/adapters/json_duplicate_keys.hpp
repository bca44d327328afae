// Objects that name a field twice. nlohmann keeps the last of them, another
// reader might keep the first, so such a document means different things to
// different programs; fascia refuses it (API bodies and imports).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fascia::adapters {

// Finds the first field repeated within one object and remembers its dotted
// path. Fed by nlohmann's parser callback events, so a caller that parses
// with its own callback (the import also limits depth) uses it in the same pass.
class DuplicateKeyFinder {
 public:
  // Takes one parser event; always true (keep the value).
  bool on_event(nlohmann::detail::parse_event_t event, const nlohmann::json& parsed);
  // The dotted path of the first repeated field ("regions[1].pain"), if any.
  const std::optional<std::string>& found() const { return found_; }
  // The dotted path of the value being read.
  std::string path() const;

 private:
  struct Frame {
    bool is_array;
    std::size_t index;
    std::string key;
    std::set<std::string> keys;
  };
  std::vector<Frame> stack_;
  std::optional<std::string> found_;
};

}  // namespace fascia::adapters
