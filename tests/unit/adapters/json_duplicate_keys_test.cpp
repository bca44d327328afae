#include "fascia/adapters/json_duplicate_keys.hpp"

#include <gtest/gtest.h>

using fascia::adapters::DuplicateKeyFinder;

namespace {
std::optional<std::string> first_duplicate(std::string_view text) {
  DuplicateKeyFinder finder;
  auto parsed = nlohmann::json::parse(
      text, [&](int, nlohmann::detail::parse_event_t e, nlohmann::json& v) { return finder.on_event(e, v); }, false);
  return finder.found();
}
}  // namespace

TEST(JsonDuplicateKeys, FindsTheFirstFieldNamedTwiceWithItsPath) {
  EXPECT_EQ(first_duplicate(R"({"a":1,"a":2})"), "a");
  EXPECT_EQ(first_duplicate(R"({"journal":{"sessions":[{"id":1},{"id":2,"steps":[],"id":3}]}})"),
            "journal.sessions[1].id");
  EXPECT_EQ(first_duplicate(R"([{"x":1},{"y":1,"y":1}])"), "[1].y");
}

TEST(JsonDuplicateKeys, SameNamesInDifferentObjectsAreNotDuplicates) {
  EXPECT_EQ(first_duplicate(R"({"a":{"x":1},"b":{"x":1},"x":[{"x":1}]})"), std::nullopt);
}
