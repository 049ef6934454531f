// Loads customer data from CSV into the columnar Table (runtime/table.h).
// The accepted format is described for users in docs/data-formats.md.
//
// Problems with the data are values, never exceptions: `errors` (or, with
// skip_bad_rows, `rejected`) say what is wrong and where; `fatal` is only for
// a file that cannot be read at all or options that cannot work.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/table.h"

namespace segc::runtime {

// Problems kept with their location by default (--error-limit's default).
inline constexpr size_t kMaxReportedErrors = 100;

struct CsvOptions {
  std::optional<char> delimiter;           // ',', ';' or '\t'; detected from the header when unset
  std::string date_format = "YYYY-MM-DD";  // tokens YYYY MM DD with literal separators between
  bool decimal_comma = false;              // decimals and floats use ',' as the point
  bool skip_bad_rows = false;              // --on-error skip
  unsigned threads = 1;                    // parse and build columns on this many threads (0 counts as 1)
  // Problems kept with their location (the rest are only counted); 0 keeps
  // all: --error-limit.
  size_t max_reported_errors = kMaxReportedErrors;
  size_t reported_error_limit() const { return max_reported_errors == 0 ? SIZE_MAX : max_reported_errors; }
};

// One problem, located.
struct DataError {
  size_t line = 0;      // 1-based physical line where the record (or field) starts
  size_t column = 0;    // 1-based code-point column of the field's first character; 0: whole file
  std::string field;    // header name, when about one field
  std::string text;     // the offending text, shortened for display, invalid UTF-8 replaced
  std::string message;  // e.g. "expected an int, e.g. 42"
};

struct RejectedRow {
  size_t line = 0;
  std::string record;  // raw text of the row, without its line ending
  DataError reason;    // the row's first problem
};

struct CsvLoadResult {
  Table table;                        // with skip_bad_rows: the good rows only
  std::vector<DataError> errors;      // the first max_reported_errors problems; table then has no rows
  size_t error_count = 0;             // every problem, also those not kept in `errors`
  std::vector<RejectedRow> rejected;  // with skip_bad_rows: every row left out
  std::string fatal;                  // non-empty: nothing could be loaded (I/O, bad options)

  bool ok() const { return fatal.empty() && error_count == 0; }
};

// Takes each finished column instead of the result's table (whose columns
// then stay empty), so that segc import can write a column and free it while
// later ones are still being built. Called once per column, in no set order,
// from the loading threads, whenever the rows were read (with errors the
// columns have no rows); not when the file, options or header stopped the
// load before its rows.
using ColumnSink = std::function<void(size_t index, Column&& column)>;

CsvLoadResult load_csv_file(const std::string& path, const TableSchema& schema,
                            const CsvOptions& options, const ColumnSink& sink = {});
CsvLoadResult load_csv_text(std::string_view text, const TableSchema& schema,
                            const CsvOptions& options, const ColumnSink& sink = {});

// "" when `format` is a usable CsvOptions::date_format, else why not (for
// checking a --date-format flag before reading any data).
std::string check_date_format(std::string_view format);

// The rejected rows as CSV with the header `line,column,field,error,record`
// (RFC 4180 quoting): the rejects file, which the commands write atomically
// (output::StagedFiles).
std::string render_rejects(const std::vector<RejectedRow>& rejected);

}  // namespace segc::runtime
