// fascia screen [--answers FILE|-]: the safety questions, asked before any plan.
#include <fstream>
#include <sstream>

#include "fascia/adapters/answers_file.hpp"
#include "fascia/adapters/json_views.hpp"
#include "fascia/app/screening_state.hpp"
#include "fascia/cli/args.hpp"
#include "fascia/cli/commands.hpp"
#include "fascia/cli/render_text.hpp"

namespace fascia::cli {

namespace {

core::Result<std::string> read_all(Context& ctx, const std::string& path) {
  if (path == "-") {
    std::stringstream ss;
    ss << ctx.in.rdbuf();
    return ss.str();
  }
  std::ifstream file(path);
  if (!file) return core::fail(core::ErrorCode::io_error, "cannot read '" + path + "'");
  std::stringstream ss;
  ss << file.rdbuf();
  return ss.str();
}

// Asks one question until the answer is understood; nullopt at end of input.
std::optional<core::Answer> ask(Context& ctx, const core::KnowledgeBase& kb, const core::Question& q) {
  for (;;) {
    ctx.out << "\n" << q.text << "\n";
    if (!q.help.empty()) ctx.out << "  (" << q.help << ")\n";
    ctx.out << (q.kind == core::QuestionKind::regions ? "  no, or where (regions, comma-separated, e.g. calves:left): " : "  yes / no: ")
            << std::flush;
    std::string line;
    if (!std::getline(ctx.in, line)) return std::nullopt;
    if (line == "n" || line == "no") return core::Answer{};
    if (q.kind == core::QuestionKind::yes_no) {
      if (line == "y" || line == "yes") return core::Answer{true, {}};
      ctx.out << "  Please answer yes or no.\n";
      continue;
    }
    core::Answer a{true, {}};
    bool known = true;
    for (const auto& word : split(line, ',')) {
      auto r = core::region_side_from_string(word);
      if (!r) {
        ctx.out << "  '" << word << "' is not REGION or REGION:SIDE (side: left, right, both).\n";
        known = false;
      } else if (!kb.region(r->region)) {
        ctx.out << "  '" << r->region << "' is not a region name (see: fascia kb list regions).\n";
        known = false;
      } else {
        a.regions.push_back(*r);
      }
    }
    if (known && !a.regions.empty()) return a;
  }
}

int screen(Context& ctx, const std::string& answers_path) {
  FASCIA_CLI_TRY(kb, ctx.kb());
  FASCIA_CLI_TRY(today, ctx.today());
  FASCIA_CLI_TRY(store, ctx.store());
  // Refused before the questions, not after them: answers that cannot be saved are never asked for.
  FASCIA_CLI_CHECK(can_save(*store, "answers given now"));
  core::ScreeningRecord record;
  record.date = today;
  if (!answers_path.empty()) {
    FASCIA_CLI_TRY(text, read_all(ctx, answers_path));
    FASCIA_CLI_TRY(answers, adapters::parse_answers(text, answers_path == "-" ? "stdin" : answers_path));
    record.answers = answers;
  } else {
    print_disclaimer(ctx.out);
    ctx.out << "A few questions first, so fascia only suggests what is safe for you.\n";
    for (const auto& q : kb->questions) {
      auto a = ask(ctx, *kb, q);
      if (!a) return report(ctx.err, {core::ErrorCode::invalid_argument, "screening stopped before every question was answered; nothing saved"});
      record.answers[q.id] = *a;
      // An emergency or urgent sign ends the questions at once: the rest cannot change the outcome.
      if (auto closed = core::close_early_on_alarm(*kb, record)) {
        record = std::move(*closed);
        break;
      }
    }
  }
  FASCIA_CLI_CHECK(core::validate_answers(*kb, record));
  FASCIA_CLI_TRY(state, app::record_screening(*kb, *store, record));
  const core::Clearance& clearance = state.clearance;
  if (ctx.json()) {
    ctx.print_json(adapters::clearance_json(clearance));
  } else {
    ctx.out << "\n";
    print_clearance(ctx.out, *kb, clearance);
    if (clearance.plan_allowed()) ctx.out << "Next: fascia plan\n";
  }
  return clearance.level >= core::ClearanceLevel::urgent ? kSafety : kOk;
}

}  // namespace

void add_screen_command(CLI::App& app, Context& ctx, Action& action) {
  auto path = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("screen", "answer the safety questions (asked before any plan)");
  cmd->add_option("--answers", *path,
                  "read answers from a YAML file (question-id: yes|no|[region or region:side, ...]), or - for stdin");
  cmd->callback([&ctx, &action, path] { action = [&ctx, path] { return screen(ctx, *path); }; });
}

}  // namespace fascia::cli
