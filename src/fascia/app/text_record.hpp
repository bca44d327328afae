// One record of a tabular file (a CSV line) as text, with the line of the
// file it starts on, so that a problem can name where it is.
#pragma once

#include <string>
#include <vector>

namespace fascia::app {

struct TextRecord {
  int line = 0;                     // 1-based line of the file where the record starts
  std::vector<std::string> fields;  // as written, quotes removed
};

}  // namespace fascia::app
