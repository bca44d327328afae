// References between knowledge-base entries (a step's technique, a region's
// chain, every `source`...). They are noted while the files are read and
// resolved once everything is loaded, since the files refer to each other.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "fascia/adapters/kb_problems.hpp"
#include "fascia/core/knowledge_base.hpp"

namespace fascia::adapters::kb {

enum class RefKind { source, region, chain, edge, tool, technique, question, stop_sign, location };
inline constexpr std::size_t kRefKinds = 9;

class References {
 public:
  // Notes that `id` must name an entry of `kind`; `what` names the place in
  // the problem ("step 3 technique"), `file` must outlive resolve().
  void expect(RefKind kind, std::string id, std::string_view file, int line, std::string what);

  // A kind whose file failed to load: references to it are not reported,
  // since each would only repeat that failure.
  void mark_unavailable(RefKind kind) { unavailable_[static_cast<std::size_t>(kind)] = true; }
  bool available(RefKind kind) const { return !unavailable_[static_cast<std::size_t>(kind)]; }

  // Reports "<what> '<id>' is not a known <kind>" for each reference that does not resolve.
  void resolve(const core::KnowledgeBase& kb, Problems& problems) const;

 private:
  struct Pending {
    RefKind kind;
    std::string id;
    std::string_view file;
    int line;
    std::string what;
  };
  std::vector<Pending> pending_;
  std::array<bool, kRefKinds> unavailable_{};
};

}  // namespace fascia::adapters::kb
