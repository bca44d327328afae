// The practitioner finder's ranking (issue 11): which published listings
// near a place answer a search, in which order, and why each is there.
// Distances are measured by the caller (an adapter with a geodesy library);
// this file only filters and orders.
#pragma once

#include <string>
#include <vector>

#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/listing.hpp"
#include "fascia/core/plan.hpp"

namespace fascia::core {

struct FinderFilter {
  double within_km = 25;             // keep listings at most this far, kilometres
  std::string modality;              // a treatment id the listing must offer; empty: any
  const FinderNeed* need = nullptr;  // from the knowledge base; null: no need given
  std::string place_name;            // for the distance's words: "Walnut Creek, CA, US"
};

struct ListingAtDistance {
  Listing listing;
  double distance_km = 0;  // great-circle distance from the searched place
};

struct FinderMatch {
  Listing listing;
  double distance_km = 0;
  // The reasons it is listed, in plain words, most important first: what it
  // offers that was asked for, why its kind is listed where it is, how far,
  // whether it takes new clients.
  std::vector<std::string> why;
};

// The listings that answer `filter`, best first. Kept: published, at most
// within_km away, offering `modality` when one is given, and meeting the
// need's areas, work_like and only (its kinds). Order: the need's listed_first kinds first (a
// listing's kind is the first of its treatments' practitioner_kind in that
// order), then those taking new clients, then nearer, then by name and id.
std::vector<FinderMatch> rank_listings(const KnowledgeBase& kb, const FinderFilter& filter,
                                       std::vector<ListingAtDistance> candidates);

// The words for a distance: "850 m", "4.2 km", "37 km".
std::string distance_words(double km);

// The need a screening rule or a stop sign links to, or null when it links
// to none (data/finder.yaml rules and stop_signs).
const FinderNeed* need_for_rule(const KnowledgeBase& kb, const std::string& rule_id);
const FinderNeed* need_for_stop_sign(const KnowledgeBase& kb, const std::string& stop_sign_id);
// The need for home work of this load that did not help by the week-4
// review (work_like), or null.
const FinderNeed* need_for_home_work(const KnowledgeBase& kb, Modality load);
// The need for the home work a plan gives most: need_for_home_work of the
// load (instrument, compression or pressure) of most planned steps; the
// first of them in that order on a tie; null when the plan loads nothing.
const FinderNeed* need_for_plan(const KnowledgeBase& kb, const Plan& plan);
// The need whose areas hold this practitioner-only region ("scalenes"), or null.
const FinderNeed* need_for_region(const KnowledgeBase& kb, const std::string& region);

}  // namespace fascia::core
