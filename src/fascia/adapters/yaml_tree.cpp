// YAML files to Node trees with libyaml (the C reference parser): about four
// times faster than yaml-cpp on data/, which matters for a cold `fascia today`.
#include "fascia/adapters/yaml_tree.hpp"

#include <yaml.h>

#include <fstream>
#include <iterator>
#include <optional>
#include <utility>

namespace fascia::adapters::yaml_tree {

const Node* Node::find(std::string_view key) const {
  for (const Entry& entry : entries)
    if (entry.key == key) return &entry.value;
  return nullptr;
}

namespace {

struct TreeError {
  int line;
  std::string message;
};

int line_of(const yaml_mark_t& mark) { return static_cast<int>(mark.line) + 1; }

bool is_null_word(std::string_view text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

class TreeBuilder {
 public:
  Node take_root() { return std::move(root_); }

  void on(const yaml_event_t& event) {
    switch (event.type) {
      case YAML_DOCUMENT_START_EVENT:
        if (documents_++ > 0) throw TreeError{line_of(event.start_mark), "a file must hold one YAML document, found a second"};
        break;
      case YAML_ALIAS_EVENT:
        // Each alias would copy its anchored node: a few hundred bytes of
        // nested aliases expand to gigabytes ("billion laughs").
        throw TreeError{line_of(event.start_mark),
                        "anchors and aliases are not accepted (found *" + name_of(event.data.alias.anchor) + ")"};
      case YAML_SCALAR_EVENT: {
        refuse_anchor(event, event.data.scalar.anchor);
        refuse_tag(event, event.data.scalar.tag);
        Node node;
        node.line = line_of(event.start_mark);
        std::string_view text(reinterpret_cast<const char*>(event.data.scalar.value), event.data.scalar.length);
        node.plain = event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && event.data.scalar.tag == nullptr;
        if (!(node.plain && is_null_word(text))) {
          node.kind = Node::Kind::scalar;
          node.text = text;
        }
        add(std::move(node));
        break;
      }
      case YAML_SEQUENCE_START_EVENT:
        refuse_anchor(event, event.data.sequence_start.anchor);
        refuse_tag(event, event.data.sequence_start.tag);
        open(Node::Kind::list, event);
        break;
      case YAML_MAPPING_START_EVENT:
        refuse_anchor(event, event.data.mapping_start.anchor);
        refuse_tag(event, event.data.mapping_start.tag);
        open(Node::Kind::map, event);
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: close(); break;
      default: break;
    }
  }

 private:
  struct Open {
    Node node;
    std::optional<Entry> pending;
  };

  static std::string name_of(const yaml_char_t* anchor) {
    return anchor == nullptr ? std::string() : reinterpret_cast<const char*>(anchor);
  }

  // Anchors are refused with aliases: without aliases they would do nothing.
  static void refuse_anchor(const yaml_event_t& event, const yaml_char_t* anchor) {
    if (anchor != nullptr)
      throw TreeError{line_of(event.start_mark),
                      "anchors and aliases are not accepted (found &" + name_of(anchor) + ")"};
  }
  // An explicit tag (!custom, !!bool) would be read past as if absent, so
  // `fever: !custom yes` would count as yes: refused instead.
  static void refuse_tag(const yaml_event_t& event, const yaml_char_t* tag) {
    if (tag != nullptr)
      throw TreeError{line_of(event.start_mark), "tags are not accepted (found " + name_of(tag) + ")"};
  }

  void open(Node::Kind kind, const yaml_event_t& event) {
    // Nodes are freed recursively: unbounded nesting would overflow the stack.
    if (open_.size() >= kMaxDepth)
      throw TreeError{line_of(event.start_mark),
                      "lists and maps are nested more than " + std::to_string(kMaxDepth) + " levels deep"};
    Open frame;
    frame.node.kind = kind;
    frame.node.line = line_of(event.start_mark);
    open_.push_back(std::move(frame));
  }

  void close() {
    Open frame = std::move(open_.back());
    open_.pop_back();
    add(std::move(frame.node));
  }

  void add(Node node) {
    if (open_.empty()) {
      root_ = std::move(node);
      return;
    }
    Open& parent = open_.back();
    if (parent.node.kind == Node::Kind::list) {
      parent.node.items.push_back(std::move(node));
    } else if (!parent.pending) {
      if (node.kind != Node::Kind::scalar) throw TreeError{node.line, "a map key must be plain text"};
      if (parent.node.find(node.text) != nullptr) throw TreeError{node.line, "duplicate key '" + node.text + "'"};
      parent.pending.emplace();
      parent.pending->key = std::move(node.text);
      parent.pending->line = node.line;
    } else {
      parent.pending->value = std::move(node);
      parent.node.entries.push_back(std::move(*parent.pending));
      parent.pending.reset();
    }
  }

  Node root_;
  std::vector<Open> open_;
  int documents_ = 0;
};

}  // namespace

tl::expected<Node, ParseError> parse_text(std::string_view text) {
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  TreeBuilder builder;
  std::optional<ParseError> error;
  for (bool done = false; !done && !error;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      const yaml_mark_t& mark = parser.problem ? parser.problem_mark : parser.context_mark;
      error = ParseError{ParseError::Kind::malformed, line_of(mark), parser.problem ? parser.problem : "cannot be parsed"};
      break;
    }
    done = event.type == YAML_STREAM_END_EVENT;
    try {
      builder.on(event);
    } catch (const TreeError& e) {
      error = ParseError{ParseError::Kind::malformed, e.line, e.message};
    }
    yaml_event_delete(&event);
  }
  yaml_parser_delete(&parser);
  if (error) return tl::make_unexpected(*error);
  return builder.take_root();
}

tl::expected<Node, ParseError> parse_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    return tl::make_unexpected(exists ? ParseError{ParseError::Kind::unreadable, 0, "cannot be read"}
                                      : ParseError{ParseError::Kind::missing, 0, "required file is missing"});
  }
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  return parse_text(text);
}

}  // namespace fascia::adapters::yaml_tree
