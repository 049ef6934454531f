// "did you mean ...?" for misspelt names, enum values and functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace segc {

// The candidate closest to `typo` by edit distance (case-insensitive for ASCII),
// when it is close enough to be a plausible misspelling.
std::optional<std::string> closest_match(std::string_view typo,
                                         const std::vector<std::string>& candidates);

}  // namespace segc
