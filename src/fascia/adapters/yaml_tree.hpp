// A YAML file as a small tree of scalars, lists and maps, each node carrying
// the 1-based line it starts on. It keeps the YAML library out of every header and
// makes key lookups cheap; yaml_tree.cpp is the only file that includes the YAML library.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <vector>

namespace fascia::adapters::yaml_tree {

struct Entry;

struct Node {
  enum class Kind { null, scalar, list, map };
  Kind kind = Kind::null;
  bool plain = true;  // scalar written without quotes: may be read as a number or bool
  int line = 1;
  std::string text;            // scalar value
  std::vector<Node> items;     // list items
  std::vector<Entry> entries;  // map entries in file order; keys are unique

  bool is_null() const { return kind == Kind::null; }
  // The value stored under `key` in a map, or nullptr (also for non-maps).
  const Node* find(std::string_view key) const;
};

struct Entry {
  std::string key;
  int line = 1;  // line of the key
  Node value;
};

// How deeply lists and maps may nest; data/ needs far fewer levels.
inline constexpr std::size_t kMaxDepth = 64;

struct ParseError {
  enum class Kind { missing, unreadable, malformed };
  Kind kind = Kind::malformed;
  int line = 0;  // 1-based, 0 when the file could not be read
  std::string message;
};

// Reads and parses one YAML file holding a single document. Duplicate keys,
// non-scalar keys, a second document, anchors (&name) and aliases (*name),
// and lists or maps nested deeper than kMaxDepth are malformed (the line is
// the anchor's, alias's or too-deep node's).
tl::expected<Node, ParseError> parse_file(const std::filesystem::path& path);
// The same for text already in memory.
tl::expected<Node, ParseError> parse_text(std::string_view text);

}  // namespace fascia::adapters::yaml_tree
