// One test per file in tests/golden/scenarios/: a person described in plain
// YAML, run against the real knowledge base in data/, checked against what
// the file expects. A failing scenario prints the whole outcome in the same
// vocabulary, so a reviewer can see what fascia concluded instead.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <optional>

#include "fascia/adapters/kb_paths.hpp"
#include "fascia/adapters/yaml_knowledge_source.hpp"
#include "golden/scenario.hpp"

namespace {

namespace fs = std::filesystem;
using fascia::core::KnowledgeBase;

const fs::path kScenarioDir = fs::path(FASCIA_GOLDEN_DIR) / "scenarios";

// The real knowledge base, loaded once; nullopt with the problems printed when it does not load.
const std::optional<KnowledgeBase>& real_kb() {
  static const std::optional<KnowledgeBase> kb = []() -> std::optional<KnowledgeBase> {
    auto loaded = fascia::adapters::YamlKnowledgeSource(fascia::adapters::default_data_dir()).load();
    if (loaded) return std::move(*loaded);
    for (const auto& problem : loaded.error()) ADD_FAILURE() << problem;
    return std::nullopt;
  }();
  return kb;
}

std::vector<fs::path> scenario_files() {
  std::vector<fs::path> files;
  if (!fs::is_directory(kScenarioDir)) return files;
  for (const auto& entry : fs::directory_iterator(kScenarioDir))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// gtest names allow letters, digits and underscores only.
std::string test_name(const fs::path& file) {
  std::string name = file.stem().string();
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

class GoldenScenario : public ::testing::TestWithParam<fs::path> {};

}  // namespace

TEST_P(GoldenScenario, HoldsOnTheRealKnowledgeBase) {
  const auto& kb = real_kb();
  ASSERT_TRUE(kb) << "the knowledge base in data/ does not load";
  auto scenario = golden::read_scenario(GetParam(), *kb);
  ASSERT_TRUE(scenario) << scenario.error().message;
  RecordProperty("scenario", scenario->name);

  const golden::Outcome outcome = golden::run_scenario(*kb, *scenario);
  const std::vector<std::string> failures = golden::check_scenario(*scenario, outcome);
  if (!scenario->known_bug.empty()) {
    if (!failures.empty()) GTEST_SKIP() << "known bug: " << scenario->known_bug;
    FAIL() << "this scenario passes now: the known bug looks fixed, remove its known_bug note\n"
           << scenario->known_bug;
  }
  if (failures.empty()) return;
  std::string report;
  for (const auto& f : failures) report += "  - " + f + "\n";
  ADD_FAILURE() << GetParam().filename().string() << ": " << scenario->name << "\n"
                << report << golden::describe(*kb, scenario->profile, outcome);
}

INSTANTIATE_TEST_SUITE_P(Scenarios, GoldenScenario, ::testing::ValuesIn(scenario_files()),
                         [](const ::testing::TestParamInfo<fs::path>& file) { return test_name(file.param); });

TEST(GoldenScenarios, CoverAtLeastFourteenPeople) { EXPECT_GE(scenario_files().size(), 14u) << kScenarioDir; }

// Writes `text` to a scratch file and reads it as a scenario; the error message, or "" when it reads.
std::string read_error(const std::string& text) {
  const fs::path dir = fs::temp_directory_path() / ("fascia-golden-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path file = dir / "typo.yaml";
  std::ofstream(file) << text;
  auto scenario = golden::read_scenario(file, *real_kb());
  fs::remove_all(dir);
  return scenario ? "" : scenario.error().message;
}

const char* const kHead =
    "name: a typo in an expectation\n"
    "today: 2026-11-23\n"
    "profile: {regions: [calves:both:4], tools: [rolling-kit], days: [mon], start: 2026-11-23}\n";

TEST(GoldenScenarios, RejectAnUnknownKeySoATypoCannotPassSilently) {
  ASSERT_TRUE(real_kb());
  EXPECT_EQ(read_error(std::string(kHead) + "expect: {clearance: cleared}\n"), "");
  const std::string error = read_error(std::string(kHead) + "expect:\n  clearence: cleared\n");
  EXPECT_NE(error.find("typo.yaml:5: unknown key 'clearence' in expect"), std::string::npos) << error;
}

TEST(GoldenScenarios, RejectARepeatedKeySoASecondExpectationCannotHideTheFirst) {
  ASSERT_TRUE(real_kb());
  const std::string error =
      read_error(std::string(kHead) + "expect:\n  clearance: cleared\n  clearance: urgent\n");
  EXPECT_NE(error.find("typo.yaml:6: duplicate key 'clearance'"), std::string::npos) << error;
}
