// A tiny but complete and valid knowledge base written to a fresh temporary
// directory. Each test breaks one thing with replace() or write() and checks
// the exact problem; line_of() finds the line a problem must name.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

#include "fascia/adapters/yaml_knowledge_source.hpp"
#include "unit/adapters/temp_dir.hpp"

namespace fascia::testing {

inline const std::map<std::string, std::string>& minimal_kb_files() {
  static const std::map<std::string, std::string> files{
      {"sources.yaml", R"(sources:
  - id: seed-000
    title: Seed notes
    citation: Our own summary of the seed pages
  - id: stiell-2001
    title: The Canadian C-spine rule
    citation: Stiell et al., JAMA 2001
)"},
      {"techniques.yaml", R"(techniques:
  - id: sweep-along-fibres
    name: Sweep along the fibres
    modality: instrument
    unit: strokes
    pressure: [3, 6]
    seconds_per_stroke: 2
    description: Long slow strokes along the muscle.
    source: seed-000
  - id: trigger-point-pressure-release
    name: Trigger point pressure release
    modality: pressure
    unit: seconds
    pressure: [3, 6]
    description: A steady hold on a tender spot.
    source: seed-000
  - id: chin-tuck
    name: Chin tuck
    modality: movement
    unit: seconds
    description: Draw the chin straight back.
    source: seed-000
)"},
      {"screening/questions.yaml", R"(questions:
  - id: recent-trauma
    text: Have you had a fall or a blow to the head or neck lately?
    kind: yes-no
    group: emergency
    source: stiell-2001
  - id: medical-clearance
    text: Has a doctor cleared you for work on the side of the neck?
    kind: yes-no
    group: serious
    source: seed-000
  - id: numb-areas
    text: Where do you feel numbness?
    kind: regions
    group: local
    help: Tick each area.
    source: seed-000
)"},
      {"body/chains.yaml", R"(chains:
  - id: posterior-neck
    name: Back of the neck
    regions: [suboccipitals, upper-trapezius]
    source: seed-000
)"},
      {"body/regions.yaml", R"(regions:
  - id: upper-trapezius
    name: Upper trapezius
    chain: posterior-neck
    laterality: paired
    class: normal
    source: seed-000
  - id: suboccipitals
    name: Base of the skull
    chain: posterior-neck
    laterality: paired
    class: sensitive
    pressure_cap: 4
    allowed_techniques: [trigger-point-pressure-release, chin-tuck]
    dose_seconds: [60, 90]
    note: Nerves and arteries lie close to the surface.
    source: seed-000
  - id: anterior-neck
    name: Front of the neck
    laterality: midline
    class: practitioner-only
    note: The carotid artery; leave it to a practitioner.
    source: seed-000
  - id: sternocleidomastoid
    name: Side of the neck
    laterality: paired
    class: needs-medical-clearance
    pressure_cap: 3
    note: Runs beside the carotid artery.
    source: seed-000
)"},
      {"tools/edges.yaml", R"(edges:
  - id: long-curved-edge
    name: Long curved edge
    description: A gently curved edge for long strokes.
    substitutes: [short-straight-edge]
    source: seed-000
  - id: short-straight-edge
    name: Short straight edge
    description: A short flat edge.
    source: seed-000
)"},
      {"tools/tools.yaml", R"(tools:
  - id: scraper
    name: Steel scraper
    edges: [long-curved-edge, short-straight-edge]
    source: seed-000
  - id: partner
    name: A partner
    edges: []
    source: seed-000
)"},
      {"tools/kits.yaml", R"(kits:
  - id: starter-kit
    name: Starter kit
    tools: [scraper]
    note: What most people begin with.
    source: seed-000
)"},
      {"safety/stop_signs.yaml", R"(stop_signs:
  - id: sharp-pain
    name: Sharp pain
    action: stop-step
    advice: Stop this step and go on to the next.
    source: seed-000
  - id: dizziness
    name: Dizziness
    action: stop-session
    advice: Stop and sit down.
    rescreen: recent-trauma
    source: seed-000
)"},
      {"safety/caps.yaml", R"(caps:
  - {id: instrument-sessions-per-7-days, value: 3, source: seed-000}
  - {id: instrument-min-hours-between, value: 48, source: seed-000}
  - {id: compression-min-hours-between, value: 24, source: seed-000}
  - {id: home-pressure-ceiling, value: 7, source: seed-000}
  - {id: instrument-minutes-per-session, value: 20, source: seed-000}
  - {id: program-weeks-min, value: 4, source: seed-000}
  - {id: program-weeks-max, value: 8, source: seed-000}
  - {id: review-week, value: 3, source: seed-000}
  - {id: review-min-adherence-percent, value: 75, source: seed-000}
  - {id: soreness-resolved-at, value: 2, source: seed-000}
  - {id: checkin-after-hours, value: 24, source: seed-000}
  - {id: bruise-pressure-step, value: 1, source: seed-000}
  - {id: repeated-bruising-count, value: 2, source: seed-000}
  - {id: worse-after-hours, value: 48, source: seed-000}
  - {id: meaningful-change-points, value: 2, source: seed-000}
  - {id: meaningful-change-percent, value: 30, source: seed-000}
  - {id: trigger-point-hold-min-seconds, value: 30, source: seed-000}
  - {id: trigger-point-hold-max-seconds, value: 90, source: seed-000}
)"},
      {"protocols/neck-basic.yaml", R"(protocol:
  id: neck-basic
  name: Neck basics
  summary: Strokes on the upper trapezius, then a hold under the skull.
  condition: neck tension
  sessions_per_week: 3
  weeks: [4, 6]
  source: seed-000
  steps:
    - technique: sweep-along-fibres
      edges: [long-curved-edge]
      region: upper-trapezius
      direction: from the neck out to the shoulder
      pressure: [5, 6]
      dose: [15, 20]
      per_side: true
      instruction: Stroke slowly along the muscle.
      cues: [Breathe out]
      stop_signs: [sharp-pain]
    - technique: trigger-point-pressure-release
      region: suboccipitals
      direction: straight in
      pressure: [3, 4]
      dose: [60, 90]
      instruction: Hold gently under the skull.
      cautions: [Never press on the front of the neck]
      stop_signs: [dizziness]
      source: stiell-2001
)"},
      {"protocols/tender-spot-holds.yaml", R"(protocol:
  id: tender-spot-holds
  name: Holds for a tender spot
  summary: A steady hold on one spot.
  condition: a tender spot
  eligible_regions: [upper-trapezius]
  requires_tools: [partner]
  sessions_per_week: 2
  weeks: [4, 4]
  source: seed-000
  steps:
    - technique: trigger-point-pressure-release
      region: $target
      direction: straight in
      pressure: [4, 5]
      dose: [30, 60]
      optional: true
      instruction: Hold until the spot eases.
)"},
      {"screening/rules.yaml", R"(rules:
  - id: canadian-c-spine-high-risk
    all_of: [recent-trauma]
    level: urgent
    advice: Have the neck checked today before any self-care.
    source: stiell-2001
  - id: numbness-local
    any_of: [numb-areas]
    level: self-care-with-cautions
    answered_regions: true
    modalities: [instrument]
    pressure_cap: 3
    gentle: true
    advice: Keep pressure light where you feel numb.
    source: seed-000
)"},
      {"referral.yaml", R"(locations:
  - id: headache-back
    name: Headache at the back of the head
patterns:
  - location: headache-back
    candidates:
      - {region: suboccipitals, weight: 0.8}
      - {region: upper-trapezius, weight: 0.5}
    source: seed-000
    warnings:
      - id: headache-emergency
        text: A sudden, severe headache unlike any before is an emergency.
        source: seed-000
)"},
      {"habits.yaml", R"(habits:
  - id: screen-at-eye-level
    name: Screen at eye level
    description: Raise the screen so the head stays level.
    source: seed-000
)"},
      {"treatments.yaml", R"(treatments:
  - id: sports-massage
    name: Sports massage
    description: Deep massage by a trained therapist.
    source: seed-000
  - id: foam-rolling
    name: Foam rolling
    description: Rolling on a foam cylinder at home.
    offered_by_practitioners: false
    source: seed-000
)"},
      {"finder.yaml", R"(needs:
  - id: medical-check
    name: A medical check first
    says: A doctor should check this first.
    listed_first: [medical, clinician]
    medical_first: true
    rules: [canadian-c-spine-high-risk]
    stop_signs: [sharp-pain]
    source: seed-000
)"},
  };
  return files;
}

class KbFixture {
 public:
  KbFixture() {
    for (const auto& [file, text] : minimal_kb_files()) write(file, text);
  }

  const std::filesystem::path& dir() const { return dir_.path(); }

  void write(const std::string& file, std::string_view text) const {
    const std::filesystem::path path = dir() / file;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
  }

  std::string read(const std::string& file) const { return read_bytes(dir() / file); }

  // Replaces the first occurrence of `from`, which must exist.
  void replace(const std::string& file, std::string_view from, std::string_view to) const {
    std::string text = read(file);
    const auto at = text.find(from);
    if (at == std::string::npos) throw std::logic_error("fixture " + file + " has no '" + std::string(from) + "'");
    text.replace(at, from.size(), to);
    write(file, text);
  }

  void remove(const std::string& file) const { std::filesystem::remove_all(dir() / file); }

  // "file:N" where N is the 1-based line holding the first `needle`, which must exist.
  std::string at(const std::string& file, std::string_view needle) const {
    const std::string text = read(file);
    const auto pos = text.find(needle);
    if (pos == std::string::npos) throw std::logic_error("fixture " + file + " has no '" + std::string(needle) + "'");
    long line = 1;
    for (std::size_t i = 0; i < pos; ++i) line += text[i] == '\n';
    return file + ":" + std::to_string(line);
  }

  tl::expected<core::KnowledgeBase, app::KbProblems> load() const {
    return adapters::YamlKnowledgeSource(dir()).load();
  }

 private:
  TempDir dir_;
};

}  // namespace fascia::testing
