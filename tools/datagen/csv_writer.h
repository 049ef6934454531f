// Buffered CSV output in the form `segc run --data` reads (CLI.md, "Customer
// data"): ',' between fields, RFC 4180 quotes only where a field needs them,
// an empty field for a missing value, dates as YYYY-MM-DD, decimals with '.'.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "dates.h"

namespace segc::datagen {

class CsvWriter {
public:
  explicit CsvWriter(std::FILE* out);

  void text(std::string_view value);  // quoted when it holds , " CR or LF
  void integer(std::int64_t value);
  void decimal(std::int64_t unscaled, int scale);  // 1234567, 2 -> 12345.67
  void date(Day value);
  void boolean(bool value);
  void missing();
  // Appends raw text to the current field; the caller guarantees it needs no quotes.
  void append_unquoted(std::string_view value) { buffer_.append(value); }
  void begin_field();
  void end_row();

  // Writes what is buffered; false when the stream reported an error.
  bool flush();
  bool failed() const { return failed_; }

private:
  std::FILE* out_;
  std::string buffer_;
  bool row_started_ = false;
  bool failed_ = false;
};

}  // namespace segc::datagen
