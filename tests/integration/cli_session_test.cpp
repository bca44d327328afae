// A session in the terminal is never lost (kept after every step, resumed,
// saved later when saving fails), and one check-in covers a whole session.
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

// ---- a session is never lost (issue 8, point 7) ------------------------------

namespace {

std::filesystem::path draft_of(const Sandbox& box) { return box.db().string() + ".session-in-progress.json"; }

std::size_t draft_events(const std::filesystem::path& draft) {
  try {
    return json::parse(cli_test::slurp(draft))["events"].size();
  } catch (const json::exception&) {
    return 0;  // not there yet, or being renamed into place
  }
}

json sessions_of(const Sandbox& box) { return json::parse(exported(box))["journal"]["sessions"]; }

}  // namespace

TEST(Cli, ASessionThatCannotBeSavedIsKeptAndTheAdvertisedCommandSavesItOnce) {
  Sandbox box;
  set_up_desk_worker(box);
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(box.db().c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
  const Outcome locked = box.run("session --script -", kFullNeckSession);
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  EXPECT_EQ(locked.code, 4) << locked.err;
  ASSERT_TRUE(std::filesystem::exists(draft_of(box))) << locked.err;
  EXPECT_EQ(draft_events(draft_of(box)), 12u);
  const std::string marker = "save them with: ";
  const auto at = locked.err.find(marker);
  ASSERT_NE(at, std::string::npos) << locked.err;
  std::string command = locked.err.substr(at + marker.size());
  command = command.substr(0, command.find('\n'));
  ASSERT_EQ(command.rfind("fascia ", 0), 0u) << command;
  EXPECT_TRUE(sessions_of(box).empty()) << "nothing was saved while locked";

  // The lock is gone: the printed command saves the session, exactly once.
  const std::string run = "FASCIA_TODAY=2026-11-23 '" + std::string(FASCIA_BINARY) + "'" + command.substr(6) +
                          " >'" + box.path("o.txt").string() + "' 2>&1";
  ASSERT_EQ(std::system(run.c_str()), 0) << cli_test::slurp(box.path("o.txt"));
  EXPECT_NE(cli_test::slurp(box.path("o.txt")).find("Session saved: 12 of 12"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(draft_of(box)));
  EXPECT_NE(std::system(run.c_str()), 0) << "a second save finds nothing to save";
  const json sessions = sessions_of(box);
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_EQ(sessions[0]["steps"].size(), 12u);
  EXPECT_EQ(box.run("session --script -", kFullNeckSession).code, 5) << "and it is no longer due today";
}

TEST(Cli, AKilledSessionIsOfferedToContinueAndEndsAsOneSessionWithEveryStep) {
  Sandbox box;
  set_up_desk_worker(box);
  const std::string pid_file = box.path("pid").string();
  const std::string cmd = "sh -c 'echo $$ >\"" + pid_file + "\"; exec env FASCIA_TODAY=2026-11-23 \"" +
                          std::string(FASCIA_BINARY) + "\" --db \"" + box.db().string() +
                          "\" session --script - >/dev/null 2>&1'";
  FILE* child = popen(cmd.c_str(), "w");
  ASSERT_NE(child, nullptr);
  fputs("done\ndone\ndone\ndone\nskip too tired\n", child);
  fflush(child);
  for (int i = 0; i < 200 && draft_events(draft_of(box)) < 5; ++i) usleep(50'000);
  ASSERT_EQ(draft_events(draft_of(box)), 5u) << "each step is kept as it is done";
  const pid_t pid = std::stoi(cli_test::slurp(pid_file));
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  pclose(child);
  EXPECT_TRUE(sessions_of(box).empty());

  // A script is told how to go on; the terminal would ask.
  const Outcome asked = box.run("session --script -", kFullNeckSession);
  EXPECT_EQ(asked.code, 5);
  EXPECT_NE(asked.err.find("5 steps done"), std::string::npos) << asked.err;
  EXPECT_NE(asked.err.find("--resume"), std::string::npos) << asked.err;
  const Outcome resumed = box.run("session --script - --resume", "done\ndone\ndone\ndone\ndone\ndone\ndone\nsoreness 2\n");
  ASSERT_EQ(resumed.code, 0) << resumed.err;
  EXPECT_NE(resumed.out.find("Continuing at step 6"), std::string::npos) << resumed.out;
  const json sessions = sessions_of(box);
  ASSERT_EQ(sessions.size(), 1u);
  ASSERT_EQ(sessions[0]["steps"].size(), 12u);
  EXPECT_EQ(sessions[0]["steps"][4]["status"], "skipped");
  EXPECT_FALSE(std::filesystem::exists(draft_of(box)));
}

TEST(Cli, AnInterruptedSessionIsSeenByTodayAndByTheNextCheckIn) {
  Sandbox box;
  set_up_desk_worker(box);
  const Outcome closed = box.run("session --fast", "12\n\n12\n\n12\n\n");  // the terminal closes mid-session
  EXPECT_NE(closed.code, 0);
  const std::size_t kept = draft_events(draft_of(box));
  ASSERT_GE(kept, 1u);

  // The same day: today says a session is under way and not yet in the journal; JSON stays one document.
  const Outcome same_day = box.run("today");
  EXPECT_NE(same_day.out.find("You started a session earlier today (" + std::to_string(kept) + " steps done)"),
            std::string::npos)
      << same_day.out;
  const Outcome same_day_json = box.run("--json today");
  EXPECT_NO_THROW((void)json::parse(same_day_json.out)) << same_day_json.out;
  EXPECT_NE(same_day_json.err.find("You started a session earlier today"), std::string::npos) << same_day_json.err;
  EXPECT_TRUE(sessions_of(box).empty()) << "only shown, not saved, while it can still be continued";

  // The next day, the check-in is for that session: it is saved for its own day first.
  const Outcome checkin = box.run("log checkin", "", "2026-11-24");
  ASSERT_EQ(checkin.code, 0) << checkin.err;
  EXPECT_NE(checkin.out.find("An unfinished session from Monday, 23 November 2026 (" + std::to_string(kept) +
                             " steps done) was saved for that day"),
            std::string::npos)
      << checkin.out;
  EXPECT_NE(checkin.out.find("check-in for session 1 (Monday, 23 November 2026)"), std::string::npos) << checkin.out;
  EXPECT_FALSE(std::filesystem::exists(draft_of(box)));
  const json sessions = sessions_of(box);
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_EQ(sessions[0]["date"], "2026-11-23");
}

TEST(Cli, ASessionKeptFromAnEarlierDayIsSavedBeforeTodayIsWorkedOut) {
  Sandbox box;
  set_up_desk_worker(box);
  ASSERT_NE(box.run("session --fast", "12\n\n12\n\n12\n\n").code, 0);
  ASSERT_GE(draft_events(draft_of(box)), 1u);
  // Two days later, before any new session: the plan counts the work done on Monday.
  const Outcome later = box.run("--json today", "", "2026-11-25");
  ASSERT_EQ(later.code, 0) << later.err;
  const json view = json::parse(later.out);
  EXPECT_NE(later.err.find("was saved for that day"), std::string::npos) << later.err;
  ASSERT_EQ(sessions_of(box).size(), 1u);
  bool waits_for_checkin = false;
  for (const auto& r : view["not_today"]) waits_for_checkin = waits_for_checkin || r["rule"] == "reaction-unconfirmed";
  EXPECT_TRUE(waits_for_checkin) << view.dump();
}

TEST(Cli, ATerminalSessionWhoseInputEndsKeepsItsStepsAndOffersToContinue) {
  Sandbox box;
  set_up_desk_worker(box);
  // Three stroke cards counted by typing their totals, then the terminal closes.
  const Outcome closed = box.run("session --fast", "12\n\n12\n\n12\n\n");
  EXPECT_NE(closed.code, 0);
  EXPECT_NE(closed.err.find("kept"), std::string::npos) << closed.err;
  const std::size_t kept = draft_events(draft_of(box));
  ASSERT_GE(kept, 1u);
  // Next time: Enter continues where it stopped.
  const Outcome again = box.run("session --fast", "\n");
  EXPECT_NE(again.out.find("continue at step " + std::to_string(kept + 1)), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("Continuing at step " + std::to_string(kept + 1)), std::string::npos) << again.out;
  EXPECT_EQ(draft_events(draft_of(box)), kept) << "nothing is lost by asking";
}

// Work done in an interrupted session happened: on a later day it is saved for
// its own day (the cards not reached logged as not done), never thrown away,
// and the rest rules see it.
TEST(Cli, AnInterruptedSessionFromAnEarlierDayIsSavedForThatDayNotDropped) {
  Sandbox box;
  set_up_desk_worker(box);
  // Monday: four cards done, then the script (the terminal) ends.
  const Outcome cut = box.run("session --script -", "done\ndone\ndone\ndone\n");
  EXPECT_NE(cut.code, 0);
  ASSERT_EQ(draft_events(draft_of(box)), 4u);
  // Tuesday: the kept steps are saved for Monday before anything else.
  const Outcome session = box.run("session --script -", kFullNeckSession, "2026-11-24");
  EXPECT_NE(session.out.find("was saved for that day"), std::string::npos) << session.out << session.err;
  EXPECT_FALSE(std::filesystem::exists(draft_of(box)));
  const json sessions = sessions_of(box);
  ASSERT_EQ(sessions.size(), 1u) << "Monday's work is in the journal; nothing new is due 24 h after it";
  EXPECT_EQ(sessions[0]["date"], "2026-11-23");
  std::size_t done = 0, not_done = 0;
  for (const auto& step : sessions[0]["steps"]) (step["status"] == "done" ? done : not_done)++;
  EXPECT_EQ(done, 4u);
  EXPECT_EQ(done + not_done, 12u);
  EXPECT_EQ(session.code, 5) << "the 48 h rule now sees Monday's instrument work";
}

// ---- one check-in for a whole session (issue 8, point 17) ------------------

TEST(Cli, OneCheckInReleasesEveryAreaOfTheSessionAndAnEarlyOneSaysWhenItCounts) {
  Sandbox box;
  set_up_desk_worker(box);
  const Outcome session = box.run("session --script -", kFullNeckSession);
  ASSERT_EQ(session.code, 0) << session.err;
  EXPECT_NE(session.out.find("counts from Tuesday, 24 November 2026 on"), std::string::npos) << session.out;
  EXPECT_NE(session.out.find("fascia log checkin"), std::string::npos);

  const Outcome early = box.run("log checkin", "", "2026-11-23");
  ASSERT_EQ(early.code, 0) << early.err;
  EXPECT_NE(early.out.find("check in again from Tuesday, 24 November 2026 on"), std::string::npos) << early.out;
  EXPECT_TRUE(json::parse(box.run("--json today", "", "2026-11-25").out)["due"].empty());

  // Bad input: an area the session did not work, an unknown session; nothing stored.
  const std::string before = exported(box);
  const Outcome calves = box.run("log checkin --redness calves", "", "2026-11-25");
  EXPECT_EQ(calves.code, 2);
  EXPECT_NE(calves.err.find("calves"), std::string::npos) << calves.err;
  EXPECT_EQ(box.run("log checkin --session 999", "", "2026-11-25").code, 2);
  EXPECT_EQ(box.run("log checkin --sore upper-trapezius=11", "", "2026-11-25").code, 2);
  EXPECT_EQ(exported(box), before);

  // One check-in with the trapezius still red holds only the trapezius back.
  const Outcome red = box.run("log checkin --redness upper-trapezius", "", "2026-11-25");
  ASSERT_EQ(red.code, 0) << red.err;
  json view = json::parse(box.run("--json today", "", "2026-11-25").out);
  EXPECT_TRUE(view["due"].empty());
  std::set<std::string> held;
  for (const auto& r : view["not_today"])
    if (r["rule"] == "reaction-unresolved" || r["rule"] == "reaction-unconfirmed") held.insert(r["text"]);
  EXPECT_EQ(held.size(), 1u) << view["not_today"].dump();
  // One all-clear check-in releases all four areas at once.
  ASSERT_EQ(box.run("log checkin", "", "2026-11-25").code, 0);
  view = json::parse(box.run("--json today", "", "2026-11-25").out);
  EXPECT_EQ(view["due"].size(), 1u) << view.dump();
}

TEST(Cli, CtrlCDuringATerminalSessionSaysTheStepsAreKeptAndTheNextRunContinues) {
  Sandbox box;
  set_up_desk_worker(box);
  const std::string pid_file = box.path("pid").string(), err_file = box.path("err.txt").string();
  const std::string cmd = "sh -c 'echo $$ >\"" + pid_file + "\"; exec env FASCIA_TODAY=2026-11-23 \"" +
                          std::string(FASCIA_BINARY) + "\" --db \"" + box.db().string() +
                          "\" session --fast >/dev/null 2>\"" + err_file + "\"'";
  FILE* child = popen(cmd.c_str(), "w");
  ASSERT_NE(child, nullptr);
  fputs("s\nnot now\ns\nnot now\n", child);  // two cards skipped, then the person presses Ctrl-C
  fflush(child);
  for (int i = 0; i < 200 && draft_events(draft_of(box)) < 2; ++i) usleep(50'000);
  ASSERT_EQ(draft_events(draft_of(box)), 2u);
  ASSERT_EQ(kill(std::stoi(cli_test::slurp(pid_file)), SIGINT), 0);
  const int status = pclose(child);
  EXPECT_EQ(WIFEXITED(status) ? WEXITSTATUS(status) : -1, 130);
  EXPECT_NE(cli_test::slurp(err_file).find("kept"), std::string::npos) << cli_test::slurp(err_file);
  const Outcome again = box.run("session --fast", "\n");
  EXPECT_NE(again.out.find("Continuing at step 3"), std::string::npos) << again.out;
}

// The terminal names an unknown protocol as the server does (unknown_name,
// exit 2), rather than calling it "not due today".
TEST(Cli, AnUnknownProtocolIsNamedAsUnknown) {
  Sandbox box;
  set_up_desk_worker(box);
  const auto r = box.run("session --protocol no-such-protocol --script -", kFullNeckSession);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("unknown protocol 'no-such-protocol'"), std::string::npos) << r.err;
}
