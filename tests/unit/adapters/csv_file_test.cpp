// Reading CSV with libcsv (adapters/csv_file): records with the line they
// start on, quoted commas, quotes and line breaks, and a malformed file
// refused naming its line.
#include "fascia/adapters/csv_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace fascia::adapters {
namespace {

TEST(CsvFile, EachRecordKnowsTheLineItStartsOnAcrossBlankLinesAndQuotedLineBreaks) {
  auto records = parse_csv("name,note\n\nAna,\"says \"\"hi\"\", twice\"\nBen,\"two\nlines\"\nCy,last", "test.csv");
  ASSERT_TRUE(records) << records.error().message;
  ASSERT_EQ(records->size(), 4u);
  EXPECT_EQ((*records)[1].line, 3);
  EXPECT_EQ((*records)[1].fields, (std::vector<std::string>{"Ana", "says \"hi\", twice"}));
  EXPECT_EQ((*records)[2].line, 4);
  EXPECT_EQ((*records)[2].fields[1], "two\nlines");
  EXPECT_EQ((*records)[3].line, 6);
  EXPECT_EQ((*records)[3].fields, (std::vector<std::string>{"Cy", "last"}));
}

TEST(CsvFile, ASpreadsheetsByteOrderMarkIsNotPartOfTheFirstColumnsName) {
  auto records = parse_csv("\xEF\xBB\xBFname,note\r\nAna,ok\r\n", "test.csv");
  ASSERT_TRUE(records) << records.error().message;
  EXPECT_EQ((*records)[0].fields, (std::vector<std::string>{"name", "note"}));
  EXPECT_EQ((*records)[1].fields, (std::vector<std::string>{"Ana", "ok"}));
}

TEST(CsvFile, AFolderIsRefusedAsNotAFile) {
  auto records = read_csv_file(std::filesystem::temp_directory_path());
  ASSERT_FALSE(records);
  EXPECT_EQ(records.error().message, "cannot read " + std::filesystem::temp_directory_path().string() + ": not a file");
}

TEST(CsvFile, AQuoteNeverClosedIsRefusedNamingTheLineItOpensOn) {
  auto records = parse_csv("name,note\nAna,ok\n\"Ben,unclosed\nmore\n", "test.csv");
  ASSERT_FALSE(records);
  EXPECT_EQ(records.error().code, core::ErrorCode::malformed_file);
  EXPECT_EQ(records.error().message, "test.csv, line 3: a quoted field is never closed");
}

TEST(CsvFile, AStrayQuoteInsideAFieldIsRefusedNamingItsLine) {
  auto records = parse_csv("name,note\nAna,\"ok\"x\n", "test.csv");
  ASSERT_FALSE(records);
  EXPECT_EQ(records.error().message.substr(0, 17), "test.csv, line 2:");
}

}  // namespace
}  // namespace fascia::adapters
