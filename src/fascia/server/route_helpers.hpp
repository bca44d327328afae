// Small pieces the route files share: borrowing the caller's store, loading
// their whole picture, and turning core errors into API errors.
#pragma once

#include <nlohmann/json.hpp>

#include "fascia/app/field_error.hpp"
#include "fascia/app/person_state.hpp"
#include "fascia/core/care_access.hpp"
#include "fascia/server/api_router.hpp"

namespace fascia::server {

// Declares `var` as the value of an ApiResult, or returns its error.
#define API_TRY(var, expr)                                               \
  auto var##_result_ = (expr);                                           \
  if (!var##_result_) return tl::make_unexpected(var##_result_.error()); \
  auto& var = *var##_result_

ApiResult<StorePool::Lease> person_store(Call& call);
// What a link shares, from {journal?, sessions?, screening?} (booleans,
// false when left out) at `path`; 400 naming an unknown field or a value
// that is not a boolean.
ApiResult<core::Sharing> read_sharing(const nlohmann::json& object, const std::string& path);
// The same from the body's required "share" object; 400 when it is missing
// or not an object.
ApiResult<core::Sharing> read_share_field(const nlohmann::json& body);
// The caller's account; for person 1 signed in by the start-up link without
// an account, a person named "local".
ApiResult<app::Account> caller_account(Call& call);
// Runs a write for the caller through the group commit (group_commit.hpp):
// its answer once its batch is durable, or its error.
ApiResult<Reply> write_through(Call& call, GroupCommit::Write write);
// The caller's network address: the peer's, or, when the peer is a trusted
// proxy (SiteSecurity::trusted_proxies), the last address it appended to
// X-Forwarded-For.
std::string client_address(const Call& call);
// Capture `index` of the route's path as a number; 404 not_found "no <what>
// <text>" with `field` when it is out of range, like a record that does not
// exist (the route's regex already took only digits).
ApiResult<std::int64_t> number_in_path(const Call& call, std::size_t index, const std::string& what,
                                       const std::string& field = "id");
// precondition (409) when there is no profile or screening yet.
ApiResult<app::PersonState> load_person_state(Call& call, app::JournalStore& store);

template <class T>
ApiResult<T> lift(core::Result<T> result, const std::string& field = {}) {
  if (!result) return tl::make_unexpected(from_core(result.error(), field));
  if constexpr (std::is_void_v<T>)
    return {};
  else
    return std::move(*result);
}

// A use case's error that names its field, with every problem it found
// when it found several ("problems"; not for a 5xx).
ApiError from_field(const app::FieldError& e);

// lift for a use case whose errors name their field (app/field_error.hpp).
template <class T>
ApiResult<T> lift_field(app::FieldResult<T> result) {
  if (!result) return tl::make_unexpected(from_core(result.error().error, result.error().field));
  return std::move(*result);
}

// lift for a route acting on the record its path names: the error names
// `field` (404 not that record, 409 not in a state for it) unless it is
// about the caller (403 forbidden), which names no field.
template <class T>
ApiResult<T> lift_for_record(core::Result<T> result, const std::string& field) {
  const bool about_caller = !result && result.error().code == core::ErrorCode::forbidden;
  return lift(std::move(result), about_caller ? std::string() : field);
}

inline Reply json_reply(std::string body, int status = 200) { return Reply{status, std::move(body)}; }

// How an answer's JSON is laid out: compact, or indented by two spaces as
// the terminal prints it (what some routes answered before views were
// values; kept so that no answer changes by a byte).
enum class JsonLayout { compact, indented };

// A JSON value as the answer, written by adapters::json_text.
Reply json_reply(const nlohmann::json& value, int status = 200, JsonLayout layout = JsonLayout::compact);

}  // namespace fascia::server
