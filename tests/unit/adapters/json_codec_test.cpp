#include "fascia/adapters/json_codec.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "unit/adapters/sample_person.hpp"

using namespace fascia;
using adapters::person_data_from_json;
using adapters::person_data_to_json;
using core::ErrorCode;
using fascia::testing::sample_person;

namespace {

// The sample's export with the n-th (from 0) occurrence of `from` replaced.
std::string sample_with(const std::string& from, const std::string& to, int n = 0) {
  std::string text = person_data_to_json(sample_person());
  std::size_t at = text.find(from);
  for (int i = 0; i < n && at != std::string::npos; ++i) at = text.find(from, at + 1);
  if (at == std::string::npos) ADD_FAILURE() << "sample export has no occurrence " << n << " of " << from;
  else text.replace(at, from.size(), to);
  return text;
}

core::Error error_of(const std::string& text) {
  auto decoded = person_data_from_json(text);
  if (decoded) {
    ADD_FAILURE() << "accepted:\n" << text;
    return {};
  }
  return decoded.error();
}

}  // namespace

TEST(JsonCodec, RoundTripsEveryFieldWithoutLoss) {
  const auto data = sample_person();
  auto decoded = person_data_from_json(person_data_to_json(data));
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(*decoded, data);
}

TEST(JsonCodec, RoundTripsAPersonWithNothingYet) {
  const core::PersonData empty;
  const std::string text = person_data_to_json(empty);
  EXPECT_NE(text.find("\"profile\": null"), std::string::npos) << text;
  auto decoded = person_data_from_json(text);
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(*decoded, empty);
}

TEST(JsonCodec, WritesAStablePrettyDocumentThatStartsWithFormatAndVersion) {
  const std::string text = person_data_to_json(sample_person());
  EXPECT_EQ(text.rfind("{\n  \"format\": \"fascia-export\",\n  \"version\": 1,\n", 0), 0u) << text;
  EXPECT_EQ(text, person_data_to_json(sample_person()));
  EXPECT_NE(text.find("\"date\": \"2026-03-02\""), std::string::npos);
  EXPECT_NE(text.find("\"side\": \"midline\""), std::string::npos);
}

TEST(JsonCodec, ReportsMalformedTextWithLineAndColumn) {
  const auto error = error_of("{\n  \"format\": \"fascia-export\",\n  \"version\": 1,,\n}");
  EXPECT_EQ(error.code, ErrorCode::malformed_file);
  EXPECT_NE(error.message.find("line 3, column"), std::string::npos) << error.message;
}

TEST(JsonCodec, NamesThePathOfAValueOfTheWrongType) {
  const auto error = error_of(sample_with("\"score\": 4", "\"score\": \"4\""));
  EXPECT_EQ(error.code, ErrorCode::malformed_file);
  EXPECT_EQ(error.message, "journal.pain[1].score: expected an integer, found string");
}

TEST(JsonCodec, QuotesAFractionAsWrittenWithItsPath) {
  const auto error = error_of(sample_with("\"score\": 4", "\"score\": 1e1"));
  EXPECT_EQ(error.code, ErrorCode::invalid_argument);
  EXPECT_EQ(error.message, "journal.pain[1].score: 1e1 is not a whole number (every number fascia takes is whole)");
}

TEST(JsonCodec, NamesThePathOfAPainScoreAboveTen) {
  const auto error = error_of(sample_with("\"score\": 0", "\"score\": 11"));
  EXPECT_EQ(error.code, ErrorCode::out_of_range);
  EXPECT_EQ(error.message, "journal.pain[2].score: 11 is outside 0..10");
}

TEST(JsonCodec, NamesThePathOfADateThatDoesNotExist) {
  const auto error = error_of(sample_with("\"date\": \"2026-03-04\"", "\"date\": \"2026-02-30\"", 1));
  EXPECT_EQ(error.code, ErrorCode::bad_date);
  EXPECT_EQ(error.message, "journal.notes[0].date: date '2026-02-30' does not exist");
}

TEST(JsonCodec, NamesAnUnknownKey) {
  const auto error = error_of(sample_with("\"score\": 6", "\"scroe\": 1, \"score\": 6"));
  EXPECT_EQ(error.code, ErrorCode::malformed_file);
  EXPECT_EQ(error.message, "journal.pain[0].scroe: unknown key (expected date, region, side, score)");
}

TEST(JsonCodec, NamesAnUnknownSideWord) {
  const auto error = error_of(sample_with("\"side\": \"right\"", "\"side\": \"sideways\""));
  EXPECT_EQ(error.code, ErrorCode::invalid_argument);
  EXPECT_EQ(error.message, "journal.reactions[1].side: 'sideways' is not one of left, right, both, midline");
}

TEST(JsonCodec, NamesAMissingField) {
  const auto error = error_of(sample_with("\"weeks\": 5", "\"weeks_\": 5"));
  EXPECT_EQ(error.message, "profile.weeks_: unknown key (expected name, regions, tools, weekdays, "
                           "minutes_per_session, start, weeks)");
  const auto missing = error_of(sample_with(",\n    \"weeks\": 5", ""));
  EXPECT_EQ(missing.code, ErrorCode::malformed_file);
  EXPECT_EQ(missing.message, "profile.weeks: missing");
}

TEST(JsonCodec, NamesTheStepOfANegativeStrokeCount) {
  const auto error = error_of(sample_with("\"strokes\": 12", "\"strokes\": -3", 1));
  EXPECT_EQ(error.code, ErrorCode::out_of_range);
  EXPECT_EQ(error.message, "journal.sessions[1].steps[1].strokes: -3 is outside 0..3600");
}

TEST(JsonCodec, AStepCountPastWhatAnyInterfaceRecordsIsRefused) {
  const auto error = error_of(sample_with("\"strokes\": 12", "\"strokes\": 3601", 1));
  EXPECT_EQ(error.code, ErrorCode::out_of_range);
  EXPECT_EQ(error.message, "journal.sessions[1].steps[1].strokes: 3601 is outside 0..3600");
}

TEST(JsonCodec, RejectsAPressureAboveTenAndAnUnknownModality) {
  EXPECT_EQ(error_of(sample_with("\"pressure_used\": 6", "\"pressure_used\": 11")).message,
            "journal.sessions[0].steps[2].pressure_used: 11 is outside 0..10");
  EXPECT_EQ(error_of(sample_with("\"modality\": \"instrument\"", "\"modality\": \"laser\"")).message,
            "journal.sessions[0].steps[1].modality: 'laser' is not one of instrument, compression, pressure, "
            "movement, preparation, percussion");
}

TEST(JsonCodec, RefusesNestingDeeperThanTheLimitWhileReadingIt) {
  const std::size_t depth = 200000;  // 400 KB of brackets
  const auto error =
      error_of(sample_with("\"version\": 1", "\"version\": " + std::string(depth, '[') + std::string(depth, ']')));
  EXPECT_EQ(error.code, ErrorCode::malformed_file);
  EXPECT_EQ(error.message.rfind("version[0]", 0), 0u) << error.message;
  EXPECT_NE(error.message.find(": lists and objects are nested more than " + std::to_string(adapters::kMaxImportDepth) +
                               " levels deep"),
            std::string::npos)
      << error.message;
}

TEST(JsonCodec, RejectsAKeyThatAppearsTwice) {
  const auto error = error_of(sample_with("\"score\": 6", "\"score\": 6, \"score\": 7"));
  EXPECT_EQ(error.code, ErrorCode::malformed_file);
  EXPECT_EQ(error.message, "journal.pain[0].score: key appears more than once");
}

TEST(JsonCodec, RejectsTwoSessionsWithTheSameId) {
  const auto error = error_of(sample_with("\"id\": 2", "\"id\": 1"));
  EXPECT_EQ(error.message, "journal.sessions[1].id: 1 is already used by journal.sessions[0]");
}

TEST(JsonCodec, RejectsOtherFormatsAndNewerVersions) {
  EXPECT_EQ(error_of(sample_with("\"fascia-export\"", "\"photo-album\"")).code, ErrorCode::malformed_file);
  EXPECT_EQ(error_of(sample_with("\"version\": 1", "\"version\": 2")).message,
            "version: 2 is not supported (this fascia reads 1)");
  EXPECT_EQ(error_of("[]").message, "the file: expected an object, found array");
}

TEST(JsonCodec, RefusesASessionIdBeyondTheLargestAndQuotesItAsWritten) {
  const auto huge = error_of(sample_with("\"id\": 2", "\"id\": 18446744073709551615"));
  EXPECT_EQ(huge.code, ErrorCode::out_of_range);
  EXPECT_EQ(huge.message, "journal.sessions[1].id: 18446744073709551615 is too large");
  const auto past_2_53 = error_of(sample_with("\"id\": 2", "\"id\": 9007199254740993"));
  EXPECT_EQ(past_2_53.message, "journal.sessions[1].id: 9007199254740993 is outside 0..9007199254740992");
  const auto int64_max = error_of(sample_with("\"id\": 2", "\"id\": 9223372036854775807"));
  EXPECT_EQ(int64_max.code, ErrorCode::out_of_range);
  EXPECT_TRUE(person_data_from_json(sample_with("\"id\": 2", "\"id\": 9007199254740992")));
}

TEST(JsonCodec, RefusesEveryIntegerTooLargeForInt64InsteadOfClamping) {
  EXPECT_EQ(error_of(sample_with("\"strokes\": 12", "\"strokes\": 18446744073709551615", 1)).message,
            "journal.sessions[1].steps[1].strokes: 18446744073709551615 is too large");
  EXPECT_EQ(error_of(sample_with("\"score\": 6", "\"score\": 18446744073709551615")).message,
            "journal.pain[0].score: 18446744073709551615 is too large");
  EXPECT_EQ(error_of(sample_with("\"score\": 6", "\"score\": -9223372036854775808")).message,
            "journal.pain[0].score: -9223372036854775808 is outside 0..10");
}

// Issue 8: exports from before sides and clearances still import: a region
// answer given as a bare name means both sides, and no clearances key means none.
TEST(JsonCodec, ReadsAnOlderExportWithBareRegionAnswersAndNoClearances) {
  const std::string old = R"({"format": "fascia-export", "version": 1, "profile": null,
    "screenings": [{"date": "2026-03-01", "answers": {"open-wound": {"yes": true, "regions": ["calves"]}}}],
    "journal": {"pain": [], "reactions": [], "habits": [], "treatments": [], "notes": [], "sessions": []}})";
  auto decoded = person_data_from_json(old);
  ASSERT_TRUE(decoded) << decoded.error().message;
  const auto& regions = decoded->screenings.at(0).answers.at("open-wound").regions;
  ASSERT_EQ(regions.size(), 1u);
  EXPECT_EQ(regions[0], (core::RegionSide{"calves", core::Side::both}));
  EXPECT_TRUE(decoded->journal.clearances.empty());
  EXPECT_TRUE(decoded->journal.clinic_treatments.empty());
}

// Issue 10: exports from before clinic treatments (with clearances) still import.
TEST(JsonCodec, ReadsAnExportWithClearancesAndNoClinicTreatments) {
  std::string text = person_data_to_json(sample_person());
  text.erase(text.find(",\n  \"programs\""), std::string::npos);  // and, from before them, no programs
  text += "\n}\n";
  const auto from = text.find(",\n    \"clinic_treatments\"");
  ASSERT_NE(from, std::string::npos) << text;
  text.erase(from, text.find("\n  }\n}", from) - from);
  auto decoded = person_data_from_json(text);
  ASSERT_TRUE(decoded) << decoded.error().message << "\n" << text;
  core::PersonData expected = sample_person();
  expected.journal.clinic_treatments.clear();
  expected.programs.clear();
  EXPECT_EQ(*decoded, expected);
}

TEST(JsonCodec, RefusesAClinicTreatmentOutsideItsRangesNamingThePath) {
  EXPECT_EQ(error_of(sample_with("\"minutes\": 12", "\"minutes\": 0")).message,
            "journal.clinic_treatments[0].minutes: 0 is outside 1..240");
  EXPECT_EQ(error_of(sample_with("\"pressure\": 4", "\"pressure\": 11")).message,
            "journal.clinic_treatments[0].pressure: 11 is outside 0..10");
  EXPECT_EQ(error_of(sample_with("\"practitioner_id\": 8", "\"practitioner_id\": 0")).message,
            "journal.clinic_treatments[1].practitioner_id: 0 is below 1");
  EXPECT_EQ(error_of(sample_with("\"side\": \"right\"", "\"side\": \"up\"", 1)).code, ErrorCode::invalid_argument);
  const std::string twice = sample_with("\"practitioner\": \"quinn\"", "\"practitioner\": \"quinn\", \"colour\": 1");
  EXPECT_EQ(error_of(twice).message.rfind("journal.clinic_treatments[1].colour: unknown key", 0), 0u)
      << error_of(twice).message;
}

TEST(JsonCodec, RejectsTwoClinicTreatmentsWithTheSameId) {
  std::string text = person_data_to_json(sample_person());
  const auto clinic = text.find("\"clinic_treatments\"");
  const auto second = text.find("\"id\": 2", clinic);
  ASSERT_NE(second, std::string::npos);
  text.replace(second, 7, "\"id\": 1");
  EXPECT_EQ(error_of(text).message,
            "journal.clinic_treatments[1].id: 1 is already used by journal.clinic_treatments[0]");
}

TEST(JsonCodec, WritesRegionAnswersWithTheirSideAndClearances) {
  const std::string text = person_data_to_json(sample_person());
  EXPECT_NE(text.find(R"("region": "neck",)"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("by": "Dr Lee, physiotherapist")"), std::string::npos) << text;
}

// A clearance keeps its place among the screenings; one from an export made
// before that was recorded follows the screenings of its day or earlier.
TEST(JsonCodec, AClearanceWithoutItsOrderFollowsTheScreeningsOfItsDayOrEarlier) {
  // The GP's, 2 April, as files wrote it before either field.
  std::string text = sample_with(
      ",\n        \"after_screenings\": 2,\n        \"by_practitioner\": false,\n        \"clinic_id\": null", "");
  auto decoded = person_data_from_json(text);
  ASSERT_TRUE(decoded) << decoded.error().message;
  ASSERT_EQ(decoded->journal.clearances.size(), 2u);
  EXPECT_EQ(decoded->journal.clearances[1].after_screenings, 2u) << "screenings of 1 March and 1 April";
  const auto at = text.find("\"date\": \"2026-04-02\"");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 20, "\"date\": \"2026-03-25\"");
  decoded = person_data_from_json(text);
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded->journal.clearances[1].after_screenings, 1u) << "only the screening of 1 March";
  EXPECT_EQ(decoded->journal.clearances[0].after_screenings, 2u) << "given in the file, kept";
}

// Who recorded a clearance is kept; a file from before that was recorded
// holds only the person's own (a practitioner's could not be signed then).
TEST(JsonCodec, AClearanceKeepsWhetherAPractitionerSignedItAndOneFromAnOlderFileIsThePersons) {
  auto decoded = person_data_from_json(person_data_to_json(sample_person()));
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_TRUE(decoded->journal.clearances[0].by_practitioner);
  EXPECT_FALSE(decoded->journal.clearances[1].by_practitioner);
  decoded =
      person_data_from_json(sample_with(",\n        \"by_practitioner\": true,\n        \"clinic_id\": null", ""));
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_FALSE(decoded->journal.clearances[0].by_practitioner);
  EXPECT_EQ(error_of(sample_with("\"by_practitioner\": true", "\"by_practitioner\": 1")).message,
            "journal.clearances[0].by_practitioner: expected true or false, found 1");
  // The signing practitioner's clinic is kept; null for the person's own.
  auto person = sample_person();
  person.journal.clearances[0].clinic_id = 3;
  decoded = person_data_from_json(person_data_to_json(person));
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded->journal.clearances[0].clinic_id, 3);
  EXPECT_EQ(decoded->journal.clearances[1].clinic_id, std::nullopt);
  EXPECT_EQ(error_of(sample_with("\"clinic_id\": null", "\"clinic_id\": 0")).message,
            "journal.clearances[0].clinic_id: 0 is below 1");
}

TEST(JsonCodec, RefusesAClearanceThatFollowsMoreScreeningsThanTheFileHolds) {
  EXPECT_EQ(error_of(sample_with("\"after_screenings\": 2", "\"after_screenings\": 3")).message,
            "journal.clearances[0].after_screenings: 3 is more than the 2 screenings in the file");
}

// Every sign a stop was reported with is kept; a file from before they were
// kept has stops with one sign. A list that is not one of texts is refused.
TEST(JsonCodec, AStopKeepsEverySignAndOneFromAnOlderFileHasOne) {
  auto decoded = person_data_from_json(person_data_to_json(sample_person()));
  ASSERT_TRUE(decoded) << decoded.error().message;
  const core::SessionEntry& stopped = decoded->journal.sessions[0];
  EXPECT_EQ(stopped.other_stop_signs, (std::vector<std::string>{"radiating-pain", "sharp-pain"}));
  EXPECT_EQ(stopped.steps.back().other_stop_signs, (std::vector<std::string>{"radiating-pain", "sharp-pain"}));

  auto older = nlohmann::json::parse(person_data_to_json(sample_person()));
  for (auto& session : older["journal"]["sessions"]) {
    session.erase("other_stop_signs");
    for (auto& step : session["steps"]) step.erase("other_stop_signs");
  }
  decoded = person_data_from_json(older.dump(2));
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(decoded->journal.sessions[0].stop_sign, "numbness");
  EXPECT_TRUE(decoded->journal.sessions[0].other_stop_signs.empty());
  EXPECT_TRUE(decoded->journal.sessions[0].steps.back().other_stop_signs.empty());

  auto bad = nlohmann::json::parse(person_data_to_json(sample_person()));
  bad["journal"]["sessions"][0]["other_stop_signs"] = "sharp-pain";
  EXPECT_EQ(error_of(bad.dump(2)).message, "journal.sessions[0].other_stop_signs: expected an array, found string");
}
