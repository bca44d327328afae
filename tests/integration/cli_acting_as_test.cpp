// Issue 10 in the terminal for a second person: every person's command takes
// --as NAME (before or after the command), so a clinic's second client can
// set up, screen, plan, log, run a session and accept an invitation at the
// terminal. Without --as a command is the terminal's person's (person 1), as
// before. Each person's journal, and each person's unfinished session, is
// their own; a practitioner's, an unknown or an empty --as is refused with a
// one-line reason and a non-zero exit.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli_harness.hpp"
#include "cli_people.hpp"

using cli_test::Sandbox;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Person 1 "me" set up as the desk worker; person "sam" with an account and
// nothing else; practitioner pat of North Physio.
void set_up_two_people(const Sandbox& box) {
  ASSERT_EQ(box.run("user add me --password-stdin", "me-password-1\n").code, 0);
  ASSERT_EQ(box.run("user add sam --password-stdin", "sam-password-1\n").code, 0);
  ASSERT_EQ(box.run("clinic add 'North Physio'").code, 0);
  ASSERT_EQ(box.run("user add pat --role practitioner --clinic 1 --password-stdin", "pat-password-1\n").code, 0);
  cli_test::set_up_desk_worker(box);
}

}  // namespace

TEST(CliActingAs, ASecondPersonSetsUpScreensPlansAndLogsInTheirOwnJournal) {
  Sandbox box;
  set_up_two_people(box);
  const auto nothing_yet = box.run("today --as sam");
  EXPECT_NE(nothing_yet.code, 0) << "sam has no profile or screening yet: " << nothing_yet.out;

  const std::string profile =
      "profile set --region upper-trapezius:left:5 --tools starter-kit --days mon,wed,fri "
      "--minutes 15";
  const auto saved = box.run("--as sam " + profile);
  ASSERT_EQ(saved.code, 0) << saved.err;
  EXPECT_TRUE(contains(saved.out, "Next: fascia screen --as sam")) << saved.out;
  cli_test::write_file(box.path("answers.yaml"), cli_test::all_no_answers());
  const auto screened = box.run("screen --as sam --answers '" + box.path("answers.yaml").string() + "'");
  ASSERT_EQ(screened.code, 0) << screened.err;
  EXPECT_TRUE(contains(box.run(profile + " --as sam").out, "Next: fascia today --as sam")) << "screened already";
  const auto sam_profile = box.run("--json profile show --as sam");
  ASSERT_EQ(sam_profile.code, 0) << sam_profile.err;
  EXPECT_EQ(nlohmann::json::parse(sam_profile.out)["minutes_per_session"], 15) << sam_profile.out;
  const auto my_profile = box.run("--json profile show");
  EXPECT_EQ(nlohmann::json::parse(my_profile.out)["minutes_per_session"], 20) << "person 1's is untouched";

  ASSERT_EQ(box.run("log note 'sam walked the dog' --as sam").code, 0);
  const auto sam_export = box.run("export --as sam");
  const auto my_export = box.run("export");
  EXPECT_TRUE(contains(sam_export.out, "sam walked the dog"));
  EXPECT_FALSE(contains(my_export.out, "sam walked the dog")) << "a note is in its own person's journal only";
  const auto today = box.run("--json today --as sam");
  ASSERT_EQ(today.code, 0) << today.err;
  EXPECT_TRUE(contains(today.out, "upper-trapezius")) << today.out;
}

TEST(CliActingAs, EachPersonResumesOnlyTheirOwnUnfinishedSession) {
  Sandbox box;
  set_up_two_people(box);
  ASSERT_EQ(
      box.run("--as sam profile set --region upper-trapezius:both:6 --tools starter-kit --days all --minutes 20").code,
      0);
  cli_test::write_file(box.path("answers.yaml"), cli_test::all_no_answers());
  ASSERT_EQ(box.run("--as sam screen --answers '" + box.path("answers.yaml").string() + "'").code, 0);
  // sam counts three cards, then the terminal closes: sam's steps are kept.
  const auto closed = box.run("--as sam session --fast", "12\n\n12\n\n12\n\n");
  EXPECT_NE(closed.code, 0);
  EXPECT_TRUE(std::filesystem::exists(box.db().string() + ".person-2.session-in-progress.json")) << closed.err;
  EXPECT_FALSE(std::filesystem::exists(box.db().string() + ".session-in-progress.json"));
  // Person 1 starts afresh, never at sam's step; sam continues where sam stopped.
  const auto mine = box.run("session --fast", "\n");
  EXPECT_FALSE(contains(mine.out, "continue at step")) << mine.out;
  const auto sams = box.run("session --fast --as sam", "\n");
  EXPECT_TRUE(contains(sams.out, "continue at step 4")) << sams.out;
}

TEST(CliActingAs, AnInvitationIsAcceptedForTheAccountGivenBeforeOrAfterTheCommand) {
  Sandbox box;
  set_up_two_people(box);
  const auto code = nlohmann::json::parse(box.run("--json practice invite --as pat").out)["code"].get<std::string>();
  const auto accepted = box.run("--as sam link accept " + code + " --share journal");
  ASSERT_EQ(accepted.code, 0) << accepted.err;
  EXPECT_TRUE(contains(box.run("link list --as sam").out, "pat")) << "sam's link";
  EXPECT_TRUE(contains(box.run("link list").out, "No practitioner is linked to you")) << "not person 1's";
}

TEST(CliActingAs, APractitionerAnUnknownOrAnEmptyNameIsRefusedSayingWhy) {
  Sandbox box;
  set_up_two_people(box);
  const auto practitioner = box.run("today --as pat");
  EXPECT_NE(practitioner.code, 0);
  EXPECT_TRUE(contains(practitioner.err, "--as: 'pat' is a practitioner; only a person's account has a journal"))
      << practitioner.err;
  const auto unknown = box.run("log note hello --as nobody");
  EXPECT_NE(unknown.code, 0);
  EXPECT_TRUE(contains(unknown.err, "--as: no account named 'nobody'")) << unknown.err;
  EXPECT_FALSE(contains(box.run("export").out, "hello")) << "nothing was written anywhere";
  for (const std::string command : {"link list --as pat", "--as pat access-log", "notes --as pat"}) {
    const auto refused = box.run(command);
    EXPECT_NE(refused.code, 0) << command;
    EXPECT_TRUE(contains(refused.err, "--as: 'pat' is a practitioner; only a person's account has links")) << refused.err;
  }
  const auto not_a_person = box.run("--as sam user list");
  EXPECT_EQ(not_a_person.code, 2);
  EXPECT_TRUE(contains(not_a_person.err, "--as: this command does not act for a person's account")) << not_a_person.err;
  const auto empty = box.run("today --as ''");
  EXPECT_NE(empty.code, 0);
  EXPECT_TRUE(contains(empty.err, "--as")) << empty.err;
}

// From a new-user trial: `program end 1 --as bert` ended person 1's program,
// recorded as ended by person 1's account, putting her back on the full
// protocol doses. A person's program commands act for --as's person only.
TEST(CliActingAs, AProgramIsEndedOrPrintedOnlyForThePersonActedFor) {
  Sandbox box;
  set_up_two_people(box);
  const auto code = nlohmann::json::parse(box.run("--json practice invite --as pat").out)["code"].get<std::string>();
  ASSERT_EQ(box.run("link accept " + code + " --share none").code, 0);  // person 1, "me"
  const nlohmann::json program = {
      {"start", "2026-11-23"},
      {"weeks", 6},
      {"review", "2026-12-21"},
      {"weekdays", {0, 2, 4}},
      {"items",
       {{{"protocol", "neck-trap-iastm"},
         {"target", {{"region", "upper-trapezius"}, {"side", "both"}}},
         {"max_pressure", 3}}}}};
  cli_test::write_file(box.path("neck.json"), program.dump());
  const auto assigned = box.run("practice assign 1 --as pat --file " + box.path("neck.json").string());
  ASSERT_EQ(assigned.code, 0) << assigned.err;

  const auto sams_end = box.run("program end 1 --as sam");
  EXPECT_NE(sams_end.code, 0) << sams_end.out;
  EXPECT_TRUE(contains(sams_end.err, "no home program 1") || contains(sams_end.err, "no program 1")) << sams_end.err;
  EXPECT_FALSE(contains(box.run("program").out, "ended")) << "person 1's program is untouched";
  EXPECT_NE(box.run("--as sam program cards 1").code, 0) << "not sam's program to print";
  const auto cards = box.run("program cards 1");
  ASSERT_EQ(cards.code, 0) << cards.err;
  EXPECT_TRUE(contains(cards.out, "Home program for me")) << cards.out.substr(0, 200);
}

// From a new-user trial: the terminal's person had a profile, screenings, a
// link and a program with no account; `user add bob` then made bob their
// owner without a word. With entries there, the operator says whose they are.
TEST(CliActingAs, ANewPersonsAccountTakesOverTheTerminalsEntriesOnlyWhenToldTo) {
  Sandbox box;
  cli_test::set_up_desk_worker(box);  // person 1, no account
  const auto refused = box.run("user add bob --password-stdin", "bob-password-1\n");
  EXPECT_EQ(refused.code, 5) << refused.err;
  EXPECT_TRUE(contains(refused.err, "the terminal's journal (person 1) already holds entries")) << refused.err;
  EXPECT_TRUE(contains(refused.err, "--take-terminal-journal")) << refused.err;
  EXPECT_TRUE(contains(box.run("user list").out, "No accounts yet")) << "nothing was made";

  const auto own = box.run("user add bob --new-journal --password-stdin", "bob-password-1\n");
  ASSERT_EQ(own.code, 0) << own.err;
  EXPECT_TRUE(contains(own.out, "(person 2")) << own.out;
  EXPECT_NE(box.run("today --as bob").code, 0) << "bob's journal is empty: no profile yet";

  const auto owner = box.run("user add ann --take-terminal-journal --password-stdin", "ann-password-1\n");
  ASSERT_EQ(owner.code, 0) << owner.err;
  EXPECT_TRUE(contains(owner.out, "person 1, the same person the terminal commands use")) << owner.out;
  EXPECT_EQ(box.run("today --as ann").code, 0) << "ann owns the terminal's profile and screening";
  const auto taken = box.run("user add cy --take-terminal-journal --password-stdin", "cy-password-1\n");
  EXPECT_EQ(taken.code, 5) << taken.err;
  EXPECT_TRUE(contains(taken.err, "already belongs to 'ann'")) << taken.err;
  const auto both = box.run("user add cy --new-journal --take-terminal-journal --password-stdin", "cy-password-1\n");
  EXPECT_EQ(both.code, 2) << both.err;
}
