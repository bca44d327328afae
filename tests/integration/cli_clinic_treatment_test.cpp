// Issue 10, point 4 in the terminal: `fascia practice treat` records a linked
// practitioner's clinic work in the client's journal, which `fascia today`
// then names as the reason home instrument work waits; bad input is refused
// naming the option, and an unlinked practitioner changes nothing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "integration/cli_people.hpp"

using cli_test::Outcome;
using cli_test::Sandbox;
using cli_test::set_up_desk_worker;
using nlohmann::json;

namespace {

// Person 1 (the terminal's desk worker) linked to pat of clinic 1; quinn of
// the same clinic is not linked.
void link_to_a_practitioner(const Sandbox& box) {
  ASSERT_EQ(box.run("clinic add 'Harbour Physio'").code, 0);
  ASSERT_EQ(box.run("user add dana --take-terminal-journal --password-stdin", "dana-password-1\n").code, 0);
  ASSERT_EQ(box.run("user add pat --role practitioner --clinic 1 --password-stdin", "pat-password-1\n").code, 0);
  ASSERT_EQ(box.run("user add quinn --role practitioner --clinic 1 --password-stdin", "quinn-password-1\n").code, 0);
  const Outcome invite = box.run("--json practice invite --as pat");
  ASSERT_EQ(invite.code, 0) << invite.err;
  const std::string code = json::parse(invite.out)["code"];
  const Outcome accept = box.run("link accept " + code + " --share none");
  ASSERT_EQ(accept.code, 0) << accept.err;
}

std::string export_text(const Sandbox& box) { return box.run("export").out; }

}  // namespace

TEST(CliClinicTreatment, APractitionersClinicInstrumentWorkHoldsHomeWorkAndTodaySaysItWasClinicWork) {
  Sandbox box;
  set_up_desk_worker(box);
  link_to_a_practitioner(box);
  const Outcome treat = box.run(
      "practice treat 1 --as pat --treatment clinic-iastm --region upper-trapezius:left --region scalenes:right "
      "--pressure 4 --minutes 5 --reaction 'redness, gone in an hour'");
  ASSERT_EQ(treat.code, 0) << treat.err;
  EXPECT_NE(treat.out.find("Clinic treatment 1 recorded"), std::string::npos) << treat.out;
  EXPECT_NE(treat.out.find("counts as instrument work"), std::string::npos) << treat.out;
  EXPECT_NE(treat.out.find("waits until Wednesday, 25 November 2026 at the earliest, and until a check-in reports the "
                           "skin and soreness settled"),
            std::string::npos)
      << treat.out;

  const json data = json::parse(export_text(box));
  ASSERT_EQ(data["journal"]["clinic_treatments"].size(), 1u);
  const json& entry = data["journal"]["clinic_treatments"][0];
  EXPECT_EQ(entry["practitioner"], "pat");
  EXPECT_EQ(entry["regions"][1]["region"], "scalenes");
  EXPECT_EQ(entry["date"], "2026-11-23");

  const Outcome today = box.run("today");
  ASSERT_EQ(today.code, 0) << today.err;
  EXPECT_NE(today.out.find("instrument work in clinic on Monday, 23 November 2026"), std::string::npos) << today.out;
  const Outcome plan = box.run("--json plan");
  ASSERT_EQ(plan.code, 0) << plan.err;
  const json days = json::parse(plan.out)["days"];
  ASSERT_FALSE(days.empty());
  EXPECT_EQ(days[0]["date"], "2026-11-25");
  for (const auto& d : days)
    for (const auto& s : d["sessions"])
      for (const auto& step : s["steps"]) EXPECT_NE(step["region"], "scalenes");

  const Outcome log = box.run("access-log");
  EXPECT_NE(log.out.find("pat (practitioner, Harbour Physio)  write  recorded a clinic treatment"), std::string::npos)
      << log.out;
}

// From a new-user trial: after instrument work in clinic only, `fascia log
// checkin` refused ("no session"), though today asked for a check-in. It
// now follows the latest instrument work, at home or in clinic.
TEST(CliClinicTreatment, ACheckInAfterClinicWorkCoversItsAreasAndReleasesHomeWork) {
  Sandbox box;
  set_up_desk_worker(box);
  link_to_a_practitioner(box);
  ASSERT_EQ(box.run("practice treat 1 --as pat --treatment clinic-iastm --region upper-trapezius:left "
                    "--region scalenes:right --pressure 4 --minutes 5")
                .code,
            0);
  // On Wednesday, with no check-in yet, today says to check in first: the
  // session can be done today, not only on a later day.
  const Outcome waiting = box.run("today", "", "2026-11-25");
  ASSERT_EQ(waiting.code, 0) << waiting.err;
  EXPECT_NE(waiting.out.find("No session today. Check in first: once you log a check-in"), std::string::npos)
      << waiting.out;
  EXPECT_NE(waiting.out.find("today's session can be done: "), std::string::npos) << waiting.out;
  EXPECT_NE(waiting.out.find("If it has not settled yet, next session: "), std::string::npos) << waiting.out;
  const Outcome early = box.run("log checkin", "", "2026-11-24");
  ASSERT_EQ(early.code, 0) << early.err;
  EXPECT_NE(early.out.find("Saved: check-in for the clinic treatment (Monday, 23 November 2026)"), std::string::npos)
      << early.out;
  EXPECT_NE(early.out.find("Top of the shoulder (upper trapezius) (left): settled"), std::string::npos) << early.out;
  EXPECT_NE(early.out.find("(scalenes) (right): settled"), std::string::npos) << "every area it worked: " << early.out;
  const json data = json::parse(export_text(box));
  ASSERT_EQ(data["journal"]["reactions"].size(), 2u) << data["journal"]["reactions"].dump();
  EXPECT_EQ(data["journal"]["reactions"][0]["region"], "upper-trapezius");
  EXPECT_EQ(data["journal"]["reactions"][0]["side"], "left");
  const Outcome wrong = box.run("log checkin --bruising calves", "", "2026-11-24");
  EXPECT_NE(wrong.code, 0);
  EXPECT_NE(wrong.err.find("was not worked with an instrument in the clinic treatment on Monday, 23 November 2026"),
            std::string::npos)
      << wrong.err;
  const Outcome today = box.run("today", "", "2026-11-25");
  ASSERT_EQ(today.code, 0) << today.err;
  EXPECT_EQ(today.out.find("no check-in since the last instrument work in clinic"), std::string::npos) << today.out;
}

TEST(CliClinicTreatment, BadClinicTreatmentsAreRefusedNamingTheOptionAndUnlinkedPractitionersChangeNothing) {
  Sandbox box;
  set_up_desk_worker(box);
  link_to_a_practitioner(box);
  const std::string before = export_text(box);
  const std::string ok = " --region upper-trapezius:left --minutes 5";
  for (const auto& [args, words] : std::vector<std::pair<std::string, std::string>>{
           {"--treatment cupping" + ok, "--treatment: unknown treatment 'cupping'"},
           {"--treatment clinic-iastm --region elbow --minutes 5", "--region: unknown region 'elbow'"},
           {"--treatment clinic-iastm" + ok + " --pressure 11", "11 is outside 0..10"},
           {"--treatment clinic-iastm" + ok + " --date 2026-11-24", "--date: date 2026-11-24 is in the future"},
           {"--treatment clinic-iastm --region upper-trapezius:left --minutes 0", "0 is outside 1..240"},
       }) {
    const Outcome r = box.run("practice treat 1 --as pat " + args);
    EXPECT_EQ(r.code, 2) << args << ": " << r.err;
    EXPECT_NE(r.err.find(words), std::string::npos) << args << ": " << r.err;
  }
  const Outcome unlinked = box.run("practice treat 1 --as quinn --treatment clinic-iastm" + ok);
  EXPECT_EQ(unlinked.code, 2) << unlinked.err;
  EXPECT_NE(unlinked.err.find("no client 1"), std::string::npos) << unlinked.err;
  const Outcome person = box.run("practice treat 1 --as dana --treatment clinic-iastm" + ok);
  EXPECT_EQ(person.code, 5) << person.err;
  EXPECT_EQ(export_text(box), before);
  EXPECT_NE(box.run("access-log").out.find("No one but you"), std::string::npos);
}
