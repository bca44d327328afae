// httplib::Server with its connection loop replaced: each kept-alive
// connection is served through a BufferedSocketStream (one blocking recv to
// wait, one send per answer). Parsing, routing, handlers and the writing of
// answers stay httplib's; this overrides only the per-connection loop, the
// extension point httplib's own SSLServer uses.
#pragma once

#include <httplib.h>

#include "fascia/server/socket_stream.hpp"

namespace fascia::server {

class BufferedServer final : public httplib::Server {
 private:
  bool process_and_close_socket(socket_t sock) override;
};

}  // namespace fascia::server
