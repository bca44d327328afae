// The transport's pieces that are fascia's own: request targets (Boost.URL),
// the router, and the static files handler with its content types.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "fascia/server/http_router.hpp"
#include "fascia/server/request_target.hpp"
#include "fascia/server/static_files.hpp"

using namespace fascia::server;

TEST(RequestTarget, DecodesThePathAndTheQueryWithPlusAsSpace) {
  auto target = parse_request_target("/api/v1/referral?locations=temple%2Cjaw&x=a+b&x=c");
  ASSERT_TRUE(target);
  EXPECT_EQ(target->path, "/api/v1/referral");
  ASSERT_EQ(target->query.size(), 3u);
  EXPECT_EQ(target->query[0], (std::pair<std::string, std::string>{"locations", "temple,jaw"}));
  EXPECT_EQ(target->query[1].second, "a b");
  EXPECT_EQ(target->query[2].second, "c");
  EXPECT_EQ(parse_request_target("/caf%C3%A9")->path, "/caf\xC3\xA9");
}

TEST(RequestTarget, RefusesANulInThePathAndNamesThePartThatIsBad) {
  for (const char* target : {"/app.js%00.html", "/%00", "/a/%00/b"}) {
    auto refused = parse_request_target(target);
    ASSERT_FALSE(refused) << target;
    EXPECT_EQ(refused.error().field, "path") << target;
    EXPECT_NE(refused.error().message.find("NUL"), std::string::npos);
  }
  EXPECT_EQ(parse_request_target("/a%ZZ").error().field, "path");
  EXPECT_EQ(parse_request_target("/a?x=%ZZ%").error().field, "query");
  EXPECT_EQ(parse_request_target("http://example.com/a").error().field, "path");           // not origin form
  EXPECT_EQ(parse_request_target("/a?token=%00")->query[0].second, std::string(1, '\0'));  // for the route to judge
}

namespace {
HttpRequest request(std::string method, std::string path) {
  HttpRequest r;
  r.method = std::move(method);
  r.path = std::move(path);
  return r;
}
}  // namespace

TEST(HttpRouter, MatchesPlainAndPatternPathsAndTellsAWrongMethodFromNoRoute) {
  HttpRouter router;
  std::string hit;
  router.add("GET", "/api/v1/today", [&](HttpRequest&, HttpResponse&) { hit = "today"; });
  router.add("GET", R"(/api/v1/sessions/(\d+))",
             [&](HttpRequest& r, HttpResponse&) { hit = "session " + r.path_params.at(0); });
  router.add("POST", "/api/v1/sessions", [&](HttpRequest&, HttpResponse&) { hit = "post"; });
  HttpResponse response;
  HttpRequest get = request("GET", "/api/v1/sessions/42");
  EXPECT_EQ(router.dispatch(get, response), HttpRouter::Outcome::handled);
  EXPECT_EQ(hit, "session 42");
  HttpRequest head = request("HEAD", "/api/v1/today");
  EXPECT_EQ(router.dispatch(head, response), HttpRouter::Outcome::handled);
  EXPECT_EQ(hit, "today");
  HttpRequest put = request("PUT", "/api/v1/sessions");
  EXPECT_EQ(router.dispatch(put, response), HttpRouter::Outcome::wrong_method);
  EXPECT_EQ(response.header("Allow"), "POST");
  HttpRequest none = request("GET", "/api/v1/sessions/x");
  EXPECT_EQ(router.dispatch(none, response), HttpRouter::Outcome::no_route);
  HttpRequest prefix = request("GET", "/api/v1/today/more");
  EXPECT_EQ(router.dispatch(prefix, response), HttpRouter::Outcome::no_route);
}

namespace {
struct WebFolder {
  std::filesystem::path root = std::filesystem::temp_directory_path() / ("fascia-static-" + std::to_string(::getpid()));
  WebFolder() {
    std::filesystem::create_directories(root / "web" / "sub");
    std::ofstream(root / "web" / "index.html") << "<!doctype html>";
    std::ofstream(root / "web" / "app.js") << "js";
    std::ofstream(root / "web" / "sub" / "x.css") << "css";
    std::ofstream(root / "web" / ".hidden") << "secret";
    std::ofstream(root / "outside.txt") << "outside";
  }
  ~WebFolder() { std::filesystem::remove_all(root); }
};
}  // namespace

TEST(StaticFiles, ServesFilesWithTheirTypesAndNothingOutsideTheFolder) {
  WebFolder folder;
  StaticFiles files(folder.root / "web");
  auto js = files.serve("/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->body, "js");
  EXPECT_EQ(js->header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(files.serve("/sub/x.css")->header("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(files.serve("/")->header("Content-Type"), "text/html; charset=utf-8");
  for (const char* path : {"/../outside.txt", "/sub/../../outside.txt", "/./app.js", "/.hidden", "/sub", "/missing.js",
                           "/sub\\..\\..\\outside.txt", "app.js", ""})
    EXPECT_FALSE(files.serve(path)) << path;
  EXPECT_FALSE(StaticFiles("").serve("/app.js"));
}

TEST(StaticFiles, KnowsTheTypesTheWebAppUses) {
  EXPECT_EQ(content_type_for("a.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type_for("app.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("openapi.json"), "application/json");
  EXPECT_EQ(content_type_for("i.svg"), "image/svg+xml");
  EXPECT_EQ(content_type_for("app.js.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type_for("noextension"), "application/octet-stream");
  EXPECT_EQ(content_type_for("x.exe"), "application/octet-stream");
}
