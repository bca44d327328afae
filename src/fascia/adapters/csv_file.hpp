// Reading CSV (RFC 4180: commas, double quotes, quoted line breaks) with
// libcsv in strict mode; the only file that includes csv.h. Blank lines are
// skipped; spaces around unquoted fields are trimmed; a leading UTF-8 byte
// order mark is dropped.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "fascia/app/text_record.hpp"
#include "fascia/core/error.hpp"

namespace fascia::adapters {

// Every record of `text`, each with the line it starts on. malformed_file
// "<what>, line N: <libcsv's reason>" for a stray or unclosed quote.
core::Result<std::vector<app::TextRecord>> parse_csv(std::string_view text, std::string_view what);

// The same for a file; io_error naming it when it cannot be read.
core::Result<std::vector<app::TextRecord>> read_csv_file(const std::filesystem::path& file);

}  // namespace fascia::adapters
