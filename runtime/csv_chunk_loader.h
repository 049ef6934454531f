// Loads the records of one range of a CSV text (all of it, or one thread's
// share) into column builders of its own, with the range's problems, rejected
// rows and keys; csv_loader.cpp joins the ranges into one result.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/column_builder.h"
#include "runtime/csv_block_scan.h"
#include "runtime/csv_header.h"
#include "runtime/csv_keys.h"
#include "runtime/csv_loader.h"
#include "runtime/csv_reader.h"

namespace segc::runtime::csv {

// What every range shares: the text after the header and how to read it.
struct ChunkContext {
  std::string_view text;
  char delimiter = ',';
  const TableSchema* schema = nullptr;
  const CsvOptions* options = nullptr;
  ValueSyntax syntax;
  const HeaderMapping* mapping = nullptr;
  bool row_by_row = false;  // only RecordReader, no plain-record path (tests compare the two)
};

class ChunkLoader {
 public:
  // Reads the records that start in [start, limit); `line` is the physical
  // line of `start`, `rows_estimate` an upper bound on the rows (for reserving).
  ChunkLoader(const ChunkContext& context, size_t start, size_t line, size_t limit, size_t rows_estimate);

  void run();

  size_t start() const { return start_; }
  size_t limit() const { return limit_; }
  // Where the range's last record ended: the next range fits when it starts here.
  size_t end() const { return position_; }
  size_t end_line() const { return line_; }

  size_t rows() const { return rows_; }
  std::vector<ColumnBuilder>& builders() { return builders_; }
  const ColumnBuilder& key_builder() const { return builders_[context_.schema->key_index]; }
  const KeyLines& keys() const { return keys_; }

  // In file order; without skip_bad_rows at most kMaxReportedErrors kept.
  std::vector<DataError>& errors() { return errors_; }
  size_t error_count() const { return error_count_; }
  std::vector<RejectedRow>& rejected() { return rejected_; }

 private:
  // Reads plain records (csv_block_scan.h) a column at a time, up to `count`
  // of them, and stops before the first one with a problem; true when all
  // `count` were read and more may follow.
  bool read_plain_records(size_t count);
  void read_row(const Record& record);
  // Remembers the key on row `row` of the key column, read on `line`: the
  // line where it was first seen when it is a duplicate, else 0.
  size_t insert_key(size_t row, size_t line);
  void read_fields(const Record& record);
  std::string_view field_at(const Record& record, size_t offset) const;
  void problem(const Record& record, size_t offset, std::string_view field, std::string_view text,
               std::string message);

  const ChunkContext& context_;
  size_t start_;
  size_t limit_;
  size_t rows_estimate_;
  RecordReader reader_;
  size_t position_;  // where the next record may begin
  size_t line_;
  PlainRecords plain_;
  std::vector<ColumnBuilder> builders_;
  KeyLines keys_;
  std::vector<DataError> errors_;
  size_t error_count_ = 0;
  std::vector<RejectedRow> rejected_;
  size_t rows_ = 0;
  bool row_bad_ = false;
  DataError reason_;
  std::string message_;
};

}  // namespace segc::runtime::csv
