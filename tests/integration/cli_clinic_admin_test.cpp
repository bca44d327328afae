// Issue 10, points 1 and 2 in the terminal: a clinic administrator
// deactivates and reactivates a practitioner (fascia clinic practitioners),
// a deactivated account's --as is refused in one line naming it, and a
// practitioner lists and cancels their invitations (fascia practice
// invitations) — each refusal with a clear error and a non-zero exit.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_harness.hpp"
#include "cli_people.hpp"

using cli_test::Sandbox;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// North Physio (1) with administrator ada and practitioner pat; South (2)
// with practitioner sam; the terminal's person "me", linked to pat through
// pat's first invitation. The code of a second, open invitation of pat's.
std::string set_up(const Sandbox& box) {
  EXPECT_EQ(box.run("clinic add 'North Physio'").code, 0);
  EXPECT_EQ(box.run("clinic add 'South Clinic'").code, 0);
  EXPECT_EQ(box.run("user add me --password-stdin", "me-password-1\n").code, 0);
  EXPECT_EQ(box.run("user add ada --role admin --clinic 1 --password-stdin", "ada-password-1\n").code, 0);
  EXPECT_EQ(box.run("user add pat --role practitioner --clinic 1 --password-stdin", "pat-password-1\n").code, 0);
  EXPECT_EQ(box.run("user add sam --role practitioner --clinic 2 --password-stdin", "sam-password-1\n").code, 0);
  cli_test::set_up_desk_worker(box);
  const auto first = box.run("--json practice invite --as pat");
  EXPECT_EQ(first.code, 0) << first.err;
  const auto accepted =
      box.run("link accept " + nlohmann::json::parse(first.out)["code"].get<std::string>() + " --share journal");
  EXPECT_EQ(accepted.code, 0) << accepted.err;
  const auto second = box.run("--json practice invite --as pat");
  EXPECT_EQ(second.code, 0) << second.err;
  return nlohmann::json::parse(second.out)["code"].get<std::string>();
}

}  // namespace

TEST(CliClinicAdmin, ADeactivatedPractitionerIsRefusedInOneLineAndTheirClientSeesIt) {
  Sandbox box;
  const std::string open_code = set_up(box);
  const auto done = box.run("clinic practitioners deactivate pat --as ada");
  ASSERT_EQ(done.code, 0) << done.err;
  EXPECT_TRUE(contains(done.out, "Practitioner 'pat' deactivated")) << done.out;

  for (const std::string args : {"practice show 1 --as pat --area journal", "practice clients --as pat",
                                 "practice invite --as pat", "practice invitations --as pat"}) {
    const auto r = box.run(args);
    EXPECT_EQ(r.code, 5) << args;
    EXPECT_EQ(r.err,
              "fascia: error: account 'pat' is deactivated: it cannot act until its clinic's administrator "
              "reactivates it\n")
        << args;
  }
  const auto cancelled = box.run("link accept " + open_code + " --share journal");
  EXPECT_EQ(cancelled.code, 5);
  EXPECT_TRUE(contains(cancelled.err, "cancelled by the practitioner")) << cancelled.err;

  EXPECT_TRUE(contains(box.run("link list").out, "with pat (no longer active at the clinic) of North Physio"))
      << box.run("link list").out;
  const auto links = nlohmann::json::parse(box.run("--json link list").out);
  EXPECT_EQ(links[0]["practitioner"]["active"], false);
  EXPECT_EQ(links[0]["live"], true) << "the link is kept";
  const auto members = nlohmann::json::parse(box.run("--json clinic practitioners --as ada").out);
  ASSERT_EQ(members.size(), 2u);
  EXPECT_EQ(members[1]["name"], "pat");
  EXPECT_EQ(members[1]["active"], false);
  EXPECT_TRUE(members[1]["deactivated"].is_string());
  EXPECT_TRUE(contains(box.run("user list").out, "practitioner of clinic 1, deactivated ")) << box.run("user list").out;

  const auto back = box.run("clinic practitioners reactivate pat --as ada");
  ASSERT_EQ(back.code, 0) << back.err;
  EXPECT_TRUE(contains(back.out, "reactivated")) << back.out;
  const auto reads = box.run("practice show 1 --as pat --area journal");
  EXPECT_EQ(reads.code, 0) << reads.err;
  EXPECT_TRUE(contains(box.run("clinic practitioners --as ada").out, "pat  (person 3, practitioner, active)"))
      << box.run("clinic practitioners --as ada").out;
}

TEST(CliClinicAdmin, OnlyTheClinicsAdministratorChangesOnlyItsPractitioners) {
  Sandbox box;
  set_up(box);
  const auto accounts_before = box.run("--json user list").out;
  struct Case {
    std::string args, says;
    int code;
  };
  for (const Case& c : std::vector<Case>{
           {"clinic practitioners deactivate pat --as pat", "only a clinic administrator", 5},
           {"clinic practitioners deactivate pat --as me", "'me' is a person", 5},
           {"clinic practitioners deactivate sam --as ada", "no practitioner named 'sam' in ada's clinic", 2},
           {"clinic practitioners deactivate me --as ada", "no practitioner named 'me' in ada's clinic", 2},
           {"clinic practitioners deactivate ada --as ada", "their own account", 5},
           {"practice invite --as ada", "'ada' is an administrator", 5},
           {"clinic practitioners deactivate nobody --as ada", "no account named 'nobody'", 2},
           {"clinic practitioners reactivate pat --as ada", "'pat' is already active", 5},
           {"clinic practitioners deactivate pat --as nobody", "no account named 'nobody'", 2},
           {"clinic practitioners deactivate pat", "--as", 2},
           {"clinic practitioners", "--as", 2},
       }) {
    const auto r = box.run(c.args);
    EXPECT_EQ(r.code, c.code) << c.args << ": " << r.err;
    EXPECT_TRUE(contains(r.err, c.says)) << c.args << ": " << r.err;
  }
  EXPECT_EQ(box.run("--json user list").out, accounts_before);
  // Roles in words for people: "administrator", as the README and the web app say, not clinic_admin.
  for (const std::string& command : {std::string("user list"), std::string("clinic practitioners --as ada")}) {
    const auto listed = box.run(command);
    EXPECT_TRUE(contains(listed.out, "administrator")) << command << ": " << listed.out;
    EXPECT_FALSE(contains(listed.out, "clinic_admin")) << command << ": " << listed.out;
  }
}

TEST(CliClinicAdmin, APractitionerListsTheirInvitationsAndCancelsAnOpenOne) {
  Sandbox box;
  const std::string open_code = set_up(box);
  const auto listed = nlohmann::json::parse(box.run("--json practice invitations --as pat").out);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0]["state"], "open");
  EXPECT_EQ(listed[1]["state"], "used");
  EXPECT_EQ(listed[1]["accepted_by"]["name"], "me");
  EXPECT_FALSE(listed[0].contains("code")) << "only the code's hash is kept";
  const std::string open_id = std::to_string(listed[0]["id"].get<int>());
  const std::string used_id = std::to_string(listed[1]["id"].get<int>());

  const auto others = box.run("practice invitations cancel " + open_id + " --as sam");
  EXPECT_EQ(others.code, 2);
  EXPECT_TRUE(contains(others.err, "no invitation " + open_id + " of yours")) << others.err;
  const auto used = box.run("practice invitations cancel " + used_id + " --as pat");
  EXPECT_EQ(used.code, 5);
  EXPECT_TRUE(contains(used.err, "already used")) << used.err;

  const auto cancelled = box.run("practice invitations cancel " + open_id + " --as pat");
  ASSERT_EQ(cancelled.code, 0) << cancelled.err;
  EXPECT_EQ(cancelled.out, "Invitation " + open_id + " cancelled: its code is refused from now on.\n");
  const auto again = box.run("practice invitations cancel " + open_id + " --as pat");
  EXPECT_EQ(again.code, 5);
  EXPECT_TRUE(contains(again.err, "already cancelled")) << again.err;
  const auto text = box.run("practice invitations --as pat").out;
  EXPECT_TRUE(contains(text, "invitation " + open_id + "  cancelled  made ")) << text;
  EXPECT_TRUE(contains(text, "invitation " + used_id + "  used  made ")) << text;
  EXPECT_TRUE(contains(text, " by me (person 1)")) << text;

  EXPECT_EQ(box.run("user add ben --password-stdin", "ben-password-1\n").code, 0);
  const auto refused = box.run("link accept " + open_code + " --share journal --as ben");
  EXPECT_EQ(refused.code, 5);
  EXPECT_EQ(refused.err,
            "fascia: error: this invitation was cancelled by the practitioner who made it; ask them for a new one\n");
  EXPECT_EQ(box.run("--json link list --as ben").out, "[]\n");
  const auto person = box.run("practice invitations --as me");
  EXPECT_EQ(person.code, 5);
  EXPECT_TRUE(contains(person.err, "only a practitioner has invitations")) << person.err;
}
