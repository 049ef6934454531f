// ColumnBuilder::append_plain: a block of one column's values in one loop
// per type. Each loop reads the common spellings (digits, "true", a date in
// the file's format, an enum value as written) itself and hands anything
// else (blanks, signs, other spellings, bad values) to append(), which is
// the one place that knows every rule; so both paths store the same value.
#include <cstring>

#include "runtime/calendar.h"
#include "runtime/column_builder.h"
#include "runtime/key_text.h"

namespace segc::runtime {
namespace {

// The value of text[at, at + width) when all its bytes are digits, else -1.
int64_t digits_at(const char* text, size_t width) {
  int64_t value = 0;
  for (size_t i = 0; i < width; ++i) {
    const auto digit = static_cast<unsigned>(text[i] - '0');
    if (digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

// Where a date format puts its parts, with at most two separators
// (YYYY-MM-DD, DD.MM.YYYY, ...); other formats take the general path.
struct DateLayout {
  bool usable = false;
  size_t length = 0;
  size_t year = 0, month = 0, day = 0;
  size_t separator_at[2] = {0, 0};
  char separator[2] = {0, 0};
  size_t separators = 0;
};

DateLayout layout_of(const csv::DateFormat& format) {
  DateLayout layout;
  size_t at = 0;
  for (const csv::DateFormat::Piece& piece : format.pieces) {
    switch (piece.part) {
      case csv::DateFormat::Part::Year: layout.year = at, at += 4; break;
      case csv::DateFormat::Part::Month: layout.month = at, at += 2; break;
      case csv::DateFormat::Part::Day: layout.day = at, at += 2; break;
      case csv::DateFormat::Part::Literal:
        if (layout.separators == 2) return layout;
        layout.separator_at[layout.separators] = at;
        layout.separator[layout.separators++] = piece.literal;
        at += 1;
        break;
    }
  }
  layout.length = at;
  layout.usable = true;
  return layout;
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

template <class Fast>
size_t ColumnBuilder::append_plain_with(const char* base, const uint32_t* at, size_t stride, size_t rows,
                                        Fast&& fast) {
  for (size_t row = 0; row < rows; ++row) {
    const uint32_t begin = at[row * stride];
    const std::string_view text(base + begin, at[row * stride + 1] - 1 - begin);
    if (fast(text)) continue;
    if (key_ && is_missing(text)) return row;
    if (!append(text, true, refusal_)) return row;
  }
  return rows;
}

size_t ColumnBuilder::append_plain(const char* base, const uint32_t* at, size_t stride, size_t rows) {
  // A present value, or a missing one (of a column that is not the key).
  const auto found = [&](auto& values, auto value) {
    values.push_back(value);
    present_.push_back(1);
    return true;
  };
  const auto missing = [&](auto& values) {
    values.push_back(0);
    present_.push_back(0);
    return true;
  };
  switch (spec_.kind) {
    case ColumnKind::Int:
      return append_plain_with(base, at, stride, rows, [&](std::string_view text) {
        const size_t size = text.size();
        if (size == 0) return !key_ && missing(ints_);
        const bool negative = text[0] == '-';
        if (size > 18 || size == size_t{negative}) return false;  // may not fit: the general path
        const int64_t magnitude = digits_at(text.data() + negative, size - negative);
        if (magnitude < 0) return false;
        return found(ints_, negative ? -magnitude : magnitude);
      });
    case ColumnKind::Date: {
      const DateLayout layout = layout_of(*syntax_.date_format);
      if (!layout.usable) break;
      return append_plain_with(base, at, stride, rows, [&](std::string_view text) {
        if (text.empty()) return !key_ && missing(ints_);
        if (text.size() != layout.length) return false;
        const char* chars = text.data();
        for (size_t i = 0; i < layout.separators; ++i) {
          if (chars[layout.separator_at[i]] != layout.separator[i]) return false;
        }
        const int64_t year = digits_at(chars + layout.year, 4);
        const int64_t month = digits_at(chars + layout.month, 2);
        const int64_t day = digits_at(chars + layout.day, 2);
        if (year < 1 || month < 0 || day < 0) return false;
        const calendar::CivilDate date{static_cast<int32_t>(year), static_cast<uint32_t>(month),
                                       static_cast<uint32_t>(day)};
        if (!calendar::is_valid(date)) return false;
        return found(ints_, calendar::days_from_civil(date));
      });
    }
    case ColumnKind::Bool:
      return append_plain_with(base, at, stride, rows, [&](std::string_view text) {
        if (text.empty()) return !key_ && missing(bools_);
        uint8_t flag = 0;
        if (text == "true" || text == "1" || text == "yes") {
          flag = 1;
        } else if (!(text == "false" || text == "0" || text == "no")) {
          return false;  // other cases and spellings: the general path
        }
        return found(bools_, flag);
      });
    case ColumnKind::Enum:
      return append_plain_with(base, at, stride, rows, [&](std::string_view text) {
        if (text.empty()) return !key_ && missing(codes_);
        if (is_blank(text.front()) || is_blank(text.back())) return false;  // trimmed by the general path
        const uint32_t code = csv::enum_index(spec_.enum_values, text);
        if (code == csv::kNotAnEnumValue) return false;
        return found(codes_, code);
      });
    case ColumnKind::String:
      return append_plain_with(base, at, stride, rows, [&](std::string_view text) {
        if (text.empty()) return !key_ && missing(codes_);
        // A key the general path refuses (key_text.h) goes there for its message.
        if (key_ && find_forbidden_key_character(text) != std::string_view::npos) return false;
        return append_string(text, true);
      });
    default: break;
  }
  return append_plain_with(base, at, stride, rows, [](std::string_view) { return false; });
}

}  // namespace segc::runtime
