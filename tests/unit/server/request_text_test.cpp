// Text from outside: every part of a request that is not UTF-8 is refused by
// name before a route sees it; error bodies and log lines never carry bad
// bytes or control characters.
#include "fascia/server/request_text.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "fascia/server/json_input.hpp"
#include "fascia/server/safe_text.hpp"

using namespace fascia::server;

namespace {

// Ill-formed UTF-8 of each kind: a stray byte, a lone continuation byte, a
// truncated sequence, an overlong '/', a surrogate, a code point past U+10FFFF.
const std::vector<std::string> kIllFormed = {"\xFF", "\x80", "caf\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80"};

fascia::server::HttpRequest json_request(const std::string& body) {
  fascia::server::HttpRequest r;
  r.method = "POST";
  r.path = "/api/v1/journal/note";
  r.headers.emplace_back("Content-Type", "application/json");
  r.body = body;
  return r;
}

}  // namespace

TEST(SafeText, TellsWellFormedUtf8FromEveryKindOfIllFormedText) {
  for (const char* good : {"", "plain", "caf\xC3\xA9", "\xF0\x9F\xA7\x98 4-byte", "nul\0inside"})
    EXPECT_TRUE(is_utf8(good)) << good;
  for (const auto& bad : kIllFormed) {
    EXPECT_FALSE(is_utf8(bad)) << ::testing::PrintToString(bad);
    EXPECT_FALSE(is_utf8("ok " + bad + " ok")) << ::testing::PrintToString(bad);
  }
  EXPECT_EQ(first_invalid_utf8("ab\xC3\xA9\xFF"), 4u);
  EXPECT_EQ(first_invalid_utf8("fine"), std::string_view::npos);
}

TEST(SafeText, PrintableEscapesBadBytesAndControlsAndKeepsTheRest) {
  EXPECT_EQ(printable("/api/v1/\xFF"), "/api/v1/\\xFF");
  EXPECT_EQ(printable("line\nbreak\r\x1B[31m"), "line\\x0Abreak\\x0D\\x1B[31m");
  EXPECT_EQ(printable("caf\xC3\xA9 \\ \x7F"), "caf\xC3\xA9 \\x5C \\x7F");
  EXPECT_EQ(printable("\xC2\x85"), "\\xC2\\x85");  // NEL, a C1 control
  EXPECT_EQ(printable(std::string(400, 'a'), 10), "aaaaaaaaaa...");
  for (const auto& bad : kIllFormed) EXPECT_TRUE(is_utf8(printable("x" + bad + "\n")));
}

TEST(RequestText, RefusesAPathThatIsNotUtf8) {
  for (const auto& bad : kIllFormed) {
    fascia::server::HttpRequest r;
    r.path = "/api/v1/" + bad;
    auto error = request_text_error(r);
    ASSERT_TRUE(error) << ::testing::PrintToString(bad);
    EXPECT_EQ(error->status, 400);
    EXPECT_EQ(error->code, "invalid");
    EXPECT_EQ(error->field, "path");
  }
}

TEST(RequestText, NamesTheQueryParameterThatIsNotUtf8) {
  fascia::server::HttpRequest r;
  r.path = "/api/v1/referral";
  r.query.emplace_back("locations", "temple,\xFF");
  auto error = request_text_error(r);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->field, "locations");
  EXPECT_EQ(error->message, "query parameter 'locations' is not valid UTF-8 text");
  fascia::server::HttpRequest named;
  named.path = "/api/v1/referral";
  named.query.emplace_back("loc\xFF", "temple");
  EXPECT_EQ(request_text_error(named)->field, "query");
}

TEST(RequestText, NamesTheHeaderThatIsNotUtf8) {
  fascia::server::HttpRequest r;
  r.path = "/api/v1/me";
  r.headers.emplace_back("Cookie", "fascia_session=abc; theme=\xE9t\xE9");
  auto error = request_text_error(r);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->field, "headers.Cookie");
  EXPECT_EQ(error->message, "header 'Cookie' is not valid UTF-8 text");
}

TEST(RequestText, NamesTheJsonBodyFieldThatIsNotUtf8) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"text": "caf)"
       "\xFF"
       R"("})",
       "text"},
      {R"({"date": "2026-11-01", "text": ")"
       "\xC0\xAF"
       R"("})",
       "text"},
      {R"({"regions": [{"region": "neck", "pain": 2}, {"region": ")"
       "\xED\xA0\x80"
       R"(", "pain": 3}]})",
       "regions[1].region"},
      {R"({"tools": ["ball", ")"
       "\xFF"
       R"("]})",
       "tools[1]"},
      {R"({"answers": {"fever": {"yes": false, "regions": [")"
       "\x80"
       R"("]}}})",
       "answers.fever.regions[0]"},
  };
  for (const auto& [body, field] : cases) {
    auto error = request_text_error(json_request(body));
    ASSERT_TRUE(error) << field;
    EXPECT_EQ(error->status, 400) << field;
    EXPECT_EQ(error->code, "bad_json") << field;
    EXPECT_EQ(error->field, field);
    EXPECT_EQ(error->message, field + " is not valid UTF-8 text");
  }
}

TEST(RequestText, NamesTheObjectHoldingAFieldNameThatIsNotUtf8) {
  auto nested = body_encoding_error(R"({"answers": {"fe)"
                                    "\xFF"
                                    R"(ver": {"yes": true}}})");
  ASSERT_TRUE(nested);
  EXPECT_EQ(nested->field, "answers");
  EXPECT_EQ(nested->message, "a field name in answers is not valid UTF-8 text");
  auto top = body_encoding_error("{\"te\xFFxt\": \"x\"}");
  ASSERT_TRUE(top);
  EXPECT_EQ(top->field, "");
  EXPECT_EQ(top->code, "bad_json");
}

TEST(RequestText, ABodyThatIsNotJsonBeforeItsBadByteIsSimplyNotJson) {
  auto error = body_encoding_error("{\"a\": 1,, \"b\": \"\xFF\"}");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->message, "the body is not valid JSON");
  EXPECT_EQ(error->field, "");
  auto outside = body_encoding_error("{\"a\": \xFF}");
  ASSERT_TRUE(outside);
  EXPECT_EQ(outside->code, "bad_json");
}

TEST(RequestText, AcceptsAWellFormedRequestAndLeavesOtherBodiesToTheRoutes) {
  fascia::server::HttpRequest r = json_request(R"({"text": "caf)"
                                               "\xC3\xA9"
                                               R"("})");
  r.query.emplace_back("locations", "temple");
  r.headers.emplace_back("Cookie", "fascia_session=abc");
  EXPECT_FALSE(request_text_error(r));
  fascia::server::HttpRequest plain;
  plain.path = "/api/v1/logout";
  plain.headers.emplace_back("Content-Type", "text/plain");
  plain.body = "\xFF";
  EXPECT_FALSE(request_text_error(plain));  // not JSON: the route answers 415 if it reads a body
}

TEST(ParseObjectBody, RefusesABodyThatIsNotUtf8NamingTheField) {
  auto body = parse_object_body(json_request("{\"text\": \"\xFF\"}"));
  ASSERT_FALSE(body);
  EXPECT_EQ(body.error().code, "bad_json");
  EXPECT_EQ(body.error().field, "text");
}

TEST(ErrorBody, NeverThrowsOnBadBytesAndIsAlwaysValidJson) {
  for (const auto& bad : kIllFormed) {
    std::string text;
    ASSERT_NO_THROW(text = error_body({404, "not_found", "no such address: /api/v1/" + bad, "id" + bad}));
    const auto parsed = nlohmann::json::parse(text, nullptr, false);
    ASSERT_FALSE(parsed.is_discarded()) << text;
    EXPECT_EQ(parsed["error"]["status"], 404);
  }
}
