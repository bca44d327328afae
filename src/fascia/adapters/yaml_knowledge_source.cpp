#include "fascia/adapters/yaml_knowledge_source.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fascia/adapters/kb_readers.hpp"
#include "fascia/adapters/yaml_tree.hpp"

namespace fascia::adapters {

namespace {

using kb::RefKind;

constexpr std::string_view kProtocolsDir = "protocols";

struct DataFile {
  std::string_view path;  // relative to the data directory; kProtocolsDir for each protocol file
  kb::Reader read;
  std::optional<RefKind> defines;  // the kind other files refer to, if any
};

// Reading order: a reader may check against anything read before it
// (regions need questions, protocols need techniques, regions, stop signs and caps).
constexpr std::array<DataFile, 16> kFiles{{
    {"sources.yaml", kb::read_sources, RefKind::source},
    {"techniques.yaml", kb::read_techniques, RefKind::technique},
    {"screening/questions.yaml", kb::read_questions, RefKind::question},
    {"body/chains.yaml", kb::read_chains, RefKind::chain},
    {"body/regions.yaml", kb::read_regions, RefKind::region},
    {"tools/edges.yaml", kb::read_edges, RefKind::edge},
    {"tools/tools.yaml", kb::read_tools, RefKind::tool},
    {"tools/kits.yaml", kb::read_kits, std::nullopt},
    {"safety/stop_signs.yaml", kb::read_stop_signs, RefKind::stop_sign},
    {"safety/caps.yaml", kb::read_caps, std::nullopt},
    {kProtocolsDir, kb::read_protocol, std::nullopt},
    {"screening/rules.yaml", kb::read_rules, std::nullopt},
    {"referral.yaml", kb::read_referral, RefKind::location},
    {"habits.yaml", kb::read_habits, std::nullopt},
    {"treatments.yaml", kb::read_treatments, std::nullopt},
    {"finder.yaml", kb::read_finder_needs, std::nullopt},
}};

// Parses and reads one file; false (after reporting why) when it cannot be parsed.
bool read_file(const std::filesystem::path& data_dir, std::string_view file, kb::Reader read, kb::LoadState& state) {
  auto tree = yaml_tree::parse_file(data_dir / file);
  if (!tree) {
    const yaml_tree::ParseError& error = tree.error();
    std::string message =
        error.kind == yaml_tree::ParseError::Kind::malformed ? "malformed YAML: " + error.message : error.message;
    state.problems.add(file, error.line, std::move(message));
    return false;
  }
  read(*tree, file, state);
  return true;
}

// "protocols/<name>.yaml" for each protocol file, sorted; nullopt when the directory is missing.
std::optional<std::vector<std::string>> protocol_files(const std::filesystem::path& data_dir) {
  std::error_code ec;
  std::filesystem::directory_iterator it(data_dir / kProtocolsDir, ec);
  if (ec) return std::nullopt;
  std::vector<std::string> files;
  for (const auto& entry : it) {
    if (!entry.is_regular_file(ec) || entry.path().extension() != ".yaml") continue;
    files.push_back(std::string(kProtocolsDir) + "/" + entry.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

YamlKnowledgeSource::YamlKnowledgeSource(std::filesystem::path data_dir) : data_dir_(std::move(data_dir)) {}

tl::expected<core::KnowledgeBase, app::KbProblems> YamlKnowledgeSource::load() {
  std::error_code ec;
  if (!std::filesystem::is_directory(data_dir_, ec))
    return tl::make_unexpected(app::KbProblems{data_dir_.string() + ": data directory does not exist"});

  kb::LoadState state;
  // Problems and references keep views of these names until the end of load().
  const auto protocols = protocol_files(data_dir_);
  for (const DataFile& file : kFiles) {
    bool ok = true;
    if (file.path != kProtocolsDir) {
      ok = read_file(data_dir_, file.path, file.read, state);
    } else if (!protocols) {
      state.problems.add(kProtocolsDir, 0, "required directory is missing");
    } else {
      for (const std::string& protocol : *protocols) read_file(data_dir_, protocol, file.read, state);
    }
    if (!ok && file.defines) state.refs.mark_unavailable(*file.defines);
  }
  state.refs.resolve(state.kb, state.problems);
  if (!state.problems.empty()) return tl::make_unexpected(state.problems.sorted_text());
  return std::move(state.kb);
}

}  // namespace fascia::adapters
