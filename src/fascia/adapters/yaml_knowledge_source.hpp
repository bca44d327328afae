// The knowledge base read from the YAML files of a data directory (the format
// is docs/KNOWLEDGE_BASE.md). load() reads every file once, checks it fully
// and returns either the knowledge base or every problem found, each
// "file:line: message" with the file relative to the data directory.
#pragma once

#include <filesystem>

#include "fascia/app/knowledge_source.hpp"

namespace fascia::adapters {

class YamlKnowledgeSource final : public app::KnowledgeSource {
 public:
  explicit YamlKnowledgeSource(std::filesystem::path data_dir);
  tl::expected<core::KnowledgeBase, app::KbProblems> load() override;

 private:
  std::filesystem::path data_dir_;
};

}  // namespace fascia::adapters
