#include "fascia/server/http_server.hpp"

#include <httplib.h>
#include <sys/socket.h>

#include <fstream>
#include <sstream>

#include "fascia/server/api_router.hpp"
#include "fascia/server/buffered_server.hpp"
#include "fascia/server/request_text.hpp"
#include "fascia/server/routes.hpp"
#include "fascia/server/safe_text.hpp"

namespace fascia::server {

extern const std::string_view kOpenApiDocument;
std::string_view openapi_document() { return kOpenApiDocument; }

namespace {

// Scripts, styles and connections only from this origin; no framing; the
// app needs no inline code. Health data is never cached.
httplib::Headers security_headers() {
  return {{"Content-Security-Policy",
           "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
           "media-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"},
          {"X-Content-Type-Options", "nosniff"},
          {"Referrer-Policy", "no-referrer"},
          {"X-Frame-Options", "DENY"},
          {"Cache-Control", "no-store"}};
}

bool is_api(const std::string& path) { return path.rfind("/api/", 0) == 0; }

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The JSON error shape for an answer that ended in an error without a body
// (unknown API paths, bodies over the limit, unknown methods); other GETs
// that found no file are the web app's own pages.
httplib::Server::HandlerResponse answer_error(const httplib::Request& request, httplib::Response& response,
                                              const std::filesystem::path& index) {
  if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
  if (auto bad = request_text_error(request)) {
    write_error(response, *bad);
    return httplib::Server::HandlerResponse::Handled;
  }
  if (response.status == 404 && request.method == "GET" && !is_api(request.path) && std::filesystem::exists(index)) {
    response.status = 200;
    response.set_content(read_file(index), "text/html; charset=utf-8");
    return httplib::Server::HandlerResponse::Handled;
  }
  switch (response.status) {
    case 404:
      write_error(response, {404, "not_found", "no such address: " + printable(request.path, 200), {}});
      break;
    case 413:
      write_error(response,
                  {413, "too_large", "the body is larger than " + std::to_string(kMaxBodyBytes / 1024) + " KiB", {}});
      break;
    case 405:
      write_error(response, {405, "method_not_allowed", printable(request.method, 20) + " is not allowed here", {}});
      break;
    default:
      write_error(response, {response.status,
                             response.status >= 500 ? "server" : "bad_request",
                             "the request could not be handled (HTTP " + std::to_string(response.status) + ")",
                             {}});
  }
  return httplib::Server::HandlerResponse::Handled;
}

}  // namespace

HttpServer::HttpServer(ServerState& state, ServeOptions options)
    : http_(std::make_unique<BufferedServer>()), state_(state), options_(std::move(options)) {
  auto& http = *http_;
  // Without this a keep-alive client waits ~40 ms per answer (Nagle and
  // delayed ACK); see ENGINEERING.md.
  http.set_tcp_nodelay(true);
  http.set_payload_max_length(kMaxBodyBytes);
  // httplib's defaults close a connection after 5 requests and listen with a
  // backlog of 5 (accept-queue overflows cost 200 ms retransmits under load;
  // see docs/BENCHMARKS.md). Each kept-alive connection holds a worker thread
  // while it lasts, so the pool is larger than a few browsers' connections.
  http.set_keep_alive_max_count(100);
  http.set_keep_alive_timeout(2);
  http.new_task_queue = [] { return new httplib::ThreadPool(kWorkerThreads); };
  // Also drops httplib's SO_REUSEPORT: a second server on the same port must
  // fail to start, not silently share the traffic.
  http.set_socket_options([this](int socket) {
    listen_socket_ = socket;
    int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http.set_default_headers(security_headers());

  // Refuse oversized bodies before reading them: httplib applies its limit
  // only to bodies with a Content-Length, and only after waiting for them.
  http.set_pre_routing_handler([](const httplib::Request& request, httplib::Response& response) {
    const bool chunked = request.get_header_value("Transfer-Encoding").find("chunked") != std::string::npos;
    const std::string length_text = request.get_header_value("Content-Length");
    std::uint64_t length = 0;
    try {
      length = length_text.empty() ? 0 : std::stoull(length_text);
    } catch (const std::exception&) {
      length = kMaxBodyBytes + 1;  // unreadable: treat as too large
    }
    if (!chunked && length <= kMaxBodyBytes) return httplib::Server::HandlerResponse::Unhandled;
    write_error(response, {413,
                           "too_large",
                           chunked ? "send the body with a Content-Length (chunked bodies are not accepted), at most " +
                                         std::to_string(kMaxBodyBytes / 1024) + " KiB"
                                   : "the body is larger than " + std::to_string(kMaxBodyBytes / 1024) + " KiB",
                           {}});
    response.set_header("Connection", "close");  // the unread body must not be taken for a next request
    return httplib::Server::HandlerResponse::Handled;
  });

  ApiRouter api(http, state_);
  api.get(
      "/api/v1/health",
      [](Call&) -> ApiResult<Reply> {
        return Reply{200, R"({"ok":true})"};
      },
      Access::anyone);
  api.get(
      "/api/v1/openapi.json",
      [](Call&) -> ApiResult<Reply> {
        return Reply{200, std::string(kOpenApiDocument)};
      },
      Access::anyone);
  add_auth_routes(http, api, state_);
  add_kb_routes(api);
  add_profile_routes(api);
  add_plan_routes(api);
  add_session_routes(api);
  add_journal_routes(api);

  if (!options_.web_dir.empty()) http.set_mount_point("/", options_.web_dir.string());
  const auto index = options_.web_dir / "index.html";

  // Runs outside httplib's exception catch, so nothing in it may throw; a
  // request whose text is not UTF-8 is a 400 naming the part, whatever else.
  http.set_error_handler(
      httplib::Server::HandlerWithResponse([index](const httplib::Request& request, httplib::Response& response) {
        try {
          return answer_error(request, response, index);
        } catch (const std::exception& e) {
          log_failure(request, e.what());
        } catch (...) {
          log_failure(request, "unknown exception");
        }
        write_error(response, {500, "server", "something went wrong on our side", {}});
        return httplib::Server::HandlerResponse::Handled;
      }));
  // Exceptions thrown while routing outside the API wrapper (which catches
  // its own); a bug, so a 500 — logged with the request's text escaped.
  http.set_exception_handler(
      [](const httplib::Request& request, httplib::Response& response, std::exception_ptr ep) noexcept {
        std::string what = "unknown exception";
        try {
          std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          try {
            what = e.what();
          } catch (...) {
          }
        } catch (...) {
        }
        log_failure(request, what);
        write_error(response, {500, "server", "something went wrong on our side", {}});
      });
}

HttpServer::~HttpServer() = default;

core::Result<int> HttpServer::bind() {
  const int port = options_.port == 0 ? http_->bind_to_any_port(options_.bind)
                                      : (http_->bind_to_port(options_.bind, options_.port) ? options_.port : -1);
  if (port < 0)
    return core::fail(core::ErrorCode::io_error, "cannot listen on " + options_.bind + ":" +
                                                     std::to_string(options_.port) + " (address in use or not valid)");
  if (listen_socket_ >= 0) ::listen(listen_socket_, SOMAXCONN);  // a longer accept queue than httplib's 5
  return port;
}

void HttpServer::listen() { http_->listen_after_bind(); }
void HttpServer::stop() { http_->stop(); }

}  // namespace fascia::server
