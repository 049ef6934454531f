// scan_column (runtime/block_stats.h), the one pass the columnar verifier and
// the loaders compute block statistics with, against a row-by-row
// computation: every stored width, signed values and unsigned codes, row
// counts around words and blocks, presence from none to all, and garbage in
// missing rows (which the statistics must ignore and the greatest stored code
// must not).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <limits>
#include <vector>

#include "runtime/table.h"

using namespace segc::runtime;

namespace {

uint64_t next_random(uint64_t& state) {  // splitmix64
  state += 0x9e3779b97f4a7c15ULL;
  uint64_t z = state;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// Statistics and greatest stored code one row at a time, as block_stats.h
// defines them.
ColumnScan scan_row_by_row(const Column& column, bool codes) {
  const size_t rows = column.present.size();
  ColumnScan scan;
  std::vector<uint32_t> present(block_count(rows), 0);
  std::vector<int64_t> low(block_count(rows), 0);
  std::vector<int64_t> high(block_count(rows), 0);
  for (size_t row = 0; row < rows; ++row) {
    const int64_t value = codes ? int64_t{column.code_at(row)} : column.int_at(row);
    if (codes) scan.greatest_stored_code = std::max<uint64_t>(scan.greatest_stored_code, column.code_at(row));
    if (!column.present.test(row)) continue;
    const size_t block = row / kBlockRows;
    low[block] = present[block] == 0 ? value : std::min(low[block], value);
    high[block] = present[block] == 0 ? value : std::max(high[block], value);
    ++present[block];
  }
  scan.stats.present = present;
  scan.stats.min = low;
  scan.stats.max = high;
  return scan;
}

// Bytes of `width` at row `row` of the packed storage, as a missing row may
// hold them in a damaged or hand-made file.
void overwrite_stored(Column& column, size_t row, uint64_t bits) {
  auto* bytes = reinterpret_cast<char*>(column.storage.edit().data());
  std::memcpy(bytes + row * static_cast<size_t>(column.width), &bits, static_cast<size_t>(column.width));
}

Column random_column(bool codes, int64_t low, int64_t high, size_t rows, uint64_t missing_per_64,
                     uint64_t& state) {
  Column column;
  column.spec = ColumnSpec{"c", codes ? ColumnKind::String : ColumnKind::Int, 0, {}, false};
  column.present = Bitmap(rows);
  std::vector<int64_t> values(rows);
  const uint64_t span = static_cast<uint64_t>(high) - static_cast<uint64_t>(low) + 1;  // 0: all 64 bits
  for (size_t row = 0; row < rows; ++row) {
    if (next_random(state) % 64 >= missing_per_64) column.present.set(row);
    const uint64_t random = next_random(state);
    values[row] = static_cast<int64_t>(static_cast<uint64_t>(low) + (span == 0 ? random : random % span));
  }
  if (codes) {
    store_codes(column, std::vector<uint32_t>(values.begin(), values.end()));
  } else {
    store_ints(column, values);
  }
  for (size_t row = 0; row < rows; ++row) {  // missing rows keep any bits
    if (!column.present.test(row)) overwrite_stored(column, row, next_random(state));
  }
  return column;
}

}  // namespace

TEST_CASE("scan_column equals a row-by-row computation at every width", "[columnar][blocks]") {
  struct Range {
    bool codes;
    int64_t low;
    int64_t high;
    int width;
  };
  const std::vector<Range> ranges = {
      {false, -128, 127, 1},
      {false, -300, 300, 2},
      {false, std::numeric_limits<int16_t>::min(), std::numeric_limits<int16_t>::max(), 2},
      {false, -70000, 70000, 4},
      {false, std::numeric_limits<int32_t>::min(), std::numeric_limits<int32_t>::max(), 4},
      {false, std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max(), 8},
      {false, 5, 9, 1},  // no present value near the neutral values 0 or the extremes
      {true, 0, 255, 1},
      {true, 0, 300, 2},
      {true, 0, 70000, 4},
  };
  const std::vector<size_t> row_counts = {0, 1, 63, 64, 65, kBlockRows - 1, kBlockRows, kBlockRows + 1,
                                          3 * kBlockRows + 100};
  uint64_t state = 42;
  for (const Range& range : ranges) {
    for (size_t rows : row_counts) {
      for (uint64_t missing_per_64 : {0, 1, 32, 63, 64}) {
        const Column column = random_column(range.codes, range.low, range.high, rows, missing_per_64, state);
        INFO("range " << range.low << ".." << range.high << ", " << rows << " rows, " << missing_per_64
                      << "/64 missing");
        if (missing_per_64 == 0 && rows >= kBlockRows) REQUIRE(column.width == range.width);
        const ColumnScan expected = scan_row_by_row(column, range.codes);
        const ColumnScan actual = scan_column(column);
        CHECK(actual.stats.present == expected.stats.present);
        CHECK(actual.stats.min == expected.stats.min);
        CHECK(actual.stats.max == expected.stats.max);
        if (range.codes) CHECK(actual.greatest_stored_code == expected.greatest_stored_code);
      }
    }
  }
}

TEST_CASE("scan_column counts presence of columns without a range", "[columnar][blocks]") {
  Column column;
  column.spec = ColumnSpec{"f", ColumnKind::Float, 0, {}, false};
  const size_t rows = 2 * kBlockRows + 70;
  column.present = Bitmap(rows);
  for (size_t row = 0; row < rows; row += 3) column.present.set(row);
  column.floats = std::vector<double>(rows, 1.5);
  const ColumnScan scan = scan_column(column);
  CHECK(scan.stats.present == std::vector<uint32_t>{1366, 1365, 23});
  CHECK(scan.stats.min.empty());
  CHECK(scan.stats.max.empty());
}
