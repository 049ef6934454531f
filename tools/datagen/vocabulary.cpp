#include "vocabulary.h"

namespace segc::datagen {

namespace {

// Maps the two-byte UTF-8 Cyrillic letters А-Я/а-я/Ё/ё and ASCII letters; other
// bytes are copied unchanged.
std::string change_case(std::string_view utf8, bool upper) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto byte = static_cast<unsigned char>(utf8[i]);
    if (byte < 0x80) {
      const bool is_lower = byte >= 'a' && byte <= 'z';
      const bool is_upper = byte >= 'A' && byte <= 'Z';
      out.push_back(static_cast<char>(upper && is_lower ? byte - 32 : !upper && is_upper ? byte + 32 : byte));
      continue;
    }
    if ((byte == 0xD0 || byte == 0xD1) && i + 1 < utf8.size()) {
      unsigned code = ((byte & 0x1Fu) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu);
      if (upper && code >= 0x430 && code <= 0x44F) code -= 0x20;
      else if (upper && code == 0x451) code = 0x401;
      else if (!upper && code >= 0x410 && code <= 0x42F) code += 0x20;
      else if (!upper && code == 0x401) code = 0x451;
      out.push_back(static_cast<char>(0xC0 | (code >> 6)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
      ++i;
      continue;
    }
    out.push_back(static_cast<char>(byte));
  }
  return out;
}

}  // namespace

std::string to_upper(std::string_view utf8) { return change_case(utf8, true); }
std::string to_lower(std::string_view utf8) { return change_case(utf8, false); }

}  // namespace segc::datagen
