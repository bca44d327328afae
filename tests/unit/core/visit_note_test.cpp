// The pure parts of a visit note (core/visit_note.hpp): what counts as
// blank, and an amendment's changes applied to the latest text.
#include "fascia/core/visit_note.hpp"

#include <gtest/gtest.h>

using namespace fascia::core;

TEST(VisitNote, APartOfOnlyWhiteSpaceIsBlankAndAnyOtherCharacterIsNot) {
  EXPECT_TRUE(is_blank(std::string()));
  EXPECT_TRUE(is_blank(std::string(" \t\r\n")));
  EXPECT_TRUE(is_blank(std::string("\xC2\xA0\xE3\x80\x80\xE2\x80\x8B")));  // U+00A0, U+3000, U+200B
  EXPECT_FALSE(is_blank(std::string(" .")));
  EXPECT_FALSE(is_blank(std::string("\xE2\x80\x8C")));  // U+200C is not a space
  EXPECT_FALSE(is_blank(std::string("\xC3\xA9")));      // é
}

TEST(VisitNote, ANoteIsBlankOnlyWhenEveryPartIs) {
  EXPECT_TRUE(is_blank(Soap{}));
  EXPECT_TRUE(is_blank(Soap{" ", "\n", "", "\t"}));
  EXPECT_FALSE(is_blank(Soap{"", "", "", "plan"}));
  EXPECT_FALSE(is_blank(Soap{"s", "", "", ""}));
}

TEST(VisitNote, AnAmendmentReplacesThePartsItGivesAndKeepsTheOthers) {
  const Soap current{"s", "o", "a", "p"};
  EXPECT_EQ(apply_changes(current, {}), current);
  EXPECT_EQ(apply_changes(current, {.plan = "new plan"}), (Soap{"s", "o", "a", "new plan"}));
  EXPECT_EQ(apply_changes(current, {.subjective = "", .assessment = "b"}), (Soap{"", "o", "b", "p"}));
}

TEST(VisitNote, TheCurrentTextIsTheLatestRevision) {
  VisitNote note;
  note.revisions = {{.number = 1, .text = {"first", "", "", ""}}, {.number = 2, .text = {"second", "", "", ""}}};
  EXPECT_EQ(note.current().text.subjective, "second");
  EXPECT_TRUE(note.amended());
  note.revisions.pop_back();
  EXPECT_FALSE(note.amended());
}
