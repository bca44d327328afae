// Reading request bodies: strict JSON objects whose every error names the
// field (dotted path) it is about. Unknown fields are refused, so a typo is
// an error rather than a silently ignored value.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "fascia/app/text_limits.hpp"
#include "fascia/core/dates.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"
#include "fascia/server/api_error.hpp"
#include "fascia/server/http_message.hpp"

namespace fascia::server {

using nlohmann::json;

// 415 unless the content type is exactly application/json (any case, with
// parameters allowed: "application/json; charset=utf-8"); 400 bad_json
// unless the body is UTF-8 (see body_encoding_error) and one JSON object and
// nothing after it, without a NUL byte, and without a field named twice in
// any object (which one would count is not written down anywhere). Numbers
// are whole, except at the paths in `decimal_fields` ("latitude").
ApiResult<json> parse_object_body(const HttpRequest& request, std::span<const std::string_view> decimal_fields = {});

// Whether a Content-Type value names JSON: "application/json", any case,
// optionally followed by ";" and parameters, of which a charset must be
// utf-8. Not "application/jsonfoo", not "application/json; charset=latin1".
bool is_json_media_type(std::string_view content_type);

// For a body that is not well-formed UTF-8: 400 bad_json naming the field
// whose text holds the first bad byte ("regions[0].region"; the enclosing
// object for a bad field name). Empty when the body is well-formed UTF-8.
std::optional<ApiError> body_encoding_error(std::string_view body);

// `path` is the object's own dotted path ("" for the body itself).
ApiResult<void> only_fields(const json& object, std::initializer_list<std::string_view> allowed,
                            const std::string& path = {});
std::string field_path(const std::string& path, std::string_view field);

// A string of well-formed UTF-8 and at most `max_length` Unicode code points
// (take the figure from app/text_limits.hpp).
ApiResult<std::string> read_text(const json& object, std::string_view field, const std::string& path = {},
                                 std::optional<std::string> fallback = std::nullopt,
                                 std::size_t max_length = app::kIdentifierLimit.max_characters);
ApiResult<int> read_int(const json& object, std::string_view field, int min, int max, const std::string& path = {},
                        std::optional<int> fallback = std::nullopt);
ApiResult<std::optional<int>> read_optional_int(const json& object, std::string_view field, int min, int max,
                                                const std::string& path = {});
ApiResult<bool> read_bool(const json& object, std::string_view field, bool fallback, const std::string& path = {});
// A YYYY-MM-DD date, `fallback` when absent or null.
ApiResult<core::Date> read_date(const json& object, std::string_view field, core::Date fallback,
                                const std::string& path = {});
// An array of strings (at most `max_items`), [] when absent.
ApiResult<std::vector<std::string>> read_string_list(const json& object, std::string_view field,
                                                     const std::string& path = {}, std::size_t max_items = 100);
// A region id the knowledge base knows and a side that fits it; the side
// defaults to both (paired regions) or midline.
ApiResult<std::pair<std::string, core::Side>> read_region_side(const core::KnowledgeBase& kb, const json& object,
                                                               const std::string& path = {});

// The list under `field` of {region, side} objects (side optional: both for
// paired regions, midline for midline ones); absent or null = empty. 400 with
// the item's path for a non-object, an unknown region or a side that does not fit.
ApiResult<std::vector<core::RegionSide>> read_region_sides(const core::KnowledgeBase& kb, const json& object,
                                                          std::string_view field, const std::string& path);

}  // namespace fascia::server
