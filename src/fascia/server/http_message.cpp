#include "fascia/server/http_message.hpp"

#include <algorithm>

namespace fascia::server {

bool same_field_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
           return lower(x) == lower(y);
         });
}

std::string_view HttpRequest::header(std::string_view name) const {
  for (const auto& [n, v] : headers)
    if (same_field_name(n, name)) return v;
  return {};
}

std::size_t HttpRequest::header_count(std::string_view name) const {
  return static_cast<std::size_t>(
      std::count_if(headers.begin(), headers.end(), [&](const auto& h) { return same_field_name(h.first, name); }));
}

std::string HttpRequest::param(std::string_view name, std::size_t index) const {
  for (const auto& [n, v] : query)
    if (n == name && index-- == 0) return v;
  return {};
}

std::size_t HttpRequest::param_count(std::string_view name) const {
  return static_cast<std::size_t>(
      std::count_if(query.begin(), query.end(), [&](const auto& p) { return p.first == name; }));
}

void HttpResponse::set_header(std::string_view name, std::string value) {
  std::erase_if(headers, [&](const auto& h) { return same_field_name(h.first, name); });
  headers.emplace_back(std::string(name), std::move(value));
}

void HttpResponse::add_header(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
}

std::string_view HttpResponse::header(std::string_view name) const {
  for (const auto& [n, v] : headers)
    if (same_field_name(n, name)) return v;
  return {};
}

void HttpResponse::set_content(std::string content, std::string_view content_type) {
  body = std::move(content);
  set_header("Content-Type", std::string(content_type));
}

void HttpResponse::set_redirect(std::string location, int redirect_status) {
  status = redirect_status;
  set_header("Location", std::move(location));
}

}  // namespace fascia::server
