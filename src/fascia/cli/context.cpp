#include "fascia/cli/context.hpp"

#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "fascia/adapters/json_text.hpp"
#include "fascia/adapters/kb_paths.hpp"
#include "fascia/adapters/password_hash.hpp"
#include "fascia/adapters/system_clock.hpp"
#include "fascia/adapters/yaml_knowledge_source.hpp"

namespace fascia::cli {

namespace {
std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}
}  // namespace

Context::Context(GlobalOptions& options, std::ostream& o, std::ostream& e, std::istream& i)
    : out(o), err(e), in(i), options_(options) {}

void Context::print_json(const nlohmann::json& value) { out << adapters::json_text(value, 2) << "\n"; }

adapters::DatabaseTarget Context::database() const {
  if (!options_.db.empty()) return adapters::DatabaseTarget(options_.db);
  if (auto v = env("FASCIA_DB"); !v.empty()) return adapters::DatabaseTarget(v);
  return adapters::DatabaseTarget(default_file().string());
}

std::filesystem::path Context::local_anchor() const {
  const auto target = database();
  const std::string person = person_id_ == 1 ? "" : ".person-" + std::to_string(person_id_);
  if (!target.is_postgresql()) return target.file().string() + person;
  const auto folder = default_file().parent_path();
  std::error_code ignored;
  std::filesystem::create_directories(folder, ignored);  // a failure shows when the draft is written
  return folder / ("postgresql-" + adapters::token_hash(target.text()).substr(0, 16) + ".db" + person);
}

std::filesystem::path Context::default_file() {
  std::filesystem::path base;
  if (auto xdg = env("XDG_DATA_HOME"); !xdg.empty())
    base = xdg;
  else if (auto home = env("HOME"); !home.empty())
    base = std::filesystem::path(home) / ".local" / "share";
  else
    base = ".";
  return base / "fascia" / "fascia.db";
}

std::filesystem::path Context::data_dir() const {
  if (!options_.data.empty()) return options_.data;
  return adapters::default_data_dir();
}

core::Result<const core::KnowledgeBase*> Context::kb() {
  if (!kb_) {
    adapters::YamlKnowledgeSource source(data_dir());
    auto loaded = source.load();
    if (!loaded) {
      const auto& problems = loaded.error();
      std::string first = problems.empty() ? "unknown problem" : problems.front();
      return core::fail(core::ErrorCode::kb_invalid,
                        "knowledge base in " + data_dir().string() + " is invalid: " + first +
                            (problems.size() > 1 ? " (and " + std::to_string(problems.size() - 1) +
                                                       " more; run 'fascia kb check')"
                                                 : ""));
    }
    kb_ = std::move(*loaded);
  }
  return &*kb_;
}

core::Result<app::JournalStore*> Context::store() {
  if (!store_) {
    if (auto sound = adapters::check_database_pages(database()); !sound) return tl::make_unexpected(sound.error());
    if (!options_.as.empty()) {
      auto person = person_named(options_.as);
      if (!person) return tl::make_unexpected(person.error());
      person_id_ = *person;
    }
    auto opened = adapters::open_journal_store(database(), person_id_);
    if (!opened) return tl::make_unexpected(opened.error());
    store_ = std::move(*opened);
  }
  return store_.get();
}

core::Result<std::int64_t> Context::person_named(const std::string& name) const {
  auto accounts = adapters::open_account_store(database());
  if (!accounts) return tl::make_unexpected(accounts.error());
  auto found = (*accounts)->find_account(name);
  if (!found) return tl::make_unexpected(found.error());
  if (!*found)
    return core::fail(core::ErrorCode::not_found, "--as: no account named '" + name + "' (fascia user list)");
  const auto& account = **found;
  if (account.membership.role != core::Role::person)
    return core::fail(core::ErrorCode::forbidden, "--as: '" + name + "' is " +
                                                      core::role_with_article(account.membership.role) +
                                                      "; only a person's account has a journal of its own");
  if (account.deactivated_at)
    return core::fail(core::ErrorCode::forbidden, "--as: account '" + name + "' is deactivated");
  return account.person_id;
}

core::Result<core::Date> Context::today() {
  std::string text = options_.today.empty() ? env("FASCIA_TODAY") : options_.today;
  if (text.empty()) return adapters::SystemClock{}.today();
  auto d = core::parse_date(text);
  if (!d) return core::fail(core::ErrorCode::bad_date, "--today: " + d.error().message);
  return *d;
}

core::Result<std::unique_ptr<app::Clock>> Context::clock() {
  const std::string text = options_.today.empty() ? env("FASCIA_TODAY") : options_.today;
  if (text.empty()) return std::unique_ptr<app::Clock>(new adapters::SystemClock());
  auto d = today();
  if (!d) return tl::make_unexpected(d.error());
  return std::unique_ptr<app::Clock>(new app::FixedClock(*d, std::make_unique<adapters::SystemClock>()));
}

std::int64_t Context::now() {
  auto fixed = clock();
  return fixed ? (*fixed)->now() : adapters::SystemClock{}.now();
}

core::Result<PersonContext> Context::person() {
  PersonContext p;
  auto base = kb();
  if (!base) return tl::make_unexpected(base.error());
  auto date = today();
  if (!date) return tl::make_unexpected(date.error());
  auto journal = store();
  if (!journal) return tl::make_unexpected(journal.error());
  auto loaded = app::load_person(**base, **journal);
  if (!loaded) return tl::make_unexpected(loaded.error());
  return PersonContext{*base, *date, *journal, std::move(*loaded)};
}

}  // namespace fascia::cli
