// Parsers for the text of one CSV field, per column type. They neither
// allocate nor build messages: the caller turns a status into a message.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace segc::runtime::csv {

enum class ParseStatus : uint8_t {
  Ok,
  Malformed,    // not of the type's form at all
  OutOfRange,   // an int or decimal that does not fit 64 bits, a float beyond double
  TooPrecise,   // a decimal with more non-zero digits after the point than its scale
  NotFinite,    // NaN or an infinity
  NoSuchDate,   // of the date format's form but not a calendar date in 0001..9999
};

// A --date-format compiled once: YYYY, MM and DD exactly once each, with any
// non-letter characters as literal separators between them.
struct DateFormat {
  enum class Part : uint8_t { Year, Month, Day, Literal };
  struct Piece {
    Part part;
    char literal;
  };
  std::string text;
  std::vector<Piece> pieces;
  size_t length = 0;  // every date in this format has exactly this many bytes
};

// "" and `format` filled, or why the text is not a usable date format.
std::string compile_date_format(std::string_view text, DateFormat& format);

// Optional sign and decimal digits.
ParseStatus parse_int(std::string_view text, int64_t& value);
// Optional sign, digits, and optionally `point` and more digits; `value` is
// unscaled (12.5 with scale 2 is 1250).
ParseStatus parse_decimal(std::string_view text, int scale, char point, int64_t& value);
// Decimal notation with an optional exponent, `point` as the decimal point.
ParseStatus parse_float(std::string_view text, char point, double& value);
// true/false, 1/0, yes/no in any case.
ParseStatus parse_bool(std::string_view text, bool& value);
// Days since 1970-01-01.
ParseStatus parse_date(std::string_view text, const DateFormat& format, int64_t& days);

// The index of `value` among an enum's `members`, or kNotAnEnumValue.
// Compared byte by byte in line: enum values are a few bytes long, shorter
// than a call to memcmp is worth.
constexpr uint32_t kNotAnEnumValue = UINT32_MAX;
inline uint32_t enum_index(const std::vector<std::string>& members, std::string_view value) {
  for (size_t i = 0; i < members.size(); ++i) {
    const std::string& member = members[i];
    if (member.size() != value.size()) continue;
    size_t k = 0;
    while (k < value.size() && member[k] == value[k]) ++k;
    if (k == value.size()) return static_cast<uint32_t>(i);
  }
  return kNotAnEnumValue;
}

}  // namespace segc::runtime::csv
