// Whole-number options read in base 10 only. CLI11 2.1 converts integers with
// strtoll(..., 0), so "010" would be read as 8 and "0x5" as 5: a pain score
// typed with a leading zero would be stored wrong without a word.
#pragma once

#include <CLI/CLI.hpp>

namespace fascia::cli {

// A CLI11 transform for integer options: accepts an optional minus sign and
// decimal digits (leading zeros allowed: "010" is ten), rewrites the text in
// plain decimal, and refuses anything else, or a number outside 64 bits, with
// a message that quotes the value as typed. Range checks stay with the command.
CLI::Validator decimal_number();

}  // namespace fascia::cli
