// Issue 10, point 7 in the terminal: `fascia practice note|notes|amend` and
// `fascia notes`. A linked practitioner writes a SOAP note; the person reads
// it with every amendment and the text it replaced; bad input is refused
// naming the option; an unlinked colleague and another clinic's
// practitioner see and change nothing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "integration/cli_people.hpp"

using cli_test::Outcome;
using cli_test::Sandbox;
using cli_test::set_up_desk_worker;
using nlohmann::json;

namespace {

// Person 1 (the terminal's desk worker) linked to pat of clinic 1 and to sam
// of clinic 2; quinn of clinic 1 is not linked.
void link_to_two_clinics(const Sandbox& box) {
  ASSERT_EQ(box.run("clinic add 'Harbour Physio'").code, 0);
  ASSERT_EQ(box.run("clinic add 'Hill Clinic'").code, 0);
  ASSERT_EQ(box.run("user add dana --take-terminal-journal --password-stdin", "dana-password-1\n").code, 0);
  for (const char* who : {"pat --clinic 1", "quinn --clinic 1", "sam --clinic 2"})
    ASSERT_EQ(box.run(std::string("user add ") + who + " --role practitioner --password-stdin", "password-123\n").code,
              0);
  for (const char* who : {"pat", "sam"}) {
    const Outcome invite = box.run(std::string("--json practice invite --as ") + who);
    ASSERT_EQ(invite.code, 0) << invite.err;
    const std::string code = json::parse(invite.out)["code"];
    const Outcome accept = box.run("link accept " + code + " --share none");
    ASSERT_EQ(accept.code, 0) << accept.err;
  }
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST(CliVisitNotes, APractitionerWritesAndAmendsANoteAndThePersonSeesEveryRevision) {
  Sandbox box;
  set_up_desk_worker(box);
  link_to_two_clinics(box);
  const Outcome note = box.run(
      "practice note 1 --as pat --date 2026-11-20 --subjective 'neck stiff since Monday' "
      "--objective 'left upper trapezius tender' --assessment 'muscular' --plan 'review in a week'");
  ASSERT_EQ(note.code, 0) << note.err;
  EXPECT_TRUE(has(note.out, "Visit note 1 written for client 1 (Harbour Physio)")) << note.out;
  ASSERT_EQ(box.run("practice note 1 --as sam --plan 'exercises twice a day'").code, 0);

  const Outcome amend =
      box.run("practice amend 1 --as pat --reason 'the plan changed on the phone' --plan 'review in two weeks'");
  ASSERT_EQ(amend.code, 0) << amend.err;
  EXPECT_TRUE(has(amend.out, "amended (revision 2)")) << amend.out;

  const Outcome mine = box.run("notes");
  ASSERT_EQ(mine.code, 0) << mine.err;
  EXPECT_TRUE(has(mine.out, "Hill Clinic")) << mine.out;
  EXPECT_TRUE(has(mine.out, "Plan: review in two weeks")) << mine.out;
  EXPECT_TRUE(has(mine.out, "by pat (revision 2): the plan changed on the phone")) << mine.out;
  EXPECT_TRUE(has(mine.out, "      Plan: review in a week")) << "the earlier text: " << mine.out;
  EXPECT_LT(mine.out.find("Hill Clinic"), mine.out.find("Harbour Physio")) << "newest visit first";

  const json clinic_view = json::parse(box.run("--json practice notes 1 --as pat").out);
  ASSERT_EQ(clinic_view["notes"].size(), 1u) << "only Harbour Physio's note";
  EXPECT_EQ(clinic_view["notes"][0]["revisions"].size(), 2u);
  EXPECT_EQ(clinic_view["notes"][0]["revisions"][0]["plan"], "review in a week");
  EXPECT_EQ(clinic_view["notes"][0]["revision"], 2);

  const Outcome log = box.run("access-log");
  EXPECT_TRUE(has(log.out, "pat (practitioner, Harbour Physio)  write  wrote a visit note")) << log.out;
  EXPECT_TRUE(has(log.out, "pat (practitioner, Harbour Physio)  write  amended visit note 1")) << log.out;
  EXPECT_TRUE(has(log.out, "pat (practitioner, Harbour Physio)  read  read the visit notes")) << log.out;
}

TEST(CliVisitNotes, BadNotesAreRefusedNamingTheOptionAndOthersSeeAndChangeNothing) {
  Sandbox box;
  set_up_desk_worker(box);
  link_to_two_clinics(box);
  ASSERT_EQ(box.run("practice note 1 --as pat --plan 'review in a week'").code, 0);
  const std::string notes_before = box.run("--json notes").out;
  const std::string log_before = box.run("access-log").out;
  for (const auto& [args, words] : std::vector<std::pair<std::string, std::string>>{
           {"note 1 --as pat", "--subjective: a visit note needs at least one of"},
           {"note 1 --as pat --plan ' '", "--subjective: a visit note needs at least one of"},
           {"note 1 --as pat --plan x --date 2026-11-24", "--date: the visit on 2026-11-24 is after today"},
           {"note 1 --as pat --plan x --date 2025-11-01", "more than 365 days ago"},
           {"note 1 --as pat --plan x --date 23.11.2026", "--date:"},
           {"note 1 --as pat --objective " + std::string(4001, 'o'), "--objective: objective is longer than 4000"},
           {"amend 1 --as pat --reason ' ' --plan x", "--reason: say why"},
           {"amend 1 --as pat --reason why --plan 'review in a week'", "--plan: the amendment changes nothing"},
           {"amend 1 --as pat --reason why --plan ' '", "--plan: a visit note needs at least one of"},
           {"amend 1 --as pat --reason why", "error: the amendment changes nothing"},
           // Another clinic's note, a note of a client not linked, none at all: one answer, nothing says whose.
           {"amend 1 --as sam --reason why --plan x", "error: no visit note 1 of a client linked to you\n"},
           {"amend 9 --as pat --reason why --plan x", "error: no visit note 9 of a client linked to you\n"},
           {"amend 1 --as quinn --reason why --plan x", "error: no visit note 1 of a client linked to you\n"},
           {"note 1 --as quinn --plan x", "no client 1"},
           {"notes 1 --as quinn", "no client 1"},
       }) {
    const Outcome r = box.run("practice " + args);
    EXPECT_EQ(r.code, 2) << args << ": " << r.err;
    EXPECT_TRUE(has(r.err, words)) << args << ": " << r.err;
  }
  const Outcome person = box.run("practice note 1 --as dana --plan x");
  EXPECT_EQ(person.code, 5) << person.err;
  EXPECT_EQ(box.run("--json notes").out, notes_before);
  EXPECT_EQ(box.run("access-log").out, log_before) << "refusals log nothing";
}
