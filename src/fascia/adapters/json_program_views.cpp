#include "fascia/adapters/json_program_views.hpp"

#include "fascia/adapters/json_encoding.hpp"
#include "fascia/adapters/json_views.hpp"
#include "fascia/core/dates.hpp"

namespace fascia::adapters {

nlohmann::json program_hold_json(const app::ProgramHold& hold) {
  return {{"held", hold.held},
          {"since", hold.since ? nlohmann::json(core::format_date(*hold.since)) : nlohmann::json(nullptr)},
          {"reason", hold.reason},
          {"areas", hold.areas},
          {"partial", hold.partial},
          {"needs_clearance", hold.needs_clearance},
          {"awaiting_setup", hold.awaiting_setup},
          {"setup", hold.setup}};
}

nlohmann::json program_histories_json(const std::vector<app::ProgramHistory>& histories, const app::ProgramHold& hold) {
  auto list = nlohmann::json::array();
  for (const auto& h : histories) {
    auto versions = nlohmann::json::array();
    for (std::size_t i = 0; i < h.versions.size(); ++i) {
      nlohmann::json v = h.versions[i];
      v["changes"] = h.changes[i];
      versions.push_back(std::move(v));
    }
    list.push_back({{"id", h.current.id},
                    {"in_force", h.in_force},
                    {"current", h.current},
                    {"versions", versions},
                    {"also_works", h.also_works}});
  }
  return nlohmann::json{{"programs", list}, {"hold", program_hold_json(hold)}};
}

nlohmann::json program_cards_json(const core::HomeProgram& program, const app::Handout& handout,
                                  const std::string& person) {
  auto week = nlohmann::json::array();
  for (const auto& day : handout.safety.week)
    week.push_back({{"weekday", core::weekday_name(day.weekday)}, {"sessions", day.sessions}});
  const nlohmann::json safety{{"spacing", handout.safety.spacing}, {"week", week}, {"lowered", handout.safety.lowered}};
  return nlohmann::json{{"program", program}, {"for", person}, {"cards", plan_json(handout.cards)}, {"safety", safety}};
}

}  // namespace fascia::adapters
