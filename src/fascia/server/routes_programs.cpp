// Home programs over HTTP (issue 10, point 3; docs/API.md "Home programs"):
//   GET  /api/v1/programs                         the caller's programs, each with its versions and changes
//   GET  /api/v1/programs/{id}/cards              a program's step cards, for printing
//   POST /api/v1/programs/{id}/end                the person stops following a program
//   GET  /api/v1/clients/{id}/programs            a linked practitioner: the clinic's programs for a client
//   POST /api/v1/clients/{id}/programs            assign a new program (201)
//   PUT  /api/v1/clients/{id}/programs/{p}        change it: a new version
//   POST /api/v1/clients/{id}/programs/{p}/end    end it
//   GET  /api/v1/clients/{id}/programs/{p}/cards  its step cards, for printing
// Practitioners' reaches are decided and logged first (app::home_programs);
// every write goes through the CLIENT's group commit, which raises their
// revision, so their plan follows the program from their next request.
#include "fascia/adapters/json_care_views.hpp"
#include "fascia/adapters/json_codec.hpp"
#include "fascia/adapters/json_encoding.hpp"
#include "fascia/adapters/json_program_views.hpp"
#include "fascia/adapters/json_views.hpp"
#include "fascia/app/home_programs.hpp"
#include "fascia/server/auth.hpp"
#include "fascia/server/json_input.hpp"
#include "fascia/server/route_helpers.hpp"
#include "fascia/server/routes.hpp"

namespace fascia::server {

namespace {

// The body of an assignment or change, its shape checked
// (adapters::program_request_from_json); the message names the JSON path.
ApiResult<core::HomeProgram> read_program_body(const Call& call) {
  API_TRY(body, parse_object_body(call.request));
  auto draft = adapters::program_request_from_json(body.dump());
  if (!draft) {
    const std::string& message = draft.error().message;
    const auto colon = message.find(": ");
    const std::string field =
        colon != std::string::npos && message.find(' ') > colon ? message.substr(0, colon) : std::string();
    return tl::make_unexpected(from_core(draft.error(), field));
  }
  return std::move(*draft);
}

nlohmann::json program_json(const core::HomeProgram& program) { return nlohmann::json{{"program", program}}; }

// The hold on the client's program from their own screening
// (app::program_hold), as `practitioner`'s clinic may see it.
ApiResult<app::ProgramHold> hold_of(Call& call, std::int64_t person, const app::Account& practitioner) {
  API_TRY(store, lift(call.state.stores.lease(person)));
  return lift(
      app::read_program_hold(call.state.kb, *store, app::HoldReader::practitioner, practitioner.membership.clinic_id));
}

// A writer into the client's journal through their group commit; the
// commit's own answer is kept for the reply when it fails.
struct GroupCommitWriter {
  Call& call;
  std::int64_t client;
  std::optional<ApiError> error;
  core::Result<core::HomeProgram> operator()(const core::HomeProgram& program) {
    core::HomeProgram stored;
    auto written = call.state.writes.run(client, [&](app::JournalStore& store) -> ApiResult<Reply> {
      API_TRY(result, lift(store.add_program_version(program)));
      stored = std::move(result);
      return Reply{200, {}};
    });
    if (written) return stored;
    error = written.error();
    return core::fail(core::ErrorCode::db_error, written.error().message);
  }
};

// A reader of the client's programs through a pooled store.
app::ProgramReader reader_of(Call& call, std::int64_t client) {
  return [&call, client]() -> core::Result<std::vector<core::HomeProgram>> {
    auto store = call.state.stores.lease(client);
    if (!store) return tl::make_unexpected(store.error());
    return (*store)->load_programs();
  };
}

ApiResult<Reply> answer(const app::FieldResult<core::HomeProgram>& stored, const GroupCommitWriter& writer,
                        int status) {
  if (!stored) {
    if (writer.error) return tl::make_unexpected(*writer.error);
    return tl::make_unexpected(from_field(stored.error()));
  }
  return json_reply(program_json(*stored), status);
}

// POST (program_id 0) or PUT (a program's id) of a practitioner.
ApiResult<Reply> assign(Call& call, bool change) {
  API_TRY(client, number_in_path(call, 0, "client"));
  std::int64_t program_id = 0;
  if (change) {
    API_TRY(id, number_in_path(call, 1, "program"));
    program_id = id;
  }
  API_TRY(draft, read_program_body(call));
  API_TRY(practitioner, caller_account(call));
  API_TRY(clinics, lift(call.state.clinics.lease()));
  GroupCommitWriter writer{call, client, std::nullopt};
  auto stored = app::assign_program(call.state.kb, *clinics, reader_of(call, client), std::ref(writer), practitioner,
                                    client, std::move(draft), program_id, call.now, call.today);
  return answer(stored, writer, change ? 200 : 201);
}

ApiResult<Reply> end_client_program(Call& call) {
  API_TRY(client, number_in_path(call, 0, "client"));
  API_TRY(program_id, number_in_path(call, 1, "program"));
  API_TRY(practitioner, caller_account(call));
  API_TRY(clinics, lift(call.state.clinics.lease()));
  GroupCommitWriter writer{call, client, std::nullopt};
  auto stored = app::end_program(*clinics, reader_of(call, client), std::ref(writer), practitioner, client, program_id,
                                 call.now, call.today);
  return answer(stored, writer, 200);
}

ApiResult<Reply> end_own_program(Call& call) {
  API_TRY(program_id, number_in_path(call, 0, "program"));
  API_TRY(account, caller_account(call));
  if (account.membership.role != core::Role::person)
    return api_fail(403, "forbidden",
                    "a practitioner ends a client's program at /api/v1/clients/{id}/programs/{program}/end");
  GroupCommitWriter writer{call, call.person_id, std::nullopt};
  auto stored =
      app::end_own_program(reader_of(call, call.person_id), std::ref(writer), account.name, program_id, call.today);
  return answer(stored, writer, 200);
}

ApiResult<Reply> get_own_programs(Call& call) {
  API_TRY(store, lift(call.state.stores.lease(call.person_id)));
  API_TRY(versions, lift(store->load_programs()));
  API_TRY(hold, lift(app::read_program_hold(call.state.kb, *store, app::HoldReader::person)));
  return json_reply(adapters::program_histories_json(app::program_histories(call.state.kb, versions), hold));
}

ApiResult<Reply> get_own_cards(Call& call) {
  API_TRY(program_id, number_in_path(call, 0, "program"));
  API_TRY(store, lift(call.state.stores.lease(call.person_id)));
  API_TRY(versions, lift(store->load_programs()));
  for (const auto& h : app::program_histories(call.state.kb, versions))
    if (h.current.id == program_id) {
      API_TRY(owned, lift(app::handout_person(call.state.kb, *store, /*with_journal=*/true)));
      API_TRY(me, caller_account(call));
      return json_reply(
          adapters::program_cards_json(h.current, app::program_handout(call.state.kb, h.current, owned), me.name));
    }
  return api_fail(404, "not_found", "no program " + std::to_string(program_id), "id");
}

ApiResult<Reply> get_client_programs(Call& call) {
  API_TRY(client, number_in_path(call, 0, "client"));
  API_TRY(practitioner, caller_account(call));
  API_TRY(clinics, lift(call.state.clinics.lease()));
  API_TRY(histories, lift(app::programs_for_practitioner(call.state.kb, *clinics, reader_of(call, client), practitioner,
                                                         client, call.now)));
  API_TRY(hold, hold_of(call, client, practitioner));  // after the reach was decided and logged
  return json_reply(adapters::program_histories_json(histories, hold));
}

ApiResult<Reply> get_client_cards(Call& call) {
  API_TRY(client, number_in_path(call, 0, "client"));
  API_TRY(program_id, number_in_path(call, 1, "program"));
  API_TRY(practitioner, caller_account(call));
  API_TRY(clinics, lift(call.state.clinics.lease()));
  API_TRY(histories, lift(app::programs_for_practitioner(call.state.kb, *clinics, reader_of(call, client), practitioner,
                                                         client, call.now)));
  for (const auto& h : histories)
    if (h.current.id == program_id) {
      // The client's own kit, read only after the reach was decided and logged.
      API_TRY(store, lift(call.state.stores.lease(client)));
      API_TRY(owned, lift(app::handout_person(call.state.kb, *store, /*with_journal=*/false)));
      API_TRY(accounts, lift(call.state.accounts.lease()));
      API_TRY(account, lift(accounts->account_of(client)));
      return json_reply(adapters::program_cards_json(h.current, app::program_handout(call.state.kb, h.current, owned),
                                                     account ? account->name : ""));
    }
  return api_fail(404, "not_found", "no program " + std::to_string(program_id), "id");
}

}  // namespace

void add_program_routes(ApiRouter& api) {
  api.get("/api/v1/programs", get_own_programs);
  api.get(R"(/api/v1/programs/(\d+)/cards)", get_own_cards);
  api.post(R"(/api/v1/programs/(\d+)/end)", end_own_program);
  api.get(R"(/api/v1/clients/(\d+)/programs)", get_client_programs);
  api.post(R"(/api/v1/clients/(\d+)/programs)", [](Call& call) { return assign(call, false); });
  api.put(R"(/api/v1/clients/(\d+)/programs/(\d+))", [](Call& call) { return assign(call, true); });
  api.post(R"(/api/v1/clients/(\d+)/programs/(\d+)/end)", end_client_program);
  api.get(R"(/api/v1/clients/(\d+)/programs/(\d+)/cards)", get_client_cards);
}

}  // namespace fascia::server
