// The practitioner finder from the terminal (issue 11): a practitioner's
// listing is opt-in, an import with a bad line changes nothing, a search
// near a real place ranks by need and says why, and ambiguous or misspelt
// places are answered with choices and suggestions.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "integration/cli_harness.hpp"
#include "integration/cli_people.hpp"

namespace {

using cli_test::Sandbox;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string example_directory() { return std::string(FASCIA_SOURCE_DIR) + "/docs/examples/directory.csv"; }

std::vector<std::string> names(const nlohmann::json& result) {
  std::vector<std::string> out;
  for (const auto& r : result["results"]) out.push_back(r["listing"]["name"]);
  return out;
}

void practitioner(const Sandbox& box) {
  ASSERT_EQ(box.run("clinic add 'Bayside Physio'").code, 0);
  ASSERT_EQ(box.run("user add dana --role practitioner --clinic 1 --password-stdin", "dana-password-1\n").code, 0);
}

TEST(CliFinder, APractitionersListingAppearsOnlyOnceTheyPublishIt) {
  Sandbox box;
  practitioner(box);
  const auto set = box.run(
      "practice listing set --as dana --name 'Dana Lee, PT' --modality clinic-iastm --modality physiotherapy "
      "--area scalenes --place 'Walnut Creek, CA, US' --contact '925 555 0100'");
  ASSERT_EQ(set.code, 0) << set.err;
  EXPECT_TRUE(contains(set.out, "Saved, not published")) << set.out;
  const auto hidden = nlohmann::json::parse(box.run("--json find --near 'Walnut Creek'").out);
  EXPECT_TRUE(hidden["results"].empty());
  ASSERT_EQ(box.run("practice listing publish --as dana").code, 0);
  const auto shown = nlohmann::json::parse(box.run("--json find --near 'Walnut Creek' --need scalenes").out);
  EXPECT_EQ(names(shown), std::vector<std::string>{"Dana Lee, PT"});
  EXPECT_EQ(shown["results"][0]["why"][0], "Treats side of the neck, deep (scalenes)");
  // Only what was published is shown: no account, no publication flag, no date.
  EXPECT_FALSE(shown["results"][0]["listing"].contains("account_id"));
  EXPECT_FALSE(shown["results"][0]["listing"].contains("published"));
  ASSERT_EQ(box.run("practice listing unpublish --as dana").code, 0);
  EXPECT_TRUE(nlohmann::json::parse(box.run("--json find --near 'Walnut Creek'").out)["results"].empty());
}

TEST(CliFinder, AListingWithProblemsNamesEachOptionAndSavesNothing) {
  Sandbox box;
  practitioner(box);
  const auto refused = box.run("practice listing set --as dana --name Dana --modality reiki --place Springfield");
  EXPECT_EQ(refused.code, 2);
  EXPECT_TRUE(contains(refused.err, "--modality: no treatment 'reiki' that practitioners give")) << refused.err;
  EXPECT_TRUE(contains(refused.err, "--contact: is required")) << refused.err;
  EXPECT_TRUE(contains(refused.err, "--place: 'Springfield' names several places: Springfield, MO, US;"))
      << refused.err;
  EXPECT_TRUE(contains(box.run("practice listing --as dana").out, "has no listing"));
  const auto person = box.run("user add me --password-stdin", "me-password-1\n");
  ASSERT_EQ(person.code, 0) << person.err;
  const auto not_practitioner = box.run(
      "practice listing set --as me --name Me --modality gua-sha --lat 37.9 "
      "--lon -122 --contact x");
  EXPECT_EQ(not_practitioner.code, 5);  // forbidden, as every refused role
  EXPECT_TRUE(contains(not_practitioner.err, "only a practitioner's account has a listing")) << not_practitioner.err;
}

TEST(CliFinder, AWeekFourReviewInWalnutCreekFindsInstrumentPractitionersNearestFirst) {
  Sandbox box;
  const auto imported = box.run("directory import '" + example_directory() + "' --name east-bay");
  ASSERT_EQ(imported.code, 0) << imported.err;
  EXPECT_TRUE(contains(imported.out, "Imported 6 of 6 listing(s) into the directory 'east-bay'")) << imported.out;
  const auto found = box.run("find --near 'walnut creek' --need instrument-not-improving");
  ASSERT_EQ(found.code, 0) << found.err;
  EXPECT_TRUE(contains(found.out, "Four weeks of home instrument work brought no meaningful change")) << found.out;
  const auto result =
      nlohmann::json::parse(box.run("--json find --near 'walnut creek' --need instrument-not-improving").out);
  // Instrument work in clinic only (gua sha counts as instrument work), taking
  // new clients first, then nearer: the Lafayette bodyworker is full.
  EXPECT_EQ(names(result), (std::vector<std::string>{"Morgan Reyes, DPT", "Lee Tran", "Sam Whitfield"}));
  EXPECT_EQ(result["results"][2]["why"].back(), "Not taking new clients at present");
  EXPECT_EQ(result["place"]["label"], "Walnut Creek, CA, US");
  EXPECT_TRUE(contains(found.out, "GeoNames")) << found.out;
}

TEST(CliFinder, AMedicalCheckListsTheDoctorFirstAndSaysSoPlainly) {
  Sandbox box;
  ASSERT_EQ(box.run("directory import '" + example_directory() + "' --name east-bay").code, 0);
  const auto found = box.run("find --near 'Walnut Creek, CA' --need medical-check --within 30");
  ASSERT_EQ(found.code, 0) << found.err;
  EXPECT_TRUE(contains(found.out, "A medical check comes first.")) << found.out;
  const auto result =
      nlohmann::json::parse(box.run("--json find --near 'Walnut Creek, CA' --need medical-check --within 30").out);
  ASSERT_GE(result["results"].size(), 3u);
  EXPECT_EQ(result["results"][0]["listing"]["name"], "Dr. Priya Natarajan");
  EXPECT_TRUE(result["need"]["medical_first"].get<bool>());
}

TEST(CliFinder, AnImportWithABadLineChangesNothingAndNamesTheLineAndColumn) {
  Sandbox box;
  ASSERT_EQ(box.run("directory import '" + example_directory() + "' --name east-bay").code, 0);
  cli_test::write_file(box.path("bad.csv"),
                       "name,modalities,contact,published,town\n"
                       "Good,gua-sha,1,yes,Oakland\n"
                       "Bad,reiki,1,yes,Walnut Crek\n");
  const auto refused = box.run("directory import '" + box.path("bad.csv").string() + "' --name east-bay");
  EXPECT_EQ(refused.code, 2);
  EXPECT_TRUE(contains(refused.err, "bad.csv, line 3, modalities[0]: no treatment 'reiki'")) << refused.err;
  EXPECT_TRUE(
      contains(refused.err, "bad.csv, line 3, place: no place 'Walnut Crek' (did you mean Walnut Creek, CA, US?)"))
      << refused.err;
  EXPECT_TRUE(contains(refused.err, "nothing was imported")) << refused.err;
  // The earlier directory is untouched.
  const auto result = nlohmann::json::parse(box.run("--json find --near 'Walnut Creek' --within 30").out);
  EXPECT_EQ(result["total"], 5);
  const auto skipped =
      box.run("directory import '" + box.path("bad.csv").string() + "' --name east-bay --skip-bad-lines");
  EXPECT_EQ(skipped.code, 0) << skipped.err;
  EXPECT_TRUE(contains(skipped.out, "Imported 1 of 2 listing(s)")) << skipped.out;
}

TEST(CliFinder, AnAmbiguousOrMisspeltPlaceIsAnsweredWithChoicesOrSuggestions) {
  Sandbox box;
  const auto ambiguous = box.run("find --near Springfield");
  EXPECT_EQ(ambiguous.code, 2);
  EXPECT_TRUE(contains(ambiguous.err, "'Springfield' names several places: Springfield, MO, US;")) << ambiguous.err;
  const auto typo = box.run("find --near 'Philadelfia'");
  EXPECT_EQ(typo.code, 2);
  EXPECT_TRUE(contains(typo.err, "did you mean Philadelphia, PA, US")) << typo.err;
  const auto json = box.run("--json find --near Springfield");
  EXPECT_EQ(nlohmann::json::parse(json.out)["outcome"], "ambiguous");
  EXPECT_EQ(box.run("find --near Oakland --within 0").code, 2);
  EXPECT_TRUE(contains(box.run("find --near Oakland --modality reiki").err, "--modality: no treatment 'reiki'"));
  EXPECT_TRUE(contains(box.run("--as dana find --near Oakland").err, "does not act for a person's account"));
}

// Issue 11, point 3: every "see a practitioner" links to the finder with the right need.
TEST(CliFinder, AScaleneAreaLeftOutOfThePlanSaysWhoTreatsIt) {
  Sandbox box;
  ASSERT_EQ(box.run("profile set --region scalenes:left:5 --region calves:both:4 --tools rolling-kit").code, 0);
  cli_test::write_file(box.path("a.yaml"), cli_test::all_no_answers());
  ASSERT_EQ(box.run("screen --answers '" + box.path("a.yaml").string() + "'").code, 0);
  const auto plan = nlohmann::json::parse(box.run("--json plan").out);
  ASSERT_EQ(plan["excluded"].size(), 1u);
  EXPECT_EQ(plan["excluded"][0]["finder_need"], "scalenes");
  EXPECT_TRUE(contains(box.run("plan").out, "fascia find --near 'YOUR TOWN' --need scalenes"));
}

TEST(CliFinder, DizzinessWithNeckMovementSendsToAMedicalCheckFirst) {
  Sandbox box;
  cli_test::set_up_desk_worker(box, "dizziness-with-neck-movement");
  const auto screening =
      nlohmann::json::parse(box.run("--json screen --answers '" + box.path("answers.yaml").string() + "'").out);
  bool linked = false;
  for (const auto& f : screening["findings"])
    linked =
        linked || (f["rule"] == "practitioner-dizziness-with-neck-movement" && f["finder_need"] == "medical-check");
  EXPECT_TRUE(linked) << screening.dump();
  // The neck it leaves out of the plan says the same.
  const auto plan = nlohmann::json::parse(box.run("--json plan").out);
  ASSERT_FALSE(plan["excluded"].empty()) << plan.dump();
  EXPECT_EQ(plan["excluded"][0]["finder_need"], "medical-check");
}

TEST(CliFinder, AStopForDizzinessSaysWhereToFindSomeone) {
  Sandbox box;
  cli_test::set_up_desk_worker(box);
  const auto session = box.run("session --script -", "done\nstop dizziness\n");
  EXPECT_TRUE(contains(session.out, "--need medical-check")) << session.out;
}

TEST(CliFinder, AWeekFourReviewThatSendsToAPractitionerLinksToInstrumentPractitioners) {
  Sandbox box;
  cli_test::set_up_desk_worker(box);
  ASSERT_EQ(box.run("session --script -", cli_test::kFullNeckSession).code, 0);
  ASSERT_EQ(box.run("log pain upper-trapezius 8", "", "2026-12-21").code, 0);  // worse than the 6 at the start
  const auto progress = nlohmann::json::parse(box.run("--json progress", "", "2026-12-21").out);
  ASSERT_EQ(progress["review"]["see_practitioner"], true) << progress["review"].dump();
  EXPECT_EQ(progress["review"]["finder_need"], "instrument-not-improving");
  EXPECT_TRUE(contains(box.run("progress", "", "2026-12-21").out, "--need instrument-not-improving"));
}

}  // namespace
