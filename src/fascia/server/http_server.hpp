// The HTTP server: cpp-httplib configured for fascia (no Nagle delay, body
// size limit, security headers on every answer, JSON errors, the web app's
// static files with index.html for its client-side pages), with every API
// route registered.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "fascia/core/error.hpp"
#include "fascia/server/server_state.hpp"

namespace httplib {
class Server;
}

namespace fascia::server {

inline constexpr std::size_t kMaxBodyBytes = 64 * 1024;
inline constexpr std::size_t kWorkerThreads = 32;

struct ServeOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;  // 0 picks a free port
  std::filesystem::path web_dir;
};

class HttpServer {
 public:
  HttpServer(ServerState& state, ServeOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the address; returns the port. io_error when it cannot.
  core::Result<int> bind();
  // Serves until stop() is called (from another thread or a signal handler).
  void listen();
  void stop();

 private:
  std::unique_ptr<httplib::Server> http_;
  ServerState& state_;
  ServeOptions options_;
  int listen_socket_ = -1;
};

// The OpenAPI document (src/fascia/server/openapi.json, embedded at build time).
std::string_view openapi_document();

}  // namespace fascia::server
