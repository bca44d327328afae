#include "fascia/server/json_input.hpp"

#include <gtest/gtest.h>

using namespace fascia;
using namespace fascia::server;

namespace {
fascia::server::HttpRequest request(const std::string& type, const std::string& body) {
  fascia::server::HttpRequest r;
  r.headers.emplace_back("Content-Type", type);
  r.body = body;
  return r;
}
}  // namespace

TEST(ParseObjectBody, AcceptsOnlyAJsonObjectSentAsJson) {
  EXPECT_TRUE(parse_object_body(request("application/json", R"({"a":1})")));
  EXPECT_TRUE(parse_object_body(request("application/json; charset=utf-8", "{}")));
  EXPECT_EQ(parse_object_body(request("text/plain", "{}")).error().status, 415);
  EXPECT_EQ(parse_object_body(request("application/json", "{bad")).error().code, "bad_json");
  EXPECT_EQ(parse_object_body(request("application/json", "[1]")).error().code, "bad_json");
  EXPECT_EQ(parse_object_body(request("application/json", "")).error().code, "bad_json");
}

TEST(ParseObjectBody, TakesTheJsonMediaTypeExactlyNotByItsPrefix) {
  for (const char* type :
       {"application/json", "Application/JSON", "application/json;charset=utf-8", "application/json ; charset=utf-8"})
    EXPECT_TRUE(parse_object_body(request(type, "{}"))) << type;
  for (const char* type : {"application/jsonfoo", "application/json-patch+json", "application/jso", "", "json"})
    EXPECT_EQ(parse_object_body(request(type, "{}")).error().code, "unsupported_media") << type;
}

TEST(ParseObjectBody, ACharsetMustBeUtf8AndTheTypeSentOnce) {
  for (const char* type : {"application/json; charset=UTF-8", "application/json; charset=\"utf-8\"",
                           "application/json; foo=bar; charset=utf8"})
    EXPECT_TRUE(parse_object_body(request(type, "{}"))) << type;
  for (const char* type : {"application/json; charset=latin1", "application/json;charset=utf-16",
                           "application/json; foo=bar; charset=iso-8859-1"})
    EXPECT_EQ(parse_object_body(request(type, "{}")).error().code, "unsupported_media") << type;
  auto twice = request("application/json", "{}");
  twice.headers.emplace_back("content-type", "text/plain");
  EXPECT_EQ(parse_object_body(twice).error().code, "unsupported_media");
}

TEST(ParseObjectBody, RefusesAFieldNamedTwiceNamingIt) {
  auto twice = parse_object_body(request("application/json", R"({"text":"a","text":"b"})"));
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, "bad_json");
  EXPECT_EQ(twice.error().field, "text");
  auto nested = parse_object_body(request("application/json", R"({"regions":[{"pain":1},{"pain":2,"pain":3}]})"));
  ASSERT_FALSE(nested);
  EXPECT_EQ(nested.error().field, "regions[1].pain");
  // The same name in two different objects is fine.
  EXPECT_TRUE(parse_object_body(request("application/json", R"({"a":{"x":1},"b":{"x":2}})")));
}

TEST(ParseObjectBody, RefusesANulByteAnywhereEvenAfterTheObject) {
  for (const std::string& body :
       {std::string("{}\0", 3), std::string("{}\0garbage", 10), std::string("{\"a\":\0}", 7)}) {
    auto result = parse_object_body(request("application/json", body));
    ASSERT_FALSE(result) << ::testing::PrintToString(body);
    EXPECT_EQ(result.error().code, "bad_json");
    EXPECT_NE(result.error().message.find("NUL"), std::string::npos) << result.error().message;
  }
  EXPECT_EQ(parse_object_body(request("application/json", "{} {}")).error().code, "bad_json");
}

TEST(ReadInt, NamesTheFieldForMissingWrongTypeAndOutOfRange) {
  const json body = json::parse(R"({"score": 11, "text": "3", "real": 2.5, "ok": 4})");
  EXPECT_EQ(*read_int(body, "ok", 0, 10), 4);
  EXPECT_EQ(*read_int(body, "absent", 0, 10, {}, 7), 7);
  for (const char* field : {"score", "text", "real", "absent"}) {
    auto r = read_int(body, field, 0, 10);
    ASSERT_FALSE(r) << field;
    EXPECT_EQ(r.error().field, field);
    EXPECT_EQ(r.error().status, 400);
  }
  EXPECT_EQ(read_int(body, "score", 0, 10, "regions[2]").error().field, "regions[2].score");
}

TEST(ReadInt, QuotesANumberBeyondInt64AsSentInsteadOfWrappingIt) {
  const json body = json::parse(R"({"pain": 18446744073709551615, "big": 9223372036854775808, "low": -4})");
  auto r = read_int(body, "pain", 0, 10);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "pain 18446744073709551615 is outside 0..10");
  EXPECT_EQ(read_int(body, "big", 0, 10).error().message, "big 9223372036854775808 is outside 0..10");
  EXPECT_EQ(read_int(body, "low", 0, 10).error().message, "low -4 is outside 0..10");
}

TEST(ReadText, CountsCharactersNotBytesAndRefusesInvalidUtf8) {
  std::string umlauts;
  for (int i = 0; i < 60; ++i) umlauts += "\u00c4";
  const json body = json::parse(R"({"name": ")" + umlauts + R"(", "long": ")" + std::string(101, 'n') + R"("})");
  EXPECT_TRUE(read_text(body, "name", {}, std::nullopt, 100));
  auto r = read_text(body, "long", {}, std::nullopt, 100);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "long is longer than 100 characters (Unicode code points; it has 101)");
  json bad = json::object();
  bad["text"] = std::string("caf\xE9");
  EXPECT_NE(read_text(bad, "text").error().message.find("not valid UTF-8"), std::string::npos);
}

TEST(ReadDate, RefusesImpossibleAndMalformedDatesAndDefaultsWhenAbsent) {
  const core::Date today = *core::parse_date("2026-11-23");
  EXPECT_EQ(*read_date(json::object(), "date", today), today);
  EXPECT_EQ(core::format_date(*read_date(json{{"date", "2026-11-01"}}, "date", today)), "2026-11-01");
  for (const char* bad : {"2026-02-30", "23/11/2026", "2026-11-1x", "yesterday"})
    EXPECT_EQ(read_date(json{{"date", bad}}, "date", today).error().field, "date") << bad;
  EXPECT_EQ(read_date(json{{"date", 20261123}}, "date", today).error().field, "date");
}

TEST(OnlyFields, RefusesAnUnknownFieldByName) {
  EXPECT_TRUE(only_fields(json{{"a", 1}}, {"a", "b"}));
  auto r = only_fields(json{{"a", 1}, {"scroe", 2}}, {"a", "score"}, "events[0]");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "events[0].scroe");
}

TEST(ReadStringList, ChecksTheArrayAndEachItem) {
  EXPECT_TRUE(read_string_list(json::object(), "tools")->empty());
  EXPECT_EQ(read_string_list(json{{"tools", "ball"}}, "tools").error().field, "tools");
  EXPECT_EQ(read_string_list(json{{"tools", {"ball", 3}}}, "tools").error().field, "tools[1]");
  EXPECT_EQ(read_string_list(json{{"tools", json::array({"a", "b", "c"})}}, "tools", {}, 2).error().field, "tools");
}
