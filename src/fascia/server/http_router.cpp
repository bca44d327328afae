#include "fascia/server/http_router.hpp"

namespace fascia::server {

void HttpRouter::add(std::string method, const std::string& pattern, HttpRouteHandler handler) {
  Route route{std::move(method), {}, {}, std::move(handler)};
  if (pattern.find_first_of("()[]\\*+?{}|^$") == std::string::npos)
    route.plain = pattern;
  else
    route.pattern = std::regex(pattern, std::regex::ECMAScript | std::regex::optimize);
  routes_.push_back(std::move(route));
}

HttpRouter::Outcome HttpRouter::dispatch(HttpRequest& request, HttpResponse& response) const {
  const std::string& method = request.method == "HEAD" ? std::string("GET") : request.method;
  std::string allowed;
  for (const auto& route : routes_) {
    std::smatch groups;
    const bool path_matches =
        route.plain.empty() ? std::regex_match(request.path, groups, route.pattern) : request.path == route.plain;
    if (!path_matches) continue;
    if (route.method != method) {
      if (allowed.find(route.method) == std::string::npos) allowed += (allowed.empty() ? "" : ", ") + route.method;
      continue;
    }
    request.path_params.clear();
    for (std::size_t i = 1; i < groups.size(); ++i) request.path_params.push_back(groups[i].str());
    route.handler(request, response);
    return Outcome::handled;
  }
  if (allowed.empty()) return Outcome::no_route;
  response.set_header("Allow", allowed);
  return Outcome::wrong_method;
}

}  // namespace fascia::server
