// Finds the handler for a request by method and path. A pattern is either a
// plain path ("/api/v1/today") or an ECMAScript regular expression matched
// against the whole path, whose groups become HttpRequest::path_params
// (R"(/api/v1/sessions/(\d+))"). HEAD is answered by the GET route.
#pragma once

#include <functional>
#include <regex>
#include <string>
#include <unordered_map>
#include <vector>

#include "fascia/server/http_message.hpp"

namespace fascia::server {

using HttpRouteHandler = std::function<void(HttpRequest&, HttpResponse&)>;

class HttpRouter {
 public:
  enum class Outcome { handled, wrong_method, no_route };

  void add(std::string method, const std::string& pattern, HttpRouteHandler handler);
  // Calls the matching route. wrong_method when the path exists for other
  // methods only (their names are then in the answer's Allow header).
  Outcome dispatch(HttpRequest& request, HttpResponse& response) const;

 private:
  struct Route {
    std::string method;
    std::string plain;  // the path, when the pattern has no regular expression
    std::regex pattern;
    HttpRouteHandler handler;
  };
  std::vector<Route> routes_;
  // Plain paths to their routes' positions: most requests are found without
  // trying a regular expression.
  std::unordered_map<std::string, std::vector<std::size_t>> plain_;
};

}  // namespace fascia::server
