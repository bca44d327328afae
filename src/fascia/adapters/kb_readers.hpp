// Readers that turn each data file's tree into knowledge-base entries,
// reporting what is wrong with each entry where it is written. References
// are noted in `refs` and resolved after every file is read. A reader may
// rely on the files read before it (see the order in yaml_knowledge_source.cpp)
// for checks that need another entry, such as a step's region and its cap.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "fascia/adapters/kb_problems.hpp"
#include "fascia/adapters/kb_references.hpp"
#include "fascia/adapters/yaml_fields.hpp"
#include "fascia/adapters/yaml_tree.hpp"
#include "fascia/core/knowledge_base.hpp"

namespace fascia::adapters::kb {

struct LoadState {
  core::KnowledgeBase kb;
  Problems problems;
  References refs;
  std::map<std::string_view, int> caps;  // cap id -> value, for caps read without problems
  // Entries whose class, cap or pressure could not be read. Checks that compare
  // a step against them are skipped, so that one mistake gives one problem.
  std::set<std::string, std::less<>> flawed_techniques;
  std::set<std::string, std::less<>> flawed_regions;
};

using Reader = void (*)(const Node& root, std::string_view file, LoadState& state);

void read_sources(const Node& root, std::string_view file, LoadState& state);
void read_techniques(const Node& root, std::string_view file, LoadState& state);
void read_edges(const Node& root, std::string_view file, LoadState& state);
void read_tools(const Node& root, std::string_view file, LoadState& state);
void read_kits(const Node& root, std::string_view file, LoadState& state);
void read_habits(const Node& root, std::string_view file, LoadState& state);
void read_treatments(const Node& root, std::string_view file, LoadState& state);
void read_chains(const Node& root, std::string_view file, LoadState& state);
void read_regions(const Node& root, std::string_view file, LoadState& state);  // after questions
void read_questions(const Node& root, std::string_view file, LoadState& state);
void read_rules(const Node& root, std::string_view file, LoadState& state);       // after questions
void read_stop_signs(const Node& root, std::string_view file, LoadState& state);  // after questions
void read_caps(const Node& root, std::string_view file, LoadState& state);
void read_referral(const Node& root, std::string_view file, LoadState& state);
// After regions, rules, stop signs and treatments.
void read_finder_needs(const Node& root, std::string_view file, LoadState& state);
// After techniques, regions, stop signs and caps.
void read_protocol(const Node& root, std::string_view file, LoadState& state);

// instrument, compression or pressure: the loads with a cap of their own,
// which a clinic treatment may count as and a finder need may look for.
std::optional<core::Modality> load_from_string(std::string_view text);

inline FileContext context(std::string_view file, LoadState& state) { return {file, state.problems, state.refs}; }

// Calls `read(EntryReader&)` for each map in `list` (nothing when null);
// `keys` are the keys an entry may have.
template <class Read>
void for_each_item(const Node* list, std::string_view kind, Keys keys, FileContext ctx, Read&& read) {
  if (list == nullptr) return;
  int index = 0;
  for (const Node& item : list->items) {
    EntryReader entry(item, keys, kind, ++index, ctx);
    if (entry.is_map()) read(entry);
  }
}

// Same for the list under the file's single top-level `top_key`.
template <class Read>
void for_each_entry(const Node& root, std::string_view top_key, std::string_view kind, Keys keys, FileContext ctx,
                    Read&& read) {
  for_each_item(top_list(root, top_key, ctx), kind, keys, ctx, std::forward<Read>(read));
}

// Stores `entity` under its id, reporting an id already used by another entry of its kind.
template <class Entity>
void insert_unique(std::map<std::string, Entity>& map, Entity&& entity, const EntryReader& entry) {
  if (entity.id.empty()) return;
  std::string id = entity.id;
  if (!map.try_emplace(std::move(id), std::move(entity)).second)
    entry.report(entry.line_of("id"), "id is already used by another " + std::string(entry.kind()));
}

}  // namespace fascia::adapters::kb
