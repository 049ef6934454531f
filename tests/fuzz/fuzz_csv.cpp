// CSV bytes through the loader, for a schema with a field of every type. The
// first byte picks the options (delimiter, decimal comma, --on-error skip,
// string or int key, date format); the rest is the file. Invariants: loading
// on one and on three threads gives the same rows, errors and rejects; a
// loaded table has unique keys that a member list can hold, and dates in
// 0001-01-01..9999-12-31.
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "fuzz/fuzz_target.h"
#include "runtime/calendar.h"
#include "runtime/key_text.h"
#include "tests/runtime/csv_test_support.h"

namespace {

using namespace segc::runtime;
using segc::fuzz::fuzz_failure;

CsvOptions options_from(uint8_t byte) {
  CsvOptions options;
  static const std::optional<char> delimiters[] = {std::nullopt, ',', ';', '\t'};
  options.delimiter = delimiters[byte & 3];
  options.decimal_comma = (byte & 4) != 0;
  options.skip_bad_rows = (byte & 8) != 0;
  static const char* formats[] = {"YYYY-MM-DD", "DD.MM.YYYY", "MM/DD/YYYY", "YYYYMMDD"};
  options.date_format = formats[(byte >> 5) & 3];
  return options;
}

// One line per row and per problem: what two loads must agree on.
std::string summary(const CsvLoadResult& result) {
  std::string out = fmt::format("fatal [{}] rows {} errors {}\n", result.fatal, result.table.row_count,
                                result.error_count);
  for (const DataError& error : result.errors) {
    out += fmt::format("{}:{} {} {} [{}]\n", error.line, error.column, error.field, error.message, error.text);
  }
  for (const RejectedRow& row : result.rejected) out += fmt::format("rejected {} {}\n", row.line, row.reason.message);
  if (result.table.columns.empty()) return out;
  const Column& key = result.table.key();
  for (size_t row = 0; row < result.table.row_count; ++row) {
    out += key.spec.kind == ColumnKind::String ? std::string(key.dictionary[key.code_at(row)])
                                               : std::to_string(key.int_at(row));
    out += '\n';
  }
  return out;
}

void check_table(const CsvLoadResult& result) {
  if (!result.fatal.empty() || result.error_count != 0 || result.table.columns.empty()) return;
  const Table& table = result.table;
  const Column& key = table.key();
  std::set<std::string> keys;
  for (size_t row = 0; row < table.row_count; ++row) {
    if (!key.present.test(row)) fuzz_failure("a loaded row has no key", summary(result));
    std::string text = key.spec.kind == ColumnKind::String ? std::string(key.dictionary[key.code_at(row)])
                                                           : std::to_string(key.int_at(row));
    if (find_forbidden_key_character(text) != std::string::npos) fuzz_failure("a key holds a line break", text);
    if (!keys.insert(text).second) fuzz_failure("a key was loaded twice", text);
  }
  for (const Column& column : table.columns) {
    if (column.spec.kind != ColumnKind::Date) continue;
    for (size_t row = 0; row < table.row_count; ++row) {
      if (column.present.test(row) && !segc::calendar::is_valid_day(column.int_at(row))) {
        fuzz_failure("a date outside 0001-01-01..9999-12-31 was loaded", std::to_string(column.int_at(row)));
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > 256 * 1024) return 0;
  CsvOptions options = options_from(data[0]);
  const TableSchema schema = testing::test_schema((data[0] & 16) != 0 ? ColumnKind::String : ColumnKind::Int);
  const std::string_view text = segc::fuzz::as_text(data + 1, size - 1);
  const CsvLoadResult one = load_csv_text(text, schema, options);
  check_table(one);
  options.threads = 3;
  const CsvLoadResult three = load_csv_text(text, schema, options);
  if (summary(one) != summary(three)) {
    fuzz_failure("one and three threads loaded differently", summary(one) + "\n---\n" + summary(three));
  }
  return 0;
}
