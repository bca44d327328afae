#include "fascia/server/api_router.hpp"

#include <iostream>

#include "fascia/server/request_text.hpp"
#include "fascia/server/safe_text.hpp"

namespace fascia::server {

void write_error(HttpResponse& response, const ApiError& error) noexcept {
  try {
    response.status = error.status;
    if (error.code == "db_busy") response.set_header("Retry-After", "1");
    response.set_content(error_body(error), "application/json");
  } catch (...) {
    try {
      response.status = 500;
      response.set_content(R"({"error":{"status":500,"code":"server","message":"something went wrong on our side"}})",
                           "application/json");
    } catch (...) {
    }
  }
}

void log_failure(const HttpRequest& request, const std::string& what) noexcept {
  try {
    std::cerr << "fascia serve: " << printable(request.method, 20) << " " << printable(request.path) << ": "
              << printable(what, 1000) << "\n";
  } catch (...) {
  }
}

HttpRouteHandler ApiRouter::wrap(RouteHandler handler, Access access) {
  // Captures the state, not the router: the router is only a registration helper.
  return [&state = state_, handler = std::move(handler), access](HttpRequest& request, HttpResponse& response) {
    Call call{request, response, state};
    try {
      // Before anything reads it: text that is not UTF-8 never reaches a route.
      if (auto bad = request_text_error(request)) {
        write_error(response, *bad);
        return;
      }
      if (access == Access::signed_in) {
        const auto token = cookie_value(std::string(request.header("Cookie")), kSessionCookie);
        auto found = state.sessions.person_for(token, unix_now());
        if (!found) {
          write_error(response, from_core(found.error()));
          return;
        }
        const auto& person = *found;
        if (!person) {
          write_error(response, {401, "unauthenticated", "log in first", {}});
          return;
        }
        call.person_id = *person;
      }
      call.today = state.clock.today();
      call.now = state.clock.now();
      auto reply = handler(call);
      if (!reply) {
        if (reply.error().status >= 500) log_failure(request, reply.error().message);
        write_error(response, reply.error());
        return;
      }
      response.status = reply->status;
      if (!reply->body.empty()) {
        response.set_content(std::move(reply->body), "application/json");
      }
    } catch (const std::exception& e) {
      // A bug, not a client's mistake: log it, answer without crashing.
      log_failure(request, e.what());
      write_error(response, {500, "server", "something went wrong on our side", {}});
    } catch (...) {
      log_failure(request, "unknown exception");
      write_error(response, {500, "server", "something went wrong on our side", {}});
    }
  };
}

void ApiRouter::get(const std::string& pattern, RouteHandler handler, Access access) {
  http_.add("GET", pattern, wrap(std::move(handler), access));
}
void ApiRouter::post(const std::string& pattern, RouteHandler handler, Access access) {
  http_.add("POST", pattern, wrap(std::move(handler), access));
}
void ApiRouter::put(const std::string& pattern, RouteHandler handler, Access access) {
  http_.add("PUT", pattern, wrap(std::move(handler), access));
}

}  // namespace fascia::server
