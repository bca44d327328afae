#include "fascia/adapters/json_monitoring_views.hpp"

#include "fascia/adapters/json_care_views.hpp"
#include "fascia/adapters/json_views.hpp"

namespace fascia::adapters {

namespace {
nlohmann::json text_or_null(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}
}  // namespace

nlohmann::json attention_flag_json(const core::AttentionFlag& flag) {
  return {{"kind", core::to_string(flag.kind)},   {"rank", flag.rank()},
          {"date", core::format_date(flag.date)}, {"reason", flag.reason},
          {"rule", text_or_null(flag.rule)},      {"source", text_or_null(flag.source)}};
}

nlohmann::json attention_flags_json(const std::vector<core::AttentionFlag>& flags) {
  auto out = nlohmann::json::array();
  for (const auto& f : flags) out.push_back(attention_flag_json(f));
  return out;
}

nlohmann::json attention_list_json(const std::vector<app::ClientAttention>& clients) {
  auto list = nlohmann::json::array();
  for (const auto& c : clients) {
    auto not_shared = nlohmann::json::array();
    for (auto area : c.not_shared) not_shared.push_back(core::to_string(area));
    list.push_back({{"link", link_json(c.link)}, {"flags", attention_flags_json(c.flags)}, {"not_shared", not_shared}});
  }
  return {{"clients", list}};
}

nlohmann::json client_progress_json(const app::ClientProgress& page, const core::SafetyCaps& caps) {
  auto progress = progress_json(page.progress);
  progress["meaningful_change"] = {{"points", caps.meaningful_change_points.value},
                                   {"percent", caps.meaningful_change_percent.value}};
  return {{"link", link_json(page.link)},
          {"progress", progress},
          {"flags", attention_flags_json(page.flags)},
          {"sessions", page.sessions}};
}

}  // namespace fascia::adapters
