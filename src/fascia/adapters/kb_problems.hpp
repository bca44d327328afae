// Collects knowledge-base problems while the data files are read, and hands
// them out as "file:line: message" sorted by file, then line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fascia::adapters::kb {

class Problems {
 public:
  // `file` is relative to the data directory; line 0 means the whole file.
  void add(std::string_view file, int line, std::string message);
  bool empty() const { return problems_.empty(); }
  // The problems as text, by file then line, in the order found within a line.
  std::vector<std::string> sorted_text() const;

 private:
  struct Problem {
    std::string file;
    int line;
    std::string message;
  };
  std::vector<Problem> problems_;
};

}  // namespace fascia::adapters::kb
