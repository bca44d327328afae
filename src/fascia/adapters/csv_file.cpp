#include "fascia/adapters/csv_file.hpp"

#include <csv.h>

#include <fstream>
#include <sstream>

namespace fascia::adapters {

namespace {

struct Collector {
  std::vector<app::TextRecord> records;
  app::TextRecord current;
  int line = 1;          // the line being parsed
  int record_start = 0;  // the line the record being read began on; 0 between records
  bool started = false;  // a field of `current` has been seen

  static void on_field(void* data, std::size_t size, void* self_ptr) {
    auto& self = *static_cast<Collector*>(self_ptr);
    if (!self.started) self.current.line = self.record_start != 0 ? self.record_start : self.line;
    self.started = true;
    self.current.fields.emplace_back(data == nullptr ? "" : std::string(static_cast<const char*>(data), size));
  }
  static void on_record(int, void* self_ptr) {
    auto& self = *static_cast<Collector*>(self_ptr);
    if (self.started) self.records.push_back(std::move(self.current));
    self.current = {};
    self.started = false;
    self.record_start = 0;
  }
};

}  // namespace

core::Result<std::vector<app::TextRecord>> parse_csv(std::string_view text, std::string_view what) {
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
    return core::fail(core::ErrorCode::io_error, "the CSV reader could not start");
  Collector collector;
  // A byte order mark (spreadsheets write one) is not part of the first column's name.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  // Fed one line at a time, so that each record knows the line it starts on.
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    const std::string_view piece = text.substr(start, end - start);
    if (collector.record_start == 0 && piece.find_first_not_of("\r\n") != std::string_view::npos)
      collector.record_start = collector.line;
    if (csv_parse(&parser, piece.data(), piece.size(), Collector::on_field, Collector::on_record, &collector) !=
        piece.size()) {
      const std::string reason = csv_strerror(csv_error(&parser));
      csv_free(&parser);
      return core::fail(core::ErrorCode::malformed_file,
                        std::string(what) + ", line " + std::to_string(collector.line) + ": " + reason);
    }
    ++collector.line;
    start = end;
  }
  const int finished = csv_fini(&parser, Collector::on_field, Collector::on_record, &collector);
  csv_free(&parser);
  if (finished != 0)
    return core::fail(
        core::ErrorCode::malformed_file,
        std::string(what) + ", line " + std::to_string(collector.record_start) + ": a quoted field is never closed");
  return std::move(collector.records);
}

core::Result<std::vector<app::TextRecord>> read_csv_file(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec))
    return core::fail(core::ErrorCode::io_error, "cannot read " + file.string() + ": not a file");
  std::ifstream in(file, std::ios::binary);
  if (!in) return core::fail(core::ErrorCode::io_error, "cannot read " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return core::fail(core::ErrorCode::io_error, "cannot read " + file.string());
  return parse_csv(text.str(), file.string());
}

}  // namespace fascia::adapters
