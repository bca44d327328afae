// Properties of the finder's ranking (core/finder) over generated
// directories and searches: nothing unpublished or too far is ever listed,
// nothing that answers is left out, and the order is the one the contract
// states (the need's kinds first, then those taking new clients, then
// nearer).
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <set>

#include "fascia/core/finder.hpp"

namespace fascia::core {
namespace {

KnowledgeBase kb_with_kinds() {
  KnowledgeBase kb;
  const auto add = [&](const char* id, std::optional<Modality> load, PractitionerKind kind) {
    TreatmentModality t{id, id, "", true, load, "seed-000"};
    t.practitioner_kind = kind;
    kb.treatments[id] = t;
  };
  add("medical-care", std::nullopt, PractitionerKind::medical);
  add("physiotherapy", std::nullopt, PractitionerKind::clinician);
  add("clinic-iastm", Modality::instrument, PractitionerKind::manual_therapy);
  add("swedish-massage", std::nullopt, PractitionerKind::massage);
  Region scalenes;
  scalenes.id = "scalenes";
  scalenes.name = "Scalenes";
  scalenes.region_class = RegionClass::practitioner_only;
  kb.regions["scalenes"] = scalenes;
  FinderNeed medical;
  medical.id = "medical-check";
  medical.listed_first = {PractitionerKind::medical, PractitionerKind::clinician};
  medical.medical_first = true;
  kb.finder_needs[medical.id] = medical;
  FinderNeed areas;
  areas.id = "scalenes";
  areas.areas = {"scalenes"};
  kb.finder_needs[areas.id] = areas;
  FinderNeed work;
  work.id = "instrument-not-improving";
  work.work_like = Modality::instrument;
  kb.finder_needs[work.id] = work;
  return kb;
}

const std::vector<std::string> kModalities{"medical-care", "physiotherapy", "clinic-iastm", "swedish-massage"};

rc::Gen<ListingAtDistance> candidate(std::int64_t id) {
  return rc::gen::map(
      rc::gen::tuple(rc::gen::container<std::vector<std::size_t>>(rc::gen::inRange<std::size_t>(0, kModalities.size())),
                     rc::gen::inRange(0, 4000), rc::gen::arbitrary<bool>(), rc::gen::arbitrary<bool>(),
                     rc::gen::arbitrary<bool>()),
      [id](const auto& t) {
        const auto& [picks, tenths_km, published, taking, scalenes] = t;
        ListingAtDistance c;
        c.listing.id = id;
        c.listing.display_name = "L" + std::to_string(id);
        for (auto i : picks)
          if (std::find(c.listing.modalities.begin(), c.listing.modalities.end(), kModalities[i]) ==
              c.listing.modalities.end())
            c.listing.modalities.push_back(kModalities[i]);
        if (c.listing.modalities.empty()) c.listing.modalities.push_back("swedish-massage");
        if (scalenes) c.listing.areas = {"scalenes"};
        c.listing.published = published;
        c.listing.taking_new_clients = taking;
        c.distance_km = tenths_km / 10.0;
        return c;
      });
}

bool answers(const KnowledgeBase& kb, const FinderFilter& f, const ListingAtDistance& c) {
  const auto& l = c.listing;
  const auto offers = [&](const std::string& m) {
    return std::find(l.modalities.begin(), l.modalities.end(), m) != l.modalities.end();
  };
  if (!l.published || c.distance_km > f.within_km) return false;
  if (!f.modality.empty() && !offers(f.modality)) return false;
  if (f.need != nullptr && !f.need->areas.empty() &&
      std::find(l.areas.begin(), l.areas.end(), f.need->areas.front()) == l.areas.end())
    return false;
  if (f.need != nullptr && f.need->work_like &&
      std::none_of(l.modalities.begin(), l.modalities.end(),
                   [&](const std::string& m) { return kb.treatments.at(m).counts_as == f.need->work_like; }))
    return false;
  return true;
}

std::size_t kind_rank(const KnowledgeBase& kb, const FinderFilter& f, const Listing& l) {
  if (f.need == nullptr) return 0;
  std::size_t best = f.need->listed_first.size();
  for (const auto& m : l.modalities) {
    const auto& first = f.need->listed_first;
    auto it = std::find(first.begin(), first.end(), *kb.treatments.at(m).practitioner_kind);
    best = std::min(best, static_cast<std::size_t>(it - first.begin()));
  }
  return best;
}

RC_GTEST_PROP(FinderProperties, ListsExactlyWhatAnswersInTheStatedOrder, ()) {
  static const KnowledgeBase kb = kb_with_kinds();
  const auto count = *rc::gen::inRange(0, 40);
  std::vector<ListingAtDistance> candidates;
  for (int i = 0; i < count; ++i) candidates.push_back(*candidate(i + 1));
  FinderFilter filter;
  filter.within_km = *rc::gen::inRange(1, 400) / 1.0;
  const auto need =
      *rc::gen::elementOf(std::vector<std::string>{"", "medical-check", "scalenes", "instrument-not-improving"});
  if (!need.empty()) filter.need = &kb.finder_needs.at(need);
  if (*rc::gen::arbitrary<bool>()) filter.modality = *rc::gen::elementOf(kModalities);

  const auto matches = rank_listings(kb, filter, candidates);
  std::set<std::int64_t> listed;
  for (const auto& m : matches) listed.insert(m.listing.id);
  RC_ASSERT(listed.size() == matches.size());  // each listing once
  for (const auto& c : candidates) RC_ASSERT(listed.count(c.listing.id) == (answers(kb, filter, c) ? 1u : 0u));
  for (std::size_t i = 1; i < matches.size(); ++i) {
    const auto& a = matches[i - 1];
    const auto& b = matches[i];
    const auto key = [&](const FinderMatch& m) {
      return std::make_tuple(kind_rank(kb, filter, m.listing), !m.listing.taking_new_clients, m.distance_km);
    };
    RC_ASSERT(key(a) <= key(b));
  }
  for (const auto& m : matches) {
    RC_ASSERT(m.listing.published);
    RC_ASSERT(!m.why.empty());
    RC_ASSERT(m.why.back() ==
              (m.listing.taking_new_clients ? "Taking new clients" : "Not taking new clients at present"));
  }
}

}  // namespace
}  // namespace fascia::core
