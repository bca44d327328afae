#include "fascia/server/api_error.hpp"

#include <nlohmann/json.hpp>

#include "fascia/adapters/json_text.hpp"

namespace fascia::server {

ApiError from_core(const core::Error& error, const std::string& field) {
  using core::ErrorCode;
  switch (error.code) {
    case ErrorCode::invalid_argument:
    case ErrorCode::out_of_range:
    case ErrorCode::bad_date:
    case ErrorCode::malformed_file:
      return {400, "invalid", error.message, field};
    case ErrorCode::unknown_name:
      return {400, "unknown_name", error.message, field};
    case ErrorCode::not_found:
      return {404, "not_found", error.message, field};
    case ErrorCode::precondition:
      return {409, "precondition", error.message, field};
    case ErrorCode::forbidden:
      return {403, "forbidden", error.message, field};
    case ErrorCode::db_locked:
      return {503, "db_busy", "the database is busy; try again in a moment", {}};
    // Not the client's doing, and nothing it sends can fix it: a 503 naming
    // the cause (the message says which file or folder), nothing saved.
    case ErrorCode::db_read_only:
      return {503, "read_only", error.message, {}};
    case ErrorCode::db_full:
      return {503, "storage_full", error.message, {}};
    case ErrorCode::kb_invalid:
    case ErrorCode::io_error:
    case ErrorCode::db_corrupt:
    case ErrorCode::db_error:
      return {500, "server", error.message, {}};
  }
  return {500, "server", error.message, {}};
}

std::string error_body(const ApiError& error) {
  nlohmann::json inner{{"status", error.status}, {"code", error.code}, {"message", error.message}};
  if (!error.field.empty()) inner["field"] = error.field;
  if (!error.problems.empty()) {
    inner["problems"] = nlohmann::json::array();
    for (const auto& [field, message] : error.problems)
      inner["problems"].push_back({{"field", field}, {"message", message}});
  }
  // Messages may quote what a client sent: never let a bad byte throw here.
  return adapters::json_text({{"error", inner}});
}

}  // namespace fascia::server
