// The fascia program as a new user meets it: every command through a real
// process, a real SQLite file and the real knowledge base, including the
// bad-input cases, each proving the journal is left unchanged.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "integration/cli_harness.hpp"
#include "integration/cli_people.hpp"

using cli_test::all_no_answers;
using cli_test::exported;
using cli_test::kFullNeckSession;
using cli_test::Outcome;
using cli_test::Sandbox;
using cli_test::set_up_desk_worker;
using nlohmann::json;

TEST(Cli, EveryCommandHasHelp) {
  Sandbox box;
  for (const char* cmd : {"", "kb", "kb check", "profile set", "screen", "plan", "today", "session", "log pain",
                          "log reaction", "log habit", "log treatment", "log note", "progress", "refer", "export",
                          "import", "demo"}) {
    const Outcome r = box.run(std::string(cmd) + " --help");
    EXPECT_EQ(r.code, 0) << cmd;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << cmd;
  }
}

TEST(Cli, TheKnowledgeBaseChecksClean) {
  Sandbox box;
  const Outcome r = box.run("kb check");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("knowledge base ok"), std::string::npos);
}

TEST(Cli, ABrokenKnowledgeBaseIsReportedWithFileAndLine) {
  Sandbox box;
  const auto data = box.path("data");
  std::filesystem::copy(fascia::adapters::default_data_dir(), data, std::filesystem::copy_options::recursive);
  std::string habits = cli_test::slurp(data / "habits.yaml");
  habits.replace(habits.find("name:"), 5, "nmae:");
  cli_test::write_file(data / "habits.yaml", habits);
  const Outcome r = box.run("--data '" + data.string() + "' kb check");
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("habits.yaml:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nmae"), std::string::npos) << r.err;
}

TEST(Cli, ANewUserGoesFromScreeningToASessionAndIsRefusedTheSameRegionTomorrow) {
  Sandbox box;
  set_up_desk_worker(box);
  const Outcome plan = box.run("plan");
  EXPECT_EQ(plan.code, 0) << plan.err;
  EXPECT_NE(plan.out.find("Monday, 23 November 2026"), std::string::npos);

  const Outcome today = box.run("--json today");
  ASSERT_EQ(today.code, 0) << today.err;
  EXPECT_EQ(json::parse(today.out)["due"][0]["protocol"], "neck-trap-iastm");

  const Outcome session = box.run("session --script -", kFullNeckSession);
  ASSERT_EQ(session.code, 0) << session.err;
  EXPECT_NE(session.out.find("Session saved"), std::string::npos);

  const Outcome tomorrow = box.run("--json today", "", "2026-11-24");
  ASSERT_EQ(tomorrow.code, 0) << tomorrow.err;
  const json view = json::parse(tomorrow.out);
  EXPECT_TRUE(view["due"].empty());
  std::set<std::string> rules;
  for (const auto& r : view["not_today"]) rules.insert(r["rule"]);
  EXPECT_TRUE(rules.count("instrument-min-hours-between"));
  EXPECT_TRUE(rules.count("reaction-unresolved")) << "the soreness logged after the session holds the region back";

  // Two days later, once the person reports the soreness has settled, the session is due again.
  ASSERT_EQ(box.run("log reaction upper-trapezius --soreness 0", "", "2026-11-25").code, 0);
  ASSERT_EQ(box.run("log reaction levator-scapulae --soreness 0", "", "2026-11-25").code, 0);
  ASSERT_EQ(box.run("log reaction suboccipitals --soreness 0", "", "2026-11-25").code, 0);
  ASSERT_EQ(box.run("log reaction thoracic-paraspinals --soreness 0", "", "2026-11-25").code, 0);
  const Outcome later = box.run("--json today", "", "2026-11-25");
  EXPECT_EQ(json::parse(later.out)["due"].size(), 1u) << later.out;
}

// A dose that is one number reads "120 s", not "120 s (aim for 120)"; a range
// gives its aim with the unit.
TEST(Cli, ADoseSaysItsAimOnlyWhenItIsARange) {
  Sandbox box;
  set_up_desk_worker(box);
  const Outcome plan = box.run("plan");
  ASSERT_EQ(plan.code, 0) << plan.err;
  EXPECT_NE(plan.out.find("Warm-up movement — Top of the shoulder (upper trapezius), 120 s\n"), std::string::npos)
      << plan.out;
  EXPECT_NE(plan.out.find(", 15–20 strokes (aim: 17 strokes) per side\n"), std::string::npos) << plan.out;
  EXPECT_EQ(plan.out.find("aim for"), std::string::npos) << plan.out;

  const Outcome session = box.run("session --script -", kFullNeckSession);
  ASSERT_EQ(session.code, 0) << session.err;
  EXPECT_NE(session.out.find("  Dose:      120 seconds\n"), std::string::npos) << session.out;
  EXPECT_NE(session.out.find("  Dose:      60–90 seconds (aim: 75 seconds)\n"), std::string::npos) << session.out;
  EXPECT_EQ(session.out.find("aim for"), std::string::npos) << session.out;
}

TEST(Cli, WhyNotTodayHasOneBulletPerRuleNamingEachAreaOnceAndNoIsoDates) {
  Sandbox box;
  set_up_desk_worker(box);
  ASSERT_EQ(box.run("session --script -", kFullNeckSession).code, 0);
  const Outcome js = box.run("--json today", "", "2026-11-24");
  ASSERT_EQ(js.code, 0) << js.err;
  const json view = json::parse(js.out);
  std::set<std::string> rules;
  for (const auto& r : view["not_today"]) rules.insert(r["rule"]);
  ASSERT_LT(rules.size(), view["not_today"].size()) << "several areas share a rule";
  ASSERT_EQ(view["why_not_today"].size(), rules.size()) << js.out;
  for (const auto& g : view["why_not_today"])
    if (g["rule"] == "instrument-min-hours-between") {
      EXPECT_EQ(g["areas"].size(), 4u) << g;
      EXPECT_EQ(g["date"], "2026-11-25");
    }

  const Outcome text = box.run("today", "", "2026-11-24");
  ASSERT_EQ(text.code, 0) << text.err;
  std::size_t bullets = 0;
  std::istringstream lines(text.out);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("    - ", 0) == 0) {
      ++bullets;
      std::size_t named = 0;
      for (auto at = line.find("Top of the shoulder"); at != std::string::npos;
           at = line.find("Top of the shoulder", at + 1))
        ++named;
      EXPECT_LE(named, 1u) << line;
    }
  EXPECT_EQ(bullets, rules.size()) << text.out;
  EXPECT_FALSE(std::regex_search(text.out, std::regex(R"(\d{4}-\d{2}-\d{2})"))) << text.out;
  EXPECT_NE(text.out.find("Tuesday, 24 November 2026"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Wednesday, 25 November 2026"), std::string::npos) << text.out;
}

TEST(Cli, AnEmergencyAnswerGivesNoPlanAndASafetyExitCode) {
  Sandbox box;
  set_up_desk_worker(box, "sudden-worst-headache");
  const Outcome plan = box.run("plan");
  EXPECT_EQ(plan.code, 6);
  EXPECT_NE(plan.out.find("No self-treatment plan"), std::string::npos);
  EXPECT_EQ(box.run("session --script -", kFullNeckSession).code, 6);
}

TEST(Cli, AskingForScaleneWorkSaysWhyAndSuggestsAPractitioner) {
  Sandbox box;
  ASSERT_EQ(box.run("profile set --region scalenes:left:5 --region calves:both:4 --tools rolling-kit").code, 0);
  cli_test::write_file(box.path("a.yaml"), all_no_answers());
  ASSERT_EQ(box.run("screen --answers '" + box.path("a.yaml").string() + "'").code, 0);
  const Outcome plan = box.run("--json plan");
  ASSERT_EQ(plan.code, 0) << plan.err;
  const json p = json::parse(plan.out);
  ASSERT_EQ(p["excluded"].size(), 1u);
  EXPECT_EQ(p["excluded"][0]["region"], "scalenes");
  EXPECT_EQ(p["excluded"][0]["reasons"][0]["rule"], "practitioner-only");
  EXPECT_NE(p["excluded"][0]["reasons"][0]["text"].get<std::string>().find("practitioner"), std::string::npos);
}

TEST(Cli, ReferringArmPainToTheThumbAsksAboutNumbnessTinglingAndWeakness) {
  Sandbox box;
  const Outcome text = box.run("refer outer-arm thumb-index-finger");
  ASSERT_EQ(text.code, 0) << text.err;
  const auto warning = text.out.find("numbness, tingling or weakness");
  const auto suggestions = text.out.find("Pain there is often referred");
  ASSERT_NE(warning, std::string::npos) << text.out;
  EXPECT_LT(warning, suggestions) << "warnings come before the suggestions";
  EXPECT_NE(text.out.find("[seed-000]"), std::string::npos) << text.out;
  const Outcome js = box.run("--json refer outer-arm");
  ASSERT_EQ(js.code, 0) << js.err;
  const json j = json::parse(js.out);
  bool found = false;
  for (const auto& w : j["warnings"])
    found = found || (w["text"].get<std::string>().find("numbness") != std::string::npos && w["source"] == "seed-000");
  EXPECT_TRUE(found) << js.out;
}

TEST(Cli, DizzinessDuringASessionStopsItAndUpdatesTheScreening) {
  Sandbox box;
  set_up_desk_worker(box);
  const Outcome session = box.run("session --script -", "done\nstop dizziness\n");
  EXPECT_EQ(session.code, 0) << session.err;
  EXPECT_NE(session.out.find("The session is over"), std::string::npos);
  EXPECT_NE(session.out.find("screening has been updated"), std::string::npos);
  const json plan = json::parse(box.run("--json plan", "", "2026-11-25").out);
  bool neck_excluded = false;
  for (const auto& e : plan["excluded"]) neck_excluded = neck_excluded || e["region"] == "upper-trapezius";
  EXPECT_TRUE(neck_excluded);
  const json log = json::parse(box.run("export").out);
  ASSERT_EQ(log["journal"]["sessions"].size(), 1u);
  EXPECT_EQ(log["journal"]["sessions"][0]["stopped"], true);
}

TEST(Cli, OutOfRangeScoresAreRefusedAndTheJournalIsUntouched) {
  Sandbox box;
  set_up_desk_worker(box);
  ASSERT_EQ(box.run("log pain upper-trapezius 6").code, 0);
  const std::string before = exported(box);
  const Outcome r = box.run("log pain upper-trapezius 11");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("11 is outside 0..10"), std::string::npos) << r.err;
  EXPECT_EQ(exported(box), before);
}

TEST(Cli, BadDatesUnknownNamesAndFutureEntriesAreRefused) {
  Sandbox box;
  set_up_desk_worker(box);
  const std::string before = exported(box);
  struct Case {
    const char* args;
    const char* says;
  } cases[] = {
      {"log pain upper-trapezius 4 --date 2026-02-30", "2026-02-30"},
      {"log pain upper-trapezius 4 --date 2026-12-01", "in the future"},
      {"log pain elbowz 4", "unknown region 'elbowz'"},
      {"log pain abdomen:left 4", "takes side midline"},
      {"log habit juggling", "unknown habit 'juggling'"},
      {"log treatment reiki-by-post", "unknown treatment"},
      {"log reaction calves --soreness 12", "12 is outside 0..10"},
      {"profile set --region upper-trapezius --tools lightsaber", "unknown tool or kit 'lightsaber'"},
      {"profile set --region upper-trapezius --days funday", "funday"},
      {"refer elbow-pit", "unknown pain location"},
      {"--today 2026-13-01 today", "2026-13-01"},
  };
  for (const auto& c : cases) {
    const Outcome r = box.run(c.args);
    EXPECT_EQ(r.code, 2) << c.args << "\n" << r.err;
    EXPECT_NE(r.err.find(c.says), std::string::npos) << c.args << "\n" << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "one line: " << r.err;
  }
  EXPECT_EQ(exported(box), before);
}

TEST(Cli, IncompleteOrMalformedScreeningAnswersSaveNothing) {
  Sandbox box;
  ASSERT_EQ(box.run("profile set --region calves").code, 0);
  cli_test::write_file(box.path("short.yaml"), "recent-trauma: no\n");
  const Outcome missing = box.run("screen --answers '" + box.path("short.yaml").string() + "'");
  EXPECT_EQ(missing.code, 5);
  EXPECT_NE(missing.err.find("has no answer"), std::string::npos);
  cli_test::write_file(box.path("bad.yaml"), "recent-trauma: no\nfever: perhaps\n");
  const Outcome bad = box.run("screen --answers '" + box.path("bad.yaml").string() + "'");
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("bad.yaml:2:"), std::string::npos) << bad.err;
  EXPECT_EQ(box.run("plan").code, 5) << "no screening was stored";
}

TEST(Cli, AnAnswersFileWithNestedAliasesIsRefusedAtOnceAndSavesNothing) {
  Sandbox box;
  set_up_desk_worker(box);
  const std::string before = exported(box);
  // "Billion laughs": nine levels of nine aliases, a few hundred bytes that
  // expanded alias by alias would take gigabytes.
  std::string laughs = all_no_answers();
  const auto first_line = std::count(laughs.begin(), laughs.end(), '\n') + 1;
  laughs += "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (char name = 'b'; name <= 'i'; ++name) {
    std::string items;
    for (int i = 0; i < 9; ++i) items += std::string(i ? ", *" : "*") + static_cast<char>(name - 1);
    laughs += std::string(1, name) + ": &" + name + " [" + items + "]\n";
  }
  cli_test::write_file(box.path("laughs.yaml"), laughs);
  const Outcome r = box.run("screen --answers '" + box.path("laughs.yaml").string() + "'");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("laughs.yaml:" + std::to_string(first_line) + ": anchors and aliases are not accepted (found &a)"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "one line: " << r.err;
  EXPECT_EQ(exported(box), before);
}

TEST(Cli, AnImportFileNestedTooDeeplyIsRefusedAndChangesNothing) {
  Sandbox box;
  set_up_desk_worker(box);
  const std::string before = exported(box);
  // 400 KB of brackets: read into a tree, this overflowed the stack.
  std::string deep = before;
  const std::size_t depth = 200000;
  deep.replace(deep.find("\"version\": 1"), 12, "\"version\": " + std::string(depth, '[') + std::string(depth, ']'));
  cli_test::write_file(box.path("deep.json"), deep);
  const Outcome r = box.run("import '" + box.path("deep.json").string() + "'");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("lists and objects are nested more than 32 levels deep"), std::string::npos) << r.err;
  EXPECT_EQ(exported(box), before);
}

TEST(Cli, ALockedDatabaseIsReportedAndNothingIsLost) {
  Sandbox box;
  set_up_desk_worker(box);
  ASSERT_EQ(box.run("log pain upper-trapezius 6").code, 0);
  const std::string before = exported(box);
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(box.db().c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
  const Outcome r = box.run("log pain upper-trapezius 3");
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  EXPECT_EQ(r.code, 4);
  EXPECT_NE(r.err.find("locked"), std::string::npos) << r.err;
  EXPECT_EQ(exported(box), before);
}

// A write touches only its own pages, so SQLite alone would let a note be
// added to a file whose profile pages are broken; the pages are checked first.
TEST(Cli, AWriteIsRefusedWhenAPageItDoesNotTouchIsDamaged) {
  Sandbox box;
  set_up_desk_worker(box);
  ASSERT_EQ(box.run("log pain upper-trapezius 6").code, 0);
  std::string bytes = cli_test::slurp(box.db());
  ASSERT_GT(bytes.size(), 3u * 4096);
  for (std::size_t i = 2 * 4096; i < 3 * 4096; ++i) bytes[i] = static_cast<char>(0xde);  // page 3: profile_region
  cli_test::write_file(box.db(), bytes);
  const Outcome r = box.run("log note hello");
  EXPECT_EQ(r.code, 4);
  EXPECT_NE(r.err.find("damaged"), std::string::npos) << r.err;
  EXPECT_EQ(cli_test::slurp(box.db()), bytes);
}

TEST(Cli, ADamagedDatabaseIsReportedAndLeftAsItWas) {
  Sandbox box;
  std::string garbage(8192, '\0');
  for (std::size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>((i * 7919) % 251);
  cli_test::write_file(box.db(), garbage);
  const Outcome r = box.run("today");
  EXPECT_EQ(r.code, 4);
  EXPECT_NE(r.err.find("damaged"), std::string::npos) << r.err;
  EXPECT_EQ(cli_test::slurp(box.db()), garbage);
}

TEST(Cli, ExportAndImportMoveEverythingLosslessly) {
  Sandbox box;
  set_up_desk_worker(box);
  ASSERT_EQ(box.run("session --script -", kFullNeckSession).code, 0);
  ASSERT_EQ(box.run("log pain upper-trapezius 5").code, 0);
  ASSERT_EQ(box.run("log habit movement-breaks").code, 0);
  ASSERT_EQ(box.run("log treatment deep-tissue-massage --region upper-trapezius --note 'felt good'").code, 0);
  ASSERT_EQ(box.run("log note 'turned my head to reverse the car'").code, 0);
  const std::string first = exported(box);
  cli_test::write_file(box.path("all.json"), first);

  Sandbox other;
  const Outcome im = other.run("import '" + box.path("all.json").string() + "'");
  ASSERT_EQ(im.code, 0) << im.err;
  EXPECT_EQ(exported(other), first);
}

TEST(Cli, AMalformedImportIsRefusedAndTheJournalIsUntouched) {
  Sandbox box;
  set_up_desk_worker(box);
  const std::string before = exported(box);
  json doc = json::parse(before);
  doc["journal"]["pain"] = json::array({{{"date", "2026-11-20"}, {"region", "upper-trapezius"}, {"side", "both"}, {"score", 11}}});
  cli_test::write_file(box.path("bad.json"), doc.dump());
  const Outcome r = box.run("import '" + box.path("bad.json").string() + "'");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("journal.pain[0].score"), std::string::npos) << r.err;
  cli_test::write_file(box.path("broken.json"), "{\"format\": ");
  EXPECT_EQ(box.run("import '" + box.path("broken.json").string() + "'").code, 2);
  doc["journal"]["pain"][0]["score"] = 4;
  doc["journal"]["pain"][0]["region"] = "elbowz";
  cli_test::write_file(box.path("unknown.json"), doc.dump());
  const Outcome unknown = box.run("import '" + box.path("unknown.json").string() + "'");
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.err.find("elbowz"), std::string::npos) << unknown.err;
  EXPECT_EQ(exported(box), before);
}

// A file cannot sign for a practitioner: a clearance it marks as theirs is
// imported as the person's own entry, and the person is told so.
TEST(Cli, AnImportedClearanceMarkedAsAPractitionersIsKeptAsThePersonsOwn) {
  Sandbox box;
  set_up_desk_worker(box);
  ASSERT_EQ(box.run("clear --by 'Dr Lee' --note seen").code, 0);
  json doc = json::parse(exported(box));
  ASSERT_EQ(doc["journal"]["clearances"].size(), 1u) << doc.dump();
  doc["journal"]["clearances"][0]["by_practitioner"] = true;
  doc["journal"]["clearances"][0]["clinic_id"] = 1;
  cli_test::write_file(box.path("forged.json"), doc.dump());
  const Outcome r = box.run("import '" + box.path("forged.json").string() + "'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("1 clearance marked as signed by a practitioner kept as entered by you"), std::string::npos)
      << r.out;
  const json after = json::parse(exported(box));
  EXPECT_EQ(after["journal"]["clearances"][0]["by_practitioner"], false) << after.dump();
  // The person's own export brought back as it was: nothing to say.
  cli_test::write_file(box.path("own.json"), after.dump());
  const Outcome again = box.run("import '" + box.path("own.json").string() + "'");
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_EQ(again.out.find("clearance"), std::string::npos) << again.out;
}

TEST(Cli, ProgressShowsTrendsTheReviewAndTheRuleChanges) {
  Sandbox box;
  set_up_desk_worker(box);
  ASSERT_EQ(box.run("session --script -", "done\ndone 18 6\ndone 18 6\nskip\nskip\ndone\ndone\ndone\ndone\ndone\ndone\ndone\n").code, 0);
  ASSERT_EQ(box.run("log reaction upper-trapezius --bruising --soreness 3", "", "2026-11-24").code, 0);
  ASSERT_EQ(box.run("log pain upper-trapezius 5", "", "2026-12-21").code, 0);
  const Outcome r = box.run("--json progress", "", "2026-12-21");
  ASSERT_EQ(r.code, 0) << r.err;
  const json p = json::parse(r.out);
  EXPECT_EQ(p["review"]["state"], "not-improving");
  // One session of those planned before the review: too few to judge the
  // program, so the review says so instead of sending to a practitioner.
  EXPECT_EQ(p["review"]["see_practitioner"], false);
  EXPECT_EQ(p["review"]["sessions_done"], 1);
  const int planned = p["review"]["sessions_planned"];
  EXPECT_GE(planned, 10);
  ASSERT_FALSE(p["adjustments"].empty());
  EXPECT_EQ(p["adjustments"][0]["reason"]["rule"], "bruise-pressure-step");
  EXPECT_EQ(p["trends"][0]["latest"], 5);

  const Outcome text = box.run("progress", "", "2026-12-21");
  ASSERT_EQ(text.code, 0) << text.err;
  const std::string adherence = "1 of " + std::to_string(planned) + " planned sessions";
  EXPECT_NE(text.out.find(adherence + " done before it"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("too few to judge"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find("Please book a practitioner"), std::string::npos) << text.out;
}

TEST(Cli, TheDemoRunsInAThrowawayDatabase) {
  Sandbox box;
  const Outcome r = box.run("demo");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("== Plan =="), std::string::npos);
  EXPECT_NE(r.out.find("Step 1 of"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(box.db())) << "the demo must not touch the user's journal";
  const Outcome sunday = box.run("demo", "", "2026-11-22");  // a rest day: the next session is shown instead
  EXPECT_EQ(sunday.code, 0) << sunday.err;
  EXPECT_NE(sunday.out.find("The next session (Monday, 23 November 2026)"), std::string::npos);
  EXPECT_NE(sunday.out.find("Step 1 of"), std::string::npos);
}

TEST(Cli, AnEmergencySignDuringASessionEndsItWithTheSafetyExitCode) {
  Sandbox box;
  set_up_desk_worker(box);
  const Outcome r = box.run("session --script -", "stop worst-headache\n");
  EXPECT_EQ(r.code, 6) << r.err;
  EXPECT_NE(r.out.find("EMERGENCY"), std::string::npos);
  EXPECT_EQ(box.run("plan").code, 6) << "the re-screen now blocks every plan";
}

// fascia db copy between two SQLite files: the export reads back the same; a
// non-empty destination and a damaged source are refused, and a refused
// copy leaves no new file behind.
TEST(Cli, DbCopyMovesEverythingAndRefusesWhatItCannotCopyWhole) {
  Sandbox box;
  set_up_desk_worker(box);
  ASSERT_EQ(box.run("log pain upper-trapezius 6").code, 0);
  Sandbox other;
  const auto copy = other.db();
  const Outcome copied = box.run("db copy '" + box.db().string() + "' '" + copy.string() + "'");
  ASSERT_EQ(copied.code, 0) << copied.err;
  EXPECT_EQ(exported(other), exported(box));

  const Outcome again = box.run("db copy '" + box.db().string() + "' '" + copy.string() + "'");
  EXPECT_EQ(again.code, 2);
  EXPECT_NE(again.err.find("already holds 1 person, 0 accounts and 0 clinics"), std::string::npos) << again.err;

  std::string bytes = cli_test::slurp(box.db());
  for (std::size_t i = 2 * 4096; i < 3 * 4096; ++i) bytes[i] = static_cast<char>(0xde);
  cli_test::write_file(box.db(), bytes);
  const auto fresh = box.dir() / "fresh.db";
  const Outcome damaged = box.run("db copy '" + box.db().string() + "' '" + fresh.string() + "'");
  EXPECT_EQ(damaged.code, 4);
  EXPECT_NE(damaged.err.find("damaged"), std::string::npos) << damaged.err;
  EXPECT_FALSE(std::filesystem::exists(fresh));
}

// What people read names weekdays as the long dates do ("Tuesday"), never
// by the short ids the options take ("tue").
TEST(Cli, TheTerminalNamesWeekdaysInFull) {
  Sandbox box;
  ASSERT_EQ(
      box.run("profile set --region upper-trapezius:both:6 --tools starter-kit --days mon,wed,fri --minutes 20").code,
      0);
  cli_test::write_file(box.path("answers.yaml"), all_no_answers());
  ASSERT_EQ(box.run("screen --answers '" + box.path("answers.yaml").string() + "'").code, 0);
  const Outcome today = box.run("today", "", "2026-11-24");
  ASSERT_EQ(today.code, 0) << today.err;
  EXPECT_NE(today.out.find("Tuesday is not one of your days for self-treatment"), std::string::npos) << today.out;
  const Outcome profile = box.run("profile show");
  ASSERT_EQ(profile.code, 0) << profile.err;
  EXPECT_NE(profile.out.find("Days: Monday, Wednesday, Friday\n"), std::string::npos) << profile.out;
  for (const char* id : {"mon", "tue", "wed", "fri"}) {
    const std::regex alone(std::string("\\b") + id + "\\b");
    EXPECT_FALSE(std::regex_search(today.out + profile.out, alone)) << id << ":\n" << today.out << profile.out;
  }
}
