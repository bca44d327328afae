#include "fascia/cli/args.hpp"

#include <algorithm>
#include <charconv>

#include "fascia/app/validate.hpp"

namespace fascia::cli {

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : text) {
    if (c == sep) {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else if (c != ' ') {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

core::Result<int> parse_int(const std::string& text, const std::string& what) {
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc::result_out_of_range && ptr == text.data() + text.size())
    return core::fail(core::ErrorCode::out_of_range,
                      what + ": " + text + " is " + (text.front() == '-' ? "far too small" : "far too large"));
  if (ec != std::errc() || ptr != text.data() + text.size() || text.empty())
    return core::fail(core::ErrorCode::invalid_argument, what + ": '" + text + "' is not a whole number");
  return value;
}

core::Result<core::Side> parse_side(const std::string& text) {
  auto side = core::side_from_string(text);
  if (!side) return core::fail(core::ErrorCode::invalid_argument, "side '" + text + "' is not left, right, both or midline");
  return *side;
}

core::Result<core::RegionTarget> parse_region_arg(const core::KnowledgeBase& kb, const std::string& text,
                                                  bool with_pain) {
  const auto parts = split(text, ':');
  if (parts.empty() || parts.size() > (with_pain ? 3u : 2u))
    return core::fail(core::ErrorCode::invalid_argument,
                      "region '" + text + "': expected REGION[:SIDE" + (with_pain ? "[:PAIN]]" : "]"));
  core::RegionTarget t;
  t.region = parts[0];
  const core::Region* r = kb.region(t.region);
  if (!r)
    return core::fail(core::ErrorCode::unknown_name, "unknown region '" + t.region + "' (see: fascia kb list regions)");
  t.side = r->laterality == core::Laterality::midline ? core::Side::midline : core::Side::both;
  if (parts.size() >= 2) {
    auto side = parse_side(parts[1]);
    if (!side) return tl::make_unexpected(side.error());
    t.side = *side;
  }
  if (auto ok = app::validate_region_side(kb, t.region, t.side, "region '" + text + "'"); !ok)
    return tl::make_unexpected(ok.error());
  if (parts.size() == 3) {
    auto pain = parse_int(parts[2], "pain in '" + text + "'");
    if (!pain) return tl::make_unexpected(pain.error());
    if (auto ok = app::validate_score(*pain, "pain in '" + text + "'"); !ok) return tl::make_unexpected(ok.error());
    t.pain = *pain;
  }
  return t;
}

core::Result<std::vector<int>> parse_days(const std::string& text) {
  std::vector<int> days;
  if (text == "all" || text == "every") return std::vector<int>{0, 1, 2, 3, 4, 5, 6};
  for (const auto& part : split(text, ',')) {
    auto d = core::parse_weekday(part);
    if (!d) return tl::make_unexpected(d.error());
    if (std::find(days.begin(), days.end(), *d) == days.end()) days.push_back(*d);
  }
  if (days.empty()) return core::fail(core::ErrorCode::invalid_argument, "--days: name at least one day, e.g. mon,wed,fri");
  std::sort(days.begin(), days.end());
  return days;
}

core::Result<core::ClearanceEntry> clearance_from_args(const core::KnowledgeBase& kb, core::Date today,
                                                       const std::string& date, const std::vector<std::string>& regions,
                                                       const std::string& note, const std::string& by) {
  core::ClearanceEntry entry{today, by, {}, note};
  if (!date.empty()) {
    auto d = core::parse_date(date);
    if (!d) return core::fail(core::ErrorCode::bad_date, "--date: " + d.error().message);
    entry.date = *d;
  }
  for (const auto& text : regions) {
    auto target = parse_region_arg(kb, text, false);
    if (!target) return tl::make_unexpected(target.error());
    entry.regions.push_back({target->region, target->side});
  }
  return entry;
}

}  // namespace fascia::cli
