// What a string key may hold. Member lists (NAME.keys) have one key a line,
// read by tools that split lines on \n, \r\n, \r and, like Python's
// str.splitlines, on U+0085, U+2028 and U+2029; a key with any of these, a tab
// (the column separator of many readers) or another control character would
// read back as other customers. Such keys are refused where keys enter: the
// CSV loader (a bad value of its row) and the columnar file's verifier.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace segc::runtime {

// Byte offset of the first character a key may not hold (C0 controls, DEL,
// U+0085, U+2028, U+2029), or npos when there is none. Expects valid UTF-8.
size_t find_forbidden_key_character(std::string_view key);

// "a key cannot hold ...": the message for the character at `offset`.
std::string forbidden_key_character_message(std::string_view key, size_t offset);

}  // namespace segc::runtime
