// Screening: turns answers into a clearance (emergency, urgent, see a
// practitioner first, self-care with cautions, cleared) with the answers and
// sources that caused it, and answers "may this region be treated this way?".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fascia/core/error.hpp"
#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"
#include "fascia/core/reason.hpp"

namespace fascia::core {

struct Finding {
  std::string rule;
  ClearanceLevel level = ClearanceLevel::cleared;
  std::vector<std::string> because;  // question ids answered yes
  std::vector<std::string> regions;  // scope; empty with no modalities = everything
  std::vector<Modality> modalities;
  std::optional<int> pressure_cap;
  bool gentle = false;
  std::string advice;
  std::string source;
  bool everything() const { return regions.empty() && modalities.empty(); }
};

struct Clearance {
  ClearanceLevel level = ClearanceLevel::cleared;  // the most severe finding
  std::vector<Finding> findings;                   // most severe first
  bool medical_clearance = false;                  // answered yes to `medical-clearance`

  // False for emergency, urgent, or a see-a-practitioner finding without scope.
  bool plan_allowed() const;
};

// What the rules allow for one region worked with one modality.
struct RegionAccess {
  bool allowed = true;
  std::vector<Reason> reasons;      // why not, or the cautions that apply
  std::optional<int> pressure_cap;  // lowest ceiling from region class and cautions
  bool gentle = false;
};

inline constexpr const char* kMedicalClearanceQuestion = "medical-clearance";

// Checks that every question has an answer and region answers name known
// regions; the error names the first problem.
Result<void> validate_answers(const KnowledgeBase& kb, const ScreeningRecord& record);

// Precondition: validate_answers succeeded.
Clearance evaluate_screening(const KnowledgeBase& kb, const ScreeningRecord& record);

// Region class rules (practitioner-only, needs medical clearance, sensitive
// caps) combined with the clearance's scoped findings.
RegionAccess region_access(const KnowledgeBase& kb, const Clearance& clearance, const std::string& region,
                           Modality modality);

}  // namespace fascia::core
