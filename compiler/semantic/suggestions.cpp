#include "semantic/suggestions.h"

#include <llvm/ADT/StringRef.h>

namespace segc {

std::optional<std::string> closest_match(std::string_view typo,
                                         const std::vector<std::string>& candidates) {
  const llvm::StringRef wanted(typo.data(), typo.size());
  // Allow about one edit per three characters, and at least one.
  const unsigned limit = std::max<unsigned>(1, static_cast<unsigned>(typo.size()) / 3);
  std::optional<std::string> best;
  unsigned best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    const llvm::StringRef name(candidate);
    if (name.equals_insensitive(wanted)) return candidate;
    const unsigned distance = wanted.edit_distance(name, true, limit);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

}  // namespace segc
