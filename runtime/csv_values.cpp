#include "runtime/csv_values.h"

#include <charconv>
#include <cmath>
#include <limits>

#include "runtime/calendar.h"

namespace segc::runtime::csv {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Appends one digit to a magnitude that may not exceed `limit`.
bool push_digit(uint64_t& magnitude, unsigned digit, uint64_t limit) {
  if (magnitude > (limit - digit) / 10) return false;
  magnitude = magnitude * 10 + digit;
  return true;
}

// Strips a sign; returns the largest magnitude the sign allows.
uint64_t take_sign(std::string_view& text, bool& negative) {
  negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  const uint64_t max = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
  return negative ? max + 1 : max;
}

int64_t apply_sign(uint64_t magnitude, bool negative) {
  // Two's complement negation in unsigned arithmetic handles -2^63 too.
  return negative ? static_cast<int64_t>(~magnitude + 1) : static_cast<int64_t>(magnitude);
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

std::string compile_date_format(std::string_view text, DateFormat& format) {
  format = DateFormat{};
  format.text = std::string(text);
  int years = 0;
  int months = 0;
  int days = 0;
  size_t i = 0;
  while (i < text.size()) {
    const std::string_view rest = text.substr(i);
    if (rest.starts_with("YYYY")) {
      format.pieces.push_back({DateFormat::Part::Year, 0});
      format.length += 4, i += 4, ++years;
    } else if (rest.starts_with("MM")) {
      format.pieces.push_back({DateFormat::Part::Month, 0});
      format.length += 2, i += 2, ++months;
    } else if (rest.starts_with("DD")) {
      format.pieces.push_back({DateFormat::Part::Day, 0});
      format.length += 2, i += 2, ++days;
    } else if (is_letter(text[i]) || is_digit(text[i]) ||
               static_cast<unsigned char>(text[i]) >= 0x80) {
      return "unknown part '" + std::string(rest.substr(0, 1)) + "' in date format '" +
             format.text + "': use YYYY, MM and DD with separators such as - . /";
    } else {
      format.pieces.push_back({DateFormat::Part::Literal, text[i]});
      format.length += 1, i += 1;
    }
  }
  if (years != 1 || months != 1 || days != 1) {
    return "date format '" + format.text + "' must contain YYYY, MM and DD exactly once each";
  }
  return "";
}

ParseStatus parse_int(std::string_view text, int64_t& value) {
  bool negative = false;
  const uint64_t limit = take_sign(text, negative);
  if (text.empty()) return ParseStatus::Malformed;
  uint64_t magnitude = 0;
  bool overflow = false;
  for (char c : text) {
    if (!is_digit(c)) return ParseStatus::Malformed;
    overflow = overflow || !push_digit(magnitude, static_cast<unsigned>(c - '0'), limit);
  }
  if (overflow) return ParseStatus::OutOfRange;
  value = apply_sign(magnitude, negative);
  return ParseStatus::Ok;
}

ParseStatus parse_decimal(std::string_view text, int scale, char point, int64_t& value) {
  bool negative = false;
  const uint64_t limit = take_sign(text, negative);
  uint64_t magnitude = 0;
  bool overflow = false;
  size_t digits = 0;
  size_t i = 0;
  for (; i < text.size() && is_digit(text[i]); ++i, ++digits) {
    overflow = overflow || !push_digit(magnitude, static_cast<unsigned>(text[i] - '0'), limit);
  }
  int fraction = 0;
  bool too_precise = false;
  if (i < text.size() && text[i] == point) {
    for (++i; i < text.size() && is_digit(text[i]); ++i, ++digits) {
      const auto digit = static_cast<unsigned>(text[i] - '0');
      if (fraction < scale) {
        overflow = overflow || !push_digit(magnitude, digit, limit);
        ++fraction;
      } else if (digit != 0) {
        too_precise = true;
      }
    }
  }
  if (i != text.size() || digits == 0) return ParseStatus::Malformed;
  for (; fraction < scale; ++fraction) overflow = overflow || !push_digit(magnitude, 0, limit);
  if (overflow) return ParseStatus::OutOfRange;
  if (too_precise) return ParseStatus::TooPrecise;
  value = apply_sign(magnitude, negative);
  return ParseStatus::Ok;
}

ParseStatus parse_float(std::string_view text, char point, double& value) {
  if (!text.empty() && text[0] == '+') {
    text.remove_prefix(1);
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) return ParseStatus::Malformed;
  }
  if (text.empty()) return ParseStatus::Malformed;
  // from_chars reads '.' only; other points are swapped in a copy.
  // A stack buffer keeps the usual short numbers free of allocation.
  char buffer[64];
  std::string long_copy;
  if (point != '.') {
    if (text.find('.') != std::string_view::npos) return ParseStatus::Malformed;
    char* copy = buffer;
    if (text.size() > sizeof buffer) {
      long_copy.resize(text.size());
      copy = long_copy.data();
    }
    for (size_t i = 0; i < text.size(); ++i) copy[i] = text[i] == point ? '.' : text[i];
    text = std::string_view(copy, text.size());
  }
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value, std::chars_format::general);
  if (stop != end) return ParseStatus::Malformed;
  if (error == std::errc::result_out_of_range) return ParseStatus::OutOfRange;
  if (error != std::errc{}) return ParseStatus::Malformed;
  if (!std::isfinite(value)) return ParseStatus::NotFinite;
  return ParseStatus::Ok;
}

ParseStatus parse_bool(std::string_view text, bool& value) {
  if (text.size() > 5) return ParseStatus::Malformed;
  char lower[5];
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    lower[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const std::string_view word(lower, text.size());
  if (word == "true" || word == "1" || word == "yes") {
    value = true;
  } else if (word == "false" || word == "0" || word == "no") {
    value = false;
  } else {
    return ParseStatus::Malformed;
  }
  return ParseStatus::Ok;
}

ParseStatus parse_date(std::string_view text, const DateFormat& format, int64_t& days) {
  if (text.size() != format.length) return ParseStatus::Malformed;
  uint32_t parts[3] = {0, 0, 0};
  size_t at = 0;
  for (const DateFormat::Piece& piece : format.pieces) {
    if (piece.part == DateFormat::Part::Literal) {
      if (text[at++] != piece.literal) return ParseStatus::Malformed;
      continue;
    }
    const size_t width = piece.part == DateFormat::Part::Year ? 4 : 2;
    uint32_t number = 0;
    for (size_t k = 0; k < width; ++k, ++at) {
      if (!is_digit(text[at])) return ParseStatus::Malformed;
      number = number * 10 + static_cast<uint32_t>(text[at] - '0');
    }
    parts[static_cast<int>(piece.part)] = number;
  }
  const calendar::CivilDate date{static_cast<int32_t>(parts[0]), parts[1], parts[2]};
  if (date.year < 1 || !calendar::is_valid(date)) return ParseStatus::NoSuchDate;
  days = calendar::days_from_civil(date);
  return ParseStatus::Ok;
}

}  // namespace segc::runtime::csv
