#include "fascia/cli/exit_codes.hpp"

#include <ostream>

namespace fascia::cli {

int exit_code_for(core::ErrorCode code) {
  using core::ErrorCode;
  switch (code) {
    case ErrorCode::invalid_argument:
    case ErrorCode::out_of_range:
    case ErrorCode::unknown_name:
    case ErrorCode::bad_date:
    case ErrorCode::not_found:
    case ErrorCode::malformed_file:
    case ErrorCode::io_error: return kUsage;
    case ErrorCode::precondition:
    case ErrorCode::forbidden:
      return kPrecondition;
    case ErrorCode::kb_invalid: return kKbInvalid;
    case ErrorCode::db_locked:
    case ErrorCode::db_read_only:
    case ErrorCode::db_full:
    case ErrorCode::db_corrupt:
    case ErrorCode::db_error: return kDatabase;
  }
  return kInternal;
}

int report(std::ostream& err, const core::Error& error) {
  err << "fascia: error: " << error.message << "\n";
  return exit_code_for(error.code);
}

}  // namespace fascia::cli
