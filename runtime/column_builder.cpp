#include "runtime/column_builder.h"

#include <algorithm>

#include <fmt/format.h>

#include "runtime/csv_text.h"
#include "runtime/huge_pages.h"
#include "runtime/key_text.h"

namespace segc::runtime {
namespace {

using csv::ParseStatus;

std::string invalid_utf8_message(std::string_view text, size_t offset) {
  return fmt::format("invalid UTF-8: byte 0x{:02X} at character {} is not part of a valid sequence",
                     static_cast<unsigned char>(text[offset]),
                     csv::count_code_points(text.substr(0, offset)) + 1);
}

bool is_valid_utf8(std::string_view text) { return csv::find_invalid_utf8(text) == std::string_view::npos; }

std::string quoted_list(const std::vector<std::string>& values, size_t limit) {
  std::string result;
  for (size_t i = 0; i < values.size() && i < limit; ++i) {
    result += fmt::format("{}\"{}\"", i == 0 ? "" : ", ", values[i]);
  }
  if (values.size() > limit) result += fmt::format(", ... ({} in all)", values.size());
  return result;
}

}  // namespace

ColumnBuilder::ColumnBuilder(const ColumnSpec& spec, const ValueSyntax& syntax)
    : spec_(spec), syntax_(syntax) {}

void ColumnBuilder::reserve(size_t rows) {
  expected_rows_ = rows;
  present_.reserve(rows);
  switch (spec_.kind) {
    case ColumnKind::Int:
    case ColumnKind::Decimal:
    case ColumnKind::Date: ints_.reserve(rows); break;
    case ColumnKind::Float: reserve_huge(floats_, rows); break;
    case ColumnKind::Bool: bools_.reserve(rows); break;
    case ColumnKind::String:
    case ColumnKind::Enum: codes_.reserve(rows); break;
    case ColumnKind::StringSet: reserve_huge(offsets_, rows + 1); break;
  }
}

bool ColumnBuilder::is_missing(std::string_view text) const {
  switch (spec_.kind) {
    case ColumnKind::String: return text.empty();
    case ColumnKind::StringSet: return false;
    default: return csv::trim_blanks(text).empty();
  }
}

bool ColumnBuilder::append(std::string_view text, bool stable, std::string& message) {
  if (spec_.kind == ColumnKind::StringSet) return append_set(text, stable, message);
  if (is_missing(text)) {
    present_.push_back(0);
    switch (spec_.kind) {
      case ColumnKind::Float: floats_.push_back(0.0); break;
      case ColumnKind::Bool: bools_.push_back(0); break;
      case ColumnKind::String:
      case ColumnKind::Enum: codes_.push_back(0); break;
      default: ints_.push_back(0); break;
    }
    return true;
  }
  const std::string_view value = spec_.kind == ColumnKind::String ? text : csv::trim_blanks(text);
  ParseStatus status = ParseStatus::Ok;
  switch (spec_.kind) {
    case ColumnKind::Int:
    case ColumnKind::Decimal:
    case ColumnKind::Date: {
      int64_t number = 0;
      status = spec_.kind == ColumnKind::Int       ? csv::parse_int(value, number)
               : spec_.kind == ColumnKind::Decimal ? csv::parse_decimal(value, spec_.scale, syntax_.point, number)
                                                   : csv::parse_date(value, *syntax_.date_format, number);
      if (status == ParseStatus::Ok) ints_.push_back(number);
      break;
    }
    case ColumnKind::Float: {
      double number = 0;
      status = csv::parse_float(value, syntax_.point, number);
      if (status == ParseStatus::Ok) floats_.push_back(number);
      break;
    }
    case ColumnKind::Bool: {
      bool flag = false;
      status = csv::parse_bool(value, flag);
      if (status == ParseStatus::Ok) bools_.push_back(flag ? 1 : 0);
      break;
    }
    case ColumnKind::Enum: {
      const uint32_t code = csv::enum_index(spec_.enum_values, value);
      if (code == csv::kNotAnEnumValue) {
        status = ParseStatus::Malformed;
      } else {
        codes_.push_back(code);
      }
      break;
    }
    case ColumnKind::String:
      if (key_) {
        if (const size_t at = find_forbidden_key_character(value); at != std::string_view::npos) {
          message = forbidden_key_character_message(value, at);
          return false;
        }
      }
      if (!append_string(value, stable)) {
        message = invalid_utf8_message(value, csv::find_invalid_utf8(value));
        return false;
      }
      return true;
    case ColumnKind::StringSet: break;  // handled above
  }
  if (status != ParseStatus::Ok) {
    message = describe_failure(status, value);
    return false;
  }
  present_.push_back(1);
  return true;
}

bool ColumnBuilder::append_string(std::string_view value, bool stable) {
  const uint32_t code = dictionary_.code_of(value, stable, is_valid_utf8);
  if (code == StringDictionary::kRejected) return false;
  codes_.push_back(code);
  present_.push_back(1);
  if (dictionary_.size() == kDistinctProbe && present_.size() <= 2 * kDistinctProbe) {
    if (!key_) dictionary_.stop_hashing();
    dictionary_.reserve(expected_rows_);
  }
  return true;
}

bool ColumnBuilder::append_set(std::string_view text, bool stable, std::string& message) {
  // Elements are kept exactly like strings; empty ones (a||b, a trailing |)
  // are ignored, duplicates removed in finish(). Each new element is checked
  // to be UTF-8 when first seen, which is the same as checking the field: '|'
  // cannot be part of a multi-byte sequence.
  const size_t first_code = set_codes_.size();
  size_t start = 0;
  while (start <= text.size()) {
    size_t bar = text.find('|', start);
    if (bar == std::string_view::npos) bar = text.size();
    if (bar > start) {
      const uint32_t code = dictionary_.code_of(text.substr(start, bar - start), stable, is_valid_utf8);
      if (code == StringDictionary::kRejected) {
        set_codes_.resize(first_code);
        message = invalid_utf8_message(text, csv::find_invalid_utf8(text));
        return false;
      }
      set_codes_.push_back(code);
    }
    start = bar + 1;
  }
  offsets_.push_back(static_cast<uint32_t>(set_codes_.size()));
  present_.push_back(1);
  return true;
}

std::string ColumnBuilder::describe_failure(ParseStatus status, std::string_view text) const {
  const char point = syntax_.point;
  switch (spec_.kind) {
    case ColumnKind::Int:
      if (status == ParseStatus::OutOfRange) {
        return "int out of range: ints are 64-bit, -9223372036854775808 to 9223372036854775807";
      }
      return "expected an int, e.g. 42";
    case ColumnKind::Decimal: {
      const std::string example =
          spec_.scale == 0 ? "12" : fmt::format("12{}5{}", point, std::string(static_cast<size_t>(spec_.scale - 1), '0'));
      if (status == ParseStatus::TooPrecise) {
        return fmt::format("more than {} digit{} after the point: decimal({}) cannot hold it exactly",
                           spec_.scale, spec_.scale == 1 ? "" : "s", spec_.scale);
      }
      if (status == ParseStatus::OutOfRange) {
        return fmt::format("out of range for decimal({}): the unscaled value must fit 64 bits", spec_.scale);
      }
      if (point == ',' && text.find('.') != std::string_view::npos) {
        return fmt::format("expected a decimal with ',' as the point (--decimal-comma), e.g. {}", example);
      }
      return fmt::format("expected a decimal, e.g. {}", example);
    }
    case ColumnKind::Float:
      if (status == ParseStatus::OutOfRange) return "float out of range for a 64-bit double";
      if (status == ParseStatus::NotFinite) return "NaN and infinity are not allowed in a float field";
      return point == ',' ? "expected a float with ',' as the point (--decimal-comma), e.g. 0,25 or 1e-3"
                          : "expected a float, e.g. 0.25 or 1e-3";
    case ColumnKind::Bool: return "expected a bool: true/false, 1/0 or yes/no";
    case ColumnKind::Enum: {
      std::string result = "not one of the values " + quoted_list(spec_.enum_values, 12);
      const std::string suggestion = csv::closest_match(text, spec_.enum_values);
      if (!suggestion.empty()) result += fmt::format("; did you mean \"{}\"?", suggestion);
      return result;
    }
    case ColumnKind::Date:
      if (status == ParseStatus::NoSuchDate) {
        return fmt::format("no such calendar date (format {}, years 0001 to 9999)", syntax_.date_format->text);
      }
      return fmt::format("not a date in the format {}", syntax_.date_format->text);
    default: return "invalid value";
  }
}

void ColumnBuilder::truncate(size_t rows) {
  if (rows >= present_.size()) return;
  present_.truncate(rows);
  switch (spec_.kind) {
    case ColumnKind::Float: floats_.resize(rows); break;
    case ColumnKind::Bool: bools_.truncate(rows); break;
    case ColumnKind::String:
    case ColumnKind::Enum: codes_.truncate(rows); break;
    case ColumnKind::StringSet:
      offsets_.resize(rows + 1);
      set_codes_.resize(offsets_.back());
      break;
    default: ints_.truncate(rows); break;
  }
}

}  // namespace segc::runtime
