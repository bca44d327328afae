// Issue 10, point 3 in the terminal: `fascia practice assign` gives a linked
// client a home program from a file; the person's plan follows it and
// `fascia program` says who assigned it and what changed; a program above a
// home cap is refused naming the cap and its source, with nothing stored;
// `practice cards` prints the handout; `program end` gives the person their
// own plan back.
#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "integration/cli_people.hpp"

using cli_test::Outcome;
using cli_test::Sandbox;
using cli_test::set_up_desk_worker;
using nlohmann::json;

namespace {

json neck_program(int pressure) {
  return {{"start", "2026-11-23"},
          {"weeks", 6},
          {"review", "2026-12-21"},
          {"weekdays", {0, 2, 4}},
          {"items",
           {{{"protocol", "neck-trap-iastm"},
             {"target", {{"region", "upper-trapezius"}, {"side", "both"}}},
             {"max_pressure", pressure},
             {"cue", "shoulders down"}}}},
          {"clinic_only", {{{"region", "suboccipitals"}, {"side", "both"}}}}};
}

void link_to_pat(const Sandbox& box) {
  ASSERT_EQ(box.run("clinic add 'North Physio'").code, 0);
  ASSERT_EQ(box.run("user add pat --role practitioner --clinic 1 --password-stdin", "pat-password-1\n").code, 0);
  ASSERT_EQ(box.run("user add quinn --role practitioner --clinic 1 --password-stdin", "quinn-password-1\n").code, 0);
  const Outcome invite = box.run("--json practice invite --as pat");
  ASSERT_EQ(invite.code, 0) << invite.err;
  ASSERT_EQ(box.run("link accept " + json::parse(invite.out)["code"].get<std::string>() + " --share none").code, 0);
}

}  // namespace

// From a new-user trial: the printed program lacked the spacing rules, the
// week and the pressure cap a bruise had lowered, which the plan enforces.
// The person's own printout reads their journal; the practitioner's never does.
TEST(CliProgram, ThePrintedProgramCarriesTheSpacingTheWeekAndAPressureCapABruiseLowered) {
  Sandbox box;
  set_up_desk_worker(box);
  ASSERT_EQ(box.run("session --script -",
                    "done\ndone 18 6\ndone 18 6\nskip\nskip\ndone\ndone\ndone\ndone\ndone\ndone\ndone\n")
                .code,
            0);
  ASSERT_EQ(box.run("log reaction upper-trapezius --bruising --soreness 3", "", "2026-11-24").code, 0);
  link_to_pat(box);
  cli_test::write_file(box.path("neck.json"), neck_program(4).dump());
  ASSERT_EQ(box.run("practice assign 1 --as pat --file " + box.path("neck.json").string()).code, 0);

  const Outcome own = box.run("program cards 1", "", "2026-11-25");
  ASSERT_EQ(own.code, 0) << own.err;
  EXPECT_NE(own.out.find("Each week:\n  Monday: "), std::string::npos) << own.out;
  EXPECT_NE(own.out.find("\n  Wednesday: "), std::string::npos) << own.out;
  EXPECT_NE(own.out.find("Safety:\n  - Leave at least 48 h between instrument sessions on the same area."),
            std::string::npos)
      << own.out;
  EXPECT_NE(own.out.find("At most 3 instrument sessions on an area in any 7 days"), std::string::npos) << own.out;
  EXPECT_NE(own.out.find("Top of the shoulder (upper trapezius): pressure capped at"), std::string::npos) << own.out;
  const json own_json = json::parse(box.run("--json program cards 1", "", "2026-11-25").out);
  ASSERT_EQ(own_json["safety"]["lowered"].size(), 1u) << own_json["safety"].dump();
  EXPECT_EQ(own_json["safety"]["lowered"][0]["rule"], "bruise-pressure-step");

  const Outcome pats = box.run("practice cards 1 1 --as pat", "", "2026-11-25");
  ASSERT_EQ(pats.code, 0) << pats.err;
  EXPECT_NE(pats.out.find("Leave at least 48 h between instrument sessions"), std::string::npos) << pats.out;
  EXPECT_EQ(pats.out.find("pressure capped at"), std::string::npos) << "pat's printout never reads the journal";
}

// The example in `practice assign --help` is a program the rules accept:
// the help cannot drift from what the command takes.
TEST(CliProgram, TheAssignHelpShowsAFileThatAssigns) {
  Sandbox box;
  set_up_desk_worker(box);
  link_to_pat(box);
  const Outcome help = box.run("practice assign --help");
  ASSERT_EQ(help.code, 0) << help.err;
  const auto from = help.out.find("The file (JSON), e.g.:\n");
  ASSERT_NE(from, std::string::npos) << help.out;
  const auto open = help.out.find('{', from);
  const auto close = help.out.find("}\nweekdays: 0 = Monday .. 6 = Sunday.", open);
  ASSERT_NE(close, std::string::npos) << help.out;
  cli_test::write_file(box.path("example.json"), help.out.substr(open, close + 1 - open));
  const Outcome assigned = box.run("practice assign 1 --as pat --file " + box.path("example.json").string());
  EXPECT_EQ(assigned.code, 0) << assigned.err;
}

TEST(CliProgram, ANewAssignmentSaysWhichProgramItReplaces) {
  Sandbox box;
  set_up_desk_worker(box);
  link_to_pat(box);
  cli_test::write_file(box.path("neck.json"), neck_program(4).dump());
  ASSERT_EQ(box.run("practice assign 1 --as pat --file " + box.path("neck.json").string()).code, 0);
  const Outcome second = box.run("practice assign 1 --as pat --file " + box.path("neck.json").string());
  ASSERT_EQ(second.code, 0) << second.err;
  EXPECT_NE(second.out.find("Assigned home program 2"), std::string::npos) << second.out;
  EXPECT_NE(second.out.find("It replaces home program 1 (assigned by pat on "), std::string::npos) << second.out;
  EXPECT_NE(second.out.find("no longer in force"), std::string::npos) << second.out;
  // A change to the program in force replaces nothing.
  cli_test::write_file(box.path("lower.json"), neck_program(3).dump());
  const Outcome change = box.run("practice assign 1 --as pat --program 2 --file " + box.path("lower.json").string());
  ASSERT_EQ(change.code, 0) << change.err;
  EXPECT_EQ(change.out.find("replaces"), std::string::npos) << change.out;
  EXPECT_NE(change.out.find("Their plan follows it from now on"), std::string::npos) << change.out;
  // A change to the replaced one is kept, and never said to be followed.
  const Outcome old = box.run("practice assign 1 --as pat --program 1 --file " + box.path("lower.json").string());
  ASSERT_EQ(old.code, 0) << old.err;
  EXPECT_NE(old.out.find("It is not in force: a program assigned after it replaced it"), std::string::npos) << old.out;
  EXPECT_EQ(old.out.find("Their plan follows it"), std::string::npos) << old.out;
  // Both listings say which program is followed, and that the other is not.
  for (const std::string command : {"program", "practice programs 1 --as pat"}) {
    const Outcome list = box.run(command);
    ASSERT_EQ(list.code, 0) << command << ": " << list.err;
    const auto heading = [&](const std::string& start) {
      const auto at = list.out.find(start);
      return at == std::string::npos ? std::string() : list.out.substr(at, list.out.find('\n', at) - at);
    };
    EXPECT_TRUE(heading("Home program 1 ").ends_with(" — not in force: a newer program is followed instead"))
        << command << ": " << list.out;
    EXPECT_TRUE(heading("Home program 2 ").ends_with(" — in force")) << command << ": " << list.out;
  }
  // Ending the replaced one changes no plan, and says so.
  const Outcome ended = box.run("practice end-program 1 1 --as pat");
  ASSERT_EQ(ended.code, 0) << ended.err;
  EXPECT_NE(ended.out.find("It was not in force (a newer program replaced it), so client 1's plan does not change."),
            std::string::npos)
      << ended.out;
  EXPECT_EQ(ended.out.find("own again"), std::string::npos) << ended.out;
  // A change keeps its start or moves it to today or later, never earlier.
  json earlier = neck_program(3);
  earlier["start"] = "2026-11-16";
  cli_test::write_file(box.path("earlier.json"), earlier.dump());
  const Outcome moved = box.run("practice assign 1 --as pat --program 2 --file " + box.path("earlier.json").string());
  EXPECT_EQ(moved.code, 2) << moved.out;
  EXPECT_NE(moved.err.find("start: 2026-11-16 has passed; a change keeps the start (2026-11-23)"), std::string::npos)
      << moved.err;
}

TEST(CliProgram, APractitionerAssignsAProgramThePlanFollowsAndThePersonSeesWhoAndWhatChanged) {
  Sandbox box;
  set_up_desk_worker(box);
  link_to_pat(box);
  cli_test::write_file(box.path("too-hard.json"), neck_program(8).dump());
  const Outcome refused = box.run("practice assign 1 --as pat --file " + box.path("too-hard.json").string());
  EXPECT_EQ(refused.code, 2) << refused.err;
  EXPECT_NE(refused.err.find("items[0].max_pressure"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("seed-000"), std::string::npos) << refused.err;
  EXPECT_EQ(box.run("access-log").out.find("home program"), std::string::npos) << "a refusal logs nothing";

  cli_test::write_file(box.path("neck.json"), neck_program(4).dump());
  const Outcome unlinked = box.run("practice assign 1 --as quinn --file " + box.path("neck.json").string());
  EXPECT_NE(unlinked.code, 0);
  const Outcome assigned = box.run("practice assign 1 --as pat --file " + box.path("neck.json").string());
  ASSERT_EQ(assigned.code, 0) << assigned.err;
  EXPECT_NE(assigned.out.find("Assigned home program 1 (version 1)"), std::string::npos) << assigned.out;
  EXPECT_EQ(assigned.out.find("replaces"), std::string::npos) << "nothing to replace: " << assigned.out;

  const json plan = json::parse(box.run("--json plan").out);
  EXPECT_EQ(plan["assigned_by"], "pat");
  for (const auto& d : plan["days"])
    for (const auto& s : d["sessions"])
      for (const auto& step : s["steps"]) {
        EXPECT_NE(step["region"], "suboccipitals");
        if (!step["pressure"].is_null()) {
          EXPECT_LE(step["pressure"][1].get<int>(), 4);
        }
      }

  {  // The same change to several steps (the lowering applies to each) is said once, in JSON and text.
    std::map<std::string, int> in_json;
    for (const auto& note : plan["notes"]) ++in_json[note["text"].get<std::string>()];
    const std::string text = box.run("plan").out;
    EXPECT_NE(text.find("This plan follows the home program pat (North Physio) assigned on"), std::string::npos)
        << text;
    EXPECT_EQ(text.find("(week 4)"), std::string::npos) << "the program set its own review: " << text;
    EXPECT_FALSE(in_json.empty());
    for (const auto& [words, n] : in_json) {
      EXPECT_EQ(n, 1) << "said once in the plan's notes: " << words;
      std::size_t said = 0;
      for (auto at = text.find(words); at != std::string::npos; at = text.find(words, at + 1)) ++said;
      EXPECT_EQ(said, 1u) << words;
    }
  }

  cli_test::write_file(box.path("lower.json"), neck_program(3).dump());
  ASSERT_EQ(box.run("practice assign 1 --as pat --program 1 --file " + box.path("lower.json").string()).code, 0);
  const Outcome mine = box.run("program");
  ASSERT_EQ(mine.code, 0) << mine.err;
  EXPECT_NE(mine.out.find("assigned by pat, North Physio"), std::string::npos) << mine.out;
  EXPECT_NE(mine.out.find("4/10 -> 3/10"), std::string::npos) << mine.out;
  // The neck protocol works more than the region pat named; the suboccipitals are kept for the clinic.
  const auto also = mine.out.find("    also works: ");
  ASSERT_NE(also, std::string::npos) << mine.out;
  const std::string also_line = mine.out.substr(also, mine.out.find('\n', also) - also);
  EXPECT_NE(also_line.find("top of the shoulder blade"), std::string::npos) << also_line;
  EXPECT_EQ(also_line.find("Base of the skull"), std::string::npos) << also_line;
  const json mine_json = json::parse(box.run("--json program").out);  // the API's shape (GET /api/v1/programs)
  EXPECT_EQ(mine_json["hold"]["held"], false);
  EXPECT_EQ(mine_json["programs"][0]["versions"].size(), 2u);
  EXPECT_EQ(mine_json["programs"][0]["versions"][1]["changes"].size(), 1u);

  const Outcome cards = box.run("practice cards 1 1 --as pat");
  ASSERT_EQ(cards.code, 0) << cards.err;
  EXPECT_NE(cards.out.find("cue: pat: shoulders down"), std::string::npos) << cards.out;
  EXPECT_EQ(cards.out.rfind("Home program for client 1\n", 0), 0u) << "pat's printout names the client: " << cards.out;
  EXPECT_NE(cards.out.find("    also works: "), std::string::npos) << cards.out;
  EXPECT_NE(cards.out.find("Stop at once on:"), std::string::npos) << cards.out;
  {  // The cues sit under the steps, pat's once per session (it is for every step of it).
    std::istringstream lines(cards.out);
    std::string line, step;  // the last step line seen
    int sessions = 0, cues = 0;
    while (std::getline(lines, line)) {
      if (line.rfind("    1. ", 0) == 0) ++sessions;
      if (line.size() > 6 && line.rfind("    ", 0) == 0 && std::isdigit(static_cast<unsigned char>(line[4])))
        step = line;
      if (line.find("cue: pat:") != std::string::npos) {
        ++cues;
        EXPECT_EQ(step.rfind("    1. ", 0), 0u) << "under the session's first step, not: " << step;
      }
    }
    EXPECT_GT(sessions, 0) << cards.out;
    EXPECT_EQ(cues, sessions) << cards.out;
  }
  const Outcome log = box.run("access-log");
  EXPECT_NE(log.out.find("assigned a home program"), std::string::npos) << log.out;
  EXPECT_NE(log.out.find("changed home program 1"), std::string::npos) << log.out;

  const Outcome stopped = box.run("program end 1");
  ASSERT_EQ(stopped.code, 0) << stopped.err;
  EXPECT_NE(stopped.out.find("You stopped following home program 1; your plan is your own again"), std::string::npos)
      << stopped.out;
  EXPECT_EQ(json::parse(box.run("--json plan").out)["assigned_by"], "");
  EXPECT_NE(box.run("program end 1").code, 0) << "already ended";
  EXPECT_NE(box.run("export").out.find("\"programs\""), std::string::npos);
}

namespace {
// The edge names of every step in a plan's JSON (days or templates).
std::set<std::string> edges_in(const json& plan) {
  std::set<std::string> out;
  for (const char* key : {"days", "templates"}) {
    if (!plan.contains(key)) continue;
    for (const auto& entry : plan[key]) {
      const json& sessions = entry.contains("sessions") ? entry["sessions"] : json::array({entry});
      for (const auto& s : sessions)
        for (const auto& step : s["steps"])
          if (!step["edge_name"].get<std::string>().empty()) out.insert(step["edge_name"].get<std::string>());
    }
  }
  return out;
}
}  // namespace

// Before the person has set up, the program is assigned but not followed
// yet, and both readers are told. The printed cards name the edge the
// person's own kit offers, as their plan does: a starter kit has no bevelled edge, so neither the plan nor the
// handout asks for one. Before the person has saved their tools, the cards
// assume every tool and say so.
TEST(CliProgram, TheHandoutNamesTheEdgeThePersonsOwnKitOffers) {
  Sandbox box;
  link_to_pat(box);
  cli_test::write_file(box.path("neck.json"), neck_program(4).dump());
  const Outcome assigned = box.run("practice assign 1 --as pat --file " + box.path("neck.json").string());
  ASSERT_EQ(assigned.code, 0) << assigned.err;
  EXPECT_NE(assigned.out.find("follows this program once they have"), std::string::npos) << assigned.out;
  EXPECT_EQ(assigned.out.find("from now on"), std::string::npos) << assigned.out;
  const Outcome before = box.run("practice cards 1 1 --as pat");
  ASSERT_EQ(before.code, 0) << before.err;
  EXPECT_NE(before.out.find("These cards assume every tool"), std::string::npos) << before.out;
  // No profile and no safety answers yet: no plan follows the program, and both readers are told so.
  for (const std::string& command : {std::string("practice programs 1 --as pat"), std::string("program")}) {
    const Outcome list = box.run(command);
    ASSERT_EQ(list.code, 0) << command << ": " << list.err;
    EXPECT_EQ(list.out.find(" — in force\n"), std::string::npos) << command << ": " << list.out;
    EXPECT_NE(list.out.find("NOT FOLLOWED YET: "), std::string::npos) << command << ": " << list.out;
    EXPECT_NE(list.out.find("safety questions"), std::string::npos) << list.out;
  }
  EXPECT_EQ(json::parse(box.run("--json program").out)["hold"]["awaiting_setup"], true);

  set_up_desk_worker(box);  // a starter kit
  for (const std::string& command : {std::string("practice programs 1 --as pat"), std::string("program")}) {
    const Outcome list = box.run(command);
    EXPECT_NE(list.out.find(" — in force\n"), std::string::npos) << command << ": " << list.out;
    EXPECT_EQ(list.out.find("NOT FOLLOWED YET"), std::string::npos) << command << ": " << list.out;
  }
  const std::set<std::string> planned = edges_in(json::parse(box.run("--json plan").out));
  ASSERT_FALSE(planned.empty());
  EXPECT_EQ(planned.count("Bevelled edge"), 0u) << "the starter kit has none";
  for (const std::string& command : {std::string("practice cards 1 1 --as pat"), std::string("program cards 1")}) {
    const Outcome cards = box.run("--json " + command);
    ASSERT_EQ(cards.code, 0) << command << ": " << cards.err;
    EXPECT_EQ(edges_in(json::parse(cards.out)["cards"]), planned) << command;
    const Outcome text = box.run(command);
    EXPECT_EQ(text.out.find(", Bevelled edge,"), std::string::npos) << "no step asks for it: " << text.out;
    EXPECT_EQ(text.out.find("These cards assume every tool"), std::string::npos) << text.out;
  }
}
