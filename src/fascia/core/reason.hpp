// A reason the rules give for a decision: which rule, in plain words, and the
// source that backs it. Every refusal, exclusion and adjustment carries one.
#pragma once

#include <string>

namespace fascia::core {

struct Reason {
  std::string rule;    // rule or cap id
  std::string text;    // plain-language explanation
  std::string source;  // id from data/sources.yaml
  friend bool operator==(const Reason&, const Reason&) = default;
};

}  // namespace fascia::core
