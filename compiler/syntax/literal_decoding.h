// Turns the text of literal tokens into values, reporting what does not fit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace segc {

struct LiteralError {
  std::string message;
  std::string help;
  uint32_t column_offset = 0;  // code points from the token start to the problem
  uint32_t length = 1;         // code points the problem spans
};

// "1_000_000" -> 1000000. Fails when the value does not fit in 64 bits.
std::optional<int64_t> decode_int(std::string_view text, bool negative, LiteralError& error);

// "12.50" -> unscaled 1250, scale 2. Fails past 18 digits after the point or
// when the unscaled value does not fit in 64 bits.
struct DecodedDecimal {
  int64_t unscaled;
  int scale;
};
std::optional<DecodedDecimal> decode_decimal(std::string_view text, bool negative,
                                             LiteralError& error);

// The quoted token text, including its quotes; escapes \" \\ \n \t \u{HEX}.
std::optional<std::string> decode_string(std::string_view quoted, LiteralError& error);

// "2026-11-01" -> days since 1970-01-01; fails for dates not on the calendar.
std::optional<int32_t> decode_date(std::string_view text, LiteralError& error);

// The inverse of decode_string: a quoted literal that decodes to `value`.
std::string quote_string(std::string_view value);

}  // namespace segc
