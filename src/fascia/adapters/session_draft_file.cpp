#include "fascia/adapters/session_draft_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace fascia::adapters {

namespace {

using nlohmann::json;

const char* kind_name(app::SessionEvent::Kind k) {
  switch (k) {
    case app::SessionEvent::Kind::done:
      return "done";
    case app::SessionEvent::Kind::skip:
      return "skip";
    case app::SessionEvent::Kind::stop:
      return "stop";
  }
  return "done";
}

json to_json(const app::SessionDraft& d) {
  json events = json::array();
  for (const auto& e : d.events) {
    json j{{"kind", kind_name(e.kind)}, {"amount", e.amount}};
    if (e.pressure) j["pressure"] = *e.pressure;
    if (!e.reason.empty()) j["reason"] = e.reason;
    if (!e.signs.empty()) j["signs"] = e.signs;
    events.push_back(j);
  }
  json out{{"format", "fascia-session-draft-1"},
           {"person_id", d.person_id},
           {"date", core::format_date(d.date)},
           {"protocol", d.protocol},
           {"events", events},
           {"finished", d.finished}};
  if (d.soreness) out["soreness"] = *d.soreness;
  return out;
}

core::Result<app::SessionDraft> from_json(const json& j) {
  if (!j.is_object() || j.value("format", "") != "fascia-session-draft-1")
    return core::fail(core::ErrorCode::malformed_file, "not a fascia session draft");
  app::SessionDraft d;
  d.person_id = j.at("person_id").get<std::int64_t>();
  auto date = core::parse_date(j.at("date").get<std::string>());
  if (!date) return tl::make_unexpected(date.error());
  d.date = *date;
  d.protocol = j.at("protocol").get<std::string>();
  d.finished = j.at("finished").get<bool>();
  if (j.contains("soreness")) d.soreness = j.at("soreness").get<int>();
  for (const auto& e : j.at("events")) {
    app::SessionEvent ev;
    const std::string kind = e.at("kind").get<std::string>();
    if (kind == "done")
      ev.kind = app::SessionEvent::Kind::done;
    else if (kind == "skip")
      ev.kind = app::SessionEvent::Kind::skip;
    else if (kind == "stop")
      ev.kind = app::SessionEvent::Kind::stop;
    else
      return core::fail(core::ErrorCode::malformed_file, "event kind '" + kind + "' is not done, skip or stop");
    ev.amount = e.value("amount", 0);
    if (e.contains("pressure")) ev.pressure = e.at("pressure").get<int>();
    ev.reason = e.value("reason", std::string());
    if (e.contains("signs")) ev.signs = e.at("signs").get<std::vector<std::string>>();
    d.events.push_back(std::move(ev));
  }
  return d;
}

core::Error io_failure(const std::filesystem::path& file, const std::string& what) {
  return {core::ErrorCode::io_error, "cannot " + what + " '" + file.string() + "': " + std::strerror(errno)};
}

}  // namespace

std::filesystem::path SessionDraftFile::next_to(const std::filesystem::path& db) {
  return db.string() + ".session-in-progress.json";
}

core::Result<std::optional<app::SessionDraft>> SessionDraftFile::load() {
  std::ifstream in(file_, std::ios::binary);
  if (!in) {
    if (!std::filesystem::exists(file_)) return std::optional<app::SessionDraft>{};
    return tl::make_unexpected(io_failure(file_, "read"));
  }
  std::stringstream text;
  text << in.rdbuf();
  try {
    auto draft = from_json(json::parse(text.str()));
    if (!draft) return core::fail(core::ErrorCode::malformed_file, file_.string() + ": " + draft.error().message);
    return std::optional<app::SessionDraft>{std::move(*draft)};
  } catch (const json::exception& e) {
    return core::fail(core::ErrorCode::malformed_file, file_.string() + ": not a session draft (" + e.what() + ")");
  }
}

core::Result<void> SessionDraftFile::save(const app::SessionDraft& draft) {
  const std::string text = to_json(draft).dump(2) + "\n";
  const std::filesystem::path tmp = file_.string() + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return tl::make_unexpected(io_failure(tmp, "write"));
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      auto err = io_failure(tmp, "write");
      ::close(fd);
      return tl::make_unexpected(err);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    auto err = io_failure(tmp, "flush");
    ::close(fd);
    return tl::make_unexpected(err);
  }
  ::close(fd);
  if (::rename(tmp.c_str(), file_.c_str()) != 0) return tl::make_unexpected(io_failure(file_, "write"));
  const auto folder = file_.has_parent_path() ? file_.parent_path() : std::filesystem::path(".");
  if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return {};
}

core::Result<void> SessionDraftFile::clear() {
  std::error_code ec;
  std::filesystem::remove(file_, ec);
  if (ec) return core::fail(core::ErrorCode::io_error, "cannot remove '" + file_.string() + "': " + ec.message());
  return {};
}

}  // namespace fascia::adapters
