#include "fascia/server/socket_stream.hpp"

#include <netdb.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

namespace fascia::server {

namespace {

using Clock = std::chrono::steady_clock;

void set_timeout(socket_t sock, int option, std::chrono::milliseconds limit) {
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(limit.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((limit.count() % 1000) * 1000);
  setsockopt(sock, SOL_SOCKET, option, &tv, sizeof tv);
}

// Numeric address and port of either end of the socket; empty when unknown.
void address_of(socket_t sock, bool peer, std::string& ip, int& port) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  auto* raw = reinterpret_cast<sockaddr*>(&address);
  if ((peer ? getpeername(sock, raw, &length) : getsockname(sock, raw, &length)) != 0) return;
  if (address.ss_family == AF_INET) {
    port = ntohs(reinterpret_cast<const sockaddr_in*>(&address)->sin_port);
  } else if (address.ss_family == AF_INET6) {
    port = ntohs(reinterpret_cast<const sockaddr_in6*>(&address)->sin6_port);
  } else {
    return;
  }
  std::array<char, NI_MAXHOST> text{};
  if (getnameinfo(raw, length, text.data(), static_cast<socklen_t>(text.size()), nullptr, 0, NI_NUMERICHOST) == 0)
    ip = text.data();
}

}  // namespace

BufferedSocketStream::BufferedSocketStream(socket_t sock, const std::atomic<socket_t>& listening,
                                           StreamTimeouts timeouts)
    : sock_(sock), listening_(listening), timeouts_(timeouts), in_(kReadBufferBytes, '\0') {
  // A blocking recv wakes at least this often to notice a stopping server
  // and to count down its own limit; a send gives up after the write limit.
  set_timeout(sock_, SO_RCVTIMEO, kStopCheckInterval);
  set_timeout(sock_, SO_SNDTIMEO, timeouts_.write);
  address_of(sock_, true, remote_ip_, remote_port_);
  address_of(sock_, false, local_ip_, local_port_);
}

bool BufferedSocketStream::server_stopping() const { return listening_.load() == INVALID_SOCKET; }

BufferedSocketStream::Fill BufferedSocketStream::fill(std::chrono::milliseconds limit) {
  Clock::time_point deadline{};  // read the clock only when a wait runs out
  for (;;) {
    const ssize_t n = ::recv(sock_, in_.data(), in_.size(), 0);
    if (n > 0) {
      in_begin_ = 0;
      in_end_ = static_cast<std::size_t>(n);
      return Fill::data;
    }
    if (n == 0) return Fill::closed;
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) return Fill::closed;  // reset by the peer
    if (server_stopping()) return Fill::timed_out;
    const auto now = Clock::now();
    if (deadline == Clock::time_point{}) deadline = now + limit - kStopCheckInterval;  // one interval has passed
    if (now >= deadline) return Fill::timed_out;
  }
}

bool BufferedSocketStream::wait_for_request() {
  if (in_begin_ < in_end_) return !server_stopping();  // pipelined: the next request is already here
  if (broken_ || server_stopping()) return false;
  return fill(timeouts_.idle) == Fill::data;
}

bool BufferedSocketStream::is_readable() const { return in_begin_ < in_end_ || !broken_; }

bool BufferedSocketStream::is_writable() const { return !broken_; }

ssize_t BufferedSocketStream::read(char* ptr, size_t size) {
  if (in_begin_ == in_end_) {
    // Whatever we have to say (a "100 Continue") must reach the peer before
    // we wait for its answer.
    if (!flush()) return -1;
    switch (fill(timeouts_.read)) {
      case Fill::data:
        break;
      case Fill::closed:
        return 0;
      case Fill::timed_out:
        return -1;
    }
  }
  const std::size_t n = std::min(size, in_end_ - in_begin_);
  std::memcpy(ptr, in_.data() + in_begin_, n);
  in_begin_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t BufferedSocketStream::write(const char* ptr, size_t size) {
  if (broken_) return -1;
  out_.append(ptr, size);
  if (out_.size() >= kSendThresholdBytes && !flush()) return -1;
  return static_cast<ssize_t>(size);
}

bool BufferedSocketStream::flush() {
  std::size_t sent = 0;
  while (!broken_ && sent < out_.size()) {
    const ssize_t n = ::send(sock_, out_.data() + sent, out_.size() - sent, MSG_NOSIGNAL);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      broken_ = true;  // the peer is gone or stopped reading for the write limit
    }
  }
  out_.clear();
  return !broken_;
}

void BufferedSocketStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  ip = remote_ip_;
  port = remote_port_;
}

void BufferedSocketStream::get_local_ip_and_port(std::string& ip, int& port) const {
  ip = local_ip_;
  port = local_port_;
}

}  // namespace fascia::server
