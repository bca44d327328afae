// fascia's HTTP transport: Boost.Beast on Boost.Asio (ADR 0011), the one
// file that includes them. A fixed set of threads (two per core, at least
// four) serves any number of connections, reading, routing and writing.
// Requests that change data (POST, PUT, PATCH, DELETE) are answered on a
// bounded pool of write threads of their own (ADR 0015): their routes wait —
// for a group commit to be durable, for a password hash — and while they
// wait, the transport threads go on serving every connection, and enough
// writes wait together for one commit to make many durable. Every request has deadlines for its
// headers and for its body, headers are limited in bytes and in number, the
// body in bytes; a client address may hold a limited number of connections;
// kept-alive and pipelined requests are answered in order. stop() finishes
// the answers already being worked out, then closes every connection.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "fascia/core/error.hpp"
#include "fascia/server/http_message.hpp"

namespace fascia::server {

struct TransportLimits {
  std::size_t header_bytes = 16 * 1024;  // request line and headers, bytes
  std::size_t header_count = 100;        // header fields in one request
  std::size_t body_bytes = 64 * 1024;    // bytes, after any chunked coding
  // A kept-alive connection may wait this long for its next request's first byte.
  std::chrono::milliseconds idle_deadline{std::chrono::seconds(30)};
  // From a request's first byte to the end of its headers: a client that
  // drips bytes is cut off here, however steadily it drips.
  std::chrono::milliseconds header_deadline{std::chrono::seconds(10)};
  std::chrono::milliseconds body_deadline{std::chrono::seconds(10)};   // from the end of the headers
  std::chrono::milliseconds write_deadline{std::chrono::seconds(10)};  // to write one answer
  std::chrono::milliseconds shutdown_grace{std::chrono::seconds(10)};  // stop() waits at most this
  std::size_t connections_per_address = 128;                           // open connections from one client address
  std::size_t max_connections = 10000;                                 // open connections in all
  unsigned threads = 0;                                                // 0: two per core, at least 4
  // Threads answering POST, PUT, PATCH and DELETE; more such requests wait
  // in order for one to be free. 0: every route runs on the transport threads.
  unsigned write_threads = 64;
};

// Why the transport answered a request itself, without calling a route.
struct TransportRefusal {
  int status = 400;        // 400, 408, 413, 431 or 503
  std::string code;        // the API's error code: bad_request, too_large, busy, ...
  std::string message;     // one line for people
  std::string field = {};  // the part of the request it is about ("path", "query"), or empty
};

struct HttpHandlers {
  // Answers one complete request; must not throw. Runs on one of the threads.
  std::function<HttpResponse(HttpRequest&)> handle;
  // The answer for a refusal; must not throw.
  std::function<HttpResponse(const TransportRefusal&)> refuse;
};

class HttpTransport {
 public:
  HttpTransport(HttpHandlers handlers, TransportLimits limits);
  ~HttpTransport();
  HttpTransport(const HttpTransport&) = delete;
  HttpTransport& operator=(const HttpTransport&) = delete;

  // Listens on the address; returns the port (the one picked when port is 0).
  // io_error naming the address when it cannot (in use, not an address).
  core::Result<int> bind(const std::string& address, int port);
  // Serves until stop(); returns once every connection is closed (or the
  // shutdown grace has passed).
  void run();
  // Stops accepting, closes idle connections, lets answers being worked out
  // be written, then closes the rest. Thread-safe; may be called before run().
  void stop();

  struct Impl;  // defined in http_transport.cpp, with Boost

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace fascia::server
