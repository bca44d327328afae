// Cross-site request forgery: a browser showing another web site's page can
// be made to send writes here with the person's cookie. SameSite=Strict
// cookies already keep them out in current browsers; this check refuses such
// writes by what the browser says about their origin, for older browsers and
// for a server reached beyond loopback (ADR 0012).
#pragma once

#include <optional>

#include "fascia/server/api_error.hpp"
#include "fascia/server/http_message.hpp"
#include "fascia/server/server_state.hpp"

namespace fascia::server {

// 403 forbidden for a write (any method but GET, HEAD and OPTIONS) that a
// browser marks as coming from elsewhere: Sec-Fetch-Site "cross-site" or
// "same-site", an Origin of "null", or an Origin other than the public
// origin (when set) or than the request's own Host. Requests without these
// headers (curl, scripts) are not from a web page and pass.
std::optional<ApiError> cross_origin_error(const HttpRequest& request, const SiteSecurity& security);

}  // namespace fascia::server
