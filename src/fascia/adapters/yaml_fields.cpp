#include "fascia/adapters/yaml_fields.hpp"

#include <algorithm>
#include <charconv>

namespace fascia::adapters::kb {

namespace {

std::optional<int> parse_whole(const Node& node) {
  if (node.kind != Node::Kind::scalar || !node.plain) return std::nullopt;
  const char* first = node.text.data();
  const char* last = first + node.text.size();
  int value = 0;
  auto [end, ec] = std::from_chars(first, last, value);
  if (ec != std::errc{} || end != last) return std::nullopt;
  return value;
}

std::string in_quotes(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '\'';
  out += text;
  out += '\'';
  return out;
}

std::string bounds(int lo, int hi) {
  return hi == kNoLimit ? "at least " + std::to_string(lo) : "within " + std::to_string(lo) + ".." + std::to_string(hi);
}

}  // namespace

bool is_kebab_case(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  char previous = ' ';
  for (char c : id) {
    const bool word_char = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!word_char && !(c == '-' && previous != '-')) return false;
    previous = c;
  }
  return true;
}

std::string to_text(const core::IntRange& range) {
  return "[" + std::to_string(range.min) + ", " + std::to_string(range.max) + "]";
}

const Node* top_list(const Node& root, std::string_view key, FileContext ctx) {
  EntryReader top(root, {key}, "file", 0, ctx);
  return top.list(key, Need::required);
}

EntryReader::EntryReader(const Node& node, Keys keys, std::string_view kind, int index, FileContext ctx)
    : node_(node), is_map_(node.kind == Node::Kind::map), kind_(kind), subject_(kind), ctx_(ctx) {
  const Node* id = is_map_ && std::find(keys.begin(), keys.end(), "id") != keys.end() ? node.find("id") : nullptr;
  if (id != nullptr && id->kind == Node::Kind::scalar && !id->text.empty())
    subject_ += " " + in_quotes(id->text);
  else if (index > 0)
    subject_ += " " + std::to_string(index);
  if (!is_map_) {
    report(node.line, "must be a map of keys and values");
    return;
  }
  for (const yaml_tree::Entry& entry : node.entries)
    if (std::find(keys.begin(), keys.end(), entry.key) == keys.end())
      report(entry.line, "has unknown key " + in_quotes(entry.key));
}

const Node* EntryReader::get(std::string_view key) const {
  const Node* value = node_.find(key);
  return value == nullptr || value->is_null() ? nullptr : value;
}

int EntryReader::line_of(std::string_view key) const {
  const Node* value = node_.find(key);
  return value == nullptr ? node_.line : value->line;
}

void EntryReader::report(int line, std::string_view message) const {
  std::string text = subject_;
  text += ' ';
  text += message;
  ctx_.problems.add(ctx_.file, line, std::move(text));
}

const Node* EntryReader::present(std::string_view key, Need need) const {
  if (!is_map_) return nullptr;
  const Node* value = node_.find(key);
  if (value != nullptr && !value->is_null()) return value;
  if (need == Need::required) {
    if (value == nullptr)
      report(node_.line, "is missing required key " + in_quotes(key));
    else
      report(value->line, std::string(key) + " is empty");
  }
  return nullptr;
}

const Node* EntryReader::scalar(std::string_view key, Need need) const {
  const Node* value = present(key, need);
  if (value != nullptr && value->kind != Node::Kind::scalar) {
    report(value->line, std::string(key) + " must be text, not a list or map");
    return nullptr;
  }
  return value;
}

std::string EntryReader::id() const {
  std::string id = text("id", Need::required);
  if (id.empty()) return id;
  if (!is_kebab_case(id)) report(line_of("id"), "id is not kebab-case (lowercase words joined by '-')");
  return id;
}

std::string EntryReader::text(std::string_view key, Need need) const {
  const Node* value = scalar(key, need);
  if (value == nullptr) return {};
  if (value->text.empty() && need == Need::required) report(value->line, std::string(key) + " is empty");
  return value->text;
}

std::vector<std::string> EntryReader::texts(std::string_view key, Need need) const {
  std::vector<std::string> out;
  const Node* items = list(key, need);
  if (items == nullptr) return out;
  out.reserve(items->items.size());
  int index = 0;
  for (const Node& item : items->items) {
    ++index;
    if (item.kind == Node::Kind::scalar)
      out.push_back(item.text);
    else
      report(item.line, std::string(key) + " item " + std::to_string(index) + " must be text");
  }
  return out;
}

std::optional<int> EntryReader::whole(std::string_view key, Need need, int lo, int hi) const {
  const Node* value = present(key, need);
  if (value == nullptr) return std::nullopt;
  auto parsed = parse_whole(*value);
  if (!parsed) {
    // Quoted as written: a number too large for int is not a whole number we take either.
    const std::string given = value->kind == Node::Kind::scalar ? " " + in_quotes(value->text) : "";
    report(value->line, std::string(key) + given + " must be a whole number " + bounds(lo, hi));
    return std::nullopt;
  }
  if (*parsed < lo || *parsed > hi) {
    report(value->line, std::string(key) + " " + std::to_string(*parsed) + " must be " + bounds(lo, hi));
    return std::nullopt;
  }
  return parsed;
}

std::optional<double> EntryReader::number(std::string_view key, Need need) const {
  const Node* value = present(key, need);
  if (value == nullptr) return std::nullopt;
  if (value->kind == Node::Kind::scalar && value->plain) {
    const char* first = value->text.data();
    const char* last = first + value->text.size();
    double parsed = 0;
    auto [end, ec] = std::from_chars(first, last, parsed);
    if (ec == std::errc{} && end == last) return parsed;
  }
  report(value->line, std::string(key) + " must be a number");
  return std::nullopt;
}

std::optional<core::IntRange> EntryReader::range(std::string_view key, Need need, int lo, int hi) const {
  const Node* value = present(key, need);
  if (value == nullptr) return std::nullopt;
  std::optional<int> min, max;
  if (value->kind == Node::Kind::list && value->items.size() == 2) {
    min = parse_whole(value->items[0]);
    max = parse_whole(value->items[1]);
  }
  if (!min || !max) {
    report(value->line, std::string(key) + " must be [min, max] with whole numbers");
    return std::nullopt;
  }
  core::IntRange range{*min, *max};
  if (range.min < lo || range.min > range.max || range.max > hi) {
    std::string rule = hi == kNoLimit ? std::to_string(lo) + " <= min <= max"
                                      : std::to_string(lo) + " <= min <= max <= " + std::to_string(hi);
    report(value->line, std::string(key) + " " + to_text(range) + " must have " + rule);
    return std::nullopt;
  }
  return range;
}

bool EntryReader::flag(std::string_view key, bool fallback) const {
  const Node* value = present(key, Need::optional);
  if (value == nullptr) return fallback;
  if (value->kind == Node::Kind::scalar && value->plain) {
    const std::string& t = value->text;
    if (t == "true" || t == "True" || t == "TRUE") return true;
    if (t == "false" || t == "False" || t == "FALSE") return false;
  }
  report(value->line, std::string(key) + " " + in_quotes(value->text) + " must be true or false");
  return fallback;
}

const Node* EntryReader::list(std::string_view key, Need need) const {
  const Node* value = present(key, need);
  if (value != nullptr && value->kind != Node::Kind::list) {
    report(value->line, std::string(key) + " must be a list");
    return nullptr;
  }
  return value;
}

const Node* EntryReader::map(std::string_view key, Need need) const {
  const Node* value = present(key, need);
  if (value != nullptr && value->kind != Node::Kind::map) {
    report(value->line, std::string(key) + " must be a map of keys and values");
    return nullptr;
  }
  return value;
}

std::string EntryReader::ref(std::string_view key, Need need, RefKind kind) const {
  std::string id = text(key, need);
  if (!id.empty()) ctx_.refs.expect(kind, id, ctx_.file, line_of(key), subject_ + " " + std::string(key));
  return id;
}

std::vector<std::string> EntryReader::refs(std::string_view key, Need need, RefKind kind) const {
  std::vector<std::string> ids = texts(key, need);
  if (ids.empty()) return ids;
  const std::string what = subject_ + " " + std::string(key);
  std::size_t i = 0;
  for (const Node& item : get(key)->items) {
    if (item.kind != Node::Kind::scalar) continue;
    ctx_.refs.expect(kind, ids[i++], ctx_.file, item.line, what);
  }
  return ids;
}

std::string EntryReader::source(const std::string* fallback) const {
  if (fallback != nullptr && get("source") == nullptr) return *fallback;
  return ref("source", Need::required, RefKind::source);
}

void EntryReader::report_not_one_of(const Node& value, std::string_view key, std::string_view choices) const {
  report(value.line, std::string(key) + " " + in_quotes(value.text) + " is not one of " + std::string(choices));
}

}  // namespace fascia::adapters::kb
