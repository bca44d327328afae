#include "fascia/adapters/json_number_range.hpp"

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <vector>

namespace fascia::adapters {

namespace {

using json = nlohmann::json;

// An integer literal has only digits after an optional minus sign; nlohmann
// hands over such a literal as a float only when it does not fit 64 bits.
bool is_integer_literal(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  if (text.empty()) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

// Walks the SAX events, keeps the path of the value being read and stops at
// the first integer that is too large.
class OversizedIntegerFinder final : public nlohmann::json_sax<json> {
 public:
  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  // Up to 2^64-1 the parser keeps the exact value, and each field's own
  // check quotes it with that field's range.
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t& text) override {
    if (is_integer_literal(text)) return found(text);
    return value();
  }
  bool string(string_t&) override { return value(); }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override { return open(false); }
  bool start_array(std::size_t) override { return open(true); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& name) override {
    frames_.back().key = name;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

  const std::optional<OversizedInteger>& result() const { return result_; }

 private:
  struct Frame {
    bool array = false;
    std::size_t index = 0;
    std::string key;
  };
  bool found(std::string literal) {
    std::string path;
    for (const Frame& f : frames_)
      path = f.array ? path + "[" + std::to_string(f.index) + "]" : (path.empty() ? f.key : path + "." + f.key);
    result_ = OversizedInteger{std::move(path), std::move(literal)};
    return false;  // stop the scan
  }
  bool value() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
    return true;
  }
  bool open(bool array) {
    frames_.push_back(Frame{array, 0, {}});
    return true;
  }
  bool close() {
    frames_.pop_back();
    return value();
  }
  std::vector<Frame> frames_;
  std::optional<OversizedInteger> result_;
};

}  // namespace

std::optional<OversizedInteger> find_oversized_integer(std::string_view json_text) {
  OversizedIntegerFinder finder;
  try {
    json::sax_parse(json_text, &finder);
  } catch (const std::exception&) {
    // Only reached for input the caller's own parse will refuse anyway.
  }
  return finder.result();
}

std::string oversized_integer_message(const OversizedInteger& found) {
  return (found.path.empty() ? std::string("the number") : found.path) + ": " + found.literal +
         " is far outside any range fascia accepts (whole numbers up to " +
         std::to_string(std::numeric_limits<std::int64_t>::max()) + ")";
}

}  // namespace fascia::adapters
