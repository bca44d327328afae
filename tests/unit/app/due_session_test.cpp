// due_session: the one choice of "which session may be done today" for the
// terminal, the server and saved drafts, with a typed reason when none may.
#include "fascia/app/due_session.hpp"

#include <gtest/gtest.h>

using namespace fascia;

namespace {
core::TodayView view_with(std::vector<std::string> due, bool blocked = false) {
  core::TodayView view;
  view.date = *core::parse_date("2026-11-23");
  view.blocked = blocked;
  for (auto& p : due) {
    core::PlannedSession s;
    s.protocol = p;
    view.due.push_back(s);
  }
  return view;
}
}  // namespace

TEST(DueSession, GivesTheAskedProtocolOrTheFirstDue) {
  const auto view = view_with({"neck", "calves"});
  EXPECT_EQ(app::due_session(view, "calves")->protocol, "calves");
  EXPECT_EQ(app::due_session(view, "")->protocol, "neck");
}

TEST(DueSession, SaysWhyNoneMayBeDoneTyped) {
  auto blocked = app::due_session(view_with({"neck"}, true), "neck");
  ASSERT_FALSE(blocked);
  EXPECT_EQ(blocked.error().why, app::NotDue::blocked);
  auto nothing = app::due_session(view_with({}), "");
  ASSERT_FALSE(nothing);
  EXPECT_EQ(nothing.error().why, app::NotDue::nothing_due);
  EXPECT_NE(nothing.error().message.find("2026-11-23"), std::string::npos);
  auto other = app::due_session(view_with({"neck"}), "calves");
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().why, app::NotDue::protocol_not_due);
  EXPECT_NE(other.error().message.find("'calves'"), std::string::npos);
}
