// Error values shared by every layer. Expected failures (bad input, unknown
// names, a locked database) travel as Result<T>; exceptions are reserved for
// the program's edges.
#pragma once

#include <string>
#include <utility>

#include <tl/expected.hpp>

namespace fascia::core {

enum class ErrorCode {
  invalid_argument,  // a value the user gave is malformed
  out_of_range,      // a number outside its allowed range
  unknown_name,      // an id that the knowledge base does not know
  bad_date,          // an impossible or malformed date
  not_found,         // a record that does not exist
  precondition,      // e.g. no profile or screening yet
  forbidden,         // the caller's role or link does not allow it (says which)
  kb_invalid,        // the knowledge base failed validation
  malformed_file,    // a data file that cannot be parsed
  io_error,          // a file that cannot be read or written
  db_locked,         // the database is busy or locked by another process
  db_read_only,      // the database (or its folder) may not be written: reads still work
  db_full,           // the disk or the database is full: nothing was saved
  db_corrupt,        // the database file is damaged or not a database
  db_error,          // any other storage failure
};

struct Error {
  ErrorCode code;
  std::string message;  // one line, names what and where
};

template <class T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> fail(ErrorCode code, std::string message) {
  return tl::make_unexpected(Error{code, std::move(message)});
}

// Returns the error of a failed Result from the enclosing function.
#define FASCIA_TRY(expr)                                                                                     \
  do {                                                                                                       \
    if (auto try_result_ = (expr); !try_result_) return tl::make_unexpected(std::move(try_result_).error()); \
  } while (false)

}  // namespace fascia::core
