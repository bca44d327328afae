// One kept-alive client connection as an httplib::Stream, with fewer system
// calls than httplib's own SocketStream: reads wait in a blocking recv (no
// poll before each read), the request line and headers come from a 16 KiB
// buffer, and an answer's status line, headers and body are gathered and sent
// with one send() (httplib writes headers and body separately, each after two
// polls). The peer's and our address are looked up once per connection, not
// once per request. See docs/adr/0004-http-server.md.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <string>

namespace fascia::server {

struct StreamTimeouts {
  std::chrono::milliseconds read{5000};   // for the rest of a request once it has begun
  std::chrono::milliseconds write{5000};  // for one send() to make progress
  std::chrono::milliseconds idle{2000};   // for a kept-alive connection to start its next request
};

class BufferedSocketStream final : public httplib::Stream {
 public:
  // `listening` is the server's listening socket; when it becomes invalid
  // (the server is stopping) waits end within kStopCheckInterval.
  BufferedSocketStream(socket_t sock, const std::atomic<socket_t>& listening, StreamTimeouts timeouts);

  // Waits until the next request's first bytes arrive (the previous answer
  // must have been flushed). False when the peer closed or is gone, the
  // connection stayed idle too long or the server is stopping.
  bool wait_for_request();
  // Sends what the answer has gathered. False when the peer is gone.
  bool flush();

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return sock_; }

  static constexpr std::chrono::milliseconds kStopCheckInterval{200};
  static constexpr std::size_t kReadBufferBytes = 16 * 1024;
  // An answer larger than this (a big static file) goes out in pieces.
  static constexpr std::size_t kSendThresholdBytes = 64 * 1024;

 private:
  enum class Fill { data, closed, timed_out };
  // Receives into the read buffer, waiting at most `limit` (in slices, so
  // that a stopping server is noticed).
  Fill fill(std::chrono::milliseconds limit);
  bool server_stopping() const;

  socket_t sock_;
  const std::atomic<socket_t>& listening_;
  StreamTimeouts timeouts_;
  std::string in_;
  std::size_t in_begin_ = 0;
  std::size_t in_end_ = 0;
  std::string out_;
  bool broken_ = false;
  std::string remote_ip_, local_ip_;
  int remote_port_ = 0, local_port_ = 0;
};

}  // namespace fascia::server
