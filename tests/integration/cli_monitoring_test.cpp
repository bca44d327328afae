// Issue 10, point 6 in the terminal: `fascia practice clients` is the
// monitoring list — the client who stopped a session for a sign that raises
// a warning sign first, each flag with its date and reason; a client who
// shares nothing says so; each view is one line in each client's access log;
// `fascia practice progress` shows one client's pain by region, adherence and
// the changes the rules made, and needs the journal share.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "integration/cli_people.hpp"

using cli_test::Outcome;
using cli_test::Sandbox;
using cli_test::set_up_desk_worker;
using nlohmann::json;

namespace {

// dana (person 1, the desk worker) shares everything with pat; eve (person 2)
// shares nothing.
void clinic_with_two_clients(const Sandbox& box) {
  ASSERT_EQ(box.run("clinic add 'Harbour Physio'").code, 0);
  ASSERT_EQ(box.run("user add dana --password-stdin", "dana-password-1\n").code, 0);
  ASSERT_EQ(box.run("user add eve --password-stdin", "eve-password-11\n").code, 0);
  ASSERT_EQ(box.run("user add pat --role practitioner --clinic 1 --password-stdin", "pat-password-1\n").code, 0);
  for (const char* who : {"dana", "eve"}) {
    const Outcome invite = box.run("--json practice invite --as pat");
    ASSERT_EQ(invite.code, 0) << invite.err;
    const std::string code = json::parse(invite.out)["code"];
    const std::string share = std::string(who) == "dana" ? "journal,sessions,screening" : "none";
    const Outcome accept = box.run("link accept " + code + " --as " + who + " --share " + share);
    ASSERT_EQ(accept.code, 0) << accept.err;
  }
}

}  // namespace

TEST(CliMonitoring, TheClientWhoStoppedASessionComesFirstWithTheReasonAndDateAndAnUnsharedClientSaysSo) {
  Sandbox box;
  clinic_with_two_clients(box);
  set_up_desk_worker(box);
  // Two signs at once: both are kept, and the practitioner reads both.
  ASSERT_EQ(box.run("session --script -", "done\nstop radiating-pain,numbness-tingling\n").code, 0);
  const Outcome sessions = box.run("practice show 1 --as pat --area sessions");
  EXPECT_NE(sessions.out.find("stopped for Pain spreading to the head, face or arm and Numbness or tingling"),
            std::string::npos)
      << sessions.out << sessions.err;

  const Outcome list = box.run("practice clients --as pat");
  ASSERT_EQ(list.code, 0) << list.err;
  const auto dana = list.out.find("dana (person 1");
  const auto eve = list.out.find("eve (person 2");
  ASSERT_NE(dana, std::string::npos) << list.out;
  ASSERT_NE(eve, std::string::npos) << list.out;
  EXPECT_LT(dana, eve) << list.out;
  EXPECT_NE(list.out.find("  ! stop-event 2026-11-23: the session on Monday, 23 November 2026 was stopped for pain "
                          "spreading to the head, face or arm and numbness or tingling"),
            std::string::npos)
      << list.out;
  EXPECT_NE(list.out.find("  ! new-warning-sign 2026-11-23: a warning sign raised on Monday, 23 November 2026"),
            std::string::npos)
      << list.out;
  EXPECT_NE(list.out.find("eve (person 2, link 2): not shared (journal, sessions, screening)"), std::string::npos)
      << list.out;

  const Outcome as_json = box.run("--json practice clients --as pat");
  ASSERT_EQ(as_json.code, 0) << as_json.err;
  const json clients = json::parse(as_json.out)["clients"];
  ASSERT_EQ(clients.size(), 2u);
  EXPECT_EQ(clients[0]["flags"][0]["kind"], "stop-event");
  EXPECT_EQ(clients[1]["not_shared"], json({"journal", "sessions", "screening"}));

  // Two views: two lines in each client's access log.
  const Outcome log = box.run("access-log --as eve");
  ASSERT_EQ(log.code, 0) << log.err;
  std::size_t lines = 0;
  for (auto at = log.out.find("viewed on the monitoring list (nothing shared)"); at != std::string::npos;
       at = log.out.find("viewed on the monitoring list (nothing shared)", at + 1))
    ++lines;
  EXPECT_EQ(lines, 2u) << log.out;
}

// A warning sign the client clears with their own entry ("my neighbour")
// lifts it for their plan, but the practitioner is told, and stays told until
// a clearance of their own covers it (a trial found the flags simply gone).
TEST(CliMonitoring, AWarningSignClearedByTheClientsOwnEntryIsFlaggedUntilAPractitionerClearsIt) {
  Sandbox box;
  clinic_with_two_clients(box);
  set_up_desk_worker(box);
  ASSERT_EQ(box.run("session --script -", "done\nstop radiating-pain\n").code, 0);
  const auto kinds = [&] {
    std::vector<std::string> out;
    const Outcome list = box.run("--json practice clients --as pat");
    EXPECT_EQ(list.code, 0) << list.err;
    const json clients = json::parse(list.out)["clients"];
    for (const auto& f : clients[0]["flags"]) out.push_back(f["kind"]);
    return out;
  };
  const auto has = [](const std::vector<std::string>& v, const char* kind) {
    return std::find(v.begin(), v.end(), kind) != v.end();
  };
  ASSERT_TRUE(has(kinds(), "new-warning-sign"));
  EXPECT_FALSE(has(kinds(), "own-clearance"));

  ASSERT_EQ(box.run("clear --by 'my neighbour'").code, 0);
  const auto after_own = kinds();
  EXPECT_FALSE(has(after_own, "new-warning-sign")) << "lifted for the person's own plan";
  EXPECT_TRUE(has(after_own, "own-clearance"));
  const Outcome text = box.run("practice clients --as pat");
  EXPECT_NE(text.out.find("by the client's own entry (\"my neighbour\"), not by a practitioner"), std::string::npos)
      << text.out;

  ASSERT_EQ(box.run("practice clear 1 --as pat --note 'checked: fine'").code, 0);
  EXPECT_FALSE(has(kinds(), "own-clearance")) << "a practitioner's clearance covers it now";
}

TEST(CliMonitoring, NothingLoggedForAWeekIsFlaggedAndTheProgressPageNeedsTheJournal) {
  Sandbox box;
  clinic_with_two_clients(box);
  set_up_desk_worker(box);
  ASSERT_EQ(box.run("log pain upper-trapezius 5").code, 0);
  const Outcome list = box.run("practice clients --as pat", "", "2026-12-02");
  ASSERT_EQ(list.code, 0) << list.err;
  EXPECT_NE(list.out.find("  ! inactive 2026-11-23: nothing logged since Monday, 23 November 2026 (9 days)"),
            std::string::npos)
      << list.out;

  const Outcome progress = box.run("practice progress 1 --as pat", "", "2026-12-02");
  ASSERT_EQ(progress.code, 0) << progress.err;
  EXPECT_NE(progress.out.find("dana (person 1), shares journal, sessions, screening"), std::string::npos)
      << progress.out;
  EXPECT_NE(progress.out.find("0 sessions logged."), std::string::npos) << progress.out;
  EXPECT_NE(progress.out.find(": start 6 → 5"), std::string::npos) << "pain by region from the baseline:\n"
                                                                   << progress.out;

  const Outcome refused = box.run("practice progress 2 --as pat");
  EXPECT_NE(refused.code, 0);
  EXPECT_NE(refused.err.find("does not share their journal"), std::string::npos) << refused.err;
}

// From a trial: a program the client has no tool for. Their Today only said
// to change their details, and the list said nothing needed attention; now
// the list says the program leaves nothing to do, and why.
TEST(CliMonitoring, AProgramTheClientHasNoToolForIsFlagged) {
  Sandbox box;
  clinic_with_two_clients(box);
  set_up_desk_worker(box);
  ASSERT_EQ(box.run("profile set --region upper-trapezius:both:6 --tools none --days all --minutes 20").code, 0);
  const json neck = {
      {"start", "2026-11-23"},
      {"weeks", 6},
      {"review", "2026-12-21"},
      {"weekdays", {0, 2, 4}},
      {"items", {{{"protocol", "neck-trap-iastm"}, {"target", {{"region", "upper-trapezius"}, {"side", "both"}}}}}}};
  cli_test::write_file(box.path("neck.json"), neck.dump());
  const Outcome assigned = box.run("practice assign 1 --as pat --file " + box.path("neck.json").string());
  ASSERT_EQ(assigned.code, 0) << assigned.err;
  const Outcome list = box.run("practice clients --as pat");
  ASSERT_EQ(list.code, 0) << list.err;
  EXPECT_NE(list.out.find("! program-not-doable 2026-11-23: the home program assigned on Monday, 23 November 2026 "
                          "leaves no session the client can do: check their tools"),
            std::string::npos)
      << list.out;
  // With a tool for it, nothing is said.
  ASSERT_EQ(box.run("profile set --region upper-trapezius:both:6 --tools starter-kit --days all --minutes 20").code, 0);
  EXPECT_EQ(box.run("practice clients --as pat").out.find("program-not-doable"), std::string::npos);
}

// From a new-user trial: another clinic's newer program replaced pat's
// lowered-pressure one, and pat's list said nothing needed attention. It is
// flagged to pat, never to the clinic whose program is followed.
TEST(CliMonitoring, AProgramAnotherClinicsNewerProgramReplacedIsFlagged) {
  Sandbox box;
  clinic_with_two_clients(box);
  set_up_desk_worker(box);
  ASSERT_EQ(box.run("clinic add 'Hill Clinic'").code, 0);
  ASSERT_EQ(box.run("user add zed --role practitioner --clinic 2 --password-stdin", "zed-password-1\n").code, 0);
  const std::string code = json::parse(box.run("--json practice invite --as zed").out)["code"];
  ASSERT_EQ(box.run("link accept " + code + " --as dana --share none").code, 0);
  const json neck = {{"start", "2026-11-23"},
                     {"weeks", 6},
                     {"review", "2026-12-21"},
                     {"weekdays", {0, 2, 4}},
                     {"items",
                      {{{"protocol", "neck-trap-iastm"},
                        {"target", {{"region", "upper-trapezius"}, {"side", "both"}}},
                        {"max_pressure", 3}}}}};
  cli_test::write_file(box.path("neck.json"), neck.dump());
  ASSERT_EQ(box.run("practice assign 1 --as pat --file " + box.path("neck.json").string()).code, 0);
  EXPECT_EQ(box.run("practice clients --as pat").out.find("program-replaced"), std::string::npos)
      << "pat's is followed";
  json later = neck;
  later["start"] = "2026-11-25";
  cli_test::write_file(box.path("later.json"), later.dump());
  const Outcome theirs =
      box.run("practice assign 1 --as zed --file " + box.path("later.json").string(), "", "2026-11-25");
  ASSERT_EQ(theirs.code, 0) << theirs.err;
  const Outcome list = box.run("practice clients --as pat", "", "2026-11-25");
  EXPECT_NE(list.out.find("! program-replaced 2026-11-23: your clinic's home program 1 (last changed on Monday, 23 "
                          "November 2026) is no longer followed"),
            std::string::npos)
      << list.out;
  EXPECT_EQ(list.out.find("Hill"), std::string::npos) << "nothing of the other clinic";
  EXPECT_EQ(box.run("practice clients --as zed", "", "2026-11-25").out.find("program-replaced"), std::string::npos);
}
