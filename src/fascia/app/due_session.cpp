#include "fascia/app/due_session.hpp"

#include <algorithm>

namespace fascia::app {

tl::expected<core::PlannedSession, NotDueError> due_session(const core::TodayView& view, const std::string& protocol) {
  const std::string day = core::format_date(view.date);
  if (view.blocked)
    return tl::make_unexpected(
        NotDueError{NotDue::blocked, "your screening says not to self-treat now (" + day + "); see its result"});
  if (view.due.empty()) return tl::make_unexpected(NotDueError{NotDue::nothing_due, "no session is due on " + day});
  if (protocol.empty()) return view.due.front();
  auto chosen = std::find_if(view.due.begin(), view.due.end(), [&](auto& s) { return s.protocol == protocol; });
  if (chosen == view.due.end())
    return tl::make_unexpected(
        NotDueError{NotDue::protocol_not_due, "protocol '" + protocol + "' is not due on " + day});
  return *chosen;
}

}  // namespace fascia::app
