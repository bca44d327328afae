// An error about what someone entered that names the field it is about, so
// that the server can answer {"field": "regions[1].side"} and the terminal
// can name its option, without reading the message. Errors about no field
// (a refused access, the database) leave `field` empty.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "fascia/core/error.hpp"

namespace fascia::app {

// One of several problems found together, its message without the field's
// name (a form shows it next to that field).
struct FieldProblem {
  std::string field;  // dotted path, as FieldError::field
  std::string message;
};

struct FieldError {
  FieldError(core::Error error_, std::string field_ = {}, std::vector<FieldProblem> problems_ = {})
      : error(std::move(error_)), field(std::move(field_)), problems(std::move(problems_)) {}
  core::Error error;  // its message names every problem, each after its field
  std::string field;  // dotted path as in the API body ("pressure", "regions[0].region"); empty: none
  std::vector<FieldProblem> problems;  // when a check found several at once: each of them; else empty
};

template <class T>
using FieldResult = tl::expected<T, FieldError>;

inline tl::unexpected<FieldError> field_fail(core::ErrorCode code, std::string message, std::string field) {
  return tl::make_unexpected(FieldError{core::Error{code, std::move(message)}, std::move(field)});
}

}  // namespace fascia::app
