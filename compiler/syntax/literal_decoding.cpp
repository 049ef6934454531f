#include "syntax/literal_decoding.h"

#include <fmt/format.h>

#include <limits>

#include "runtime/calendar.h"
#include "source/source_file.h"

namespace segc {
namespace {

constexpr const char* kMonthNames[] = {"January", "February", "March",     "April",
                                       "May",     "June",     "July",      "August",
                                       "September", "October", "November", "December"};

void append_utf8(std::string& out, uint32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

// Accumulates decimal digits (skipping '_') into a magnitude up to 2^63.
bool accumulate_digits(std::string_view digits, unsigned __int128& magnitude) {
  for (char c : digits) {
    if (c == '_') continue;
    magnitude = magnitude * 10 + static_cast<unsigned>(c - '0');
    if (magnitude > (static_cast<unsigned __int128>(1) << 63)) return false;
  }
  return true;
}

std::optional<int64_t> to_signed(unsigned __int128 magnitude, bool negative) {
  constexpr auto kLimit = static_cast<unsigned __int128>(1) << 63;
  if (negative) {
    if (magnitude > kLimit) return std::nullopt;
    return magnitude == kLimit ? std::numeric_limits<int64_t>::min()
                               : -static_cast<int64_t>(magnitude);
  }
  if (magnitude >= kLimit) return std::nullopt;
  return static_cast<int64_t>(magnitude);
}

}  // namespace

std::optional<int64_t> decode_int(std::string_view text, bool negative, LiteralError& error) {
  unsigned __int128 magnitude = 0;
  std::optional<int64_t> value;
  if (accumulate_digits(text, magnitude)) value = to_signed(magnitude, negative);
  if (!value) {
    error = {fmt::format("the number {}{} does not fit in a 64-bit integer", negative ? "-" : "",
                         text),
             "integers range from -9223372036854775808 to 9223372036854775807", 0,
             count_code_points(text)};
  }
  return value;
}

std::optional<DecodedDecimal> decode_decimal(std::string_view text, bool negative,
                                             LiteralError& error) {
  const size_t point = text.find('.');
  std::string_view whole = text.substr(0, point);
  std::string_view fraction = text.substr(point + 1);
  int scale = 0;
  for (char c : fraction) scale += c != '_';
  unsigned __int128 magnitude = 0;
  std::optional<int64_t> value;
  if (scale <= 18 && accumulate_digits(whole, magnitude) &&
      accumulate_digits(fraction, magnitude)) {
    value = to_signed(magnitude, negative);
  }
  if (!value) {
    error = {fmt::format("the decimal {}{} has too many digits", negative ? "-" : "", text),
             "a decimal holds at most 18 digits, and at most 18 of them after the point", 0,
             count_code_points(text)};
    return std::nullopt;
  }
  return DecodedDecimal{*value, scale};
}

std::optional<std::string> decode_string(std::string_view quoted, LiteralError& error) {
  std::string out;
  std::string_view body = quoted.substr(1, quoted.size() - 2);
  uint32_t column = 1;  // code points from the token start; the quote is 0
  for (size_t i = 0; i < body.size();) {
    const auto c = static_cast<unsigned char>(body[i]);
    if (c == 0) {
      // As \u{0} is refused: a NUL would end the string for C readers of
      // member lists, SQL and the terminal, and `segc fmt` could not print it.
      error = {"a string cannot hold the character U+0000 (NUL)", "remove it", column, 1};
      return std::nullopt;
    }
    if (c != '\\') {
      size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      out.append(body.substr(i, length));
      i += length;
      ++column;
      continue;
    }
    const char next = i + 1 < body.size() ? body[i + 1] : '\0';
    switch (next) {
      case '"': out += '"'; i += 2; column += 2; continue;
      case '\\': out += '\\'; i += 2; column += 2; continue;
      case 'n': out += '\n'; i += 2; column += 2; continue;
      case 't': out += '\t'; i += 2; column += 2; continue;
      case 'u': {
        size_t close = body.find('}', i);
        std::string_view hex;
        if (i + 2 < body.size() && body[i + 2] == '{' && close != std::string_view::npos) {
          hex = body.substr(i + 3, close - i - 3);
        }
        bool ok = !hex.empty() && hex.size() <= 6;
        uint32_t code_point = 0;
        for (char h : hex) {
          int digit = h >= '0' && h <= '9'   ? h - '0'
                      : h >= 'a' && h <= 'f' ? h - 'a' + 10
                      : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                             : -1;
          if (digit < 0) ok = false;
          code_point = code_point * 16 + static_cast<uint32_t>(digit < 0 ? 0 : digit);
        }
        if (!ok || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF) ||
            code_point == 0) {
          error = {"invalid Unicode escape",
                   "write \\u{HEX} with 1 to 6 hex digits naming a code point, e.g. \\u{41F}",
                   column, ok ? static_cast<uint32_t>(hex.size() + 4) : 2};
          return std::nullopt;
        }
        append_utf8(out, code_point);
        column += static_cast<uint32_t>(hex.size() + 4);
        i = close + 1;
        continue;
      }
      default: {
        std::string shown(1, next);
        error = {fmt::format("unknown escape sequence '\\{}' in a string", shown),
                 "the escapes are \\\" \\\\ \\n \\t and \\u{HEX}; write \\\\ for a backslash",
                 column, 2};
        return std::nullopt;
      }
    }
  }
  return out;
}

std::optional<int32_t> decode_date(std::string_view text, LiteralError& error) {
  if (auto days = calendar::parse_iso_date(text)) return days;
  // The lexer's DATE: four or more year digits, then -MM-DD.
  const size_t year_digits = text.size() - 6;
  const auto width = static_cast<uint32_t>(text.size());
  if (year_digits > 4) {
    error = {text[0] == '0' ? fmt::format("{} is not a date: a year has four digits", text)
                            : fmt::format("{} is after the last date Seg supports", text),
             "dates range from 0001-01-01 to 9999-12-31", 0, width};
    return std::nullopt;
  }
  const int year = std::stoi(std::string(text.substr(0, 4)));
  if (year == 0) {
    error = {fmt::format("{} is before the first date Seg supports", text),
             "dates range from 0001-01-01 to 9999-12-31", 0, width};
    return std::nullopt;
  }
  const unsigned month = static_cast<unsigned>(std::stoi(std::string(text.substr(5, 2))));
  std::string help = "dates are written YYYY-MM-DD";
  if (month >= 1 && month <= 12) {
    help = fmt::format("{} {} has {} days", kMonthNames[month - 1], year,
                       calendar::days_in_month(year, month));
  }
  error = {fmt::format("{} is not a date on the calendar", text), help, 0, 10};
  return std::nullopt;
}

std::string quote_string(std::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          out += fmt::format("\\u{{{:X}}}", static_cast<unsigned>(static_cast<unsigned char>(c)));
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

}  // namespace segc
