#include "fascia/adapters/answers_file.hpp"

#include <yaml-cpp/yaml.h>

namespace fascia::adapters {

namespace {
std::string where(const std::string& origin, const YAML::Mark& mark) {
  return origin + ":" + std::to_string(mark.line + 1) + ": ";
}
}  // namespace

core::Result<std::map<std::string, core::Answer>> parse_answers(std::string_view text, const std::string& origin) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    return core::fail(core::ErrorCode::malformed_file, where(origin, e.mark) + e.msg);
  }
  if (!root.IsMap())
    return core::fail(core::ErrorCode::malformed_file,
                      origin + ":1: expected a map of question id to yes, no or a list of regions");
  std::map<std::string, core::Answer> answers;
  for (const auto& item : root) {
    const std::string id = item.first.as<std::string>("");
    const YAML::Node& value = item.second;
    core::Answer answer;
    if (value.IsSequence()) {
      for (const auto& r : value) {
        if (!r.IsScalar())
          return core::fail(core::ErrorCode::malformed_file, where(origin, r.Mark()) + id + ": regions must be names");
        answer.regions.push_back(r.as<std::string>());
      }
      answer.yes = !answer.regions.empty();
    } else if (value.IsScalar()) {
      const std::string word = value.as<std::string>();
      if (word == "yes" || word == "true" || word == "y")
        answer.yes = true;
      else if (word != "no" && word != "false" && word != "n")
        return core::fail(core::ErrorCode::malformed_file,
                          where(origin, value.Mark()) + id + ": '" + word + "' is not yes, no or a list of regions");
    } else {
      return core::fail(core::ErrorCode::malformed_file,
                        where(origin, value.Mark()) + id + ": expected yes, no or a list of regions");
    }
    if (!answers.emplace(id, std::move(answer)).second)
      return core::fail(core::ErrorCode::malformed_file, where(origin, item.first.Mark()) + id + " is answered twice");
  }
  return answers;
}

}  // namespace fascia::adapters
