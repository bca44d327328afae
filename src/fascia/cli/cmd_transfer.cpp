// fascia export [--out FILE] | import FILE: all of a person's data as JSON.
#include <fstream>
#include <sstream>

#include "fascia/adapters/json_codec.hpp"
#include "fascia/app/person_import.hpp"
#include "fascia/app/validate.hpp"
#include "fascia/cli/commands.hpp"

namespace fascia::cli {

namespace {

int export_all(Context& ctx, const std::string& out_path) {
  FASCIA_CLI_TRY(store, ctx.store());
  FASCIA_CLI_TRY(data, store->export_all());
  const std::string text = adapters::person_data_to_json(data);
  if (out_path.empty() || out_path == "-") {
    ctx.out << text << "\n";
    return kOk;
  }
  // Write beside the target, then rename: a reader never sees half a file.
  const std::string tmp = out_path + ".tmp";
  {
    std::ofstream file(tmp, std::ios::trunc);
    file << text << "\n";
    file.flush();
    if (!file) return report(ctx.err, {core::ErrorCode::io_error, "cannot write '" + tmp + "'"});
  }
  if (std::rename(tmp.c_str(), out_path.c_str()) != 0)
    return report(ctx.err, {core::ErrorCode::io_error, "cannot write '" + out_path + "'"});
  ctx.err << "Exported to " << out_path << "\n";
  return kOk;
}

int import_all(Context& ctx, const std::string& path) {
  FASCIA_CLI_TRY(kb, ctx.kb());
  FASCIA_CLI_TRY(today, ctx.today());
  std::stringstream ss;
  if (path == "-") {
    ss << ctx.in.rdbuf();
  } else {
    std::ifstream file(path);
    if (!file) return report(ctx.err, {core::ErrorCode::io_error, "cannot read '" + path + "'"});
    ss << file.rdbuf();
  }
  auto data = adapters::person_data_from_json(ss.str());
  if (!data) return report(ctx.err, {data.error().code, path + ": " + data.error().message});
  // Checked here first so that an error in the file names the file; the
  // import checks again, then refuses what only the database can tell (a
  // record a practitioner made that it does not hold, "programs[0]: …"),
  // and passes on the store's own errors.
  if (auto ok = app::validate_person_data(*kb, *data, today); !ok)
    return report(ctx.err, {ok.error().code, path + ": " + ok.error().message});
  FASCIA_CLI_TRY(store, ctx.store());
  FASCIA_CLI_TRY(imported, app::import_person_data(*kb, *store, std::move(*data), today));
  ctx.out << "Imported " << path << ": " << imported.sessions << " sessions, " << imported.pain_scores
          << " pain scores, " << imported.screenings << " screenings.\n";
  if (const std::size_t n = imported.practitioner_records_kept; n > 0)
    ctx.out << n << (n == 1 ? " record" : " records")
            << " a practitioner made (home programs, clinic treatments, signed clearances) kept as this database holds "
               "them, though the file does not have them.\n";
  if (const std::size_t n = imported.clearances_kept_as_own; n > 0)
    ctx.out << n << (n == 1 ? " clearance" : " clearances")
            << " marked as signed by a practitioner kept as entered by you: a file cannot show that a practitioner "
               "signed it, so your practitioner sees it as your own entry.\n";
  return kOk;
}

}  // namespace

void add_transfer_commands(CLI::App& app, Context& ctx, Action& action) {
  auto out = std::make_shared<std::string>();
  auto* ex = app.add_subcommand("export", "write everything you have as JSON (fascia-export v1)");
  ex->add_option("--out", *out, "file to write (default: standard output)");
  ex->callback([&ctx, &action, out] { action = [&ctx, out] { return export_all(ctx, *out); }; });
  auto in = std::make_shared<std::string>();
  auto* im = app.add_subcommand("import", "replace everything with a fascia-export JSON file (checked first)");
  im->add_option("file", *in, "the file, or - for standard input")->required();
  im->callback([&ctx, &action, in] { action = [&ctx, in] { return import_all(ctx, *in); }; });
}

}  // namespace fascia::cli
