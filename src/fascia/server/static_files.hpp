// The web app's files (web/dist): GET only, a content type from the file's
// extension, no ranges (a Range header is ignored and the whole file sent).
// A path with a "." or ".." segment, a hidden name, or anything that is not
// a regular file under the folder finds nothing. The decoded path holds no
// NUL: request_target.hpp refuses those before any route sees them.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "fascia/server/http_message.hpp"

namespace fascia::server {

class StaticFiles {
 public:
  // An empty folder serves nothing.
  explicit StaticFiles(std::filesystem::path folder) : folder_(std::move(folder)) {}
  // The file's answer (200, its bytes and type), or nullopt when there is none.
  std::optional<HttpResponse> serve(std::string_view path) const;
  // The app's own page, for the paths the browser app routes itself.
  std::optional<HttpResponse> index() const { return serve("/index.html"); }

 private:
  std::filesystem::path folder_;
};

// The Content-Type for a file name's extension (application/octet-stream
// when unknown).
std::string_view content_type_for(std::string_view file_name);

}  // namespace fascia::server
