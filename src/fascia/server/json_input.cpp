#include "fascia/server/json_input.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

#include "fascia/adapters/json_duplicate_keys.hpp"
#include "fascia/adapters/json_number_range.hpp"
#include "fascia/adapters/json_path_sax.hpp"
#include "fascia/app/text_limits.hpp"
#include "fascia/app/validate.hpp"
#include "fascia/server/safe_text.hpp"

namespace fascia::server {

namespace {

ApiError invalid(const std::string& field, const std::string& message) { return {400, "invalid", message, field}; }

std::string type_name(const json& value) { return value.type_name(); }

// Follows a parse of the body and remembers where it stopped: the dotted
// path of the value (or field name) being read when the parser gave up.
class ErrorLocator final : public adapters::JsonPathSax {
 public:
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) override {
    failed_ = true;
    position_ = position;
    in_key_ = reading_key();
    path_ = path(/*without_last=*/in_key_);
    return false;
  }

  bool failed() const { return failed_; }
  // Bytes read when the parser gave up (the offending byte included).
  std::size_t position() const { return position_; }
  bool in_key() const { return in_key_; }
  const std::string& path_found() const { return path_; }

 private:
  bool failed_ = false;
  bool in_key_ = false;
  std::size_t position_ = 0;
  std::string path_;
};

}  // namespace

std::optional<ApiError> body_encoding_error(std::string_view body) {
  const std::size_t bad = first_invalid_utf8(body);
  if (bad == std::string_view::npos) return std::nullopt;
  ErrorLocator locator;
  json::sax_parse(body, &locator);
  // A syntax error before the bad byte: the body is not JSON at all.
  if (locator.failed() && locator.position() <= bad) return ApiError{400, "bad_json", "the body is not valid JSON", {}};
  if (!locator.failed() || locator.path_found().empty())
    return ApiError{400,
                    "bad_json",
                    locator.in_key() ? "a field name in the body is not valid UTF-8 text"
                                     : "the body is not valid UTF-8 text (JSON must be UTF-8)",
                    {}};
  if (locator.in_key())
    return ApiError{400, "bad_json", "a field name in " + locator.path_found() + " is not valid UTF-8 text", locator.path_found()};
  return ApiError{400, "bad_json", locator.path_found() + " is not valid UTF-8 text", locator.path_found()};
}

std::string field_path(const std::string& path, std::string_view field) {
  return path.empty() ? std::string(field) : path + "." + std::string(field);
}

bool is_json_media_type(std::string_view content_type) {
  constexpr std::string_view kJson = "application/json";
  if (content_type.size() < kJson.size() || !same_field_name(content_type.substr(0, kJson.size()), kJson)) return false;
  std::string_view rest = content_type.substr(kJson.size());
  const auto trim = [](std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return std::string_view{};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
  };
  rest = trim(rest);
  if (rest.empty()) return true;
  if (rest.front() != ';') return false;
  // Parameters: a charset must be UTF-8, the only encoding JSON is read in
  // (RFC 8259 §8.1); anything else would be read as something it is not.
  while (!rest.empty() && rest.front() == ';') {
    rest.remove_prefix(1);
    const auto end = rest.find(';');
    const std::string_view parameter = trim(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end);
    const auto equals = parameter.find('=');
    if (equals == std::string_view::npos) continue;
    if (!same_field_name(trim(parameter.substr(0, equals)), "charset")) continue;
    std::string_view value = trim(parameter.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    if (!same_field_name(value, "utf-8") && !same_field_name(value, "utf8")) return false;
  }
  return true;
}

ApiResult<json> parse_object_body(const HttpRequest& request, std::span<const std::string_view> decimal_fields) {
  if (request.header_count("Content-Type") > 1)
    return api_fail(415, "unsupported_media", "send one Content-Type header: application/json");
  if (!is_json_media_type(request.header("Content-Type")))
    return api_fail(415, "unsupported_media",
                    "send the body as JSON in UTF-8 with Content-Type: application/json (charset, if given, utf-8)");
  const std::string& text = request.body;
  if (auto error = body_encoding_error(text)) return tl::make_unexpected(*error);
  // nlohmann stops reading at a NUL as if the text ended there, so anything
  // after one would be silently dropped; JSON text never holds a raw NUL.
  if (const auto nul = text.find('\0'); nul != std::string::npos)
    return api_fail(400, "bad_json", "the body holds a NUL byte at byte " + std::to_string(nul + 1));
  adapters::DuplicateKeyFinder duplicates;
  json body = json::parse(
      text,
      [&duplicates](int, nlohmann::detail::parse_event_t event, json& value) {
        return duplicates.on_event(event, value);
      },
      /*allow_exceptions=*/false);
  if (body.is_discarded()) return api_fail(400, "bad_json", "the body is not valid JSON");
  if (!body.is_object()) return api_fail(400, "bad_json", "the body must be a JSON object, not " + type_name(body));
  if (const auto& twice = duplicates.found())
    return api_fail(400, "bad_json", *twice + " is named twice in its object", *twice);
  // Checked on the text: once parsed, such a number has lost its digits.
  if (auto problem = adapters::find_number_problem(text, decimal_fields))
    return tl::make_unexpected(invalid(problem->found.path, adapters::number_problem_message(*problem)));
  return body;
}

ApiResult<void> only_fields(const json& object, std::initializer_list<std::string_view> allowed,
                            const std::string& path) {
  for (const auto& [key, value] : object.items())
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      return tl::make_unexpected(invalid(field_path(path, key), "unknown field '" + field_path(path, key) + "'"));
  return {};
}

ApiResult<std::string> read_text(const json& object, std::string_view field, const std::string& path,
                                 std::optional<std::string> fallback, std::size_t max_length) {
  const std::string name = field_path(path, field);
  auto it = object.find(field);
  if (it == object.end() || it->is_null()) {
    if (fallback) return *fallback;
    return tl::make_unexpected(invalid(name, name + " is required"));
  }
  if (!it->is_string()) return tl::make_unexpected(invalid(name, name + " must be a string, not " + type_name(*it)));
  auto text = it->get<std::string>();
  if (auto ok = app::check_text(text, app::TextLimit{name, max_length}); !ok)
    return tl::make_unexpected(invalid(name, ok.error().message));
  return text;
}

ApiResult<int> read_int(const json& object, std::string_view field, int min, int max, const std::string& path,
                        std::optional<int> fallback) {
  const std::string name = field_path(path, field);
  auto it = object.find(field);
  if (it == object.end() || it->is_null()) {
    if (fallback) return *fallback;
    return tl::make_unexpected(invalid(name, name + " is required"));
  }
  if (!it->is_number_integer())
    return tl::make_unexpected(
        invalid(name, name + " must be a whole number, not " + (it->is_number() ? it->dump() : type_name(*it))));
  // Unsigned JSON integers above int64's range would wrap in get<int64_t>();
  // compare in their own kind and quote the number as it was sent.
  const bool too_large =
      it->is_number_unsigned() && it->get<std::uint64_t>() > std::uint64_t{std::numeric_limits<std::int64_t>::max()};
  const std::int64_t value = too_large ? 0 : it->get<std::int64_t>();
  if (too_large || value < min || value > max)
    return tl::make_unexpected(
        invalid(name, name + " " + it->dump() + " is outside " + std::to_string(min) + ".." + std::to_string(max)));
  return static_cast<int>(value);
}

ApiResult<std::optional<int>> read_optional_int(const json& object, std::string_view field, int min, int max,
                                                const std::string& path) {
  auto it = object.find(field);
  if (it == object.end() || it->is_null()) return std::optional<int>{};
  auto value = read_int(object, field, min, max, path);
  if (!value) return tl::make_unexpected(value.error());
  return std::optional<int>{*value};
}

ApiResult<bool> read_bool(const json& object, std::string_view field, bool fallback, const std::string& path) {
  const std::string name = field_path(path, field);
  auto it = object.find(field);
  if (it == object.end() || it->is_null()) return fallback;
  if (!it->is_boolean())
    return tl::make_unexpected(invalid(name, name + " must be true or false, not " + type_name(*it)));
  return it->get<bool>();
}

ApiResult<core::Date> read_date(const json& object, std::string_view field, core::Date fallback,
                                const std::string& path) {
  const std::string name = field_path(path, field);
  auto text = read_text(object, field, path, std::string());
  if (!text) return tl::make_unexpected(text.error());
  if (text->empty()) return fallback;
  auto date = core::parse_date(*text);
  if (!date) return tl::make_unexpected(invalid(name, name + ": " + date.error().message));
  return *date;
}

ApiResult<std::vector<std::string>> read_string_list(const json& object, std::string_view field,
                                                     const std::string& path, std::size_t max_items) {
  const std::string name = field_path(path, field);
  auto it = object.find(field);
  if (it == object.end() || it->is_null()) return std::vector<std::string>{};
  if (!it->is_array()) return tl::make_unexpected(invalid(name, name + " must be an array, not " + type_name(*it)));
  if (it->size() > max_items)
    return tl::make_unexpected(invalid(name, name + " has more than " + std::to_string(max_items) + " items"));
  std::vector<std::string> out;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const auto& item = (*it)[i];
    const std::string item_name = name + "[" + std::to_string(i) + "]";
    if (!item.is_string())
      return tl::make_unexpected(invalid(item_name, item_name + " must be a string, not " + type_name(item)));
    out.push_back(item.get<std::string>());
  }
  return out;
}

ApiResult<std::pair<std::string, core::Side>> read_region_side(const core::KnowledgeBase& kb, const json& object,
                                                               const std::string& path) {
  auto region = read_text(object, "region", path);
  if (!region) return tl::make_unexpected(region.error());
  const core::Region* r = kb.region(*region);
  if (!r)
    return tl::make_unexpected(
        ApiError{400, "unknown_name", "unknown region '" + *region + "'", field_path(path, "region")});
  const std::string fallback = r->laterality == core::Laterality::midline ? "midline" : "both";
  auto side_text = read_text(object, "side", path, fallback);
  if (!side_text) return tl::make_unexpected(side_text.error());
  auto side = core::side_from_string(*side_text);
  const std::string side_field = field_path(path, "side");
  if (!side)
    return tl::make_unexpected(
        invalid(side_field, side_field + " '" + *side_text + "' is not left, right, both or midline"));
  if (auto ok = app::validate_region_side(kb, *region, *side, side_field); !ok)
    return tl::make_unexpected(from_core(ok.error(), side_field));
  return std::pair{*region, *side};
}

ApiResult<std::vector<core::RegionSide>> read_region_sides(const core::KnowledgeBase& kb, const json& object,
                                                          std::string_view field, const std::string& path) {
  std::vector<core::RegionSide> out;
  auto it = object.find(std::string(field));
  if (it == object.end() || it->is_null()) return out;
  const std::string list_path = field_path(path, field);
  if (!it->is_array()) return tl::make_unexpected(invalid(list_path, list_path + " must be a list of {region, side}"));
  if (it->size() > 30) return tl::make_unexpected(invalid(list_path, list_path + ": at most 30"));
  for (std::size_t i = 0; i < it->size(); ++i) {
    const std::string item_path = list_path + "[" + std::to_string(i) + "]";
    const json& item = (*it)[i];
    if (!item.is_object())
      return tl::make_unexpected(invalid(item_path, item_path + " must be an object {region, side}"));
    if (auto ok = only_fields(item, {"region", "side"}, item_path); !ok) return tl::make_unexpected(ok.error());
    auto region = read_region_side(kb, item, item_path);
    if (!region) return tl::make_unexpected(region.error());
    out.push_back({region->first, region->second});
  }
  return out;
}

}  // namespace fascia::server
