// Visit notes in the terminal (issue 10, point 7):
//   fascia practice note CLIENT --as NAME [--date D] [--subjective T] [--objective T] [--assessment T] [--plan T]
//   fascia practice notes CLIENT --as NAME
//   fascia practice amend NOTE_ID --as NAME --reason T [--subjective T] [--objective T] [--assessment T] [--plan T]
//   fascia notes [--as NAME]
// The rules are app/visit_notes: a practitioner's every reach is logged in
// the client's access log; the person reads their own notes of every clinic
// (without --as, the terminal's person). An amendment never changes the
// earlier text, which is printed under it.
#include <ctime>

#include "fascia/adapters/database_open.hpp"
#include "fascia/adapters/json_care_views.hpp"
#include "fascia/app/care_links.hpp"
#include "fascia/app/visit_notes.hpp"
#include "fascia/cli/care_stores.hpp"
#include "fascia/cli/commands.hpp"
#include "fascia/cli/render_text.hpp"

namespace fascia::cli {

namespace {

struct NoteOptions {
  std::int64_t id = 0;  // the client (note) or the note (amend)
  std::string as, date, reason;
  std::optional<std::string> subjective, objective, assessment, plan;
  core::SoapChanges parts() const { return {subjective, objective, assessment, plan}; }
};

// An app error about a field, naming the terminal's option instead
// ("subjective: ..." -> "--subjective: ...").
int report_field(Context& ctx, const app::FieldError& failed) {
  core::Error error = failed.error;
  const std::string& field = failed.field;
  if (!field.empty() && field != "note") {
    std::string& message = error.message;
    if (message.rfind(field + ": ", 0) == 0) message.erase(0, field.size() + 2);
    message = "--" + field + ": " + message;
  }
  return report(ctx.err, error);
}

void print_soap(Context& ctx, const core::Soap& text, const std::string& indent) {
  const std::pair<const char*, const std::string*> parts[] = {{"Subjective", &text.subjective},
                                                              {"Objective", &text.objective},
                                                              {"Assessment", &text.assessment},
                                                              {"Plan", &text.plan}};
  for (const auto& [name, part] : parts)
    if (!core::is_blank(*part)) ctx.out << indent << name << ": " << *part << "\n";
}

// The latest text, then each amendment with the text it replaced.
void print_note(Context& ctx, const core::VisitNote& note) {
  const auto& first = note.revisions.front();
  ctx.out << "Visit note " << note.id << ": visit on " << core::format_long_date(note.visit_date) << ", "
          << note.clinic_name << "; written by " << first.author << " at " << adapters::utc_text(first.at) << "\n";
  print_soap(ctx, note.current().text, "  ");
  for (std::size_t i = 1; i < note.revisions.size(); ++i) {
    const auto& r = note.revisions[i];
    ctx.out << "  Amended at " << adapters::utc_text(r.at) << " by " << r.author << " (revision " << r.number
            << "): " << r.reason << "\n"
            << "    earlier text (revision " << note.revisions[i - 1].number << "):\n";
    print_soap(ctx, note.revisions[i - 1].text, "      ");
  }
}

int print_notes(Context& ctx, const std::vector<core::VisitNote>& notes, const std::string& none) {
  if (ctx.json()) {
    ctx.print_json(adapters::visit_notes_json(notes));
    return kOk;
  }
  if (notes.empty()) ctx.out << none << "\n";
  for (const auto& note : notes) print_note(ctx, note);
  return kOk;
}

int write_note(Context& ctx, const NoteOptions& o) {
  FASCIA_CLI_TRY(today, ctx.today());
  core::Date date = today;
  if (!o.date.empty()) {
    auto parsed = core::parse_date(o.date);
    if (!parsed) return report(ctx.err, {core::ErrorCode::bad_date, "--date: " + parsed.error().message});
    date = *parsed;
  }
  const core::Soap text = core::apply_changes({}, o.parts());
  FASCIA_CLI_TRY(accounts, adapters::open_account_store(ctx.database()));
  FASCIA_CLI_TRY(clinics, adapters::open_clinic_store(ctx.database()));
  FASCIA_CLI_TRY(practitioner, account_named(*accounts, o.as));
  auto note = app::write_visit_note(*clinics, practitioner, o.id, date, text, ctx.now(), today);
  if (!note) return report_field(ctx, note.error());
  if (ctx.json()) {
    ctx.print_json(adapters::visit_note_json(*note));
    return kOk;
  }
  ctx.out << "Visit note " << note->id << " written for client " << o.id << " (" << note->clinic_name
          << "). It is never changed: amend it with\n"
          << "  fascia practice amend " << note->id << " --as " << o.as << " --reason TEXT --plan TEXT\n";
  return kOk;
}

int client_notes(Context& ctx, const NoteOptions& o) {
  FASCIA_CLI_TRY(accounts, adapters::open_account_store(ctx.database()));
  FASCIA_CLI_TRY(clinics, adapters::open_clinic_store(ctx.database()));
  FASCIA_CLI_TRY(practitioner, account_named(*accounts, o.as));
  FASCIA_CLI_TRY(notes, app::client_visit_notes(*clinics, practitioner, o.id, ctx.now()));
  return print_notes(ctx, notes, "No visit notes of your clinic for client " + std::to_string(o.id) + " yet.");
}

int amend_note(Context& ctx, const NoteOptions& o) {
  FASCIA_CLI_TRY(accounts, adapters::open_account_store(ctx.database()));
  FASCIA_CLI_TRY(clinics, adapters::open_clinic_store(ctx.database()));
  FASCIA_CLI_TRY(practitioner, account_named(*accounts, o.as));
  // The terminal names the note alone; its client comes from the note (the
  // terminal has the database's trust), and the use case checks the rest.
  FASCIA_CLI_TRY(found, clinics->find_visit_note(o.id));
  // One answer for a note that does not exist, one of another clinic and one
  // of a client this practitioner has no live link to: which it is, and whose,
  // is not theirs to learn from a number they typed.
  const core::Error unreachable{core::ErrorCode::not_found,
                                "no visit note " + std::to_string(o.id) + " of a client linked to you"};
  if (!found) return report(ctx.err, unreachable);
  if (practitioner.membership.role == core::Role::practitioner) {
    const auto reach = app::check_reach(*clinics, practitioner, found->person_id, core::CareArea::care);
    const bool refused = !reach && (reach.error().code == core::ErrorCode::not_found ||
                                    reach.error().code == core::ErrorCode::forbidden);
    if (!reach && !refused) return report(ctx.err, reach.error());  // the store failed: say so
    if (refused || found->clinic_id != practitioner.membership.clinic_id) return report(ctx.err, unreachable);
  }
  auto note = app::amend_visit_note(*clinics, practitioner, found->person_id, o.id, o.parts(), o.reason, ctx.now());
  if (!note) return report_field(ctx, note.error());
  if (ctx.json()) {
    ctx.print_json(adapters::visit_note_json(*note));
    return kOk;
  }
  ctx.out << "Visit note " << note->id << " amended (revision " << note->current().number
          << "); the earlier text is kept and shown with it.\n";
  return kOk;
}

int own_notes(Context& ctx, const std::string& as) {
  FASCIA_CLI_TRY(accounts, adapters::open_account_store(ctx.database()));
  FASCIA_CLI_TRY(clinics, adapters::open_clinic_store(ctx.database()));
  FASCIA_CLI_TRY(person, person_actor(*accounts, ctx.acting_as(as)));
  FASCIA_CLI_TRY(notes, app::own_visit_notes(*clinics, person.person_id));
  return print_notes(ctx, notes, "No practitioner has written a visit note about you.");
}

void add_parts(CLI::App* cmd, NoteOptions& o, const char* verb) {
  const std::string v = verb;
  cmd->add_option("--subjective", o.subjective, v + "what the person reports");
  cmd->add_option("--objective", o.objective, v + "what was found");
  cmd->add_option("--assessment", o.assessment, v + "what the practitioner makes of it");
  cmd->add_option("--plan", o.plan, v + "what comes next");
}

}  // namespace

void add_note_commands(CLI::App& app, Context& ctx, Action& action) {
  CLI::App* practice = app.get_subcommand("practice");
  auto o = std::make_shared<NoteOptions>();

  auto* note = practice->add_subcommand(
      "note", "write a SOAP note of a visit for a linked client (logged in their access log; at least one part)");
  note->add_option("client", o->id, "the client's person id")->required();
  note->add_option("--as", o->as, "the practitioner's account name")->required();
  note->add_option("--date", o->date, "the day of the visit, YYYY-MM-DD (default: today; at most 365 days ago)");
  add_parts(note, *o, "");
  note->callback([&ctx, &action, o] { action = [&ctx, o] { return write_note(ctx, *o); }; });

  auto* notes = practice->add_subcommand("notes", "your clinic's visit notes for a linked client (logged)");
  notes->add_option("client", o->id, "the client's person id")->required();
  notes->add_option("--as", o->as, "the practitioner's account name")->required();
  notes->callback([&ctx, &action, o] { action = [&ctx, o] { return client_notes(ctx, *o); }; });

  auto* amend = practice->add_subcommand(
      "amend", "amend a visit note of your clinic: a new revision, the earlier text kept (logged)");
  amend->add_option("note", o->id, "the note's number (fascia practice notes)")->required();
  amend->add_option("--as", o->as, "the practitioner's account name")->required();
  amend->add_option("--reason", o->reason, "why it is amended")->required();
  add_parts(amend, *o, "new text: ");
  amend->callback([&ctx, &action, o] { action = [&ctx, o] { return amend_note(ctx, *o); }; });

  auto* own = app.add_subcommand("notes", "practitioners' visit notes about you, of every clinic, with amendments");
  own->add_option("--as", o->as, "a person's account (default: the terminal's person)");
  own->callback([&ctx, &action, o] { action = [&ctx, o] { return own_notes(ctx, o->as); }; });
}

}  // namespace fascia::cli
