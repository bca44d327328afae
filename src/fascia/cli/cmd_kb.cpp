// fascia kb check | list KIND | show KIND ID
#include <fmt/format.h>

#include "fascia/adapters/json_kb_views.hpp"
#include "fascia/adapters/json_views.hpp"
#include "fascia/adapters/yaml_knowledge_source.hpp"
#include "fascia/cli/commands.hpp"

namespace fascia::cli {

void add_kb_commands(CLI::App& app, Context& ctx, Action& action) {
  auto* kb = app.add_subcommand("kb", "check and browse the knowledge base");
  kb->require_subcommand(1);

  auto* check = kb->add_subcommand("check", "validate every file; print file:line: message for each problem");
  check->callback([&ctx, &action] {
    action = [&ctx] {
      adapters::YamlKnowledgeSource source(ctx.data_dir());
      auto loaded = source.load();
      const std::vector<std::string> problems = loaded ? std::vector<std::string>{} : loaded.error();
      if (ctx.json()) {
        ctx.print_json(adapters::problems_json(problems));
      } else if (problems.empty()) {
        ctx.out << fmt::format("knowledge base ok: {} regions, {} protocols, {} screening questions, {} rules\n",
                               loaded->regions.size(), loaded->protocols.size(), loaded->questions.size(),
                               loaded->screening_rules.size());
      } else {
        for (const auto& p : problems) ctx.err << p << "\n";
        ctx.err << problems.size() << " problem(s) in " << ctx.data_dir().string() << "\n";
      }
      return problems.empty() ? kOk : kKbInvalid;
    };
  });

  struct Options {
    std::string kind, id;
  };
  auto opts = std::make_shared<Options>();
  const std::string kinds = [] {
    std::string s;
    for (const auto& k : adapters::kb_kinds()) s += (s.empty() ? "" : ", ") + k;
    return s;
  }();
  auto* list = kb->add_subcommand("list", "list the entries of one kind: " + kinds);
  list->add_option("kind", opts->kind, "what to list")->required();
  list->callback([&ctx, &action, opts] {
    action = [&ctx, opts] {
      const std::string& kind = opts->kind;
      FASCIA_CLI_TRY(base, ctx.kb());
      const auto all = adapters::kb_list_json(*base, kind);
      if (!all)
        return report(ctx.err, {core::ErrorCode::unknown_name, "unknown kind '" + kind + "' (see: fascia kb list --help)"});
      if (ctx.json()) {
        ctx.print_json(*all);
        return kOk;
      }
      const auto rows = adapters::kb_list_rows(*base, kind);
      for (const auto& [entry_id, label] : rows) ctx.out << fmt::format("{:<34} {}\n", entry_id, label);
      return kOk;
    };
  });

  auto* show = kb->add_subcommand("show", "show one entry with its source, as JSON");
  show->add_option("kind", opts->kind, "its kind")->required();
  show->add_option("id", opts->id, "its id")->required();
  show->callback([&ctx, &action, opts] {
    action = [&ctx, opts] {
      const std::string& kind = opts->kind;
      const std::string& id = opts->id;
      FASCIA_CLI_TRY(base, ctx.kb());
      if (!adapters::kb_list_json(*base, kind))
        return report(ctx.err, {core::ErrorCode::unknown_name, "unknown kind '" + kind + "' (see: fascia kb list --help)"});
      const auto entry = adapters::kb_entry_json(*base, kind, id);
      if (!entry)
        return report(ctx.err, {core::ErrorCode::unknown_name,
                                "no " + kind + " entry '" + id + "' (see: fascia kb list " + kind + ")"});
      ctx.print_json(*entry);
      return kOk;
    };
  });
}

}  // namespace fascia::cli
