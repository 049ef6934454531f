#include "semantic/suggestions.h"

#include <llvm/ADT/StringRef.h>

#include <algorithm>

namespace segc {

std::optional<std::string> closest_match(std::string_view typo,
                                         const std::vector<std::string>& candidates) {
  const llvm::StringRef wanted(typo.data(), typo.size());
  // About one edit per three characters, and at least two, so that a swapped
  // pair of letters ("emial") is found; never as many edits as the word is long.
  const auto length = static_cast<unsigned>(typo.size());
  const unsigned limit = std::min(std::max(2u, length / 3), length > 1 ? length - 1 : 0);
  std::optional<std::string> best;
  unsigned best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    const llvm::StringRef name(candidate);
    if (name.equals_insensitive(wanted)) return candidate;
    // "lowercase" for "lower", "birth" for "birth_date".
    if (name.size() >= 4 && wanted.size() >= 4 &&
        (wanted.starts_with_insensitive(name) || name.starts_with_insensitive(wanted)) &&
        best_distance > limit) {
      best = candidate;
      best_distance = limit;
      continue;
    }
    const unsigned distance = wanted.edit_distance(name, true, limit);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

}  // namespace segc
