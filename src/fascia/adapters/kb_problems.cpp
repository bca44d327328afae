#include "fascia/adapters/kb_problems.hpp"

#include <algorithm>
#include <utility>

namespace fascia::adapters::kb {

void Problems::add(std::string_view file, int line, std::string message) {
  problems_.push_back(Problem{std::string(file), line, std::move(message)});
}

std::vector<std::string> Problems::sorted_text() const {
  std::vector<const Problem*> order;
  order.reserve(problems_.size());
  for (const Problem& p : problems_) order.push_back(&p);
  std::stable_sort(order.begin(), order.end(), [](const Problem* a, const Problem* b) {
    return a->file != b->file ? a->file < b->file : a->line < b->line;
  });
  std::vector<std::string> text;
  text.reserve(order.size());
  for (const Problem* p : order) {
    std::string line = p->file;
    if (p->line > 0) line += ":" + std::to_string(p->line);
    line += ": ";
    line += p->message;
    text.push_back(std::move(line));
  }
  return text;
}

}  // namespace fascia::adapters::kb
