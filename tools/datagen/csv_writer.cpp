#include "csv_writer.h"

#include <charconv>

namespace segc::datagen {

namespace {
constexpr std::size_t kFlushAt = 1 << 20;  // one large write per megabyte, not one per row

// A plain loop: string_view::find_first_of calls memchr once per character.
bool needs_quotes(std::string_view value) {
  for (char c : value) {
    if (c == ',' || c == '"' || c == '\r' || c == '\n') return true;
  }
  return false;
}
}

CsvWriter::CsvWriter(std::FILE* out) : out_(out) { buffer_.reserve(kFlushAt + 4096); }

void CsvWriter::begin_field() {
  if (row_started_) buffer_.push_back(',');
  row_started_ = true;
}

void CsvWriter::text(std::string_view value) {
  begin_field();
  if (!needs_quotes(value)) {
    buffer_.append(value);
    return;
  }
  buffer_.push_back('"');
  for (char c : value) {
    if (c == '"') buffer_.push_back('"');
    buffer_.push_back(c);
  }
  buffer_.push_back('"');
}

void CsvWriter::integer(std::int64_t value) {
  begin_field();
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof digits, value);
  buffer_.append(digits, result.ptr);
}

void CsvWriter::decimal(std::int64_t unscaled, int scale) {
  begin_field();
  if (unscaled < 0) {
    buffer_.push_back('-');
    unscaled = -unscaled;
  }
  std::int64_t divisor = 1;
  for (int i = 0; i < scale; ++i) divisor *= 10;
  char digits[24];
  auto result = std::to_chars(digits, digits + sizeof digits, unscaled / divisor);
  buffer_.append(digits, result.ptr);
  if (scale == 0) return;
  buffer_.push_back('.');
  std::int64_t fraction = unscaled % divisor;
  for (std::int64_t place = divisor / 10; place > 0; place /= 10) {
    buffer_.push_back(static_cast<char>('0' + fraction / place));
    fraction %= place;
  }
}

void CsvWriter::date(Day value) {
  begin_field();
  const auto ymd = to_date(value);
  const int year = static_cast<int>(ymd.year());
  const unsigned month = static_cast<unsigned>(ymd.month());
  const unsigned day = static_cast<unsigned>(ymd.day());
  const char text[10] = {static_cast<char>('0' + year / 1000 % 10), static_cast<char>('0' + year / 100 % 10),
                         static_cast<char>('0' + year / 10 % 10),   static_cast<char>('0' + year % 10),
                         '-',
                         static_cast<char>('0' + month / 10),       static_cast<char>('0' + month % 10),
                         '-',
                         static_cast<char>('0' + day / 10),         static_cast<char>('0' + day % 10)};
  buffer_.append(text, sizeof text);
}

void CsvWriter::boolean(bool value) {
  begin_field();
  buffer_.append(value ? "true" : "false");
}

void CsvWriter::missing() { begin_field(); }

void CsvWriter::end_row() {
  buffer_.push_back('\n');
  row_started_ = false;
  if (buffer_.size() >= kFlushAt) flush();
}

bool CsvWriter::flush() {
  if (!buffer_.empty() && !failed_) {
    if (std::fwrite(buffer_.data(), 1, buffer_.size(), out_) != buffer_.size()) failed_ = true;
  }
  buffer_.clear();
  return !failed_;
}

}  // namespace segc::datagen
