// A SAX reader of JSON that knows where it is: the dotted path of the value
// being read ("journal.sessions[1].id"). Readers that scan a text for one
// thing (a bad byte, a number too large) derive from it and override the
// event they look for, calling value() to move on.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace fascia::adapters {

class JsonPathSax : public nlohmann::json_sax<nlohmann::json> {
 public:
  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t&) override { return value(); }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override { return open(false); }
  bool start_array(std::size_t) override { return open(true); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& name) override {
    frames_.back().key = name;
    frames_.back().want_key = false;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 protected:
  // True while an object's next field name is being read (not its value).
  bool reading_key() const { return !frames_.empty() && !frames_.back().array && frames_.back().want_key; }
  // The dotted path of the value being read; with `without_last`, of the
  // object whose field name is being read.
  std::string path(bool without_last = false) const {
    std::string out;
    for (std::size_t i = 0; i < frames_.size(); ++i) {
      if (without_last && i + 1 == frames_.size()) break;
      const Frame& f = frames_[i];
      out = f.array ? out + "[" + std::to_string(f.index) + "]" : (out.empty() ? f.key : out + "." + f.key);
    }
    return out;
  }
  // One value read: the next index in an array, the next field name in an object.
  bool value() {
    if (frames_.empty()) return true;
    Frame& top = frames_.back();
    if (top.array)
      ++top.index;
    else
      top.want_key = true;
    return true;
  }

 private:
  struct Frame {
    bool array = false;
    std::size_t index = 0;
    std::string key;
    bool want_key = true;
  };
  bool open(bool array) {
    frames_.push_back(Frame{array, 0, {}, true});
    return true;
  }
  bool close() {
    frames_.pop_back();
    return value();
  }
  std::vector<Frame> frames_;
};

}  // namespace fascia::adapters
