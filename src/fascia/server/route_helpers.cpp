#include "fascia/server/route_helpers.hpp"

#include <algorithm>

#include "fascia/adapters/json_text.hpp"
#include "fascia/server/json_input.hpp"

namespace fascia::server {

Reply json_reply(const nlohmann::json& value, int status, JsonLayout layout) {
  return Reply{status, adapters::json_text(value, layout == JsonLayout::indented ? 2 : -1)};
}

ApiResult<StorePool::Lease> person_store(Call& call) { return lift(call.state.stores.lease(call.person_id)); }

ApiResult<std::int64_t> number_in_path(const Call& call, std::size_t index, const std::string& what,
                                       const std::string& field) {
  const std::string& text = call.request.path_params.at(index);
  try {
    return std::stoll(text);
  } catch (const std::exception&) {
    return api_fail(404, "not_found", "no " + what + " " + text, field);
  }
}

ApiResult<app::Account> caller_account(Call& call) {
  API_TRY(accounts, lift(call.state.accounts.lease()));
  API_TRY(found, lift(accounts->account_of(call.person_id)));
  if (found) return *found;
  app::Account local;
  local.person_id = call.person_id;
  local.name = "local";
  return local;
}

ApiResult<Reply> write_through(Call& call, GroupCommit::Write write) {
  return call.state.writes.run(call.person_id, std::move(write));
}

std::string client_address(const Call& call) {
  const auto& proxies = call.state.security.trusted_proxies;
  const auto& peer = call.request.remote_address;
  const auto forwarded = call.request.header("X-Forwarded-For");
  if (forwarded.empty() || std::find(proxies.begin(), proxies.end(), peer) == proxies.end()) return peer;
  // The proxy appends the address it saw; earlier entries are the client's word.
  auto last = forwarded.substr(forwarded.rfind(',') == std::string_view::npos ? 0 : forwarded.rfind(',') + 1);
  while (!last.empty() && (last.front() == ' ' || last.front() == '\t')) last.remove_prefix(1);
  while (!last.empty() && (last.back() == ' ' || last.back() == '\t')) last.remove_suffix(1);
  return last.empty() ? peer : std::string(last);
}

ApiResult<app::PersonState> load_person_state(Call& call, app::JournalStore& store) {
  auto person = app::load_person(call.state.kb, store);
  if (person) return std::move(*person);
  ApiError error = from_core(person.error());
  if (person.error().code != core::ErrorCode::precondition) return tl::make_unexpected(error);
  // The terminal's wording names a command; the browser has its own pages.
  auto gap = lift(app::person_gap(call.state.kb, store));
  if (!gap) return tl::make_unexpected(gap.error());
  if (*gap == app::PersonGap::no_profile)
    error.message = "no profile yet: set up your profile first";
  else if (*gap == app::PersonGap::no_screening)
    error.message = "no screening yet: answer the screening questions first";
  else if (*gap == app::PersonGap::screening_outdated)
    error.message = "the screening questions have changed: answer them again";
  return tl::make_unexpected(error);
}

ApiResult<core::Sharing> read_sharing(const nlohmann::json& object, const std::string& path) {
  if (auto ok = only_fields(object, {"journal", "sessions", "screening"}, path); !ok)
    return tl::make_unexpected(ok.error());
  API_TRY(journal, read_bool(object, "journal", false, path));
  API_TRY(sessions, read_bool(object, "sessions", false, path));
  API_TRY(screening, read_bool(object, "screening", false, path));
  return core::Sharing{journal, sessions, screening};
}

ApiResult<core::Sharing> read_share_field(const nlohmann::json& body) {
  if (!body.contains("share") || !body["share"].is_object())
    return api_fail(400, "invalid", "share: give an object saying what to share, e.g. {\"journal\": true}", "share");
  return read_sharing(body["share"], "share");
}

ApiError from_field(const app::FieldError& e) {
  ApiError out = from_core(e.error, e.field);
  if (out.status < 500)
    for (const auto& p : e.problems) out.problems.emplace_back(p.field, p.message);
  return out;
}

}  // namespace fascia::server
