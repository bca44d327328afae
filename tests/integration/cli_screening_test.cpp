// Screening through the terminal: answers with a side, a reason whenever
// nothing is due, and warning signs that stay until a recorded clearance.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>

#include <map>
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

// ---- issue 8: sides in answers, reasons when nothing is due, warning signs until cleared ----

namespace {
std::string answers_with(const std::string& question, const std::string& value) {
  std::string answers = all_no_answers();
  const auto pos = answers.find(question + ": no");
  answers.replace(pos, question.size() + 4, question + ": " + value);
  return answers;
}
}  // namespace

TEST(Cli, AWoundOnTheLeftCalfInAnAnswersFileKeepsTheRightCalf) {
  Sandbox box;
  ASSERT_EQ(box.run("profile set --region calves:both:5 --tools rolling-kit --days all --minutes 20").code, 0);
  cli_test::write_file(box.path("a.yaml"), answers_with("open-wound", "[calves:left]"));
  const Outcome s = box.run("screen --answers '" + box.path("a.yaml").string() + "'");
  ASSERT_EQ(s.code, 0) << s.err;
  const Outcome plan = box.run("--json plan");
  ASSERT_EQ(plan.code, 0) << plan.err;
  const json p = json::parse(plan.out);
  ASSERT_FALSE(p["days"].empty()) << plan.out;
  for (const auto& st : p["days"][0]["sessions"][0]["steps"]) {
    if (st["region"] == "calves") {
      EXPECT_EQ(st["side"], "right");
    }
  }
  ASSERT_EQ(p["excluded"].size(), 1u);
  EXPECT_EQ(p["excluded"][0]["side"], "left");
  EXPECT_EQ(p["excluded"][0]["reasons"][0]["rule"], "practitioner-open-wound");
  EXPECT_EQ(p["excluded"][0]["reasons"][0]["source"], "bartsch-2021");
  const Outcome text = box.run("plan");
  EXPECT_NE(text.out.find("screening rule practitioner-open-wound"), std::string::npos) << text.out;
  // People read names, not ids, and dates in one style.
  EXPECT_NE(text.out.find("Not in your plan: Calf (left)"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Program from Monday, 23 November 2026"), std::string::npos) << text.out;
}

TEST(Cli, ASideCanBeGivenAtTheTerminalToo) {
  Sandbox box;
  ASSERT_EQ(box.run("profile set --region calves:both:5 --tools rolling-kit --days all --minutes 20").code, 0);
  // Every question no, except the wound question, answered with a region and side.
  std::string input;
  std::istringstream in(all_no_answers());
  std::string line;
  while (std::getline(in, line)) input += line.rfind("open-wound:", 0) == 0 ? "calves:left\n" : "no\n";
  const Outcome s = box.run("screen", input);
  ASSERT_EQ(s.code, 0) << s.out << s.err;
  const json exported_data = json::parse(box.run("export").out);
  const json& regions = exported_data["screenings"][0]["answers"]["open-wound"]["regions"];
  ASSERT_EQ(regions.size(), 1u);
  EXPECT_EQ(regions[0]["region"], "calves");
  EXPECT_EQ(regions[0]["side"], "left");
  EXPECT_EQ(box.run("screen --answers -", answers_with("open-wound", "[calves:up]")).code, 2);
}

TEST(Cli, WhenTheOnlyRegionIsExcludedTodaySaysWhyAndWhatMustHappen) {
  Sandbox box;
  set_up_desk_worker(box, "arm-numbness-tingling");
  const Outcome today = box.run("--json today");
  ASSERT_EQ(today.code, 0) << today.err;
  const json v = json::parse(today.out);
  EXPECT_TRUE(v["due"].empty());
  ASSERT_FALSE(v["not_today"].empty()) << today.out;
  EXPECT_EQ(v["not_today"][0]["rule"], "practitioner-arm-numbness-tingling");
  EXPECT_TRUE(v["next"].is_null());
  EXPECT_NE(v["next_condition"].get<std::string>().find("practitioner"), std::string::npos);
  // Grouped: the rule once, naming the area it leaves out.
  ASSERT_EQ(v["why_not_today"].size(), 1u) << v["why_not_today"].dump();
  std::set<std::string> areas;
  for (const auto& a : v["why_not_today"][0]["areas"]) areas.insert(a["region"].get<std::string>());
  EXPECT_TRUE(areas.count("upper-trapezius")) << v["why_not_today"].dump();
  const Outcome text = box.run("today");
  EXPECT_NE(text.out.find("because of your screening answers"), std::string::npos) << text.out;
  const Outcome session = box.run("session --script -", kFullNeckSession);
  EXPECT_EQ(session.code, 5);
  EXPECT_NE(session.out.find("because of your screening answers"), std::string::npos) << session.out;
}

TEST(Cli, AfterAStopSignAnsweringNoDoesNotBringTheNeckBackButAClearanceDoes) {
  Sandbox box;
  set_up_desk_worker(box);
  ASSERT_EQ(box.run("session --script -", "done\nstop radiating-pain\n").code, 0);
  // Same day: the screening answered "no" everywhere again.
  cli_test::write_file(box.path("no.yaml"), all_no_answers());
  const Outcome rescreen = box.run("screen --answers '" + box.path("no.yaml").string() + "'");
  ASSERT_EQ(rescreen.code, 0) << rescreen.err;
  const json after_no = json::parse(box.run("--json today", "", "2026-11-25").out);
  EXPECT_TRUE(after_no["due"].empty()) << after_no.dump();
  ASSERT_FALSE(after_no["not_today"].empty());
  EXPECT_EQ(after_no["not_today"][0]["rule"], "practitioner-arm-numbness-tingling");

  // Bad clearances are refused and change nothing.
  EXPECT_EQ(box.run("clear --by ''", "", "2026-11-25").code, 2);
  EXPECT_EQ(box.run("clear --by 'Dr Lee' --region nowhere", "", "2026-11-25").code, 2);
  EXPECT_EQ(box.run("clear --by 'Dr Lee' --date 2026-12-30", "", "2026-11-25").code, 2);

  const Outcome clear = box.run("clear --by 'Dr Lee, physiotherapist'", "", "2026-11-25");
  ASSERT_EQ(clear.code, 0) << clear.err;
  // Other stops the same session needs the reaction check-ins; the finding itself is gone.
  const json cleared = json::parse(box.run("--json plan", "", "2026-11-25").out);
  for (const auto& e : cleared["excluded"]) EXPECT_NE(e["region"], "upper-trapezius") << cleared.dump();

  const json progress = json::parse(box.run("--json progress", "", "2026-11-25").out);
  ASSERT_EQ(progress["safety_findings"].size(), 1u) << progress.dump();
  EXPECT_EQ(progress["safety_findings"][0]["rule"], "practitioner-arm-numbness-tingling");
  EXPECT_EQ(progress["safety_findings"][0]["raised"], "2026-11-23");
  EXPECT_EQ(progress["safety_findings"][0]["cleared"], "2026-11-25");
  EXPECT_EQ(progress["safety_findings"][0]["cleared_by"], "Dr Lee, physiotherapist");
  EXPECT_EQ(progress["safety_findings"][0]["stop_sign"], "radiating-pain") << "raised by the stop, not by an answer";
  const std::string progress_text = box.run("progress", "", "2026-11-25").out;
  EXPECT_NE(progress_text.find("cleared on Wednesday, 25 November 2026 by Dr Lee"), std::string::npos);
  EXPECT_NE(
      progress_text.find("raised by a stop sign in the session that day (Pain spreading to the head, face or arm)"),
      std::string::npos)
      << progress_text;

  // The clearance travels with an export.
  const json data = json::parse(box.run("export").out);
  ASSERT_EQ(data["journal"]["clearances"].size(), 1u);
  EXPECT_EQ(data["journal"]["clearances"][0]["by"], "Dr Lee, physiotherapist");
}

// A clearance noted in the morning cannot lift a warning raised that
// afternoon, even when the screening is answered "no" again the same day.
TEST(Cli, AClearanceRecordedBeforeAStopSignTheSameDayDoesNotLiftIt) {
  Sandbox box;
  set_up_desk_worker(box);
  ASSERT_EQ(box.run("clear --by 'Dr Lee, physiotherapist'").code, 0);
  ASSERT_EQ(box.run("session --script -", "done\nstop radiating-pain\n").code, 0);
  cli_test::write_file(box.path("no.yaml"), all_no_answers());
  ASSERT_EQ(box.run("screen --answers '" + box.path("no.yaml").string() + "'").code, 0);
  const json today = json::parse(box.run("--json today", "", "2026-11-25").out);
  EXPECT_TRUE(today["due"].empty()) << today.dump();
  ASSERT_FALSE(today["not_today"].empty()) << today.dump();
  EXPECT_EQ(today["not_today"][0]["rule"], "practitioner-arm-numbness-tingling");
  // Noted again now, after the warning, the same clearance lifts it.
  ASSERT_EQ(box.run("clear --by 'Dr Lee, physiotherapist'").code, 0);
  const json progress = json::parse(box.run("--json progress", "", "2026-11-25").out);
  ASSERT_EQ(progress["safety_findings"].size(), 1u) << progress.dump();
  EXPECT_EQ(progress["safety_findings"][0]["cleared"], "2026-11-23");
}

// Issue 8, point 16: what people read writes every date one way ("Tuesday,
// 24 November 2026"), never ISO inside sentences, and names warning signs by
// the questions answered, not by rule ids.
TEST(Cli, TheTextPeopleReadWritesDatesOneWayAndNamesNoRuleIds) {
  Sandbox box;
  set_up_desk_worker(box);
  ASSERT_EQ(box.run("session --script -", "done\nstop radiating-pain\n").code, 0);
  ASSERT_EQ(box.run("log pain upper-trapezius 4", "", "2026-11-24").code, 0);
  ASSERT_EQ(box.run("clear --by 'Dr Lee' --region calves", "", "2026-11-24").code, 0);
  const std::regex iso(R"(\d{4}-\d{2}-\d{2})");
  for (const char* command : {"plan", "today", "progress", "session --script -", "log pain calves 2"}) {
    const Outcome r = box.run(command, "", "2026-11-25");
    const std::string text = r.out + r.err;
    std::smatch m;
    EXPECT_FALSE(std::regex_search(text, m, iso)) << command << " shows " << m.str() << ":\n" << text;
    EXPECT_EQ(text.find("practitioner-arm-numbness-tingling"), std::string::npos) << command << ":\n" << text;
  }
  const std::string progress = box.run("progress", "", "2026-11-25").out;
  EXPECT_NE(progress.find(
                "Monday, 23 November 2026: see a practitioner first, raised by a stop sign in the session that day ("),
            std::string::npos)
      << progress;
}

// A clearance for some areas names the areas still waiting for one (a
// trial: a partial clearance read like the whole).
TEST(Cli, APartialClearanceNamesTheAreasStillWaiting) {
  Sandbox box;
  set_up_desk_worker(box);
  ASSERT_EQ(box.run("session --script -", "done\nstop radiating-pain\n").code, 0);
  const Outcome some = box.run("clear --by 'Dr Lee' --region calves", "", "2026-11-24");
  ASSERT_EQ(some.code, 0) << some.err;
  const auto waiting = some.out.find("Still waiting for a practitioner's clearance:\n  - ");
  ASSERT_NE(waiting, std::string::npos) << some.out;
  EXPECT_EQ(some.out.find("Calf", waiting), std::string::npos) << "the area cleared is not waiting: " << some.out;
  const Outcome left = box.run("clear --by 'Dr Lee' --region upper-trapezius:left", "", "2026-11-24");
  ASSERT_EQ(left.code, 0) << left.err;
  EXPECT_NE(left.out.find("  - Top of the shoulder (upper trapezius) (right)\n"), std::string::npos)
      << "one side cleared, the other named: " << left.out;
  const Outcome all = box.run("clear --by 'Dr Lee'", "", "2026-11-24");
  ASSERT_EQ(all.code, 0) << all.err;
  EXPECT_EQ(all.out.find("Still waiting"), std::string::npos) << all.out;
}

// Warning signs that are facts of a person's history (a neck called
// unstable, a history of cancer) are not undone by answering "no" later the
// same day: only a recorded clearance lifts them.
TEST(Cli, AHistoryWarningSignIsNotUndoneByAnsweringNoAgain) {
  for (const std::string question : {"cervical-instability", "cancer-history"}) {
    Sandbox box;
    set_up_desk_worker(box, question);
    const json before = json::parse(box.run("--json today").out);
    EXPECT_TRUE(before["due"].empty()) << question << ": " << before.dump();
    cli_test::write_file(box.path("no.yaml"), all_no_answers());
    ASSERT_EQ(box.run("screen --answers '" + box.path("no.yaml").string() + "'").code, 0);
    const json after_no = json::parse(box.run("--json today").out);
    EXPECT_TRUE(after_no["due"].empty()) << question << ": a later no lifted it: " << after_no.dump();
    ASSERT_EQ(box.run("clear --by 'Dr Lee'").code, 0);
    const json cleared = json::parse(box.run("--json today").out);
    EXPECT_FALSE(cleared["due"].empty()) << question << ": " << cleared.dump();
  }
}

// When one protocol is due and another is held back, today says why the
// other is not offered, in the terminal and in the JSON the web app reads.
TEST(Cli, WhenOneSessionIsDueTodaySaysWhyTheOtherIsNot) {
  Sandbox box;
  ASSERT_EQ(box.run("profile set --region upper-trapezius:both:6 --region calves:both:5 --tools starter-kit --days all "
                    "--minutes 20")
                .code,
            0);
  cli_test::write_file(box.path("no.yaml"), all_no_answers());
  ASSERT_EQ(box.run("screen --answers '" + box.path("no.yaml").string() + "'").code, 0);
  ASSERT_EQ(box.run("session --script -", kFullNeckSession).code, 0);
  const json next_day = json::parse(box.run("--json today", "", "2026-11-24").out);
  ASSERT_EQ(next_day["due"].size(), 1u) << next_day.dump();
  EXPECT_EQ(next_day["due"][0]["target_region"], "calves");
  std::set<std::string> rules;
  for (const auto& g : next_day["why_not_today"]) rules.insert(g["rule"].get<std::string>());
  EXPECT_TRUE(rules.count("instrument-min-hours-between")) << next_day["why_not_today"].dump();
  const std::string text = box.run("today", "", "2026-11-24").out;
  EXPECT_NE(text.find("Not today:\n    - Top of the shoulder (upper trapezius)"), std::string::npos) << text;
}

// Every confirmation names what was saved as people know it: the area's name
// (with its side), the habit's and the treatment's names, never their ids.
TEST(Cli, ConfirmationsNameAreasHabitsAndTreatmentsNotTheirIds) {
  Sandbox box;
  set_up_desk_worker(box);
  ASSERT_EQ(box.run("session --script -", kFullNeckSession).code, 0);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"log pain upper-trapezius:left 4", "Top of the shoulder (upper trapezius) (left)"},
      {"log reaction upper-trapezius:right --soreness 1", "Top of the shoulder (upper trapezius) (right)"},
      {"log checkin --redness upper-trapezius:left", "Top of the shoulder (upper trapezius) (left): not yet settled"},
      {"log habit monitor-height", "habit \""},
      {"log treatment bamboo-massage --region upper-trapezius", "treatment \""},
      {"clear --by 'Dr Lee' --region upper-trapezius:left", "Top of the shoulder (upper trapezius) (left)"},
  };
  const std::regex id(R"(\b(upper-trapezius|monitor-height|bamboo-massage)\b)");
  for (const auto& [command, expected] : cases) {
    const Outcome r = box.run(command, "", "2026-11-24");
    ASSERT_EQ(r.code, 0) << command << ": " << r.err;
    EXPECT_NE(r.out.find(expected), std::string::npos) << command << ":\n" << r.out;
    std::smatch m;
    EXPECT_FALSE(std::regex_search(r.out, m, id)) << command << " shows the id " << m.str() << ":\n" << r.out;
  }
}

// Broken skin during a session marks that area as an open wound: it stays out
// of the plan, whatever the check-in says, until the screening is answered
// again without it (healed). No practitioner is needed for that.
TEST(Cli, BrokenSkinKeepsTheAreaOutUntilTheScreeningSaysItHealed) {
  Sandbox box;
  set_up_desk_worker(box);
  std::map<std::string, int> pressure_before;  // "region technique" -> planned maximum /10, before the stop
  auto key = [](const json& step) {
    return step["region"].get<std::string>() + " " + step["technique"].get<std::string>();
  };
  const json first_plan = json::parse(box.run("--json plan").out);
  for (const auto& d : first_plan["days"])
    for (const auto& t : d["sessions"])
      for (const auto& step : t["steps"])
        if (!step["pressure"].is_null()) pressure_before[key(step)] = step["pressure"][1].get<int>();
  const Outcome stopped = box.run("session --script -", "done\nstop skin-broken 5\n");
  ASSERT_EQ(stopped.code, 0) << stopped.err;
  const json data = json::parse(exported(box));
  const json& session = data["journal"]["sessions"][0];
  std::string region, side;
  for (const auto& step : session["steps"])
    if (step["status"] == "stopped") {
      region = step["region"].get<std::string>();
      side = step["side"].get<std::string>();
    }
  ASSERT_FALSE(region.empty()) << session.dump();
  const json& wound = data["screenings"].back()["answers"]["open-wound"];
  EXPECT_TRUE(wound["yes"].get<bool>()) << wound.dump();
  ASSERT_EQ(wound["regions"].size(), 1u) << wound.dump();
  EXPECT_EQ(wound["regions"][0]["region"], region);
  EXPECT_EQ(wound["regions"][0]["side"], side);

  // Two days later, every area checked in as settled: that side of that area
  // is still out (the plan keeps the other side), and the plan says why.
  ASSERT_EQ(box.run("log checkin --soreness 0", "", "2026-11-25").code, 0);
  const json plan = json::parse(box.run("--json plan", "", "2026-11-25").out);
  bool excluded = false;
  for (const auto& e : plan["excluded"])
    excluded = excluded || (e["region"] == region && e["side"] == side &&
                            e["reasons"][0]["rule"] == "practitioner-open-wound");
  EXPECT_TRUE(excluded) << plan["excluded"].dump();
  const json today = json::parse(box.run("--json today", "", "2026-11-25").out);
  for (const auto& s : today["due"])
    for (const auto& step : s["steps"])
      EXPECT_FALSE(step["region"] == region && (step["side"] == side || step["side"] == "both")) << step.dump();

  // Healed: answered "no" again, the area comes back without any clearance.
  cli_test::write_file(box.path("no.yaml"), all_no_answers());
  ASSERT_EQ(box.run("screen --answers '" + box.path("no.yaml").string() + "'", "", "2026-11-25").code, 0);
  const json healed = json::parse(box.run("--json today", "", "2026-11-25").out);
  ASSERT_FALSE(healed["due"].empty()) << healed.dump();

  // And, as the stop sign's advice says, lighter than before on that area, with the reason on the step.
  int checked = 0;
  for (const auto& s : healed["due"])
    for (const auto& step : s["steps"])
      if (step["region"] == region && !step["pressure"].is_null()) {
        const auto found = pressure_before.find(key(step));
        ASSERT_NE(found, pressure_before.end()) << key(step) << " was not planned before";
        const int before = found->second;
        EXPECT_LT(step["pressure"][1].get<int>(), before) << step.dump();
        bool said = false;
        for (const auto& r : step["adaptations"]) said = said || r["rule"] == "skin-broken";
        EXPECT_TRUE(said) << step["adaptations"].dump();
        ++checked;
      }
  EXPECT_GT(checked, 0) << healed.dump();
}

// A warning sign that holds back every area of the plan does not take back
// the sessions prescribed before it: adherence counts them, and none from
// its day on (the new-user trial saw "2 / 0").
TEST(Cli, AdherenceCountsTheSessionsPrescribedBeforeAWarningSignAndNoneAfter) {
  Sandbox box;
  set_up_desk_worker(box);
  ASSERT_EQ(box.run("session --script -", kFullNeckSession, "2026-11-23").code, 0);
  ASSERT_EQ(box.run("log checkin --soreness 1", "", "2026-11-24").code, 0);
  ASSERT_EQ(box.run("session --script -", "done\nstop radiating-pain\n", "2026-11-25").code, 0);

  const Outcome week = box.run("progress", "", "2026-11-29");
  ASSERT_EQ(week.code, 0) << week.err;
  EXPECT_NE(week.out.find("week of Monday, 23 November 2026: 2 / 2, 1 stopped"), std::string::npos) << week.out;
  const json review = json::parse(box.run("--json progress", "", "2026-12-21").out);
  EXPECT_EQ(review["review"]["sessions_done"], 2) << review.dump();
  EXPECT_EQ(review["review"]["sessions_planned"], 2) << review.dump();
  for (const auto& w : review["weeks"]) {
    if (w["week_start"] == "2026-11-23") continue;
    EXPECT_EQ(w["planned"], 0) << w.dump();
  }
}
