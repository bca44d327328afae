#include "fascia/server/http_router.hpp"

namespace fascia::server {

namespace {
bool is_plain(const std::string& pattern) { return pattern.find_first_of("()[]\\*+?{}|^$") == std::string::npos; }
}  // namespace

void HttpRouter::add(std::string method, const std::string& pattern, HttpRouteHandler handler) {
  Route route{std::move(method), {}, {}, std::move(handler)};
  if (is_plain(pattern)) {
    route.plain = pattern;
    plain_[pattern].push_back(routes_.size());
  } else {
    route.pattern = std::regex(pattern, std::regex::ECMAScript | std::regex::optimize);
  }
  routes_.push_back(std::move(route));
}

HttpRouter::Outcome HttpRouter::dispatch(HttpRequest& request, HttpResponse& response) const {
  const std::string method = request.method == "HEAD" ? std::string("GET") : request.method;
  std::string allowed;
  const auto allow = [&allowed](const std::string& m) {
    if (allowed.find(m) == std::string::npos) allowed += (allowed.empty() ? "" : ", ") + m;
  };
  if (auto plain = plain_.find(request.path); plain != plain_.end()) {
    for (const auto index : plain->second) {
      const auto& route = routes_[index];
      if (route.method != method) {
        allow(route.method);
        continue;
      }
      request.path_params.clear();
      route.handler(request, response);
      return Outcome::handled;
    }
  }
  for (const auto& route : routes_) {
    if (!route.plain.empty()) continue;  // looked up above
    std::smatch groups;
    if (!std::regex_match(request.path, groups, route.pattern)) continue;
    if (route.method != method) {
      allow(route.method);
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
