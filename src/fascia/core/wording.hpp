// Small helpers for the sentences the core writes for people (reasons,
// flags, finding histories). Pure functions on English text; no I/O.
#pragma once

#include <string>
#include <vector>

namespace fascia::core {

// `text` with its first letter in lower case, for a name used mid-sentence:
// "Numbness or tingling" -> "numbness or tingling". ASCII only: the names
// it is given come from the knowledge base, written in English.
std::string lower_first(std::string text);

// A list for a sentence: "a", "a and b", "a, b and c"; empty for none.
std::string joined(const std::vector<std::string>& parts);

}  // namespace fascia::core
