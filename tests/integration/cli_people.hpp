// People and sessions the CLI tests share: a desk worker set up through the
// real commands, and the neck protocol's session script done in full.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "integration/cli_harness.hpp"

namespace cli_test {

// A full session of the neck protocol: every card done at its target.
inline const char* kFullNeckSession = "done\ndone\ndone\ndone\ndone\ndone\ndone\ndone\ndone\ndone\ndone\ndone\nsoreness 4\n";

// Profile for the upper trapezius with the starter kit every day, then a
// screening with every answer no except `extra_yes` (a question id), if given.
inline void set_up_desk_worker(const Sandbox& box, const std::string& extra_yes = "") {
  ASSERT_EQ(box.run("profile set --region upper-trapezius:both:6 --tools starter-kit --days all --minutes 20").code, 0);
  std::string answers = all_no_answers();
  if (!extra_yes.empty()) {
    const auto pos = answers.find(extra_yes + ": no");
    ASSERT_NE(pos, std::string::npos);
    answers.replace(pos, extra_yes.size() + 4, extra_yes + ": yes");
  }
  write_file(box.path("answers.yaml"), answers);
  const Outcome s = box.run("screen --answers '" + box.path("answers.yaml").string() + "'");
  ASSERT_TRUE(s.code == 0 || s.code == 6) << s.err;
}

}  // namespace cli_test
