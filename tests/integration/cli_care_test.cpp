// Issue 10 in the terminal: clinics, practitioner accounts, an invitation
// accepted with a choice of what to share, a practitioner's logged reads,
// a clearance, revoking, and the access log — with a clear error and a
// non-zero exit for every refusal.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_harness.hpp"
#include "cli_people.hpp"

using cli_test::Sandbox;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A clinic with practitioner pat, and the terminal's person with a profile
// and a screening; the invitation code pat made.
std::string set_up_clinic(const Sandbox& box) {
  EXPECT_EQ(box.run("clinic add 'North Physio'").code, 0);
  EXPECT_EQ(box.run("user add me --password-stdin", "me-password-1\n").code, 0);  // person 1
  const auto pat = box.run("user add pat --role practitioner --clinic 1 --password-stdin", "pat-password-1\n");
  EXPECT_EQ(pat.code, 0) << pat.err;
  EXPECT_TRUE(contains(pat.out, "practitioner of clinic 1")) << pat.out;
  cli_test::set_up_desk_worker(box);
  const auto inv = box.run("--json practice invite --as pat");
  EXPECT_EQ(inv.code, 0) << inv.err;
  return nlohmann::json::parse(inv.out)["code"].get<std::string>();
}

}  // namespace

TEST(CliCare, AClientAcceptsChoosingWhatToShareAndSeesEveryReadInTheAccessLog) {
  Sandbox box;
  const std::string code = set_up_clinic(box);
  // First, whose code it is: named before anything is shared, and nothing changes.
  const auto checked = box.run("link check " + code);
  ASSERT_EQ(checked.code, 0) << checked.err;
  EXPECT_TRUE(contains(checked.out, "This code is from pat of North Physio")) << checked.out;
  EXPECT_TRUE(contains(checked.out, "fascia link accept " + code + " --share")) << checked.out;
  EXPECT_TRUE(contains(box.run("link list").out, "No practitioner is linked to you")) << "checking links nothing";
  // The invitation link as handed over works too, whole or its path, and a link without a code is refused.
  for (const std::string link : {"http://127.0.0.1:8080/sharing?code=" + code, "/sharing?code=" + code}) {
    const auto by_link = box.run("link check '" + link + "'");
    EXPECT_EQ(by_link.code, 0) << link << ": " << by_link.err;
    EXPECT_TRUE(contains(by_link.out, "This code is from pat of North Physio")) << by_link.out;
  }
  const auto no_code = box.run("link check 'http://127.0.0.1:8080/sharing?x=1'");
  EXPECT_EQ(no_code.code, 2);
  EXPECT_TRUE(contains(no_code.err, "invitation link: it holds no code")) << no_code.err;
  const auto unknown = box.run("link check ZZZZ-ZZZZ-ZZZZ");
  EXPECT_EQ(unknown.code, 2) << unknown.err;
  EXPECT_TRUE(contains(unknown.err, "no invitation with that code")) << unknown.err;
  const auto accepted = box.run("link accept " + code + " --share journal");
  ASSERT_EQ(accepted.code, 0) << accepted.err;
  EXPECT_TRUE(contains(accepted.out, "Linked to pat of North Physio")) << accepted.out;
  EXPECT_TRUE(contains(accepted.out, "sharing journal")) << accepted.out;

  EXPECT_EQ(box.run("access-log").out, "No one but you has read or changed your data.\n");
  ASSERT_EQ(box.run("log pain upper-trapezius:left 5").code, 0);
  const auto journal = box.run("--json practice show 1 --as pat --area journal");
  ASSERT_EQ(journal.code, 0) << journal.err;
  EXPECT_EQ(nlohmann::json::parse(journal.out)["journal"]["pain"].size(), 1u) << journal.out;
  // Without --json, text to read: who, what they share, one line per entry.
  const auto readable = box.run("practice show 1 --as pat --area journal");
  ASSERT_EQ(readable.code, 0) << readable.err;
  EXPECT_TRUE(contains(readable.out, "linked to pat of North Physio, shares journal")) << readable.out;
  EXPECT_TRUE(contains(readable.out, "pain      Top of the shoulder (upper trapezius) (left) 5/10")) << readable.out;
  EXPECT_FALSE(contains(readable.out, "{")) << readable.out;

  const auto refused = box.run("practice show 1 --as pat --area sessions");
  EXPECT_NE(refused.code, 0);
  EXPECT_TRUE(contains(refused.err, "does not share their sessions")) << refused.err;

  const auto log = box.run("--json access-log");
  const auto entries = nlohmann::json::parse(log.out);
  ASSERT_EQ(entries.size(), 2u) << log.out;  // the two reads; the refused one is not there
  for (const auto& entry : entries) {
    EXPECT_EQ(entry["who"]["name"], "pat");
    EXPECT_EQ(entry["area"], "journal");
  }
}

TEST(CliCare, ARevokedLinkOpensNothingAndASecondAcceptOfOneCodeIsRefused) {
  Sandbox box;
  const std::string code = set_up_clinic(box);
  ASSERT_EQ(box.run("link accept " + code + " --share journal,sessions,screening").code, 0);
  const auto again = box.run("link accept " + code + " --share none");
  EXPECT_EQ(again.code, 5) << again.err;  // precondition
  EXPECT_TRUE(contains(again.err, "already been used")) << again.err;
  const auto checked = box.run("link check " + code);
  EXPECT_EQ(checked.code, 5) << checked.err;
  EXPECT_TRUE(contains(checked.err, "already been used")) << checked.err;

  ASSERT_EQ(box.run("link revoke 1").code, 0);
  const auto after = box.run("practice show 1 --as pat --area journal");
  EXPECT_EQ(after.code, 2) << after.err;
  EXPECT_TRUE(contains(after.err, "no client 1")) << after.err;
  EXPECT_EQ(box.run("--json practice clients --as pat").out, "{\n  \"clients\": []\n}\n");
  EXPECT_TRUE(contains(box.run("link list").out, "revoked")) << box.run("link list").out;
}

TEST(CliCare, ALinkedPractitionerClearsAWarningSignAndThePersonSeesWho) {
  Sandbox box;
  const std::string code = set_up_clinic(box);
  ASSERT_EQ(box.run("link accept " + code + " --share screening").code, 0);
  const auto cleared = box.run("practice clear 1 --as pat --note 'seen today'");
  ASSERT_EQ(cleared.code, 0) << cleared.err;
  EXPECT_TRUE(contains(cleared.out, "pat, North Physio")) << cleared.out;
  const auto data = nlohmann::json::parse(box.run("export").out);
  const auto& clearances = data["journal"]["clearances"];
  ASSERT_EQ(clearances.size(), 1u) << data.dump();
  EXPECT_EQ(clearances[0]["by"], "pat, North Physio");
  EXPECT_EQ(clearances[0]["by_practitioner"], true) << "signed with pat's own account";
  // One the person types in, even with the same name, is never taken for pat's.
  ASSERT_EQ(box.run("clear --by 'pat, North Physio'").code, 0);
  const auto both = nlohmann::json::parse(box.run("export").out)["journal"]["clearances"];
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[1]["by_practitioner"], false);
  const auto progress = box.run("progress").out;
  EXPECT_TRUE(contains(progress, "by pat, North Physio (signed in fascia by the practitioner)")) << progress;
  EXPECT_TRUE(contains(progress, "by pat, North Physio (entered by the person, not signed by a practitioner)"))
      << progress;
  const auto log = box.run("access-log").out;
  EXPECT_TRUE(contains(log, "recorded a clearance")) << log;
  EXPECT_TRUE(contains(log, "pat (practitioner, North Physio)")) << "who, with their clinic: " << log;
}

TEST(CliCare, RefusalsNameWhatIsWrongAndChangeNothing) {
  Sandbox box;
  const std::string code = set_up_clinic(box);
  struct Case {
    std::string args, input, says;
  };
  for (const Case& c : std::vector<Case>{
           {"user add sam --role practitioner --password-stdin", "sam-password-1\n", "must belong to a clinic"},
           {"user add sam --role practitioner --clinic 9 --password-stdin", "sam-password-1\n", "no clinic 9"},
           {"user add sam --role doctor --clinic 1 --password-stdin", "sam-password-1\n", "--role"},
           {"user add sam --clinic 1 --password-stdin", "sam-password-1\n", "belongs to no clinic"},
           {"clinic add 'North Physio'", "", "already exists"},
           {"clinic add '   '", "", "not only spaces"},
           {"clinic add \"$(printf 'Two\\nLines')\"", "", "one line"},
           {"practice invite --as me", "", "only a practitioner"},
           {"practice invite --as nobody", "", "no account named 'nobody'"},
           {"link accept ABCD --share journal", "", "invitation code"},
           {"link accept " + code + " --share photos", "", "'photos'"},
           {"link accept " + code + " --share journal --as pat", "", "only a person"},
           {"practice show 1 --as me", "", "only a linked practitioner"},
           {"practice show 1 --as pat --area care", "", "--area"},
           {"link revoke 7", "", "link"},
       }) {
    const auto r = box.run(c.args, c.input);
    EXPECT_NE(r.code, 0) << c.args;
    EXPECT_TRUE(contains(r.err, c.says)) << c.args << ": " << r.err;
  }
  EXPECT_EQ(box.run("--json link list").out, "[]\n");
  EXPECT_EQ(box.run("--json access-log").out, "[]\n");
  EXPECT_EQ(box.run("--json clinic list").out.find("Lines"), std::string::npos);
}

TEST(CliCare, AnAdministratorOrPractitionerMadeFirstNeverTakesOverTheTerminalsPerson) {
  Sandbox box;
  ASSERT_EQ(box.run("clinic add 'North Physio'").code, 0);
  const auto admin = box.run("--json user add ada --role admin --clinic 1 --password-stdin", "ada-password-1\n");
  ASSERT_EQ(admin.code, 0) << admin.err;
  EXPECT_EQ(nlohmann::json::parse(admin.out)["person_id"], 2);
  const auto person = box.run("--json user add me --password-stdin", "me-password-1\n");
  EXPECT_EQ(nlohmann::json::parse(person.out)["person_id"], 1);
}

// --today fixes the calendar, and every stamp a record carries falls on it:
// an invitation made "today" expires 7 days on, a link is made today, a read
// is logged today — never on the machine's own date. A bad --today is
// refused before anything is stamped.
TEST(CliCare, StampsFallOnTheDayTheTerminalTreatsAsToday) {
  Sandbox box;
  const std::string code = set_up_clinic(box);  // on 2026-11-23, the harness's today
  const auto invitations = nlohmann::json::parse(box.run("--json practice invitations --as pat").out);
  ASSERT_EQ(invitations.size(), 1u);
  EXPECT_EQ(invitations[0]["created"].get<std::string>().substr(0, 10), "2026-11-23") << invitations;
  EXPECT_EQ(invitations[0]["expires"].get<std::string>().substr(0, 10), "2026-11-30") << invitations;
  ASSERT_EQ(box.run("link accept " + code + " --share journal", "", "2026-11-24").code, 0);
  const auto links = nlohmann::json::parse(box.run("--json link list").out);
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0]["created"].get<std::string>().substr(0, 10), "2026-11-24") << links;
  ASSERT_EQ(box.run("practice show 1 --as pat --area journal", "", "2026-11-26").code, 0);
  const auto log = nlohmann::json::parse(box.run("--json access-log").out);
  ASSERT_EQ(log.size(), 1u) << log;
  EXPECT_EQ(log[0]["at"].get<std::string>().substr(0, 10), "2026-11-26") << log;

  const auto bad = box.run("practice invitations --as pat", "", "2026-02-30");
  EXPECT_EQ(bad.code, 2) << bad.err;
  EXPECT_TRUE(contains(bad.err, "--today")) << bad.err;
}

// Nothing crosses clinics: a clearance pat of Harbour Physio signed shows to
// sam of Hill Clinic only as a practitioner of another clinic's, with its day
// and areas but without pat's name or note; pat and the person see it whole.
TEST(CliCare, AnotherClinicSeesThatAPractitionerClearedAWarningSignButNotWhoOrTheirNote) {
  Sandbox box;
  cli_test::set_up_desk_worker(box);
  ASSERT_EQ(box.run("clinic add 'Harbour Physio'").code, 0);
  ASSERT_EQ(box.run("clinic add 'Hill Clinic'").code, 0);
  ASSERT_EQ(box.run("user add pat --role practitioner --clinic 1 --password-stdin", "pat-password-1\n").code, 0);
  ASSERT_EQ(box.run("user add sam --role practitioner --clinic 2 --password-stdin", "sam-password-1\n").code, 0);
  for (const char* who : {"pat", "sam"}) {
    const auto invite = box.run(std::string("--json practice invite --as ") + who);
    ASSERT_EQ(invite.code, 0) << invite.err;
    const std::string code = nlohmann::json::parse(invite.out)["code"];
    ASSERT_EQ(box.run("link accept " + code + " --share journal,sessions,screening").code, 0);
  }
  ASSERT_EQ(box.run("session --script -", "done\nstop radiating-pain\n").code, 0);
  ASSERT_EQ(box.run("practice clear 1 --as pat --note 'nerve tension tests normal'").code, 0);

  const auto seen_by = [&](const char* who) {
    const auto page = box.run(std::string("--json practice progress 1 --as ") + who);
    EXPECT_EQ(page.code, 0) << page.err;
    return nlohmann::json::parse(page.out)["progress"];
  };
  const auto by_sam = seen_by("sam");
  ASSERT_EQ(by_sam["clearances"].size(), 1u) << by_sam.dump();
  EXPECT_EQ(by_sam["clearances"][0]["by"], "a practitioner of another clinic");
  EXPECT_EQ(by_sam["clearances"][0]["note"], "");
  EXPECT_EQ(by_sam["clearances"][0]["by_practitioner"], true);
  EXPECT_TRUE(by_sam["clearances"][0]["clinic_id"].is_null()) << "not even which clinic";
  ASSERT_FALSE(by_sam["safety_findings"].empty());
  EXPECT_EQ(by_sam["safety_findings"][0]["cleared_by"], "a practitioner of another clinic");
  const auto screening = box.run("practice show 1 --as sam --area screening");
  EXPECT_FALSE(contains(screening.out, "Harbour")) << screening.out;
  EXPECT_FALSE(contains(by_sam.dump(), "Harbour")) << by_sam.dump();
  EXPECT_FALSE(contains(by_sam.dump(), "nerve tension")) << by_sam.dump();

  const auto by_pat = seen_by("pat");
  EXPECT_EQ(by_pat["clearances"][0]["by"], "pat, Harbour Physio");
  EXPECT_EQ(by_pat["clearances"][0]["note"], "nerve tension tests normal");
  EXPECT_EQ(by_pat["clearances"][0]["clinic_id"], 1);
  const auto mine = nlohmann::json::parse(box.run("export").out)["journal"]["clearances"];
  EXPECT_EQ(mine[0]["by"], "pat, Harbour Physio") << "the person sees it whole";
  EXPECT_EQ(mine[0]["clinic_id"], 1);
}
