#include "fascia/adapters/kb_references.hpp"

#include <utility>

namespace fascia::adapters::kb {

namespace {

std::string_view kind_name(RefKind kind) {
  switch (kind) {
    case RefKind::source:
      return "source";
    case RefKind::region:
      return "region";
    case RefKind::chain:
      return "chain";
    case RefKind::edge:
      return "edge";
    case RefKind::tool:
      return "tool";
    case RefKind::technique:
      return "technique";
    case RefKind::question:
      return "question";
    case RefKind::stop_sign:
      return "stop sign";
    case RefKind::location:
      return "pain location";
  }
  return "?";
}

bool defined(const core::KnowledgeBase& kb, RefKind kind, const std::string& id) {
  switch (kind) {
    case RefKind::source:
      return kb.sources.contains(id);
    case RefKind::region:
      return kb.regions.contains(id);
    case RefKind::chain:
      return kb.chains.contains(id);
    case RefKind::edge:
      return kb.edges.contains(id);
    case RefKind::tool:
      return kb.tools.contains(id);
    case RefKind::technique:
      return kb.techniques.contains(id);
    case RefKind::question:
      return kb.question(id) != nullptr;
    case RefKind::stop_sign:
      return kb.stop_signs.contains(id);
    case RefKind::location:
      return kb.pain_locations.contains(id);
  }
  return false;
}

}  // namespace

void References::expect(RefKind kind, std::string id, std::string_view file, int line, std::string what) {
  pending_.push_back(Pending{kind, std::move(id), file, line, std::move(what)});
}

void References::resolve(const core::KnowledgeBase& kb, Problems& problems) const {
  for (const Pending& ref : pending_) {
    if (!available(ref.kind) || defined(kb, ref.kind, ref.id)) continue;
    std::string message = ref.what;
    message += " '";
    message += ref.id;
    message += "' is not a known ";
    message += kind_name(ref.kind);
    problems.add(ref.file, ref.line, std::move(message));
  }
}

}  // namespace fascia::adapters::kb
