#include "fascia/adapters/json_number_range.hpp"

#include <gtest/gtest.h>

using fascia::adapters::find_oversized_integer;
using fascia::adapters::oversized_integer_message;

TEST(JsonNumberRange, IntegersThatSixtyFourBitsHoldAreLeftToTheirFields) {
  EXPECT_FALSE(find_oversized_integer(R"({"a": 18446744073709551615, "b": -9223372036854775808, "c": [0, 1.5, 2e300]})"));
  EXPECT_FALSE(find_oversized_integer("not json at all"));
}

TEST(JsonNumberRange, APastSixtyFourBitIntegerIsFoundWithItsPathAndItsDigitsAsWritten) {
  const auto found = find_oversized_integer(R"({"journal": {"sessions": [{"id": 1}, {"id": 18446744073709551616}]}})");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->path, "journal.sessions[1].id");
  EXPECT_EQ(found->literal, "18446744073709551616");
  EXPECT_EQ(oversized_integer_message(*found),
            "journal.sessions[1].id: 18446744073709551616 is far outside any range fascia accepts (whole numbers "
            "up to 9223372036854775807)");
}

TEST(JsonNumberRange, NegativeAndTopLevelNumbersAreFoundToo) {
  const auto negative = find_oversized_integer(R"([[], [3, -9223372036854775809]])");
  ASSERT_TRUE(negative);
  EXPECT_EQ(negative->path, "[1][1]");
  EXPECT_EQ(negative->literal, "-9223372036854775809");
  const auto top = find_oversized_integer("100000000000000000000000000000");
  ASSERT_TRUE(top);
  EXPECT_EQ(top->path, "");
  EXPECT_EQ(top->literal, "100000000000000000000000000000");
}

TEST(JsonNumberRange, AFractionIsFoundWithItsPathAndQuotedAsWritten) {
  EXPECT_FALSE(fascia::adapters::find_fraction(R"({"a": 18446744073709551616, "b": [1, -2]})"))
      << "too large is not a fraction";
  for (const char* literal : {"1e1", "10.0", "-0.5", "2E+2"}) {
    const auto found =
        fascia::adapters::find_fraction(std::string(R"({"regions": [{"pain": 3}, {"pain": )") + literal + "}]}");
    ASSERT_TRUE(found) << literal;
    EXPECT_EQ(found->path, "regions[1].pain");
    EXPECT_EQ(found->literal, literal);
    EXPECT_EQ(
        fascia::adapters::fraction_message(*found),
        std::string("regions[1].pain: ") + literal + " is not a whole number (every number fascia takes is whole)");
  }
}
