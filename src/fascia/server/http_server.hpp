// The HTTP server: the transport (http_transport.hpp, Boost.Beast) with
// fascia's answers on top — every API route, the web app's files with
// index.html for its own pages, security headers on every answer, and the
// API's JSON error shape for everything the routes and the transport refuse.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "fascia/core/error.hpp"
#include "fascia/server/http_transport.hpp"
#include "fascia/server/server_state.hpp"

namespace fascia::server {

inline constexpr std::size_t kMaxBodyBytes = 64 * 1024;

struct ServeOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;  // 0 picks a free port
  std::filesystem::path web_dir;
  TransportLimits limits;  // deadlines, header/body and connection limits
};

class HttpServer {
 public:
  HttpServer(ServerState& state, ServeOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the address; returns the port. io_error naming it when it cannot.
  core::Result<int> bind();
  // Serves until stop() is called (from another thread).
  void listen();
  // Finishes the answers in hand, then returns from listen().
  void stop();

 private:
  struct Site;
  std::unique_ptr<Site> site_;
  std::unique_ptr<HttpTransport> transport_;
  ServeOptions options_;
};

// The OpenAPI document (src/fascia/server/openapi.json, embedded at build time).
std::string_view openapi_document();

}  // namespace fascia::server
