// fascia's own HTTP request and answer, the only HTTP types routes see. The
// transport (http_transport.cpp, the one file that includes Boost.Beast)
// fills an HttpRequest from what it read and writes an HttpResponse back, so
// no route depends on the HTTP library.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fascia::server {

using HttpFields = std::vector<std::pair<std::string, std::string>>;

// One request as read. `path` and the query's names and values are
// percent-decoded (and may hold any bytes: request_text.hpp checks them);
// header names keep the sender's case and are looked up without it.
struct HttpRequest {
  std::string method;  // "GET", "POST", ... as sent
  std::string path;    // decoded, without the query
  HttpFields query;    // decoded name/value pairs, in order
  HttpFields headers;  // as received, in order
  std::string body;
  std::string remote_address;            // the peer's IP address as text
  std::vector<std::string> path_params;  // the route pattern's captures, filled by the router

  // The first header of that name (any case), or "" when there is none.
  std::string_view header(std::string_view name) const;
  // How many headers of that name (any case) were sent.
  std::size_t header_count(std::string_view name) const;
  // The index-th value of a query parameter, or "" when there are fewer.
  std::string param(std::string_view name, std::size_t index = 0) const;
  std::size_t param_count(std::string_view name) const;
};

// One answer. Content-Length is set by the transport from `body`.
struct HttpResponse {
  int status = 200;
  HttpFields headers;
  std::string body;

  // Replaces any header of that name (any case).
  void set_header(std::string_view name, std::string value);
  // Adds a header even when one of that name exists (Set-Cookie).
  void add_header(std::string name, std::string value);
  std::string_view header(std::string_view name) const;
  void set_content(std::string content, std::string_view content_type);
  void set_redirect(std::string location, int redirect_status);
};

// ASCII case-insensitive equality, as HTTP compares field names.
bool same_field_name(std::string_view a, std::string_view b);

}  // namespace fascia::server
