// Home programs in the terminal (issue 10, point 3):
//   fascia practice assign CLIENT --as NAME --file PROGRAM.json [--program ID]
//   fascia practice programs CLIENT --as NAME
//   fascia practice end-program CLIENT PROGRAM --as NAME
//   fascia practice cards CLIENT PROGRAM --as NAME      (the step cards, to print)
//   fascia program [list] | program end ID | program cards ID   (the person: --as NAME, else the terminal's)
// The file holds what POST /api/v1/clients/{id}/programs takes (docs/API.md,
// examples/home-program.json). The use cases are app/home_programs.
#include <fstream>
#include <sstream>

#include "fascia/adapters/database_open.hpp"
#include "fascia/adapters/json_codec.hpp"
#include "fascia/adapters/json_encoding.hpp"
#include "fascia/adapters/json_program_views.hpp"
#include "fascia/adapters/json_views.hpp"
#include "fascia/app/home_programs.hpp"
#include "fascia/cli/care_stores.hpp"
#include "fascia/cli/commands.hpp"
#include "fascia/cli/render_text.hpp"

namespace fascia::cli {

namespace {

// `also_works`: the other areas the item's protocol works (ProgramHistory).
void print_item(std::ostream& out, const core::KnowledgeBase& kb, const core::ProgramItem& item,
                const std::vector<std::string>& also_works) {
  const core::Protocol* protocol = kb.protocol(item.protocol);
  out << "  - " << (protocol ? protocol->name : item.protocol) << " on "
      << area_name(kb, item.target.region, item.target.side);
  if (item.max_pressure) out << ", pressure at most " << *item.max_pressure << "/10";
  if (item.dose_percent != 100) out << ", " << item.dose_percent << " % of the dose";
  out << "\n";
  if (!also_works.empty()) {
    out << "    also works: ";
    for (std::size_t i = 0; i < also_works.size(); ++i) out << (i ? ", " : "") << also_works[i];
    out << "\n";
  }
  if (!item.cue.empty()) out << "    cue: " << item.cue << "\n";
}

// `awaiting_setup`: the person has no profile or screening yet, so even the
// program in force is not followed yet (app::ProgramHold).
void print_history(std::ostream& out, const core::KnowledgeBase& kb, const app::ProgramHistory& h,
                   bool awaiting_setup = false) {
  const core::HomeProgram& p = h.current;
  out << "Home program " << p.id << " (version " << p.version << "), assigned by " << p.practitioner << ", " << p.clinic
      << (p.ended                        ? " — ended on " + core::format_long_date(*p.ended) + " by " + p.ended_by
          : h.in_force && awaiting_setup ? " — in force once the plan can follow it"
          : h.in_force                   ? " — in force"
                                         : " — not in force: a newer program is followed instead")
      << "\n";
  std::string days;
  for (int d : p.weekdays) days += (days.empty() ? "" : ", ") + std::string(core::weekday_short_name(d));
  out << "  From " << core::format_long_date(p.start) << " for " << p.weeks << " weeks, on " << days << "; review on "
      << core::format_long_date(p.review) << "\n";
  for (std::size_t i = 0; i < p.items.size(); ++i)
    print_item(out, kb, p.items[i], i < h.also_works.size() ? h.also_works[i] : std::vector<std::string>{});
  for (const auto& area : p.clinic_only)
    out << "  - in clinic only: " << area_name(kb, area.region, area.side) << " (no home step there)\n";
  if (!p.note.empty()) out << "  Note: " << p.note << "\n";
  if (h.versions.size() > 1) {
    out << "  Changes:\n";
    for (std::size_t i = 1; i < h.versions.size(); ++i) {
      const auto& v = h.versions[i];
      out << "    version " << v.version << ", " << core::format_long_date(v.assigned) << ", by "
          << (v.ended ? v.ended_by : v.practitioner) << (v.note.empty() ? "" : " (" + v.note + ")") << ":\n";
      if (h.changes[i].empty()) out << "      nothing a person would notice\n";
      for (const auto& c : h.changes[i]) out << "      " << c << "\n";
    }
  }
}

int print_histories(Context& ctx, const core::KnowledgeBase& kb, const std::vector<app::ProgramHistory>& histories,
                    const app::ProgramHold& hold) {
  if (ctx.json()) {
    ctx.print_json(adapters::program_histories_json(histories, hold));
    return kOk;
  }
  if (histories.empty()) ctx.out << "No home program assigned.\n";
  for (const auto& h : histories) print_history(ctx.out, kb, h, hold.awaiting_setup);
  const bool in_force = std::any_of(histories.begin(), histories.end(), [](const auto& h) { return h.in_force; });
  if (hold.held && in_force)
    ctx.out << "HELD" << (hold.since ? " since " + core::format_long_date(*hold.since) : std::string()) << ": "
            << hold.reason << "\n";
  if (hold.awaiting_setup && in_force) ctx.out << "NOT FOLLOWED YET: " << hold.setup << "\n";
  return kOk;
}

// A handout for `person` (an account name; empty for the terminal's person
// without one): the program, then each session's step cards with doses,
// cues, cautions and stop signs, made for the tools and sides of `owned`
// (app::handout_person).
int print_cards(Context& ctx, const core::KnowledgeBase& kb, const core::HomeProgram& program,
                const app::HandoutPerson& owned, const std::string& person) {
  const app::Handout handout = app::program_handout(kb, program, owned);
  const core::Plan& cards = handout.cards;
  if (ctx.json()) {
    ctx.print_json(adapters::program_cards_json(program, handout, person));
    return kOk;
  }
  if (!person.empty()) ctx.out << "Home program for " << person << "\n";
  print_history(ctx.out, kb, app::program_histories(kb, {program}).front());
  const core::HandoutSafety& safety = handout.safety;
  if (!safety.week.empty()) {
    ctx.out << "\nEach week:\n";
    for (const auto& day : safety.week) {
      ctx.out << "  " << core::weekday_name(day.weekday) << ": ";
      for (std::size_t i = 0; i < day.sessions.size(); ++i) ctx.out << (i == 0 ? "" : ", ") << day.sessions[i];
      ctx.out << "\n";
    }
  }
  if (!safety.spacing.empty() || !safety.lowered.empty()) {
    ctx.out << "\nSafety:\n";
    for (const auto& r : safety.spacing) ctx.out << "  - " << r.text << " [" << r.source << "]\n";
    for (const auto& r : safety.lowered) ctx.out << "  - " << r.text << " [" << r.source << "]\n";
  }
  for (const auto& session : cards.templates) {
    ctx.out << "\n";
    print_session_outline(ctx.out, kb, session, /*with_cues=*/true);
    std::set<std::string> stops;
    for (const auto& step : session.steps) stops.insert(step.stop_signs.begin(), step.stop_signs.end());
    if (!stops.empty()) {
      ctx.out << "    Stop at once on: ";
      std::string sep;
      for (const auto& id : stops) {
        auto it = kb.stop_signs.find(id);
        ctx.out << sep << (it != kb.stop_signs.end() ? it->second.name : id);
        sep = "; ";
      }
      ctx.out << ".\n";
    }
  }
  if (!cards.notes.empty()) {
    ctx.out << "\nChanges made to fit the program:\n";
    print_distinct_reasons(ctx.out, cards.notes);
  }
  print_disclaimer(ctx.out);
  return kOk;
}

// A refusal naming the field as the API does.
int refuse(Context& ctx, const app::FieldError& e) { return report(ctx.err, e.error); }

struct AssignOptions {
  std::int64_t client = 0, program = 0;
  std::string as, file;
};

int assign(Context& ctx, const AssignOptions& o) {
  FASCIA_CLI_TRY(kb, ctx.kb());
  FASCIA_CLI_TRY(today, ctx.today());
  std::ifstream file(o.file);
  if (!file) return report(ctx.err, {core::ErrorCode::io_error, "cannot read '" + o.file + "'"});
  std::stringstream text;
  text << file.rdbuf();
  auto draft = adapters::program_request_from_json(text.str());
  if (!draft) return report(ctx.err, {draft.error().code, o.file + ": " + draft.error().message});
  FASCIA_CLI_TRY(stores, open_care_stores(ctx));
  FASCIA_CLI_TRY(practitioner, account_named(*stores.accounts, o.as));
  FASCIA_CLI_TRY(store, adapters::open_journal_store(ctx.database(), o.client));
  // The program in force before, to say so when a new one of this clinic
  // replaces it (read for that only, once the assignment is allowed and logged).
  std::optional<core::HomeProgram> before;
  if (auto versions = store->load_programs(); versions)
    if (const core::HomeProgram* p = core::program_in_force(*versions)) before = *p;
  auto stored = app::assign_program(
      *kb, *stores.clinics, [&] { return store->load_programs(); },
      [&](const core::HomeProgram& p) { return store->add_program_version(p); }, practitioner, o.client,
      std::move(*draft), o.program, ctx.now(), today);
  if (!stored) return refuse(ctx, stored.error());
  if (ctx.json()) {
    ctx.print_json(nlohmann::json{{"program", *stored}});
    return kOk;
  }
  FASCIA_CLI_TRY(hold,
                 app::read_program_hold(*kb, *store, app::HoldReader::practitioner, practitioner.membership.clinic_id));
  // A changed program that a newer one replaced is kept, but no plan follows
  // it; the newer one is not named (it may be another clinic's).
  FASCIA_CLI_TRY(after, store->load_programs());
  const core::HomeProgram* in_force = core::program_in_force(after);
  const bool followed = in_force && in_force->id == stored->id;
  ctx.out << (o.program ? "Changed" : "Assigned") << " home program " << stored->id << " (version " << stored->version
          << ") for client " << o.client << ". "
          << (!followed             ? "It is not in force: a program assigned after it replaced it, so their plan does "
                                      "not follow this change."
              : hold.awaiting_setup ? hold.setup
                                    : "Their plan follows it from now on; their own screening still applies.")
          << "\n";
  // Only a program of this clinic is named: nothing crosses clinics.
  if (!o.program && before && before->id != stored->id && before->clinic_id == stored->clinic_id)
    ctx.out << "It replaces home program " << before->id << " (assigned by " << before->practitioner << " on "
            << core::format_long_date(before->assigned) << "), which is no longer in force.\n";
  return kOk;
}

int client_programs(Context& ctx, std::int64_t client, const std::string& as, std::int64_t cards_of) {
  FASCIA_CLI_TRY(kb, ctx.kb());
  FASCIA_CLI_TRY(stores, open_care_stores(ctx));
  FASCIA_CLI_TRY(practitioner, account_named(*stores.accounts, as));
  FASCIA_CLI_TRY(store, adapters::open_journal_store(ctx.database(), client));
  FASCIA_CLI_TRY(histories,
                 app::programs_for_practitioner(
                     *kb, *stores.clinics, [&] { return store->load_programs(); }, practitioner, client, ctx.now()));
  if (cards_of == 0) {  // after the reach was decided and logged
    FASCIA_CLI_TRY(
        hold, app::read_program_hold(*kb, *store, app::HoldReader::practitioner, practitioner.membership.clinic_id));
    return print_histories(ctx, *kb, histories, hold);
  }
  for (const auto& h : histories)
    if (h.current.id == cards_of) {
      FASCIA_CLI_TRY(owned, app::handout_person(*kb, *store, /*with_journal=*/false));
      FASCIA_CLI_TRY(account, stores.accounts->account_of(client));
      return print_cards(ctx, *kb, h.current, owned, account ? account->name : "client " + std::to_string(client));
    }
  return report(ctx.err, {core::ErrorCode::not_found, "no program " + std::to_string(cards_of)});
}

// Ends a program: a practitioner's (`as` set) for `client`, or else the
// person's own (the global --as's, else the terminal's person; `client` is
// then ignored).
int end(Context& ctx, std::int64_t client, std::int64_t program, const std::string& as) {
  FASCIA_CLI_TRY(today, ctx.today());
  FASCIA_CLI_TRY(stores, open_care_stores(ctx));
  std::unique_ptr<app::JournalStore> clients_store;
  app::JournalStore* store = nullptr;
  if (as.empty()) {
    FASCIA_CLI_TRY(own, ctx.store());
    store = own;
    client = own->person_id();
  } else {
    FASCIA_CLI_TRY(opened, adapters::open_journal_store(ctx.database(), client));
    clients_store = std::move(opened);
    store = clients_store.get();
  }
  const app::ProgramReader read = [&] { return store->load_programs(); };
  const app::ProgramWriter write = [&](const core::HomeProgram& p) { return store->add_program_version(p); };
  // Whether the plan followed it: ending a program a newer one replaced
  // changes nothing in the plan, and is not said to.
  FASCIA_CLI_TRY(before, store->load_programs());
  const core::HomeProgram* followed = core::program_in_force(before);
  const bool was_in_force = followed && followed->id == program;
  app::FieldResult<core::HomeProgram> ended;
  if (!as.empty()) {
    FASCIA_CLI_TRY(practitioner, account_named(*stores.accounts, as));
    ended = app::end_program(*stores.clinics, read, write, practitioner, client, program, ctx.now(), today);
  } else {
    // The person: named as the account that owns their journal, if any.
    FASCIA_CLI_TRY(owner, stores.accounts->account_of(client));
    ended = app::end_own_program(read, write, owner ? owner->name : "you", program, today);
  }
  if (!ended) return refuse(ctx, ended.error());
  if (!was_in_force)
    ctx.out << "Home program " << program << " ended. It was not in force (a newer program replaced it), so "
            << (as.empty() ? "your" : "client " + std::to_string(client) + "'s") << " plan does not change.\n";
  else if (as.empty())
    ctx.out << "You stopped following home program " << program << "; your plan is your own again from now on.\n";
  else
    ctx.out << "Home program " << program << " ended; client " << client
            << "'s plan is their own again from now on (they see that you ended it).\n";
  return kOk;
}

int own_programs(Context& ctx, std::int64_t cards_of) {
  FASCIA_CLI_TRY(kb, ctx.kb());
  FASCIA_CLI_TRY(store, ctx.store());
  FASCIA_CLI_TRY(versions, store->load_programs());
  const auto histories = app::program_histories(*kb, versions);
  if (cards_of == 0) {
    FASCIA_CLI_TRY(hold, app::read_program_hold(*kb, *store, app::HoldReader::person));
    return print_histories(ctx, *kb, histories, hold);
  }
  for (const auto& h : histories)
    if (h.current.id == cards_of) {
      FASCIA_CLI_TRY(owned, app::handout_person(*kb, *store, /*with_journal=*/true));
      FASCIA_CLI_TRY(stores, open_care_stores(ctx));
      FASCIA_CLI_TRY(owner, stores.accounts->account_of(store->person_id()));  // --as's, else person 1
      return print_cards(ctx, *kb, h.current, owned, owner ? owner->name : "");
    }
  return report(ctx.err, {core::ErrorCode::not_found, "no program " + std::to_string(cards_of) + " (fascia program)"});
}

}  // namespace

void add_program_commands(CLI::App& app, Context& ctx, Action& action) {
  CLI::App* practice = app.get_subcommand("practice");
  auto a = std::make_shared<AssignOptions>();
  auto* as_cmd = practice->add_subcommand(
      "assign", "assign (or, with --program, change) a linked client's home program from a JSON file");
  as_cmd->add_option("client", a->client, "the client's person id")->required();
  as_cmd->add_option("--as", a->as, "the practitioner's account name")->required();
  as_cmd->add_option("--file", a->file, "the program, as POST /api/v1/clients/{id}/programs takes it")->required();
  as_cmd->add_option("--program", a->program, "change this program (a new version) instead of assigning a new one");
  // The file's shape, where a practitioner looks first (a trial found it
  // only in the API document).
  as_cmd->footer(
      "The file (JSON), e.g.:\n"
      "  {\"start\": \"2026-11-23\", \"weeks\": 6, \"review\": \"2026-12-21\", \"weekdays\": [0, 2, 4],\n"
      "   \"items\": [{\"protocol\": \"neck-trap-iastm\",\n"
      "              \"target\": {\"region\": \"upper-trapezius\", \"side\": \"both\"},\n"
      "              \"max_pressure\": 4, \"dose_percent\": 100, \"cue\": \"shoulders down\"}],\n"
      "   \"clinic_only\": [{\"region\": \"suboccipitals\", \"side\": \"both\"}], \"note\": \"start gently\"}\n"
      "weekdays: 0 = Monday .. 6 = Sunday. weeks, review and the pressure (0-10) and dose (25-100 %) are checked\n"
      "against the home caps; protocols and regions: fascia kb list protocols / regions. See docs/API.md.");
  as_cmd->callback([&ctx, &action, a] { action = [&ctx, a] { return assign(ctx, *a); }; });

  auto p = std::make_shared<AssignOptions>();
  auto* list = practice->add_subcommand("programs", "a linked client's home programs from your clinic, with changes");
  list->add_option("client", p->client, "the client's person id")->required();
  list->add_option("--as", p->as, "the practitioner's account name")->required();
  list->callback([&ctx, &action, p] { action = [&ctx, p] { return client_programs(ctx, p->client, p->as, 0); }; });

  auto e = std::make_shared<AssignOptions>();
  auto* end_cmd = practice->add_subcommand("end-program", "end a linked client's home program");
  end_cmd->add_option("client", e->client, "the client's person id")->required();
  end_cmd->add_option("program", e->program, "the program's id")->required();
  end_cmd->add_option("--as", e->as, "the practitioner's account name")->required();
  end_cmd->callback([&ctx, &action, e] { action = [&ctx, e] { return end(ctx, e->client, e->program, e->as); }; });

  auto c = std::make_shared<AssignOptions>();
  auto* cards = practice->add_subcommand("cards", "a home program's step cards, to print and hand out");
  cards->add_option("client", c->client, "the client's person id")->required();
  cards->add_option("program", c->program, "the program's id")->required();
  cards->add_option("--as", c->as, "the practitioner's account name")->required();
  cards->callback(
      [&ctx, &action, c] { action = [&ctx, c] { return client_programs(ctx, c->client, c->as, c->program); }; });

  auto own = std::make_shared<std::int64_t>(0);
  auto* program = app.add_subcommand("program", "the home program a practitioner assigned you, with its changes");
  program->callback([&ctx, &action, program] {
    if (program->get_subcommands().empty()) action = [&ctx] { return own_programs(ctx, 0); };
  });
  auto* own_end = program->add_subcommand("end", "stop following a home program (your plan is your own again)");
  own_end->add_option("id", *own, "the program's id")->required();
  own_end->callback([&ctx, &action, own] { action = [&ctx, own] { return end(ctx, 0, *own, ""); }; });
  auto own_cards = std::make_shared<std::int64_t>(0);
  auto* own_cards_cmd = program->add_subcommand("cards", "a home program's step cards, to print");
  own_cards_cmd->add_option("id", *own_cards, "the program's id")->required();
  own_cards_cmd->callback(
      [&ctx, &action, own_cards] { action = [&ctx, own_cards] { return own_programs(ctx, *own_cards); }; });
}

}  // namespace fascia::cli
