#include "runtime/key_text.h"

#include <fmt/format.h>

#include "runtime/csv_text.h"

namespace segc::runtime {
namespace {

// The code point at `offset` of a character find_forbidden_key_character found.
uint32_t code_point_at(std::string_view key, size_t offset) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(key[offset + i]); };
  if (byte(0) < 0x80) return byte(0);
  if (byte(0) == 0xC2) return byte(1);  // U+0085
  return 0x2000 | (byte(2) & 0x3F);     // U+2028, U+2029
}

}  // namespace

size_t find_forbidden_key_character(std::string_view key) {
  for (size_t i = 0; i < key.size(); ++i) {
    const auto c = static_cast<unsigned char>(key[i]);
    if (c < 0x20 || c == 0x7F) return i;
    if (c == 0xC2 && i + 1 < key.size() && static_cast<unsigned char>(key[i + 1]) == 0x85) return i;
    if (c == 0xE2 && i + 2 < key.size() && static_cast<unsigned char>(key[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(key[i + 2]) | 1) == 0xA9) {
      return i;
    }
  }
  return std::string_view::npos;
}

std::string forbidden_key_character_message(std::string_view key, size_t offset) {
  const uint32_t code_point = code_point_at(key, offset);
  const char* what = code_point == '\n' || code_point == '\r' || code_point >= 0x85 ? "a line break"
                     : code_point == '\t'                                            ? "a tab"
                                                                                     : "a control character";
  return fmt::format(
      "a key cannot hold {} (U+{:04X} at character {}): member lists have one key a line",
      what, code_point, csv::count_code_points(key.substr(0, offset)) + 1);
}

}  // namespace segc::runtime
