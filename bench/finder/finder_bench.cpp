// The practitioner finder at scale (issue 11): the gazetteer's load time and
// memory, then LISTINGS listings (default 100,000) placed at gazetteer
// places drawn by population (so cities hold many, as real directories do),
// and SAMPLES searches near places also drawn by population, each as the
// server answers one (resolve the place, read the boxes from the spatial
// index, measure, rank): p50 and p99 in milliseconds, and how many listings
// each search read and kept.
//
// Usage: fascia_finder_bench DB [LISTINGS=100000] [SAMPLES=500] [WITHIN_KM=25]
//   DB is a new SQLite file or an empty postgresql:// database (as --db).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "fascia/adapters/database_open.hpp"
#include "fascia/adapters/gazetteer_file.hpp"
#include "fascia/adapters/geodesic_earth.hpp"
#include "fascia/adapters/kb_paths.hpp"
#include "fascia/adapters/yaml_knowledge_source.hpp"
#include "fascia/app/finder.hpp"

namespace {

using namespace fascia;
using Clock = std::chrono::steady_clock;

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "finder bench: %s\n", what.c_str());
  std::exit(1);
}

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> values, double q) {
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(q * static_cast<double>(values.size() - 1) + 0.5)];
}

long max_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// Counts what the store hands back, to report how much each search read.
class CountingDirectory : public app::DirectoryStore {
 public:
  explicit CountingDirectory(app::DirectoryStore& inner) : inner_(inner) {}
  std::size_t read = 0;
  core::Result<std::optional<core::Listing>> listing_of_account(std::int64_t id) override {
    return inner_.listing_of_account(id);
  }
  core::Result<core::Listing> save_account_listing(const core::Listing& l) override {
    return inner_.save_account_listing(l);
  }
  core::Result<std::int64_t> replace_directory(const std::string& d, const std::vector<core::Listing>& l) override {
    return inner_.replace_directory(d, l);
  }
  core::Result<std::vector<core::Listing>> all_listings() override { return inner_.all_listings(); }
  core::Result<void> restore_listing(const core::Listing& l) override { return inner_.restore_listing(l); }
  core::Result<std::vector<core::Listing>> published_in(const app::GeoBox& box) override {
    auto found = inner_.published_in(box);
    if (found) read += found->size();
    return found;
  }

 private:
  app::DirectoryStore& inner_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DB [LISTINGS] [SAMPLES] [WITHIN_KM]\n", argv[0]);
    return 2;
  }
  const adapters::DatabaseTarget target(argv[1]);
  const std::size_t listings = argc > 2 ? std::stoul(argv[2]) : 100000;
  const std::size_t samples = argc > 3 ? std::stoul(argv[3]) : 500;
  const double within = argc > 4 ? std::stod(argv[4]) : 25;
  auto kb = adapters::YamlKnowledgeSource(adapters::default_data_dir()).load();
  if (!kb) fail("knowledge base: " + kb.error().front());

  const long rss_before = max_rss_kib();
  auto started = Clock::now();
  auto places = adapters::load_gazetteer(adapters::default_gazetteer_file());
  if (!places) fail(places.error().message);
  const double read_ms = ms_since(started);
  const std::vector<app::Place> all = *places;
  started = Clock::now();
  const app::PlaceIndex index(std::move(*places));
  const double index_ms = ms_since(started);
  std::printf("gazetteer: %zu places, read %.0f ms, indexed %.0f ms, peak memory +%.0f MiB\n", index.size(), read_ms,
              index_ms, static_cast<double>(max_rss_kib() - rss_before) / 1024);

  std::mt19937_64 random(11);
  std::vector<double> weights;
  weights.reserve(all.size());
  for (const auto& p : all) weights.push_back(static_cast<double>(std::max<std::int64_t>(p.population, 1)));
  std::discrete_distribution<std::size_t> by_people(weights.begin(), weights.end());
  std::vector<std::string> modalities;
  for (const auto& [id, t] : kb->treatments)
    if (t.practitioner_kind) modalities.push_back(id);
  std::uniform_real_distribution<double> jitter(-0.05, 0.05);

  auto directory = adapters::open_directory_store(target);
  if (!directory) fail(directory.error().message);
  std::vector<core::Listing> generated;
  generated.reserve(listings);
  for (std::size_t i = 0; i < listings; ++i) {
    const auto& place = all[by_people(random)];
    core::Listing l;
    l.display_name = "Practitioner " + std::to_string(i + 1);
    for (std::size_t k = 0; k < 1 + random() % 3; ++k) {
      const auto& m = modalities[random() % modalities.size()];
      if (std::find(l.modalities.begin(), l.modalities.end(), m) == l.modalities.end()) l.modalities.push_back(m);
    }
    if (random() % 10 == 0) l.areas = {"scalenes"};
    l.town = place.name;
    auto point = core::GeoPoint::from_degrees(std::clamp(place.point.latitude() + jitter(random), -90.0, 90.0),
                                              std::clamp(place.point.longitude() + jitter(random), -180.0, 180.0));
    l.location = *point;
    l.contact = "555 0100";
    l.taking_new_clients = random() % 4 != 0;
    l.published = random() % 10 != 0;
    generated.push_back(std::move(l));
  }
  started = Clock::now();
  if (auto ok = (*directory)->replace_directory("bench", generated); !ok) fail(ok.error().message);
  std::printf("directory: %zu listings written in %.1f s (%s)\n", listings, ms_since(started) / 1000,
              target.is_postgresql() ? "PostgreSQL, B-tree on coordinates" : "SQLite, R*Tree");

  const std::vector<std::string> needs{"", "medical-check", "instrument-not-improving", "scalenes"};
  const adapters::GeodesicEarth earth;
  CountingDirectory counting(**directory);
  std::vector<double> times;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < samples; ++i) {
    const app::FinderRequest request{all[by_people(random)].label(), within, "", needs[i % needs.size()]};
    started = Clock::now();
    auto answer = app::find_practitioners(*kb, index, earth, counting, request);
    times.push_back(ms_since(started));
    if (!answer) fail(answer.error().error.message);
    if (const auto* result = std::get_if<app::FinderResult>(&*answer)) kept += result->total;
  }
  std::printf("search within %.0f km: p50 %.2f ms, p99 %.2f ms over %zu searches; read %.0f, kept %.0f listings each\n",
              within, percentile(times, 0.5), percentile(times, 0.99), samples,
              static_cast<double>(counting.read) / static_cast<double>(samples),
              static_cast<double>(kept) / static_cast<double>(samples));
  return 0;
}
