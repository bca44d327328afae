// Clinics and care links in the terminal (issue 10):
//   fascia clinic add NAME | clinic list
//   fascia practice invite --as NAME [--days N] (listed and cancelled: cmd_invitations) |
//     practice clients --as NAME (the monitoring list) |
//     practice progress CLIENT --as NAME |
//     practice show CLIENT --as NAME [--area link|journal|sessions|screening] |
//     practice clear CLIENT --as NAME [--region R[:SIDE]]... [--date D] [--note TEXT]
//     practice treat CLIENT --as NAME --treatment ID --region REGION[:SIDE]... --minutes N [--pressure P]
//       [--reaction TEXT] [--note TEXT] [--date D]
//   fascia link accept CODE --share LIST | link list | link share ID --share LIST | link revoke ID
//   fascia access-log
// The terminal acts with the database's full trust (whoever can open the file
// can read it all); --as says on whose behalf, so that the same rules apply
// and the access log names them. Without --as, link and access-log act as
// the terminal's own person (person 1).
#include <ctime>
#include <map>

#include "fascia/adapters/database_open.hpp"
#include "fascia/adapters/json_care_views.hpp"
#include "fascia/adapters/json_monitoring_views.hpp"
#include "fascia/adapters/json_views.hpp"
#include "fascia/adapters/password_hash.hpp"
#include "fascia/app/care_clearance.hpp"
#include "fascia/app/care_links.hpp"
#include "fascia/app/clearance.hpp"
#include "fascia/app/clinic_treatments.hpp"
#include "fascia/app/monitoring.hpp"
#include "fascia/app/screening_state.hpp"
#include "fascia/app/text_limits.hpp"
#include "fascia/cli/args.hpp"
#include "fascia/cli/care_stores.hpp"
#include "fascia/cli/commands.hpp"
#include "fascia/cli/decimal_option.hpp"
#include "fascia/cli/render_journal.hpp"
#include "fascia/cli/render_text.hpp"
#include "fascia/core/treatment_ledger.hpp"
#include "fascia/server/request_target.hpp"

namespace fascia::cli {

namespace {

void print_link(Context& ctx, const app::LinkDetails& d) {
  ctx.out << "link " << d.link.id << ": " << d.person_name << " (person " << d.link.person_id << ") with "
          << d.practitioner_name
          << (d.practitioner_state == core::AccountState::active ? "" : " (no longer active at the clinic)") << " of "
          << d.clinic_name << "; shares " << core::describe(d.link.sharing)
          << (d.link.live() ? "" : "; revoked " + adapters::utc_text(*d.link.revoked_at)) << "\n";
}

int add_clinic(Context& ctx, const std::string& name) {
  FASCIA_CLI_CHECK(app::validate_clinic_name(name));
  FASCIA_CLI_TRY(today, ctx.today());
  FASCIA_CLI_TRY(clinics, adapters::open_clinic_store(ctx.database()));
  FASCIA_CLI_TRY(clinic, clinics->add_clinic(name, today));
  if (ctx.json()) {
    ctx.print_json(adapters::clinic_json(clinic));
    return kOk;
  }
  ctx.out << "Clinic " << clinic.id << " '" << clinic.name << "' created. Add its people with\n"
          << "  fascia user add NAME --role practitioner --clinic " << clinic.id << "\n"
          << "  fascia user add NAME --role admin --clinic " << clinic.id << "\n";
  return kOk;
}

int list_clinics(Context& ctx) {
  FASCIA_CLI_TRY(clinics, adapters::open_clinic_store(ctx.database()));
  FASCIA_CLI_TRY(all, clinics->list_clinics());
  if (ctx.json()) {
    auto out = nlohmann::json::array();
    for (const auto& c : all) out.push_back(adapters::clinic_json(c));
    ctx.print_json(out);
    return kOk;
  }
  if (all.empty()) ctx.out << "No clinics yet (fascia clinic add NAME).\n";
  for (const auto& c : all) ctx.out << c.id << "  " << c.name << "\n";
  return kOk;
}

int invite(Context& ctx, const std::string& as, int days) {
  FASCIA_CLI_TRY(stores, open_care_stores(ctx));
  FASCIA_CLI_TRY(practitioner, account_named(*stores.accounts, as));
  const std::string code = adapters::random_code(app::kInvitationAlphabet, app::kInvitationCodeLength);
  FASCIA_CLI_TRY(invitation, app::invite_client(*stores.clinics, practitioner, adapters::token_hash(code), ctx.now(),
                                                std::int64_t{days} * 24 * 3600));
  const std::string shown = app::format_invitation_code(code);
  if (ctx.json()) {
    ctx.print_json(adapters::invitation_json(shown, invitation));
    return kOk;
  }
  ctx.out << "Invitation code: " << shown << "\n"
          << "Valid once, until " << adapters::utc_text(invitation.expires_at) << ". The client accepts it with\n"
          << "  fascia link accept " << shown << " --share journal,sessions,screening\n"
          << "or in the web app under Sharing, choosing what to share.\n";
  return kOk;
}

std::string parts_text(const std::vector<core::CareArea>& areas) {
  std::string out;
  for (std::size_t i = 0; i < areas.size(); ++i) out += (i ? ", " : "") + std::string(core::to_string(areas[i]));
  return out;
}

void print_flags(Context& ctx, const std::vector<core::AttentionFlag>& flags) {
  for (const auto& f : flags)
    ctx.out << "  ! " << core::to_string(f.kind) << " " << core::format_date(f.date) << ": " << f.reason
            << (f.source.empty() ? "" : " [" + f.source + "]") << "\n";
}

// The monitoring list (app::attention_list): most urgent first, one line per
// flag with its date and reason; logged once per client.
int clients(Context& ctx, const std::string& as) {
  FASCIA_CLI_TRY(stores, open_care_stores(ctx));
  FASCIA_CLI_TRY(practitioner, account_named(*stores.accounts, as));
  FASCIA_CLI_TRY(kb, ctx.kb());
  FASCIA_CLI_TRY(today, ctx.today());
  FASCIA_CLI_TRY(store, adapters::open_journal_store(ctx.database(), practitioner.person_id));
  FASCIA_CLI_TRY(list, app::attention_list(*kb, *stores.clinics, *store, practitioner, today, ctx.now()));
  if (ctx.json()) {
    ctx.print_json(adapters::attention_list_json(list));
    return kOk;
  }
  if (list.empty()) ctx.out << "No clients linked yet (fascia practice invite --as " << as << ").\n";
  for (const auto& c : list) {
    ctx.out << c.link.person_name << " (person " << c.link.link.person_id << ", link " << c.link.link.id << ")";
    if (c.not_shared.size() == 3)
      ctx.out << ": not shared (journal, sessions, screening)\n";
    else if (c.flags.empty())
      ctx.out << ": nothing needs attention"
              << (c.not_shared.empty() ? "" : "; not shared: " + parts_text(c.not_shared)) << "\n";
    else
      ctx.out << (c.not_shared.empty() ? "" : "; not shared: " + parts_text(c.not_shared)) << "\n";
    print_flags(ctx, c.flags);
  }
  return kOk;
}

// One client's progress page (app::client_progress), logged.
int client_progress(Context& ctx, const std::string& as, std::int64_t client) {
  FASCIA_CLI_TRY(stores, open_care_stores(ctx));
  FASCIA_CLI_TRY(practitioner, account_named(*stores.accounts, as));
  FASCIA_CLI_TRY(kb, ctx.kb());
  FASCIA_CLI_TRY(today, ctx.today());
  FASCIA_CLI_TRY(store, adapters::open_journal_store(ctx.database(), client));
  FASCIA_CLI_TRY(page, app::client_progress(*kb, *stores.clinics, *store, practitioner, client, today, ctx.now()));
  if (ctx.json()) {
    ctx.print_json(adapters::client_progress_json(page, kb->caps));
    return kOk;
  }
  ctx.out << page.link.person_name << " (person " << client << "), shares " << core::describe(page.link.link.sharing)
          << "\n";
  if (page.flags.empty()) ctx.out << "Nothing needs attention.\n";
  print_flags(ctx, page.flags);
  if (page.link.link.sharing.sessions)
    ctx.out << page.sessions << (page.sessions == 1 ? " session" : " sessions") << " logged.\n";
  print_progress(ctx.out, *kb, page.progress, ProgressReader::practitioner);
  return kOk;
}

int show_client(Context& ctx, const std::string& as, std::int64_t client, const std::string& area_text) {
  const auto area = core::parse_care_area(area_text);
  if (!area || *area == core::CareArea::care)
    return report(ctx.err, {core::ErrorCode::invalid_argument,
                            "--area: '" + area_text + "' is not one of link, journal, sessions, screening"});
  FASCIA_CLI_TRY(stores, open_care_stores(ctx));
  FASCIA_CLI_TRY(practitioner, account_named(*stores.accounts, as));
  FASCIA_CLI_TRY(link, app::reach_client(*stores.clinics, practitioner, client, *area, core::AccessKind::read,
                                         "read the " + area_text + " in the terminal", ctx.now()));
  FASCIA_CLI_TRY(store, adapters::open_journal_store(ctx.database(), client));
  FASCIA_CLI_TRY(kb, ctx.kb());
  const bool text = !ctx.json();
  nlohmann::json out{{"link", adapters::link_json(link)}};
  if (text)
    ctx.out << link.person_name << " (person " << client << "), linked to " << link.practitioner_name << " of "
            << link.clinic_name << ", shares " << core::describe(link.link.sharing) << "\n";
  if (*area == core::CareArea::journal || *area == core::CareArea::sessions) {
    FASCIA_CLI_TRY(journal, store->load_journal());
    if (*area == core::CareArea::journal) {
      core::Journal shared = app::journal_for_practitioner(std::move(journal), link);
      if (text) print_journal(ctx.out, *kb, shared);
      out["journal"] = adapters::journal_json(shared);
    } else {
      if (text) print_sessions(ctx.out, *kb, journal.sessions);
      out["sessions"] = adapters::sessions_json(journal.sessions);
    }
  } else if (*area == core::CareArea::screening) {
    FASCIA_CLI_TRY(record, store->latest_screening());
    if (record) {
      FASCIA_CLI_TRY(state, app::screening_state_for_clinic(*kb, *store, link.link.clinic_id));
      if (text) {
        ctx.out << "Latest safety answers: " << core::format_long_date(record->date) << "\n";
        print_clearance(ctx.out, *kb, state.clearance);
      }
      out["screening"] = adapters::screening_json(*record, state.clearance);
    } else {
      if (text) ctx.out << "No safety answers yet.\n";
      out["screening"] = nullptr;
    }
  }
  if (!text) ctx.print_json(out);
  return kOk;
}

struct ClearOptions {
  std::string as, date, note;
  std::int64_t client = 0;
  std::vector<std::string> regions;
};

// A linked practitioner clears a client's warning signs (all, or on the
// regions named): logged in the client's access log, signed with the
// practitioner's and the clinic's names.
int clear_client(Context& ctx, const ClearOptions& o) {
  FASCIA_CLI_TRY(kb, ctx.kb());
  FASCIA_CLI_TRY(today, ctx.today());
  FASCIA_CLI_TRY(entry, clearance_from_args(*kb, today, o.date, o.regions, o.note, ""));
  FASCIA_CLI_TRY(stores, open_care_stores(ctx));
  FASCIA_CLI_TRY(practitioner, account_named(*stores.accounts, o.as));
  FASCIA_CLI_TRY(signed_entry,
                 app::sign_client_clearance(*kb, *stores.clinics, practitioner, o.client, entry, ctx.now(), today));
  FASCIA_CLI_TRY(store, adapters::open_journal_store(ctx.database(), o.client));
  FASCIA_CLI_TRY(stored, app::record_clearance(*kb, *store, signed_entry, today));
  if (ctx.json()) {
    ctx.print_json(adapters::clearances_json({stored}));
    return kOk;
  }
  std::string areas;
  for (const auto& r : stored.regions) areas += (areas.empty() ? "" : ", ") + area_name(*kb, r.region, r.side);
  ctx.out << "Clearance recorded for client " << o.client << " by " << stored.by << " ("
          << (areas.empty() ? std::string("every warning sign") : "warning signs on " + areas)
          << "). It lifts warning signs they reported on or before that day once their screening no longer\n"
          << "says yes to them (they answer the safety questions again).\n";
  // A partial clearance leaves the rest waiting; what still waits is part of
  // their screening, so it is read (and logged) where that is shared.
  if (!areas.empty())
    ctx.out << "Warning signs on other areas, if any, still wait: see fascia practice progress " << o.client << " --as "
            << o.as << "\n";
  return kOk;
}

struct TreatOptions {
  std::int64_t client = 0;
  std::string as, treatment, reaction, note, date;
  std::vector<std::string> regions;  // REGION[:SIDE]
  std::optional<int> pressure;
  int minutes = 0;
};

// The terminal's option for a field of the entry ("regions[1].side" -> --region).
std::string option_for(const std::string& field) {
  if (field.rfind("regions", 0) == 0) return "--region";
  return field.empty() ? std::string() : "--" + field;
}

int treat(Context& ctx, const TreatOptions& o) {
  FASCIA_CLI_TRY(kb, ctx.kb());
  FASCIA_CLI_TRY(today, ctx.today());
  core::ClinicTreatmentEntry entry;
  entry.date = today;
  if (!o.date.empty()) {
    auto date = core::parse_date(o.date);
    if (!date) return report(ctx.err, {core::ErrorCode::bad_date, "--date: " + date.error().message});
    entry.date = *date;
  }
  entry.treatment = o.treatment;
  for (const auto& text : o.regions) {
    auto where = parse_region_arg(*kb, text, false);
    if (!where) return report(ctx.err, {where.error().code, "--region: " + where.error().message});
    entry.regions.push_back({where->region, where->side});
  }
  entry.pressure = o.pressure;
  entry.minutes = o.minutes;
  entry.reaction = o.reaction;
  entry.note = o.note;
  FASCIA_CLI_TRY(stores, open_care_stores(ctx));
  FASCIA_CLI_TRY(practitioner, account_named(*stores.accounts, o.as));
  FASCIA_CLI_TRY(store, adapters::open_journal_store(ctx.database(), o.client));
  auto stored =
      app::record_clinic_treatment(*kb, *stores.clinics, *store, practitioner, o.client, entry, ctx.now(), today);
  if (!stored) {
    core::Error error = stored.error().error;
    if (const std::string option = option_for(stored.error().field); !option.empty()) {
      // The message names the field as the API does ("treatment: ...",
      // "regions[0]: ..."); the terminal names its option instead.
      std::string& message = error.message;
      for (const std::string& named : {stored.error().field + ": ", std::string("clinic treatment: ")})
        if (message.rfind(named, 0) == 0) message.erase(0, named.size());
      if (const auto end = message.find("]: "); message.rfind("regions[", 0) == 0 && end != std::string::npos)
        message.erase(0, end + 3);
      message = option + ": " + message;
    }
    return report(ctx.err, error);
  }
  if (ctx.json()) {
    ctx.print_json(adapters::recorded_clinic_treatment_json(*kb, *stored));
    return kOk;
  }
  const core::TreatmentModality& kind = kb->treatments.at(stored->treatment);
  std::string areas;
  for (const auto& r : stored->regions) areas += (areas.empty() ? "" : ", ") + area_name(*kb, r.region, r.side);
  ctx.out << "Clinic treatment " << stored->id << " recorded in client " << o.client << "'s journal: " << kind.name
          << " on " << core::format_long_date(stored->date) << ", " << areas
          << (stored->pressure ? ", pressure " + std::to_string(*stored->pressure) + "/10" : std::string()) << ", "
          << stored->minutes << " min.\n";
  if (const auto resumes = core::home_work_resumes(*kb, *stored))
    ctx.out << "It counts as " << core::to_string(*kind.counts_as)
            << " work on those areas: the client's home work of that kind there waits until "
            << core::format_long_date(*resumes) << " at the earliest"
            << (*kind.counts_as == core::Modality::instrument ? ", and until a check-in reports the skin and soreness "
                                                                "settled"
                                                              : "")
            << ", as after a home session.\n";
  else
    ctx.out << "It holds no home work back (the sources give no load rule for " << kind.name << ").\n";
  return kOk;
}

// The invitation code in what the person typed: the code itself, or the
// link the practitioner handed over ("http://host:8080/sharing?code=…", or
// its "/sharing?code=…" part), whose query Boost.URL reads
// (server::parse_request_target). Errors: invalid_argument naming what is wrong.
core::Result<std::string> invitation_code_in(std::string_view typed) {
  std::string_view target = typed;
  if (const auto scheme = target.find("://"); scheme != std::string_view::npos) {
    const auto path = target.find('/', scheme + 3);
    target = path == std::string_view::npos ? std::string_view("/") : target.substr(path);
  }
  if (!target.starts_with('/')) return app::normalise_invitation_code(typed);
  auto parsed = server::parse_request_target(target);
  if (!parsed) return core::fail(core::ErrorCode::invalid_argument, "invitation link: " + parsed.error().message);
  for (const auto& [name, value] : parsed->query)
    if (name == "code") return app::normalise_invitation_code(value);
  return core::fail(core::ErrorCode::invalid_argument,
                    "invitation link: it holds no code (expected …/sharing?code=7K2M-XQ9D-HB4T)");
}

// Who and where a code is from, before accepting it (app::preview_invitation).
int check_code(Context& ctx, const std::string& code_text, const std::string& as) {
  FASCIA_CLI_TRY(code, invitation_code_in(code_text));
  FASCIA_CLI_TRY(stores, open_care_stores(ctx));
  FASCIA_CLI_TRY(person, person_actor(*stores.accounts, ctx.acting_as(as)));
  FASCIA_CLI_TRY(preview, app::preview_invitation(*stores.clinics, person, adapters::token_hash(code), ctx.now()));
  if (ctx.json()) {
    ctx.print_json(adapters::invitation_preview_json(preview));
    return kOk;
  }
  ctx.out << "This code is from " << preview.practitioner_name << " of " << preview.clinic_name
          << "; it works once, until " << adapters::utc_text(preview.invitation.expires_at) << ".\n"
          << "Accept it choosing what they may see: fascia link accept " << app::format_invitation_code(code)
          << " --share journal,sessions,screening (any of them) or --share none\n";
  return kOk;
}

int accept(Context& ctx, const std::string& code_text, const std::string& share, const std::string& as) {
  FASCIA_CLI_TRY(code, invitation_code_in(code_text));
  FASCIA_CLI_TRY(sharing, app::parse_sharing(share));
  FASCIA_CLI_TRY(stores, open_care_stores(ctx));
  FASCIA_CLI_TRY(person, person_actor(*stores.accounts, ctx.acting_as(as)));
  FASCIA_CLI_TRY(link, app::accept_invitation(*stores.clinics, person, adapters::token_hash(code), sharing, ctx.now()));
  if (ctx.json()) {
    ctx.print_json(adapters::link_json(link));
    return kOk;
  }
  ctx.out << "Linked to " << link.practitioner_name << " of " << link.clinic_name << " (link " << link.link.id
          << "), sharing " << core::describe(link.link.sharing) << ".\n"
          << "Change it with 'fascia link share " << link.link.id << " --share ...'; end it with 'fascia link revoke "
          << link.link.id << "'.\n";
  return kOk;
}

int list_links(Context& ctx, const std::string& as) {
  FASCIA_CLI_TRY(stores, open_care_stores(ctx));
  FASCIA_CLI_TRY(person, person_actor(*stores.accounts, ctx.acting_as(as)));
  FASCIA_CLI_TRY(links, stores.clinics->links_of_person(person.person_id));
  if (ctx.json()) {
    ctx.print_json(adapters::links_json(links));
    return kOk;
  }
  if (links.empty()) ctx.out << "No practitioner is linked to you (fascia link accept CODE).\n";
  for (const auto& d : links) print_link(ctx, d);
  return kOk;
}

int change_link(Context& ctx, std::int64_t id, const std::string& share, const std::string& as, bool revoke) {
  core::Sharing sharing;
  if (!revoke) {
    FASCIA_CLI_TRY(parsed, app::parse_sharing(share));
    sharing = parsed;
  }
  FASCIA_CLI_TRY(stores, open_care_stores(ctx));
  FASCIA_CLI_TRY(person, person_actor(*stores.accounts, ctx.acting_as(as)));
  auto changed = revoke ? stores.clinics->revoke_link(id, person.person_id, ctx.now())
                        : stores.clinics->set_sharing(id, person.person_id, sharing);
  if (!changed) return report(ctx.err, changed.error());
  if (ctx.json()) {
    nlohmann::json out{
        {"id", changed->id}, {"live", changed->live()}, {"share", adapters::sharing_json(changed->sharing)}};
    ctx.print_json(out);
    return kOk;
  }
  if (revoke)
    ctx.out << "Link " << id << " revoked: that practitioner sees nothing of yours from now on.\n";
  else
    ctx.out << "Link " << id << " now shares " << core::describe(changed->sharing) << ".\n";
  return kOk;
}

int access_log(Context& ctx, const std::string& as) {
  FASCIA_CLI_TRY(stores, open_care_stores(ctx));
  FASCIA_CLI_TRY(person, person_actor(*stores.accounts, ctx.acting_as(as)));
  FASCIA_CLI_TRY(entries, stores.clinics->access_log(person.person_id));
  if (ctx.json()) {
    ctx.print_json(adapters::access_log_json(entries));
    return kOk;
  }
  if (entries.empty()) ctx.out << "No one but you has read or changed your data.\n";
  std::map<std::int64_t, std::string> clinic_names;  // each clinic's name, looked up once
  for (const auto& e : entries)
    if (e.clinic_id && !clinic_names.contains(*e.clinic_id)) {
      FASCIA_CLI_TRY(clinic, stores.clinics->find_clinic(*e.clinic_id));
      clinic_names[*e.clinic_id] = clinic ? clinic->name : "clinic " + std::to_string(*e.clinic_id);
    }
  for (const auto& e : entries) {
    ctx.out << adapters::utc_text(e.at) << "  " << e.actor_name << " (" << core::role_words(e.actor_role);
    if (e.clinic_id) ctx.out << ", " << clinic_names[*e.clinic_id];
    ctx.out << ")  " << core::to_string(e.kind) << "  " << e.what << "\n";
  }
  return kOk;
}

}  // namespace

void add_care_commands(CLI::App& app, Context& ctx, Action& action) {
  auto text = std::make_shared<std::string>();
  auto as = std::make_shared<std::string>();
  auto share = std::make_shared<std::string>();
  auto area = std::make_shared<std::string>("link");
  auto id = std::make_shared<std::int64_t>(0);
  auto days = std::make_shared<int>(7);

  auto* clinic = app.add_subcommand("clinic", "clinics on a shared server");
  clinic->require_subcommand(1);
  auto* add = clinic->add_subcommand("add", "create a clinic");
  add->add_option("name", *text, "the clinic's name (1-80 characters)")->required();
  add->callback([&ctx, &action, text] { action = [&ctx, text] { return add_clinic(ctx, *text); }; });
  clinic->add_subcommand("list", "list the clinics")->callback([&ctx, &action] {
    action = [&ctx] { return list_clinics(ctx); };
  });

  auto* practice = app.add_subcommand("practice", "a practitioner's side: invitations and clients");
  practice->require_subcommand(1);
  auto* inv = practice->add_subcommand("invite", "make a single-use invitation code for a client");
  inv->add_option("--as", *as, "the practitioner's account name")->required();
  inv->add_option("--days", *days, "days it can be accepted (1-90, default 7)")->check(CLI::Range(1, 90));
  inv->callback([&ctx, &action, as, days] { action = [&ctx, as, days] { return invite(ctx, *as, *days); }; });
  auto* list = practice->add_subcommand(
      "clients", "the practitioner's clients, most in need of attention first, with reasons (logged)");
  list->add_option("--as", *as, "the practitioner's account name")->required();
  list->callback([&ctx, &action, as] { action = [&ctx, as] { return clients(ctx, *as); }; });
  auto* prog = practice->add_subcommand(
      "progress", "a linked client's progress: pain by region, adherence, review, rule changes (logged)");
  auto prog_id = std::make_shared<std::int64_t>(0);
  prog->add_option("client", *prog_id, "the client's person id")->required();
  prog->add_option("--as", *as, "the practitioner's account name")->required();
  prog->callback(
      [&ctx, &action, as, prog_id] { action = [&ctx, as, prog_id] { return client_progress(ctx, *as, *prog_id); }; });
  auto* show = practice->add_subcommand("show", "what a linked client shares (JSON; logged in their access log)");
  show->add_option("client", *id, "the client's person id")->required();
  show->add_option("--as", *as, "the practitioner's account name")->required();
  show->add_option("--area", *area, "link, journal, sessions or screening (default link)");
  show->callback(
      [&ctx, &action, as, id, area] { action = [&ctx, as, id, area] { return show_client(ctx, *as, *id, *area); }; });

  auto clear_opts = std::make_shared<ClearOptions>();
  auto* clr = practice->add_subcommand("clear", "clear a linked client's warning signs (logged in their access log)");
  clr->add_option("client", clear_opts->client, "the client's person id")->required();
  clr->add_option("--as", clear_opts->as, "the practitioner's account name")->required();
  clr->add_option("--region", clear_opts->regions, "REGION[:SIDE] cleared (repeat); none clears every warning sign");
  clr->add_option("--date", clear_opts->date, "the day they were seen (YYYY-MM-DD, default today)");
  clr->add_option("--note", clear_opts->note, "what was found");
  clr->callback(
      [&ctx, &action, clear_opts] { action = [&ctx, clear_opts] { return clear_client(ctx, *clear_opts); }; });
  auto t = std::make_shared<TreatOptions>();
  auto* treat_cmd = practice->add_subcommand(
      "treat", "record what was done in clinic in a linked client's journal (logged in their access log)");
  treat_cmd->add_option("client", t->client, "the client's person id")->required();
  treat_cmd->add_option("--as", t->as, "the practitioner's account name")->required();
  treat_cmd->add_option("--treatment", t->treatment, "treatment id, e.g. clinic-iastm (see: fascia kb list treatments)")
      ->required();
  treat_cmd
      ->add_option("--region", t->regions,
                   "REGION[:SIDE] worked (repeatable; any region, practitioner-only ones included)")
      ->required();
  treat_cmd->add_option("--pressure", t->pressure, "pressure used, 0-10 (optional)")->transform(decimal_number(0, 10));
  treat_cmd->add_option("--minutes", t->minutes, "minutes of work, 1-240")
      ->required()
      ->transform(decimal_number(1, 240));
  treat_cmd->add_option("--reaction", t->reaction, "what was seen, e.g. redness that faded within the hour");
  treat_cmd->add_option("--note", t->note, "anything worth remembering");
  treat_cmd->add_option("--date", t->date, "the day of the treatment, YYYY-MM-DD (default: today)");
  treat_cmd->callback([&ctx, &action, t] { action = [&ctx, t] { return treat(ctx, *t); }; });

  auto* link = app.add_subcommand("link", "your links to practitioners: accept, share, revoke");
  link->require_subcommand(1);
  auto* acc = link->add_subcommand("accept", "accept a practitioner's invitation code");
  acc->add_option("code", *text, "the code, e.g. 7K2M-XQ9D-HB4T, or the invitation link with it")->required();
  acc->add_option("--share", *share, "what to share: journal,sessions,screening (any of them) or none")->required();
  acc->add_option("--as", *as, "a person's account (default: the terminal's person)");
  acc->callback([&ctx, &action, text, share, as] {
    action = [&ctx, text, share, as] { return accept(ctx, *text, *share, *as); };
  });
  auto* chk = link->add_subcommand("check", "whose an invitation code is, before you accept it (changes nothing)");
  chk->add_option("code", *text, "the code, e.g. 7K2M-XQ9D-HB4T, or the invitation link with it")->required();
  chk->add_option("--as", *as, "a person's account (default: the terminal's person)");
  chk->callback([&ctx, &action, text, as] { action = [&ctx, text, as] { return check_code(ctx, *text, *as); }; });
  auto* links = link->add_subcommand("list", "your links, live and revoked");
  links->add_option("--as", *as, "a person's account (default: the terminal's person)");
  links->callback([&ctx, &action, as] { action = [&ctx, as] { return list_links(ctx, *as); }; });
  auto* sh = link->add_subcommand("share", "change what a link shares");
  sh->add_option("id", *id, "the link's number (fascia link list)")->required();
  sh->add_option("--share", *share, "journal,sessions,screening (any of them) or none")->required();
  sh->add_option("--as", *as, "a person's account (default: the terminal's person)");
  sh->callback([&ctx, &action, id, share, as] {
    action = [&ctx, id, share, as] { return change_link(ctx, *id, *share, *as, false); };
  });
  auto* rv = link->add_subcommand("revoke", "end a link: the practitioner sees nothing more");
  rv->add_option("id", *id, "the link's number (fascia link list)")->required();
  rv->add_option("--as", *as, "a person's account (default: the terminal's person)");
  rv->callback([&ctx, &action, id, as] { action = [&ctx, id, as] { return change_link(ctx, *id, "", *as, true); }; });

  auto* log = app.add_subcommand("access-log", "who besides you read or changed your data, newest first");
  log->add_option("--as", *as, "a person's account (default: the terminal's person)");
  log->callback([&ctx, &action, as] { action = [&ctx, as] { return access_log(ctx, *as); }; });
}

}  // namespace fascia::cli
