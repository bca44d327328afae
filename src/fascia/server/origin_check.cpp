#include "fascia/server/origin_check.hpp"

#include "fascia/server/safe_text.hpp"

namespace fascia::server {

std::optional<ApiError> cross_origin_error(const HttpRequest& request, const SiteSecurity& security) {
  if (request.method == "GET" || request.method == "HEAD" || request.method == "OPTIONS") return std::nullopt;
  const auto refuse = [](const std::string& why) {
    return ApiError{
        403, "forbidden", "this write came from another site's page (" + why + "); nothing was changed", {}};
  };
  const auto fetch_site = request.header("Sec-Fetch-Site");
  if (same_field_name(fetch_site, "cross-site") || same_field_name(fetch_site, "same-site"))
    return refuse("Sec-Fetch-Site: " + std::string(fetch_site));
  const auto origin = request.header("Origin");
  if (request.header_count("Origin") == 0) return std::nullopt;
  if (origin == "null") return refuse("Origin: null");
  if (!security.public_origin.empty()) {
    if (same_field_name(origin, security.public_origin)) return std::nullopt;
    return refuse("Origin " + printable(std::string(origin), 100) + " is not " + security.public_origin);
  }
  // Without a configured origin, the page must come from the host the
  // request was sent to (scheme aside: a TLS proxy may sit in between).
  const auto scheme_end = origin.find("://");
  const auto authority = scheme_end == std::string_view::npos ? std::string_view{} : origin.substr(scheme_end + 3);
  const auto host = request.header("Host");
  if (!authority.empty() && same_field_name(authority, host)) return std::nullopt;
  return refuse("Origin " + printable(std::string(origin), 100) + " is not this server's address " +
                printable(std::string(host), 100));
}

}  // namespace fascia::server
