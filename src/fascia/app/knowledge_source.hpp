// The port that yields a validated knowledge base. Contract: either a
// knowledge base in which every reference resolves and every range is sane,
// or the list of problems, each "file:line: message".
#pragma once

#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "fascia/core/knowledge_base.hpp"

namespace fascia::app {

using KbProblems = std::vector<std::string>;

class KnowledgeSource {
 public:
  virtual ~KnowledgeSource() = default;
  virtual tl::expected<core::KnowledgeBase, KbProblems> load() = 0;
};

}  // namespace fascia::app
