#include "fascia/server/buffered_server.hpp"

#include <sys/socket.h>
#include <unistd.h>

namespace fascia::server {

namespace {

std::chrono::milliseconds millis(time_t seconds, time_t microseconds = 0) {
  return std::chrono::milliseconds(seconds * 1000 + microseconds / 1000);
}

}  // namespace

// The same rules as httplib's loop: at most keep_alive_max_count_ requests,
// the last one answered with "Connection: close"; a connection idle for
// keep_alive_timeout_sec_ is closed; a stopping server ends every loop.
bool BufferedServer::process_and_close_socket(socket_t sock) {
  BufferedSocketStream stream(sock, svr_sock_,
                              {.read = millis(read_timeout_sec_, read_timeout_usec_),
                               .write = millis(write_timeout_sec_, write_timeout_usec_),
                               .idle = millis(keep_alive_timeout_sec_)});
  bool ok = false;
  for (std::size_t left = keep_alive_max_count_; left > 0 && stream.wait_for_request(); --left) {
    bool connection_closed = false;
    ok = process_request(stream, left == 1, connection_closed, nullptr);
    if (!stream.flush()) ok = false;
    if (!ok || connection_closed) break;
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ok;
}

}  // namespace fascia::server
