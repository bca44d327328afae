#include "fascia/adapters/json_duplicate_keys.hpp"

namespace fascia::adapters {

bool DuplicateKeyFinder::on_event(nlohmann::detail::parse_event_t event, const nlohmann::json& parsed) {
  using Event = nlohmann::detail::parse_event_t;
  if (event == Event::object_start || event == Event::array_start) {
    stack_.push_back({event == Event::array_start, 0, {}, {}});
  } else if (event == Event::key) {
    Frame& frame = stack_.back();
    frame.key = parsed.get<std::string>();
    if (!frame.keys.insert(frame.key).second && !found_) found_ = path();
  } else {  // a value, or the end of an object or array, completes an element
    if (event != Event::value) stack_.pop_back();
    if (!stack_.empty() && stack_.back().is_array) ++stack_.back().index;
  }
  return true;
}

std::string DuplicateKeyFinder::path() const {
  std::string out;
  for (const Frame& f : stack_) {
    if (f.is_array)
      out += "[" + std::to_string(f.index) + "]";
    else
      out = out.empty() ? f.key : out + "." + f.key;
  }
  return out;
}

}  // namespace fascia::adapters
