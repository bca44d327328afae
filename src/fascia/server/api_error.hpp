// The API's one error shape: {"error": {"status", "code", "message", "field", "problems"}}.
// Maps the core's error values to HTTP statuses; a client's mistake is always
// a 4xx, a busy database a 503 with Retry-After, nothing else a 5xx.
#pragma once

#include <string>
#include <tl/expected.hpp>
#include <utility>
#include <vector>

#include "fascia/core/error.hpp"

namespace fascia::server {

struct ApiError {
  ApiError(int status_ = 400, std::string code_ = {}, std::string message_ = {}, std::string field_ = {},
           std::vector<std::pair<std::string, std::string>> problems_ = {})
      : status(status_),
        code(std::move(code_)),
        message(std::move(message_)),
        field(std::move(field_)),
        problems(std::move(problems_)) {}
  int status = 400;
  std::string code;     // bad_json, invalid, unknown_name, unauthenticated, ...
  std::string message;  // one line for a person to read
  std::string field;    // dotted path of the offending field, or empty
  // When several fields were wrong at once: each field with its own message
  // (no field name in it), as "problems": [{"field", "message"}].
  std::vector<std::pair<std::string, std::string>> problems;
};

template <class T>
using ApiResult = tl::expected<T, ApiError>;

// A route's successful answer.
struct Reply {
  int status = 200;
  std::string body;  // JSON; empty for 204
};

inline tl::unexpected<ApiError> api_fail(int status, std::string code, std::string message, std::string field = {}) {
  return tl::make_unexpected(ApiError{status, std::move(code), std::move(message), std::move(field)});
}

// `field` is attached when the error is about the client's input.
ApiError from_core(const core::Error& error, const std::string& field = {});
// The JSON text of an error; bytes in the message that are not UTF-8 become
// U+FFFD, so this never throws on what a client sent.
std::string error_body(const ApiError& error);

}  // namespace fascia::server
