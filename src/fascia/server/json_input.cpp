#include "fascia/server/json_input.hpp"

#include <httplib.h>

#include <algorithm>

#include "fascia/app/validate.hpp"

namespace fascia::server {

namespace {

ApiError invalid(const std::string& field, const std::string& message) { return {400, "invalid", message, field}; }

std::string type_name(const json& value) { return value.type_name(); }

}  // namespace

std::string field_path(const std::string& path, std::string_view field) {
  return path.empty() ? std::string(field) : path + "." + std::string(field);
}

ApiResult<json> parse_object_body(const httplib::Request& request) {
  const std::string type = request.get_header_value("Content-Type");
  if (type.rfind("application/json", 0) != 0)
    return api_fail(415, "unsupported_media", "send the body as JSON with Content-Type: application/json");
  json body = json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) return api_fail(400, "bad_json", "the body is not valid JSON");
  if (!body.is_object()) return api_fail(400, "bad_json", "the body must be a JSON object, not " + type_name(body));
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
  if (text.size() > max_length)
    return tl::make_unexpected(invalid(name, name + " is longer than " + std::to_string(max_length) + " characters"));
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
    return tl::make_unexpected(invalid(name, name + " must be a whole number, not " + type_name(*it)));
  const auto value = it->get<std::int64_t>();
  if (value < min || value > max)
    return tl::make_unexpected(invalid(
        name, name + " " + std::to_string(value) + " is outside " + std::to_string(min) + ".." + std::to_string(max)));
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
