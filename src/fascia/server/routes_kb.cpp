// Browsing the knowledge base: the same lists and entries as `fascia kb`.
#include "fascia/adapters/json_kb_views.hpp"
#include "fascia/server/route_helpers.hpp"
#include "fascia/server/routes.hpp"

namespace fascia::server {

namespace {

ApiResult<Reply> kinds(Call&) { return json_reply(nlohmann::json{{"kinds", adapters::kb_kinds()}}); }

ApiResult<Reply> list(Call& call) {
  const std::string kind = call.request.path_params.at(0);
  auto all = adapters::kb_list_json(call.state.kb, kind);
  if (!all) return api_fail(404, "not_found", "unknown knowledge-base kind '" + kind + "'", "kind");
  return json_reply(*all, 200, JsonLayout::indented);
}

ApiResult<Reply> entry(Call& call) {
  const std::string kind = call.request.path_params.at(0);
  const std::string id = call.request.path_params.at(1);
  if (!adapters::kb_list_json(call.state.kb, kind))
    return api_fail(404, "not_found", "unknown knowledge-base kind '" + kind + "'", "kind");
  auto found = adapters::kb_entry_json(call.state.kb, kind, id);
  if (!found) return api_fail(404, "not_found", "no " + kind + " entry '" + id + "'", "id");
  return json_reply(*found, 200, JsonLayout::indented);
}

}  // namespace

void add_kb_routes(ApiRouter& api) {
  api.get("/api/v1/kb", kinds);
  api.get(R"(/api/v1/kb/([A-Za-z0-9._-]+))", list);
  api.get(R"(/api/v1/kb/([A-Za-z0-9._-]+)/([A-Za-z0-9._-]+))", entry);
}

}  // namespace fascia::server
