// The practitioner finder's ranking (core/finder): who is kept, in which
// order, and the reasons each result gives (issue 11, point 3).
#include "fascia/core/finder.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace fascia::core {
namespace {

KnowledgeBase finder_kb() {
  KnowledgeBase kb;
  const auto add = [&](std::string id, std::string name, std::optional<Modality> load, PractitionerKind kind) {
    TreatmentModality t{id, name, "", true, load, "seed-000"};
    t.practitioner_kind = kind;
    kb.treatments[id] = t;
  };
  add("clinic-iastm", "Instrument work in clinic", Modality::instrument, PractitionerKind::manual_therapy);
  add("gua-sha", "Gua sha", Modality::instrument, PractitionerKind::manual_therapy);
  add("swedish-massage", "Swedish massage", std::nullopt, PractitionerKind::massage);
  add("physiotherapy", "Physiotherapy", std::nullopt, PractitionerKind::clinician);
  add("medical-care", "A doctor's assessment", std::nullopt, PractitionerKind::medical);
  Region scalene_region;
  scalene_region.id = "scalenes";
  scalene_region.name = "Scalenes";
  scalene_region.region_class = RegionClass::practitioner_only;
  kb.regions["scalenes"] = scalene_region;
  const auto need = [](std::string id, std::string name, std::string says) {
    FinderNeed n;
    n.id = std::move(id);
    n.name = std::move(name);
    n.says = std::move(says);
    return n;
  };
  FinderNeed medical = need("medical-check", "A medical check first", "See a doctor first.");
  medical.listed_first = {PractitionerKind::medical, PractitionerKind::clinician};
  medical.medical_first = true;
  medical.rules = {"practitioner-dizziness-with-neck-movement"};
  medical.stop_signs = {"dizziness"};
  kb.finder_needs[medical.id] = medical;
  FinderNeed scalenes = need("scalenes", "Work on the scalenes", "Only a practitioner.");
  scalenes.areas = {"scalenes"};
  kb.finder_needs[scalenes.id] = scalenes;
  FinderNeed instrument = need("instrument-not-improving", "Instrument work that did not help", "See someone.");
  instrument.work_like = Modality::instrument;
  kb.finder_needs[instrument.id] = instrument;
  return kb;
}

ListingAtDistance listing(std::int64_t id, std::string name, std::vector<std::string> modalities, double km,
                          bool taking = true, bool published = true, std::vector<std::string> areas = {}) {
  Listing l;
  l.id = id;
  l.display_name = std::move(name);
  l.modalities = std::move(modalities);
  l.areas = std::move(areas);
  l.taking_new_clients = taking;
  l.published = published;
  return {l, km};
}

std::vector<std::string> names(const std::vector<FinderMatch>& matches) {
  std::vector<std::string> out;
  for (const auto& m : matches) out.push_back(m.listing.display_name);
  return out;
}

TEST(Finder, NeverListsAnUnpublishedListingWhateverItsFit) {
  const auto kb = finder_kb();
  FinderFilter filter;
  const auto matches = rank_listings(
      kb, filter, {listing(1, "Hidden", {"clinic-iastm"}, 1, true, false), listing(2, "Shown", {"clinic-iastm"}, 20)});
  EXPECT_EQ(names(matches), std::vector<std::string>{"Shown"});
}

TEST(Finder, KeepsOnlyListingsWithinTheDistanceAskedFor) {
  const auto kb = finder_kb();
  FinderFilter filter;
  filter.within_km = 10;
  const auto matches = rank_listings(kb, filter,
                                     {listing(1, "Near", {"gua-sha"}, 9.99), listing(2, "Edge", {"gua-sha"}, 10),
                                      listing(3, "Far", {"gua-sha"}, 10.01)});
  EXPECT_EQ(names(matches), (std::vector<std::string>{"Near", "Edge"}));
}

TEST(Finder, AModalityKeepsOnlyThoseWhoGiveItAndSaysSo) {
  const auto kb = finder_kb();
  FinderFilter filter;
  filter.modality = "gua-sha";
  const auto matches =
      rank_listings(kb, filter, {listing(1, "Massage", {"swedish-massage"}, 1), listing(2, "Scraper", {"gua-sha"}, 5)});
  ASSERT_EQ(names(matches), std::vector<std::string>{"Scraper"});
  EXPECT_EQ(matches[0].why.front(), "Offers gua sha");
}

TEST(Finder, NearerComesFirstAndThoseTakingNewClientsBeforeThoseWhoAreNot) {
  const auto kb = finder_kb();
  FinderFilter filter;
  const auto matches =
      rank_listings(kb, filter,
                    {listing(1, "Far", {"gua-sha"}, 12), listing(2, "Near but full", {"gua-sha"}, 1, false),
                     listing(3, "Near", {"gua-sha"}, 3)});
  EXPECT_EQ(names(matches), (std::vector<std::string>{"Near", "Far", "Near but full"}));
  EXPECT_EQ(matches[2].why.back(), "Not taking new clients at present");
  EXPECT_EQ(matches[0].why.back(), "Taking new clients");
}

TEST(Finder, AMedicalCheckListsDoctorsThenCliniciansBeforeManualAndMassageTherapistsEvenWhenFarther) {
  const auto kb = finder_kb();
  FinderFilter filter;
  filter.need = &kb.finder_needs.at("medical-check");
  const auto matches =
      rank_listings(kb, filter,
                    {listing(1, "Massage", {"swedish-massage"}, 1), listing(2, "Physio", {"physiotherapy"}, 8),
                     listing(3, "Doctor", {"medical-care"}, 15), listing(4, "Scraper", {"clinic-iastm"}, 2)});
  // Manual and massage therapists come after, nearest first, as equals.
  EXPECT_EQ(names(matches), (std::vector<std::string>{"Doctor", "Physio", "Massage", "Scraper"}));
  EXPECT_EQ(matches[0].why[0], "Listed early as a doctor: a medical check comes first");
  EXPECT_EQ(matches[3].why[0], "Listed after doctors and clinicians: see them once a doctor has said it is fine");
}

TEST(Finder, APractitionerWhoIsBothAClinicianAndAManualTherapistRanksAsTheClinician) {
  const auto kb = finder_kb();
  FinderFilter filter;
  filter.need = &kb.finder_needs.at("medical-check");
  const auto matches = rank_listings(kb, filter,
                                     {listing(1, "Scraper", {"clinic-iastm"}, 1),
                                      listing(2, "Physio who scrapes", {"clinic-iastm", "physiotherapy"}, 9)});
  EXPECT_EQ(names(matches), (std::vector<std::string>{"Physio who scrapes", "Scraper"}));
}

TEST(Finder, ScaleneWorkKeepsOnlyPractitionersWhoTreatTheScalenes) {
  const auto kb = finder_kb();
  FinderFilter filter;
  filter.need = &kb.finder_needs.at("scalenes");
  const auto matches = rank_listings(kb, filter,
                                     {listing(1, "Physio", {"physiotherapy"}, 1),
                                      listing(2, "Scalene physio", {"physiotherapy"}, 6, true, true, {"scalenes"})});
  ASSERT_EQ(names(matches), std::vector<std::string>{"Scalene physio"});
  EXPECT_EQ(matches[0].why[0], "Treats scalenes");
}

TEST(Finder, InstrumentWorkThatDidNotHelpKeepsPractitionersWhoDoInstrumentWorkInClinic) {
  const auto kb = finder_kb();
  FinderFilter filter;
  filter.need = &kb.finder_needs.at("instrument-not-improving");
  filter.place_name = "Walnut Creek, CA, US";
  const auto matches =
      rank_listings(kb, filter,
                    {listing(1, "Physio", {"physiotherapy"}, 1), listing(2, "Both", {"clinic-iastm", "gua-sha"}, 4.25),
                     listing(3, "Massage", {"swedish-massage"}, 2)});
  ASSERT_EQ(names(matches), std::vector<std::string>{"Both"});
  EXPECT_EQ(matches[0].why, (std::vector<std::string>{"Does this work in clinic: instrument work in clinic and gua sha",
                                                      "4.2 km from Walnut Creek, CA, US", "Taking new clients"}));
}

TEST(Finder, ANeedForADoctorTodayKeepsOnlyDoctors) {
  auto kb = finder_kb();
  FinderNeed urgent;
  urgent.id = "urgent-care";
  urgent.listed_first = {PractitionerKind::medical};
  urgent.only = {PractitionerKind::medical};
  urgent.medical_first = true;
  kb.finder_needs[urgent.id] = urgent;
  FinderFilter filter;
  filter.need = &kb.finder_needs.at("urgent-care");
  const auto matches =
      rank_listings(kb, filter,
                    {listing(1, "Physio", {"physiotherapy"}, 1), listing(2, "Doctor", {"medical-care"}, 9),
                     listing(3, "Physio and doctor", {"physiotherapy", "medical-care"}, 4)});
  EXPECT_EQ(names(matches), (std::vector<std::string>{"Physio and doctor", "Doctor"}));
}

TEST(Finder, DistancesAreWrittenAsPeopleReadThem) {
  EXPECT_EQ(distance_words(0.84), "840 m");
  EXPECT_EQ(distance_words(4.25), "4.2 km");
  EXPECT_EQ(distance_words(37.4), "37 km");
}

TEST(Finder, EachWarningSignAndReviewLinksToTheNeedThatAnswersIt) {
  const auto kb = finder_kb();
  EXPECT_EQ(need_for_rule(kb, "practitioner-dizziness-with-neck-movement"), &kb.finder_needs.at("medical-check"));
  EXPECT_EQ(need_for_stop_sign(kb, "dizziness"), &kb.finder_needs.at("medical-check"));
  EXPECT_EQ(need_for_home_work(kb, Modality::instrument), &kb.finder_needs.at("instrument-not-improving"));
  EXPECT_EQ(need_for_rule(kb, "no-such-rule"), nullptr);
  EXPECT_EQ(need_for_home_work(kb, Modality::compression), nullptr);
}

TEST(Finder, CoordinatesOutsideTheGlobeAreRefused) {
  EXPECT_FALSE(GeoPoint::from_degrees(90.1, 0));
  EXPECT_FALSE(GeoPoint::from_degrees(0, -180.5));
  EXPECT_FALSE(GeoPoint::from_degrees(std::nan(""), 0));
  EXPECT_EQ(GeoPoint::from_degrees(37.906310, -122.064960), (GeoPoint{37906310, -122064960}));
}

}  // namespace
}  // namespace fascia::core
