// Accumulates one column's values row by row while a CSV file is parsed, in
// typed vectors reserved up front, then packs them into the Table layout.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/column_dictionary.h"
#include "runtime/csv_values.h"
#include "runtime/loading_bits.h"
#include "runtime/widening_vector.h"
#include "runtime/table.h"

namespace segc::runtime {

// How values are spelled in the file (from CsvOptions).
struct ValueSyntax {
  char point = '.';
  const csv::DateFormat* date_format = nullptr;
};

class ColumnBuilder {
 public:
  ColumnBuilder(const ColumnSpec& spec, const ValueSyntax& syntax);

  void reserve(size_t rows);
  size_t rows() const { return present_.size(); }

  // Whether `text` stands for a missing value (empty; for types other than
  // string also blank). An empty set field is the empty set, not missing.
  bool is_missing(std::string_view text) const;

  // This column is the key: its string codes must stay one per distinct value.
  void mark_key() { key_ = true; }

  // Appends a row holding the value of `text`. When the text is not a value
  // of the column's type, appends nothing, sets `message` and returns false.
  // Text that is not `stable` may change after the call and is copied if kept.
  bool append(std::string_view text, bool stable, std::string& message);

  // Appends `rows` values from plain records (csv_block_scan.h): value r is
  // base[at[r * stride], at[r * stride + 1] - 1). Stops before the first value
  // that append() would refuse, or a missing key, and returns how many it
  // appended: the row-at-a-time path then reads that row again and reports it.
  size_t append_plain(const char* base, const uint32_t* at, size_t stride, size_t rows);

  // Drops rows from `rows` on (a rejected row's earlier fields).
  void truncate(size_t rows);

  // The value on `row`: an Int key, or a String key's loading code.
  int64_t int_at(size_t row) const { return ints_[row]; }
  uint32_t code_at(size_t row) const { return codes_[row]; }
  // The string of a loading code (String and StringSet columns).
  std::string_view dictionary_value(uint32_t code) const { return dictionary_.value(code); }

  // Exactly `rows` rows: those never appended (a field absent from the
  // header) are added as missing, any beyond are dropped.
  void fill_missing(size_t rows);

  // Appends the rows of `other`, the same column loaded from the next range
  // of the file, and leaves it empty. Codes of strings are renumbered into
  // this builder's dictionary; a dictionary that stopped hashing there stops
  // here too (unless this is the key).
  void absorb(ColumnBuilder& other);

  // The finished column of `rows` rows (fill_missing first).
  Column finish(size_t rows);

 private:
  bool append_set(std::string_view text, bool stable, std::string& message);
  // A present, non-empty String value; false (nothing appended) when it is
  // new and not UTF-8.
  bool append_string(std::string_view value, bool stable);
  template <class Fast>
  size_t append_plain_with(const char* base, const uint32_t* at, size_t stride, size_t rows, Fast&& fast);
  std::string describe_failure(csv::ParseStatus status, std::string_view text) const;

  // A String column whose first rows are mostly distinct (e-mail addresses,
  // phone numbers) stops hashing its values (StringDictionary::stop_hashing)
  // unless it is the key, whose codes must tell duplicates apart.
  static constexpr size_t kDistinctProbe = 4096;

  ColumnSpec spec_;
  ValueSyntax syntax_;
  size_t expected_rows_ = 0;
  bool key_ = false;
  LoadingBits present_;
  LoadingInts ints_;              // Int, Decimal, Date
  std::vector<double> floats_;    // Float
  LoadingBits bools_;             // Bool
  LoadingCodes codes_;            // String (loading codes), Enum
  std::vector<uint32_t> offsets_{0};  // StringSet
  std::vector<uint32_t> set_codes_;   // StringSet (loading codes)
  StringDictionary dictionary_;       // String, StringSet
  std::string refusal_;               // append_plain's messages, never shown
};

}  // namespace segc::runtime
