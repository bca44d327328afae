// Every piece of text a request carries must be well-formed UTF-8 before any
// route sees it, so no handler, error message or log line ever holds bytes
// that a JSON encoder or a terminal would choke on.
#pragma once

#include <optional>

#include "fascia/server/api_error.hpp"
#include "fascia/server/http_message.hpp"

namespace fascia::server {

// The first part of `request` that is not well-formed UTF-8, as a 400 naming
// it: the path ("path", invalid), a query parameter (its name; "query" when
// the name itself is bad), a header ("headers.<name>"; "headers" for a bad
// name), or a JSON body's field (bad_json, see body_encoding_error). Checked
// in that order; empty when everything is well-formed. Bodies of other
// content types are left to the routes (which refuse them with 415).
std::optional<ApiError> request_text_error(const HttpRequest& request);

}  // namespace fascia::server
