// Exit codes, documented in the README:
//   0 ok; 1 internal error; 2 bad usage or input (malformed, unknown name,
//   out of range, bad date); 3 knowledge base invalid; 4 database problem
//   (locked, damaged); 5 a step is missing first (no profile, no screening,
//   nothing due); 6 safety: screening says do not self-treat now.
#pragma once

#include <iosfwd>

#include "fascia/core/error.hpp"

namespace fascia::cli {

// Plain ints, so a command's lambda may return these and report() alike.
inline constexpr int kOk = 0, kInternal = 1, kUsage = 2, kKbInvalid = 3, kDatabase = 4, kPrecondition = 5, kSafety = 6;

int exit_code_for(core::ErrorCode code);
// Prints "fascia: error: <message>" and returns the exit code.
int report(std::ostream& err, const core::Error& error);

}  // namespace fascia::cli
