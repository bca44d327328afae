// Typed reading of one YAML map (a knowledge-base entry) with problems that
// name the entry, the key and the line: unknown keys, missing required keys,
// wrong types, enum words, ranges and kebab-case ids.
#pragma once

#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fascia/adapters/kb_problems.hpp"
#include "fascia/adapters/kb_references.hpp"
#include "fascia/adapters/yaml_tree.hpp"
#include "fascia/core/knowledge_base.hpp"

namespace fascia::adapters::kb {

using yaml_tree::Node;

enum class Need { required, optional };
using Keys = std::initializer_list<std::string_view>;
inline constexpr int kNoLimit = std::numeric_limits<int>::max();  // an open upper bound

// Where the problems and references found in one file go.
struct FileContext {
  std::string_view file;  // relative to the data directory; outlives the load
  Problems& problems;
  References& refs;
};

// True for lowercase words of letters and digits joined by single '-'.
bool is_kebab_case(std::string_view id);

// Reads one entry. It keeps references to `node`, `kind` and the context's
// sinks, which must outlive it; reading never throws, problems are reported.
class EntryReader {
 public:
  // Reports keys of `node` not in `keys`. The entry is named "<kind> '<id>'"
  // in messages when it has an id, else "<kind> <index>" ("<kind>" for index 0).
  EntryReader(const Node& node, Keys keys, std::string_view kind, int index, FileContext ctx);

  bool is_map() const { return is_map_; }
  std::string_view kind() const { return kind_; }
  int line() const { return node_.line; }
  const std::string& subject() const { return subject_; }
  void set_subject(std::string subject) { subject_ = std::move(subject); }

  // The value under `key`, or nullptr when absent or null.
  const Node* get(std::string_view key) const;
  // True when `key` is given but `value`, read from it, is not (its problem is reported).
  template <class T>
  bool failed(std::string_view key, const std::optional<T>& value) const {
    return !value && get(key) != nullptr;
  }
  // The line of `key`'s value, or the entry's line when absent.
  int line_of(std::string_view key) const;
  // Reports "<subject> <message>" at `line`.
  void report(int line, std::string_view message) const;

  // The required `id`, checked for kebab-case.
  std::string id() const;
  std::string text(std::string_view key, Need need) const;
  std::vector<std::string> texts(std::string_view key, Need need) const;
  std::optional<int> whole(std::string_view key, Need need, int lo, int hi) const;
  std::optional<double> number(std::string_view key, Need need) const;
  // `[min, max]` with lo <= min <= max <= hi.
  std::optional<core::IntRange> range(std::string_view key, Need need, int lo, int hi) const;
  bool flag(std::string_view key, bool fallback) const;
  // A list or map value; reports other types.
  const Node* list(std::string_view key, Need need) const;
  const Node* map(std::string_view key, Need need) const;

  // A word from a closed set: `parse` is one of the core from_string helpers,
  // `choices` lists the words for the message.
  template <class Enum>
  std::optional<Enum> word(std::string_view key, Need need, std::optional<Enum> (*parse)(std::string_view),
                           std::string_view choices) const {
    const Node* value = scalar(key, need);
    if (value == nullptr) return std::nullopt;
    auto parsed = parse(value->text);
    if (!parsed) report_not_one_of(*value, key, choices);
    return parsed;
  }

  // An id (or list of ids) that must name an entry of `kind`.
  std::string ref(std::string_view key, Need need, RefKind kind) const;
  std::vector<std::string> refs(std::string_view key, Need need, RefKind kind) const;

  // The required `source`, or `fallback` when given and the key is absent.
  std::string source(const std::string* fallback = nullptr) const;

  void report_not_one_of(const Node& value, std::string_view key, std::string_view choices) const;

 private:
  const Node* present(std::string_view key, Need need) const;  // reports a missing required key
  const Node* scalar(std::string_view key, Need need) const;   // reports a non-scalar

  const Node& node_;
  bool is_map_;
  std::string_view kind_;
  std::string subject_;
  FileContext ctx_;
};

// The list under the file's single top-level `key`, or nullptr after reporting why not.
const Node* top_list(const Node& root, std::string_view key, FileContext ctx);

// "[min, max]" for messages.
std::string to_text(const core::IntRange& range);

}  // namespace fascia::adapters::kb
