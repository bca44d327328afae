#include "fascia/server/http_server.hpp"

#include "fascia/server/api_router.hpp"
#include "fascia/server/http_router.hpp"
#include "fascia/server/origin_check.hpp"
#include "fascia/server/request_text.hpp"
#include "fascia/server/route_helpers.hpp"
#include "fascia/server/routes.hpp"
#include "fascia/server/safe_text.hpp"
#include "fascia/server/static_files.hpp"

namespace fascia::server {

extern const std::string_view kOpenApiDocument;
std::string_view openapi_document() { return kOpenApiDocument; }

namespace {

// Scripts, styles and connections only from this origin; no framing; the
// app needs no inline code. Health data is never cached.
void add_security_headers(HttpResponse& response) {
  response.set_header("Content-Security-Policy",
                      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                      "connect-src 'self'; media-src 'self' data:; object-src 'none'; base-uri 'none'; "
                      "frame-ancestors 'none'; form-action 'self'");
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Referrer-Policy", "no-referrer");
  response.set_header("X-Frame-Options", "DENY");
  response.set_header("Cache-Control", "no-store");
}

bool is_api(const std::string& path) { return path.rfind("/api/", 0) == 0; }

}  // namespace

// Everything an answer is made from: the routes and the web app's files.
struct HttpServer::Site {
  HttpRouter router;
  StaticFiles files;
  const SiteSecurity& security;

  // One request's answer. Never throws: a bug answers 500 and is logged.
  HttpResponse answer(HttpRequest& request) noexcept {
    HttpResponse response;
    try {
      route(request, response);
    } catch (const std::exception& e) {
      log_failure(request, e.what());
      response = {};
      write_error(response, {500, "server", "something went wrong on our side", {}});
    } catch (...) {
      log_failure(request, "unknown exception");
      response = {};
      write_error(response, {500, "server", "something went wrong on our side", {}});
    }
    try {
      add_security_headers(response);
    } catch (...) {
    }
    return response;
  }

  void route(HttpRequest& request, HttpResponse& response) {
    if (auto forged = cross_origin_error(request, security)) return write_error(response, *forged);
    const auto outcome = router.dispatch(request, response);  // API routes check the text themselves
    if (outcome == HttpRouter::Outcome::handled) return;
    // Text that is not UTF-8 never reaches an error message.
    if (auto bad = request_text_error(request)) return write_error(response, *bad);
    if (outcome == HttpRouter::Outcome::wrong_method)
      return write_error(response,
                         {405, "method_not_allowed", printable(request.method, 20) + " is not allowed here", {}});
    const bool get = request.method == "GET" || request.method == "HEAD";
    if (get && !is_api(request.path)) {
      // A file of the app, else one of the app's own pages (it routes them itself).
      if (auto file = files.serve(request.path)) return void(response = std::move(*file));
      const bool looks_like_a_file =
          request.path.rfind('.') != std::string::npos && request.path.rfind('.') > request.path.rfind('/');
      if (!looks_like_a_file)
        if (auto page = files.index()) return void(response = std::move(*page));
    }
    write_error(response, {404, "not_found", "no such address: " + printable(request.path, 200), {}});
  }

  // The transport's refusals in the API's error shape.
  HttpResponse refusal(const TransportRefusal& refused) noexcept {
    HttpResponse response;
    write_error(response, {refused.status, refused.code, refused.message, refused.field});
    try {
      add_security_headers(response);
    } catch (...) {
    }
    return response;
  }
};

HttpServer::HttpServer(ServerState& state, ServeOptions options)
    : site_(std::make_unique<Site>(Site{{}, StaticFiles(options.web_dir), state.security})),
      options_(std::move(options)) {
  options_.limits.body_bytes = kMaxBodyBytes;
  ApiRouter api(site_->router, state);
  // A load balancer's probe: the database must answer too (one indexed read).
  api.get(
      "/api/v1/health",
      [&state](Call&) -> ApiResult<Reply> {
        auto store = lift(state.stores.lease(1));
        if (!store) return tl::make_unexpected(store.error());
        if (auto revision = lift((*store)->revision()); !revision) return tl::make_unexpected(revision.error());
        return Reply{200, R"({"ok":true})"};
      },
      Access::anyone);
  api.get(
      "/api/v1/openapi.json",
      [](Call&) -> ApiResult<Reply> {
        return Reply{200, std::string(kOpenApiDocument)};
      },
      Access::anyone);
  add_auth_routes(site_->router, api, state);
  add_kb_routes(api);
  add_profile_routes(api);
  add_plan_routes(api);
  add_session_routes(api);
  add_journal_routes(api);
  add_care_routes(api);
  add_invitation_routes(api);
  add_clinic_routes(api);
  add_program_routes(api);
  add_note_routes(api);
  add_finder_routes(api);
  add_signup_routes(api);

  transport_ = std::make_unique<HttpTransport>(
      HttpHandlers{[site = site_.get()](HttpRequest& request) { return site->answer(request); },
                   [site = site_.get()](const TransportRefusal& refused) { return site->refusal(refused); }},
      options_.limits);
}

HttpServer::~HttpServer() = default;

core::Result<int> HttpServer::bind() { return transport_->bind(options_.bind, options_.port); }
void HttpServer::listen() { transport_->run(); }
void HttpServer::stop() { transport_->stop(); }

}  // namespace fascia::server
