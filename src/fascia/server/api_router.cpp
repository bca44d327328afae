#include "fascia/server/api_router.hpp"

#include <httplib.h>

#include <iostream>

namespace fascia::server {

void write_error(httplib::Response& response, const ApiError& error) {
  response.status = error.status;
  if (error.status == 503) response.set_header("Retry-After", "1");
  response.set_content(error_body(error), "application/json");
}

std::function<void(const httplib::Request&, httplib::Response&)> ApiRouter::wrap(RouteHandler handler, Access access) {
  // Captures the state, not the router: the router is only a registration helper.
  return [&state = state_, handler = std::move(handler), access](const httplib::Request& request,
                                                                 httplib::Response& response) {
    Call call{request, response, state};
    try {
      if (access == Access::signed_in) {
        const auto token = cookie_value(request.get_header_value("Cookie"), kSessionCookie);
        auto person = state.sessions.person_for(token, std::chrono::steady_clock::now());
        if (!person) {
          write_error(response, {401, "unauthenticated", "log in first", {}});
          return;
        }
        call.person_id = *person;
      }
      call.today = state.clock.today();
      auto reply = handler(call);
      if (!reply) {
        if (reply.error().status >= 500) std::cerr << "fascia serve: " << reply.error().message << "\n";
        write_error(response, reply.error());
        return;
      }
      response.status = reply->status;
      if (!reply->body.empty()) {
        response.body = std::move(reply->body);  // set_content would copy it once more
        response.set_header("Content-Type", "application/json");
      }
    } catch (const std::exception& e) {
      // A bug, not a client's mistake: log it, answer without crashing.
      std::cerr << "fascia serve: " << request.method << " " << request.path << ": " << e.what() << "\n";
      write_error(response, {500, "server", "something went wrong on our side", {}});
    }
  };
}

void ApiRouter::get(const std::string& pattern, RouteHandler handler, Access access) {
  http_.Get(pattern, wrap(std::move(handler), access));
}
void ApiRouter::post(const std::string& pattern, RouteHandler handler, Access access) {
  http_.Post(pattern, wrap(std::move(handler), access));
}
void ApiRouter::put(const std::string& pattern, RouteHandler handler, Access access) {
  http_.Put(pattern, wrap(std::move(handler), access));
}

}  // namespace fascia::server
