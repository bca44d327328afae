#include "fascia/core/reason_groups.hpp"

#include <algorithm>

namespace fascia::core {

namespace {

std::string fill_date(std::string text, const std::optional<Date>& date) {
  const std::string marker = "{date}";
  const auto at = text.find(marker);
  if (at != std::string::npos) text.replace(at, marker.size(), date ? format_long_date(*date) : std::string());
  return text;
}

}  // namespace

std::string area_label(const std::string& region_name, Side side) {
  const bool one_side = side == Side::left || side == Side::right;
  return one_side ? region_name + " (" + std::string(to_string(side)) + ")" : region_name;
}

Reason about_area(Reason r, const std::string& region, const std::string& region_name, Side side, std::string general,
                  std::optional<Date> date) {
  r.region = region;
  r.side = std::string(to_string(side));
  r.area = area_label(region_name, side);
  r.general = std::move(general);
  r.date = date;
  return r;
}

std::vector<ReasonGroup> group_reasons(const std::vector<Reason>& reasons) {
  std::vector<ReasonGroup> groups;
  for (const Reason& r : reasons) {
    const bool structured = !r.general.empty();
    const std::string text = structured ? fill_date(r.general, r.date) : r.text;
    const std::optional<Date> date = structured ? r.date : std::nullopt;
    auto it = std::find_if(groups.begin(), groups.end(), [&](const ReasonGroup& g) {
      return g.rule == r.rule && g.text == text && g.date == date && g.source == r.source;
    });
    if (it == groups.end()) {
      groups.push_back({r.rule, text, {}, date, r.source});
      it = groups.end() - 1;
    }
    if (structured && !r.region.empty()) {
      ReasonArea area{r.region, r.side, r.area.empty() ? r.region : r.area};
      if (std::find(it->areas.begin(), it->areas.end(), area) == it->areas.end()) it->areas.push_back(std::move(area));
    }
  }
  return groups;
}

}  // namespace fascia::core
