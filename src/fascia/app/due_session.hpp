// Which planned session a person may do on a day: the one use case behind
// choosing a session in `fascia session`, POST /api/v1/sessions and saving a
// kept draft, so that all three refuse alike and say why, typed.
#pragma once

#include <string>
#include <tl/expected.hpp>

#include "fascia/core/planner.hpp"

namespace fascia::app {

// Why no session can be done.
enum class NotDue {
  blocked,           // the screening says not to self-treat now
  nothing_due,       // no session is due that day
  protocol_not_due,  // sessions are due, but not the one asked for
};

struct NotDueError {
  NotDue why;
  std::string message;  // one line, for either interface
};

// The session of `protocol` due in `view` (the first due one when `protocol`
// is empty), or why there is none.
tl::expected<core::PlannedSession, NotDueError> due_session(const core::TodayView& view, const std::string& protocol);

}  // namespace fascia::app
