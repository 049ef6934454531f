// A line-based unified diff (as `diff -u` prints it), for `segc fmt --diff`.
#pragma once

#include <string>
#include <string_view>

namespace segc {

// The changes that turn `before` into `after`, with `context` unchanged lines
// around each change; empty when the texts are equal. A missing final newline
// is marked with "\ No newline at end of file". Very different texts (more
// than a few thousand changed lines) show as one hunk replacing the region
// between their common first and last lines, rather than a minimal diff.
std::string unified_diff(std::string_view before, std::string_view after,
                         std::string_view before_label, std::string_view after_label,
                         int context = 3);

}  // namespace segc
