// Text helpers for the CSV loader: UTF-8 validation, code-point columns,
// display forms of offending text, and did-you-mean suggestions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace segc::runtime::csv {

// Offset of the first byte that is not part of well-formed UTF-8 (no overlong
// forms, surrogates or code points above U+10FFFF), or npos when all is valid.
size_t find_invalid_utf8(std::string_view text);

// Code points in `text`, counting every byte that does not continue a sequence.
size_t count_code_points(std::string_view text);

// `text` for a message: invalid bytes become U+FFFD, line breaks are shown as
// \n and \r, and anything past `limit` code points becomes "...".
std::string display_text(std::string_view text, size_t limit = 60);

// The candidate closest to `word` when it is close enough to be a likely
// typo (case differences, a swapped pair, a few edits), else "".
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// Spaces and tabs removed from both ends.
inline std::string_view trim_blanks(std::string_view text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && (text[begin] == ' ' || text[begin] == '\t')) ++begin;
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  return text.substr(begin, end - begin);
}

}  // namespace segc::runtime::csv
