// Splits CSV text into records and fields (RFC 4180): fields are views into
// the text where possible, so that reading allocates nothing per field.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace segc::runtime::csv {

struct Field {
  std::string_view value;  // the content, quotes removed and doubled quotes undone
  size_t offset = 0;       // byte offset of the field's first character in the text
  bool stable = true;      // value points into the text itself, not into reader scratch
};

enum class RecordProblem : uint8_t {
  None,
  UnterminatedQuote,  // a quoted field runs to the end of the text
  TextAfterQuote,     // something other than a delimiter or line end follows a closing quote
};

struct Record {
  size_t line = 0;   // physical line of the record's first character
  size_t begin = 0;  // raw text [begin, end), without the line ending
  size_t end = 0;
  std::vector<Field> fields;
  RecordProblem problem = RecordProblem::None;
  size_t problem_offset = 0;  // the opening quote, or the stray text
};

// The text without a leading UTF-8 byte order mark.
std::string_view strip_bom(std::string_view text);

// The delimiter of the first record: the most frequent of ',' ';' and tab
// outside quotes, ',' when none is more frequent than the others.
char detect_delimiter(std::string_view text);

class RecordReader {
 public:
  // Reads the records of `text` that start at or after `start` and before
  // `limit` (a record that starts before `limit` is read to its end); `start`
  // must be where a record may begin and `line` its physical line. Parallel
  // loading reads one such range per thread (csv_chunks.h).
  RecordReader(std::string_view text, char delimiter, size_t start = 0, size_t line = 1,
               size_t limit = std::string_view::npos)
      : text_(text), delimiter_(delimiter), limit_(std::min(limit, text.size())), pos_(start), line_(line) {
    stops_[static_cast<unsigned char>(delimiter)] = true;
    stops_['\n'] = true;
    stops_['\r'] = true;
  }

  // The next record, skipping blank lines; false at the limit or the end of
  // the text. Views in `record` stay valid until the next call.
  bool next(Record& record);

  // Continues at `position`, where a record may begin, on physical line `line`.
  void seek(size_t position, size_t line) {
    pos_ = position;
    line_ = line;
  }

  // Where the next record would start, and its physical line: after the last
  // record, where the following range must begin for the two to fit.
  size_t position() const { return pos_; }
  size_t line() const { return line_; }

  // 1-based physical line and code-point column of byte `offset` of `record`.
  std::pair<size_t, size_t> locate(const Record& record, size_t offset) const;

  std::string_view text() const { return text_; }

 private:
  void read_quoted(Record& record, size_t& scratch_used);
  void read_unquoted(Record& record);
  size_t next_stop(size_t at) const;  // the first byte at or after `at` in stops_, or the end
  bool at_line_end(size_t at) const;

  std::string_view text_;
  char delimiter_;
  size_t limit_;
  bool stops_[256] = {};  // bytes that may end an unquoted field
  size_t pos_;
  size_t line_;
  std::deque<std::string> scratch_;  // stable addresses: one string per unescaped field
};

}  // namespace segc::runtime::csv
