// fascia serve [--bind ADDR] [--port N] [--web DIR]: the JSON API and the web
// app. On a loopback address it prints a one-time login link, like a
// notebook server; on any other address it needs accounts.
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>

#include <cstdlib>
#include <thread>

#include "fascia/adapters/database_open.hpp"
#include "fascia/adapters/gazetteer_file.hpp"
#include "fascia/adapters/password_hash.hpp"
#include "fascia/cli/commands.hpp"
#include "fascia/cli/decimal_option.hpp"
#include "fascia/server/http_server.hpp"

namespace fascia::cli {

namespace {

struct ServeArgs {
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string web;
  int header_deadline_seconds = 10;
  int connections_per_address = 128;
  std::string public_origin;
  std::vector<std::string> trusted_proxies;
};

// Lets the server hold as many connections as the system allows this
// process (the soft limit on open files is often 1,024; the hard one higher).
void raise_open_file_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

bool is_loopback(const std::string& address) {
  return address == "127.0.0.1" || address == "localhost" || address == "::1" || address.rfind("127.", 0) == 0;
}

std::filesystem::path web_dir(const std::string& option) {
  if (!option.empty()) return option;
  if (const char* env = std::getenv("FASCIA_WEB"); env && *env) return env;
  return FASCIA_DEFAULT_WEB_DIR;
}

std::string url_host(const std::string& address) {
  if (address == "0.0.0.0" || address == "::") return "127.0.0.1";
  return address.find(':') != std::string::npos ? "[" + address + "]" : address;
}

int serve(Context& ctx, const ServeArgs& args) {
  FASCIA_CLI_TRY(kb, ctx.kb());
  FASCIA_CLI_TRY(clock, ctx.clock());
  FASCIA_CLI_CHECK(adapters::check_database_pages(ctx.database()));  // a damaged file is refused before any write
  FASCIA_CLI_TRY(accounts, adapters::open_account_store(ctx.database()));
  FASCIA_CLI_TRY(existing, accounts->list_accounts());
  const bool loopback = is_loopback(args.bind);
  if (!loopback && existing.empty())
    return report(ctx.err, {core::ErrorCode::precondition, "serving on " + args.bind +
                                                               " needs accounts, so that no one on the network reaches "
                                                               "your data unasked: run 'fascia user add NAME' first"});

  server::StorePool stores([target = ctx.database()]() -> core::Result<std::unique_ptr<app::JournalStore>> {
    auto opened = adapters::open_journal_store(target, 1);
    if (!opened) return tl::make_unexpected(opened.error());
    return std::unique_ptr<app::JournalStore>(std::move(*opened));
  });
  FASCIA_CLI_TRY(probe, stores.lease(1));  // a damaged or locked file fails here, not on the first request
  (void)probe;
  server::AccountPool account_pool([target = ctx.database()]() -> core::Result<std::unique_ptr<app::AccountStore>> {
    auto opened = adapters::open_account_store(target);
    if (!opened) return tl::make_unexpected(opened.error());
    return std::unique_ptr<app::AccountStore>(std::move(*opened));
  });

  // Beyond loopback, cookies travel only over HTTPS, unless the person says
  // the server is reached over plain HTTP (--public-origin http://...).
  server::SiteSecurity security;
  security.public_origin = args.public_origin;
  security.trusted_proxies = args.trusted_proxies;
  security.secure_cookies = args.public_origin.empty() ? !loopback : args.public_origin.rfind("https://", 0) == 0;

  server::OneTimeToken login_token(loopback ? adapters::random_token() : std::string());
  server::ClinicPool clinic_pool([target = ctx.database()]() -> core::Result<std::unique_ptr<app::ClinicStore>> {
    auto opened = adapters::open_clinic_store(target);
    if (!opened) return tl::make_unexpected(opened.error());
    return std::unique_ptr<app::ClinicStore>(std::move(*opened));
  });
  server::FinderServices finder(
      [target = ctx.database()]() -> core::Result<std::unique_ptr<app::DirectoryStore>> {
        auto opened = adapters::open_directory_store(target);
        if (!opened) return tl::make_unexpected(opened.error());
        return std::unique_ptr<app::DirectoryStore>(std::move(*opened));
      },
      adapters::default_gazetteer_file());
  server::ServerState state{*kb, *clock, stores, account_pool, clinic_pool, finder, login_token, security};
  const auto web = web_dir(args.web);
  // SIGINT and SIGTERM end the server cleanly: a thread waits for them.
  // Blocked before the server starts its threads, which inherit the mask;
  // otherwise the signal could land on one of them and end the process at once.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  raise_open_file_limit();
  server::TransportLimits limits;
  limits.header_deadline = std::chrono::seconds(args.header_deadline_seconds);
  limits.body_deadline = std::chrono::seconds(args.header_deadline_seconds);
  limits.connections_per_address = static_cast<std::size_t>(args.connections_per_address);
  server::HttpServer http(state,
                          {args.bind, args.port, std::filesystem::exists(web / "index.html") ? web : "", limits});
  FASCIA_CLI_TRY(port, http.bind());

  std::thread waiter([&] {
    int received = 0;
    sigwait(&signals, &received);
    http.stop();
  });

  const std::string base = "http://" + url_host(args.bind) + ":" + std::to_string(port) + "/";
  ctx.out << "fascia is serving " << ctx.database().display() << " on " << base << "\n";
  if (!std::filesystem::exists(web / "index.html"))
    ctx.out << "The web app is not built (" << web.string() << "): only the API is served. Build it with: "
            << "npm --prefix web ci && npm --prefix web run build\n";
  if (loopback)
    ctx.out << "Open this link in your browser to sign in (it works once): " << base
            << "login?token=" << login_token.value() << "\n";
  if (!existing.empty()) ctx.out << "Accounts can also sign in with their name and password at " << base << "\n";
  if (args.bind == "0.0.0.0" || args.bind == "::")
    ctx.out << "Listening on every address of this machine (" << args.bind << "); " << base
            << " is this machine's own.\n";
  if (security.secure_cookies)
    ctx.out << "Note: beyond loopback the sign-in cookie is Secure, so browsers keep it only over HTTPS: put a TLS "
               "proxy in front (nginx), or on a trusted network pass --public-origin http://HOST:"
            << port << " to allow plain HTTP.\n";
  ctx.out << "Press Ctrl+C to stop." << std::endl;

  http.listen();
  pthread_kill(waiter.native_handle(), SIGTERM);  // wakes the waiter if the server stopped on its own
  waiter.join();
  ctx.out << "fascia serve stopped." << std::endl;
  return kOk;
}

}  // namespace

void add_serve_command(CLI::App& app, Context& ctx, Action& action) {
  auto args = std::make_shared<ServeArgs>();
  auto* cmd = app.add_subcommand("serve", "serve the web app and the JSON API (docs/API.md)");
  cmd->add_option("--bind", args->bind, "address to listen on (default 127.0.0.1; any other needs accounts)");
  cmd->add_option("--port", args->port, "port (default 8080; 0 picks a free one)")->transform(decimal_number(0, 65535));
  cmd->add_option("--request-deadline", args->header_deadline_seconds,
                  "seconds a request's headers, and then its body, may take to arrive (default 10)")
      ->transform(decimal_number(1, 300));
  cmd->add_option("--connections-per-address", args->connections_per_address,
                  "open connections one client address may hold (default 128; raise it behind a proxy)")
      ->transform(decimal_number(1, 100000));
  cmd->add_option("--public-origin", args->public_origin,
                  "the address people use, e.g. https://clinic.example: writes from other origins are refused, "
                  "and cookies are Secure unless it is http://")
      ->check([](const std::string& v) {
        return v.rfind("https://", 0) == 0 || v.rfind("http://", 0) == 0
                   ? std::string()
                   : std::string("--public-origin: ") + v + " is not an http:// or https:// origin";
      });
  cmd->add_option("--trusted-proxy", args->trusted_proxies,
                  "the address of a proxy in front (repeatable): its X-Forwarded-For names the client");
  cmd->add_option("--web", args->web, "the built web app (default: $FASCIA_WEB or web/dist of the source tree)");
  cmd->callback([&ctx, &action, args] { action = [&ctx, args] { return serve(ctx, *args); }; });
}

}  // namespace fascia::cli
