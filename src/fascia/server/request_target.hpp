// Splits a request's target ("/path?query", origin form) into its decoded
// path and query parameters with Boost.URL (request_target.cpp is the only
// file that includes it). '+' in the query is a space, as browsers send forms.
#pragma once

#include <string>
#include <string_view>
#include <tl/expected.hpp>

#include "fascia/server/http_message.hpp"

namespace fascia::server {

struct RequestTarget {
  std::string path;  // percent-decoded
  HttpFields query;  // percent-decoded, in order
};

// Why a target was refused: one line, and "path" or "query".
struct TargetError {
  std::string message;
  std::string field;
};

// The target's parts, or a one-line reason naming the part that is wrong: a
// target that is not origin form, a bad percent escape, or a NUL byte (%00)
// in the decoded path — a NUL would cut the name where the file system reads
// it, so "/app.js%00.html" could be served as one file typed as another.
// (Query values are text for the routes, which refuse control characters.)
tl::expected<RequestTarget, TargetError> parse_request_target(std::string_view target);

}  // namespace fascia::server
