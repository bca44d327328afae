// fascia user add NAME [--role person|practitioner|admin --clinic ID]
// [--password-stdin] [--take-terminal-journal | --new-journal]
// | user passwd NAME [--password-stdin] | user list: accounts for the server.
#include <termios.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "fascia/adapters/database_open.hpp"
#include "fascia/adapters/json_care_views.hpp"
#include "fascia/adapters/json_text.hpp"
#include "fascia/adapters/password_hash.hpp"
#include "fascia/adapters/sql_clinics.hpp"
#include "fascia/cli/commands.hpp"

namespace fascia::cli {

namespace {

// Reads one line from the terminal without echoing it.
std::optional<std::string> read_hidden(Context& ctx, const std::string& prompt) {
  ctx.err << prompt << std::flush;
  termios old{};
  const bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
  if (tty) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  const bool ok = static_cast<bool>(std::getline(ctx.in, line));
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    ctx.err << "\n";
  }
  if (!ok) return std::nullopt;
  return line;
}

core::Result<std::string> ask_password(Context& ctx, bool from_stdin) {
  if (from_stdin) {
    std::string line;
    if (!std::getline(ctx.in, line)) return core::fail(core::ErrorCode::invalid_argument, "no password on stdin");
    return line;
  }
  auto first = read_hidden(ctx, "Password (at least 8 characters): ");
  auto second = first ? read_hidden(ctx, "Again: ") : std::nullopt;
  if (!first || !second) return core::fail(core::ErrorCode::invalid_argument, "no password given; nothing saved");
  if (*first != *second)
    return core::fail(core::ErrorCode::invalid_argument, "the two passwords differ; nothing saved");
  return *first;
}

struct NewUser {
  std::string name;
  std::string role = "person";
  std::int64_t clinic = 0;  // 0: none
  bool password_stdin = false;
  bool take_terminal_journal = false;  // a person's account owns person 1 even when it holds entries
  bool new_journal = false;            // a person's account of its own, never person 1
};

// Whether person 1, the terminal's journal, holds anything a person entered
// or accepted (a profile, screenings, journal entries, programs, links): an
// account that took it over would own all of it.
core::Result<bool> terminal_journal_in_use(Context& ctx) {
  auto store = adapters::open_journal_store(ctx.database(), 1);
  if (!store) return tl::make_unexpected(store.error());
  auto data = (*store)->export_all();
  if (!data) return tl::make_unexpected(data.error());
  if (!(*data == core::PersonData{})) return true;
  auto clinics = adapters::open_clinic_store(ctx.database());
  if (!clinics) return tl::make_unexpected(clinics.error());
  auto links = (*clinics)->links_of_person(1);
  if (!links) return tl::make_unexpected(links.error());
  return !links->empty();
}

// How a new person's account gets its journal: person 1 when no account owns
// it and it is empty (or --take-terminal-journal), a new one with
// --new-journal. precondition when person 1 is unowned but in use and
// neither is given: who the entries belong to is for the operator to say.
core::Result<app::TerminalPerson> journal_of_new_person(Context& ctx, app::AccountStore& accounts,
                                                        const NewUser& user) {
  if (user.take_terminal_journal && user.new_journal)
    return core::fail(core::ErrorCode::invalid_argument,
                      "--take-terminal-journal and --new-journal contradict each other: give one");
  if (user.new_journal) return app::TerminalPerson::never;
  auto owner = accounts.account_of(1);
  if (!owner) return tl::make_unexpected(owner.error());
  if (*owner && user.take_terminal_journal)
    return core::fail(core::ErrorCode::precondition,
                      "--take-terminal-journal: the terminal's journal (person 1) already belongs to '" +
                          (*owner)->name + "'; leave the option out");
  if (*owner) return app::TerminalPerson::may_own;  // person 1 is taken: a new person anyway
  if (user.take_terminal_journal) return app::TerminalPerson::may_own;
  auto in_use = terminal_journal_in_use(ctx);
  if (!in_use) return tl::make_unexpected(in_use.error());
  if (!*in_use) return app::TerminalPerson::may_own;
  return core::fail(core::ErrorCode::precondition,
                    "the terminal's journal (person 1) already holds entries made at the terminal and no account "
                    "owns it: add --take-terminal-journal if they are " +
                        user.name + "'s, or --new-journal for an account of " + user.name + "'s own");
}

int add_user(Context& ctx, const NewUser& user) {
  const std::string& name = user.name;
  FASCIA_CLI_CHECK(app::validate_account_name(name));
  const auto role = core::parse_role(user.role);
  if (!role)
    return report(ctx.err, {core::ErrorCode::invalid_argument,
                            "--role: '" + user.role + "' is not one of person, practitioner, admin"});
  app::Membership membership{*role, user.clinic > 0 ? std::optional<std::int64_t>(user.clinic) : std::nullopt};
  FASCIA_CLI_CHECK(app::validate_membership(membership));
  FASCIA_CLI_TRY(today, ctx.today());
  FASCIA_CLI_TRY(accounts, adapters::open_account_store(ctx.database()));
  FASCIA_CLI_TRY(existing, accounts->find_account(name));
  if (existing) return report(ctx.err, {core::ErrorCode::invalid_argument, "account '" + name + "' already exists"});
  auto terminal = app::TerminalPerson::may_own;  // practitioners and administrators never take person 1 anyway
  if (membership.role == core::Role::person) {
    FASCIA_CLI_TRY(chosen, journal_of_new_person(ctx, *accounts, user));
    terminal = chosen;
  } else if (user.take_terminal_journal || user.new_journal) {
    return report(ctx.err, {core::ErrorCode::invalid_argument,
                            "--take-terminal-journal and --new-journal are for a person's account only"});
  }
  FASCIA_CLI_TRY(password, ask_password(ctx, user.password_stdin));
  FASCIA_CLI_CHECK(app::validate_password(password));
  FASCIA_CLI_TRY(hash, adapters::hash_password(password));
  FASCIA_CLI_TRY(account, accounts->add_account(name, hash, today, membership, terminal));
  if (ctx.json()) {
    ctx.print_json(adapters::account_json(account));
  } else {
    ctx.out << "Account '" << account.name << "' created (person " << account.person_id
            << (account.person_id == 1 ? ", the same person the terminal commands use" : "");
    if (membership.role != core::Role::person)
      ctx.out << "; " << core::role_words(membership.role) << " of clinic " << *membership.clinic_id;
    ctx.out << ").\n";
  }
  return kOk;
}

// A new password; every browser signed in to the account is signed out.
int change_password(Context& ctx, const std::string& name, bool password_stdin) {
  FASCIA_CLI_CHECK(app::validate_account_name(name));
  FASCIA_CLI_TRY(accounts, adapters::open_account_store(ctx.database()));
  FASCIA_CLI_TRY(existing, accounts->find_account(name));
  if (!existing) return report(ctx.err, {core::ErrorCode::not_found, "no account named '" + name + "'"});
  FASCIA_CLI_TRY(password, ask_password(ctx, password_stdin));
  FASCIA_CLI_CHECK(app::validate_password(password));
  FASCIA_CLI_TRY(hash, adapters::hash_password(password));
  FASCIA_CLI_CHECK(accounts->set_password_hash(name, hash));
  ctx.out << "Password of '" << name << "' changed; every browser signed in to it is signed out.\n";
  return kOk;
}

int list_users(Context& ctx) {
  FASCIA_CLI_TRY(accounts, adapters::open_account_store(ctx.database()));
  FASCIA_CLI_TRY(all, accounts->list_accounts());
  if (ctx.json()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& a : all) out.push_back(adapters::account_json(a));
    ctx.print_json(out);
    return kOk;
  }
  if (all.empty()) ctx.out << "No accounts yet (fascia user add NAME).\n";
  for (const auto& a : all) {
    ctx.out << a.name << "  (person " << a.person_id;
    if (a.membership.role != core::Role::person)
      ctx.out << ", " << core::role_words(a.membership.role) << " of clinic " << a.membership.clinic_id.value_or(0);
    if (a.deactivated_at) ctx.out << ", deactivated " << adapters::utc_text(*a.deactivated_at);
    ctx.out << ")\n";
  }
  return kOk;
}

}  // namespace

void add_user_commands(CLI::App& app, Context& ctx, Action& action) {
  auto* user = app.add_subcommand("user", "accounts that can log in to fascia serve");
  user->require_subcommand(1);
  auto name = std::make_shared<std::string>();
  auto from_stdin = std::make_shared<bool>(false);
  auto user_opts = std::make_shared<NewUser>();
  auto* add = user->add_subcommand("add", "create an account (the first one owns the terminal's journal)");
  add->add_option("name", user_opts->name, "account name: a-z, 0-9, '.', '_', '-'")->required();
  add->add_option("--role", user_opts->role, "person (default), practitioner or admin (a clinic administrator)");
  add->add_option("--clinic", user_opts->clinic,
                  "the clinic of a practitioner or an administrator (fascia clinic list)");
  add->add_flag("--password-stdin", user_opts->password_stdin, "read the password from the first line of stdin");
  add->add_flag("--take-terminal-journal", user_opts->take_terminal_journal,
                "a person's account that owns the terminal's journal (person 1) and what it already holds");
  add->add_flag("--new-journal", user_opts->new_journal,
                "a person's account with a journal of its own, even when the terminal's has no owner yet");
  add->callback([&ctx, &action, user_opts] { action = [&ctx, user_opts] { return add_user(ctx, *user_opts); }; });
  auto* passwd = user->add_subcommand("passwd", "change an account's password (signs out its browsers)");
  passwd->add_option("name", *name, "account name")->required();
  passwd->add_flag("--password-stdin", *from_stdin, "read the password from the first line of stdin");
  passwd->callback([&ctx, &action, name, from_stdin] {
    action = [&ctx, name, from_stdin] { return change_password(ctx, *name, *from_stdin); };
  });
  auto* list = user->add_subcommand("list", "list the accounts");
  list->callback([&ctx, &action] { action = [&ctx] { return list_users(ctx); }; });
}

}  // namespace fascia::cli
