#include "fascia/server/static_files.hpp"

#include <array>
#include <fstream>
#include <iterator>
#include <utility>

namespace fascia::server {

std::string_view content_type_for(std::string_view file_name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kTypes{{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".wav", "audio/wav"},
      {".mp3", "audio/mpeg"},
      {".txt", "text/plain; charset=utf-8"},
  }};
  const auto dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return "application/octet-stream";
  const auto extension = file_name.substr(dot);
  for (const auto& [ext, type] : kTypes)
    if (ext == extension) return type;
  return "application/octet-stream";
}

std::optional<HttpResponse> StaticFiles::serve(std::string_view path) const {
  if (folder_.empty() || path.empty() || path.front() != '/') return std::nullopt;
  std::filesystem::path relative;
  std::size_t start = 1;
  while (start <= path.size()) {
    const auto end = std::min(path.find('/', start), path.size());
    const auto segment = path.substr(start, end - start);
    // Empty segments ("//") are skipped; "." and ".." never walk anywhere,
    // and hidden names are never the app's.
    if (!segment.empty()) {
      if (segment.front() == '.' || segment.find('\\') != std::string_view::npos) return std::nullopt;
      relative /= std::string(segment);
    }
    start = end + 1;
  }
  if (relative.empty()) relative = "index.html";
  const auto file = folder_ / relative;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  HttpResponse answer;
  answer.set_content(std::string(std::istreambuf_iterator<char>(in), {}), content_type_for(file.filename().string()));
  return answer;
}

}  // namespace fascia::server
