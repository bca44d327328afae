#include "fascia/adapters/json_kb_views.hpp"

#include "fascia/adapters/json_encoding.hpp"

using nlohmann::json;

namespace fascia::adapters {

namespace {

template <class Map>
json list_of(const Map& map) {
  json out = json::array();
  for (const auto& [id, v] : map) out.push_back(v);
  return out;
}

json caps_of(const core::SafetyCaps& c) {
  return json{{"instrument-sessions-per-7-days", c.instrument_sessions_per_7_days},
              {"instrument-min-hours-between", c.instrument_min_hours_between},
              {"compression-min-hours-between", c.compression_min_hours_between},
              {"home-pressure-ceiling", c.home_pressure_ceiling},
              {"instrument-minutes-per-session", c.instrument_minutes_per_session},
              {"program-weeks-min", c.program_weeks_min},
              {"program-weeks-max", c.program_weeks_max},
              {"review-week", c.review_week},
              {"review-min-adherence-percent", c.review_min_adherence_percent},
              {"soreness-resolved-at", c.soreness_resolved_at},
              {"checkin-after-hours", c.checkin_after_hours},
              {"bruise-pressure-step", c.bruise_pressure_step},
              {"repeated-bruising-count", c.repeated_bruising_count},
              {"worse-after-hours", c.worse_after_hours},
              {"meaningful-change-points", c.meaningful_change_points},
              {"meaningful-change-percent", c.meaningful_change_percent},
              {"trigger-point-hold-min-seconds", c.trigger_point_hold_min_seconds},
              {"trigger-point-hold-max-seconds", c.trigger_point_hold_max_seconds}};
}

}  // namespace

std::vector<std::string> kb_kinds() {
  return {"regions",   "chains",     "edges",  "tools",      "kits",      "techniques", "protocols",
          "questions", "stop-signs", "habits", "treatments", "locations", "sources",    "caps"};
}

std::optional<json> kb_list_json(const core::KnowledgeBase& kb, const std::string& kind) {
  if (kind == "regions") return list_of(kb.regions);
  if (kind == "chains") return list_of(kb.chains);
  if (kind == "edges") return list_of(kb.edges);
  if (kind == "tools") return list_of(kb.tools);
  if (kind == "kits") return list_of(kb.kits);
  if (kind == "techniques") return list_of(kb.techniques);
  if (kind == "protocols") return list_of(kb.protocols);
  if (kind == "questions") return json(kb.questions);
  if (kind == "stop-signs") return list_of(kb.stop_signs);
  if (kind == "habits") return list_of(kb.habits);
  if (kind == "treatments") return list_of(kb.treatments);
  if (kind == "locations") return list_of(kb.pain_locations);
  if (kind == "sources") return list_of(kb.sources);
  if (kind == "caps") return caps_of(kb.caps);
  return std::nullopt;
}

std::optional<json> kb_entry_json(const core::KnowledgeBase& kb, const std::string& kind, const std::string& id) {
  const auto all = kb_list_json(kb, kind);
  if (!all) return std::nullopt;
  if (all->is_array())
    for (const auto& e : *all)
      if (e.value("id", "") == id) return e;
  if (all->is_object() && all->contains(id)) return (*all)[id];
  return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> kb_list_rows(const core::KnowledgeBase& kb, const std::string& kind) {
  std::vector<std::pair<std::string, std::string>> rows;
  const auto all = kb_list_json(kb, kind);
  if (!all) return rows;
  if (all->is_array()) {
    for (const auto& e : *all) {
      std::string label = e.contains("name")   ? e["name"].get<std::string>()
                          : e.contains("text") ? e["text"].get<std::string>()
                                               : e.value("title", "");
      rows.emplace_back(e.value("id", ""), label);
    }
  } else {
    for (const auto& [id, v] : all->items())
      rows.emplace_back(id, std::to_string(v["value"].get<int>()) + " (" + v["source"].get<std::string>() + ")");
  }
  return rows;
}

}  // namespace fascia::adapters
