// The JSON views of the knowledge base, for `fascia kb` and /api/v1/kb: each
// kind's entries, one entry, and rows for text listings. Values as in
// json_views.hpp (nlohmann::json, keys sorted; the caller writes the text),
// each entry the one encoding of its core type (json_encoding.hpp).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fascia/core/knowledge_base.hpp"

namespace fascia::adapters {

// The kinds, in the order listed to people: regions, chains, ... caps.
std::vector<std::string> kb_kinds();
// Every entry of one kind (an array; for "caps", an object of cap name ->
// {value, source}); nullopt for a kind not in kb_kinds().
std::optional<nlohmann::json> kb_list_json(const core::KnowledgeBase& kb, const std::string& kind);
// One entry of a kind by its id (a cap by its name); nullopt when the kind
// or the id is unknown.
std::optional<nlohmann::json> kb_entry_json(const core::KnowledgeBase& kb, const std::string& kind,
                                            const std::string& id);
// Rows of (id, name) for a kind, for text listings; empty for an unknown kind.
std::vector<std::pair<std::string, std::string>> kb_list_rows(const core::KnowledgeBase& kb, const std::string& kind);

}  // namespace fascia::adapters
