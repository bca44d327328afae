// An error about what someone entered that names the field it is about, so
// that the server can answer {"field": "regions[1].side"} and the terminal
// can name its option, without reading the message. Errors about no field
// (a refused access, the database) leave `field` empty.
#pragma once

#include <string>

#include "fascia/core/error.hpp"

namespace fascia::app {

struct FieldError {
  core::Error error;
  std::string field;  // dotted path as in the API body ("pressure", "regions[0].region"); empty: none
};

template <class T>
using FieldResult = tl::expected<T, FieldError>;

inline tl::unexpected<FieldError> field_fail(core::ErrorCode code, std::string message, std::string field) {
  return tl::make_unexpected(FieldError{core::Error{code, std::move(message)}, std::move(field)});
}

}  // namespace fascia::app
