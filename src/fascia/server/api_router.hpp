// Registers API routes on the HTTP server with what every route needs: a 400
// for any text in the request that is not UTF-8 (request_text.hpp), then the
// caller's identity from the session cookie (401 without it), today's date,
// JSON content type, no-store caching, the error shape, and a last-resort
// catch so that no exception escapes as a crash.
#pragma once

#include <functional>
#include <string>

#include "fascia/server/api_error.hpp"
#include "fascia/server/http_message.hpp"
#include "fascia/server/http_router.hpp"
#include "fascia/server/server_state.hpp"

namespace fascia::server {

enum class Access { anyone, signed_in };

struct Call {
  const HttpRequest& request;
  HttpResponse& response;  // for cookies and extra headers
  ServerState& state;
  std::int64_t person_id = 0;  // 0 for Access::anyone
  core::Date today{};
  std::int64_t now = 0;  // seconds since 1970 on today's calendar (app::Clock::now): what records are stamped with
};

using RouteHandler = std::function<ApiResult<Reply>(Call&)>;

class ApiRouter {
 public:
  ApiRouter(HttpRouter& http, ServerState& state) : http_(http), state_(state) {}
  void get(const std::string& pattern, RouteHandler handler, Access access = Access::signed_in);
  void post(const std::string& pattern, RouteHandler handler, Access access = Access::signed_in);
  void put(const std::string& pattern, RouteHandler handler, Access access = Access::signed_in);

 private:
  HttpRouteHandler wrap(RouteHandler handler, Access access);
  HttpRouter& http_;
  ServerState& state_;
};

inline constexpr const char* kSessionCookie = "fascia_session";

// Writes an error answer (status, JSON body, headers) onto a response; never
// throws (a fixed body is written if building the answer itself fails).
void write_error(HttpResponse& response, const ApiError& error) noexcept;

// Logs one line "fascia serve: METHOD PATH: what" to stderr with the
// request's text escaped (safe_text.hpp printable); never throws.
void log_failure(const HttpRequest& request, const std::string& what) noexcept;

}  // namespace fascia::server
