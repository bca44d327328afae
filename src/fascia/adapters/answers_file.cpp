#include "fascia/adapters/answers_file.hpp"

#include <cctype>

#include "fascia/adapters/yaml_tree.hpp"

namespace fascia::adapters {

namespace {
core::Error at(const std::string& origin, int line, const std::string& message) {
  return {core::ErrorCode::malformed_file, origin + ":" + std::to_string(line) + ": " + message};
}
}  // namespace

core::Result<std::map<std::string, core::Answer>> parse_answers(std::string_view text, const std::string& origin) {
  auto root = yaml_tree::parse_text(text);
  if (!root) return tl::make_unexpected(at(origin, root.error().line, root.error().message));
  if (root->kind != yaml_tree::Node::Kind::map)
    return tl::make_unexpected(at(origin, 1, "expected a map of question id to yes, no or a list of regions"));
  std::map<std::string, core::Answer> answers;
  for (const auto& entry : root->entries) {
    const yaml_tree::Node& value = entry.value;
    core::Answer answer;
    if (value.kind == yaml_tree::Node::Kind::list) {
      for (const auto& r : value.items) {
        if (r.kind != yaml_tree::Node::Kind::scalar)
          return tl::make_unexpected(at(origin, r.line, entry.key + ": regions must be names"));
        auto region = core::region_side_from_string(r.text);
        if (!region)
          return tl::make_unexpected(at(origin, r.line, entry.key + ": '" + r.text +
                                                            "' is not REGION or REGION:SIDE (side: left, right, both, midline)"));
        answer.regions.push_back(*region);
      }
      answer.yes = !answer.regions.empty();
    } else if (value.kind == yaml_tree::Node::Kind::scalar) {
      // Any letter case: "Yes", "NO" and "True" are what people type.
      std::string word = value.text;
      for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (word == "yes" || word == "true" || word == "y")
        answer.yes = true;
      else if (word != "no" && word != "false" && word != "n")
        return tl::make_unexpected(
            at(origin, value.line, entry.key + ": '" + value.text + "' is not yes, no or a list of regions"));
    } else {
      return tl::make_unexpected(at(origin, entry.line, entry.key + ": expected yes, no or a list of regions"));
    }
    answers.emplace(entry.key, std::move(answer));  // duplicate keys are already a parse error
  }
  return answers;
}

}  // namespace fascia::adapters
