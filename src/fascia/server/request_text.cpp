#include "fascia/server/request_text.hpp"

#include "fascia/server/json_input.hpp"
#include "fascia/server/safe_text.hpp"

namespace fascia::server {

std::optional<ApiError> request_text_error(const HttpRequest& request) {
  if (!is_utf8(request.path)) return ApiError{400, "invalid", "the address is not valid UTF-8 text", "path"};
  for (const auto& [name, value] : request.query) {
    if (!is_utf8(name)) return ApiError{400, "invalid", "a query parameter name is not valid UTF-8 text", "query"};
    if (!is_utf8(value))
      return ApiError{400, "invalid", "query parameter '" + name + "' is not valid UTF-8 text", name};
  }
  for (const auto& [name, value] : request.headers) {
    if (!is_utf8(name)) return ApiError{400, "invalid", "a header name is not valid UTF-8 text", "headers"};
    if (!is_utf8(value))
      return ApiError{400, "invalid", "header '" + name + "' is not valid UTF-8 text", "headers." + name};
  }
  if (is_json_media_type(request.header("Content-Type"))) return body_encoding_error(request.body);
  return std::nullopt;
}

}  // namespace fascia::server
