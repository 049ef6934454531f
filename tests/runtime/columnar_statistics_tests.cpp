// The block statistics of a columnar file are used to skip blocks, so the
// verifier must refuse any that differ from the data, even in a file whose
// checksums were recomputed after the change (tests/runtime/columnar_forgery.h),
// and must accept the genuine ones, including values equal to a block's
// minimum or maximum on the rows at block boundaries.
#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "tests/runtime/columnar_forgery.h"
#include "tests/runtime/columnar_test_support.h"

using namespace segc::runtime;
using namespace segc::runtime::testing;
using columnar::Section;

namespace {

// Three whole blocks and a short fourth (its last word partial); block 2 has
// no present row. In every other block the first row holds the block's least
// value and the last row its greatest; rows between hold values strictly
// inside, and every seventh of them is missing.
constexpr size_t kRows = 3 * kBlockRows + 100;

bool is_present(size_t row) {
  const size_t block = row / kBlockRows;
  const bool boundary = row % kBlockRows == 0 || row % kBlockRows == kBlockRows - 1 || row == kRows - 1;
  return block != 2 && (boundary || row % 7 != 3);
}

std::vector<int64_t> values_between(int64_t low, int64_t high) {
  std::vector<int64_t> values(kRows, 0);
  for (size_t row = 0; row < kRows; ++row) {
    if (!is_present(row)) continue;
    const size_t in_block = row % kBlockRows;
    values[row] = in_block == 0 ? low
                  : (in_block == kBlockRows - 1 || row == kRows - 1)
                      ? high
                      : low + 1 + static_cast<int64_t>(row * 2654435761U % static_cast<uint64_t>(high - low - 1));
  }
  return values;
}

Column column_of(const std::string& name, ColumnKind kind) {
  Column column;
  column.spec = ColumnSpec{name, kind, 0, {}, false};
  column.present = Bitmap(kRows);
  for (size_t row = 0; row < kRows; ++row) {
    if (is_present(row)) column.present.set(row);
  }
  return column;
}

// Columns 1-4: ints of widths 1, 2, 4 and 8; 5-7: strings of code widths 1,
// 2 and 4; 8: a float (present counts only).
Table statistics_table() {
  Table table;
  table.row_count = kRows;
  Column key = column_of("id", ColumnKind::Int);
  key.spec.is_key = true;
  key.present = Bitmap(kRows, true);
  std::vector<int64_t> ids(kRows);
  for (size_t row = 0; row < kRows; ++row) ids[row] = static_cast<int64_t>(row);
  store_ints(key, ids);
  table.columns.push_back(std::move(key));
  const std::vector<std::pair<int64_t, int64_t>> int_ranges = {
      {-128, 127}, {-32768, 32767}, {-2147483648LL, 2147483647LL}, {-(int64_t{1} << 40), int64_t{1} << 40}};
  for (size_t i = 0; i < int_ranges.size(); ++i) {
    Column column = column_of("int" + std::to_string(i), ColumnKind::Int);
    store_ints(column, values_between(int_ranges[i].first, int_ranges[i].second));
    table.columns.push_back(std::move(column));
  }
  for (size_t entries : {200, 300, 70000}) {
    Column column = column_of("text" + std::to_string(entries), ColumnKind::String);
    std::vector<std::string> dictionary(entries);
    for (size_t code = 0; code < entries; ++code) dictionary[code] = fmt::format("v{:06}", code);
    column.dictionary = dictionary;
    const std::vector<int64_t> codes = values_between(0, static_cast<int64_t>(entries) - 1);
    store_codes(column, std::vector<uint32_t>(codes.begin(), codes.end()));
    table.columns.push_back(std::move(column));
  }
  Column score = column_of("score", ColumnKind::Float);
  score.floats = std::vector<double>(kRows, 0.5);
  compute_block_stats(score);
  table.columns.push_back(std::move(score));
  for (const Column& column : table.columns) table.schema.columns.push_back(column.spec);
  return table;
}

// "" when the column verifies, else the problem.
std::string verify_column(const std::string& path, size_t column) {
  ColumnarFile file;
  if (ColumnarProblem problem = open_columnar_file(path, file)) return problem.message;
  if (ColumnarProblem problem = verify_columns(file, {column})) return problem.message;
  return "";
}

}  // namespace

TEST_CASE("values equal to a block's minimum or maximum at block boundaries are accepted",
          "[columnar][blocks]") {
  ScratchFolder folder;
  const std::string path = folder.file("boundaries.segcol");
  REQUIRE(write_columnar_file(path, statistics_table(), "test") == "");
  ColumnarFile file;
  REQUIRE_FALSE(open_columnar_file(path, file));
  REQUIRE_FALSE(verify_all_columns(file));
  const std::vector<std::pair<int64_t, int64_t>> ranges = {
      {-128, 127}, {-32768, 32767}, {-2147483648LL, 2147483647LL}, {-(int64_t{1} << 40), int64_t{1} << 40},
      {0, 199},    {0, 299},        {0, 69999}};
  const std::vector<int> widths = {1, 2, 4, 8, 1, 2, 4};
  for (size_t i = 0; i < ranges.size(); ++i) {
    const Column& column = file.table.columns[i + 1];
    INFO("column " << column.spec.name);
    CHECK(column.width == widths[i]);
    const auto [low, high] = ranges[i];
    CHECK(column.blocks.min == std::vector<int64_t>{low, low, 0, low});
    CHECK(column.blocks.max == std::vector<int64_t>{high, high, 0, high});
    CHECK(column.blocks.present == std::vector<uint32_t>{3511, 3511, 0, 86});
    CHECK(column.min == low);
    CHECK(column.max == high);
  }
}

TEST_CASE("forged block statistics are refused even with correct checksums", "[columnar][blocks]") {
  ScratchFolder folder;
  const std::string good = folder.file("good.segcol");
  REQUIRE(write_columnar_file(good, statistics_table(), "test") == "");
  const std::string forged = folder.file("forged.segcol");
  auto copy_good = [&] { std::filesystem::copy_file(good, forged, std::filesystem::copy_options::overwrite_existing); };

  for (size_t column = 1; column <= 7; ++column) {
    for (size_t block : {0, 1, 3}) {
      INFO("column " << column << ", block " << block);
      struct Forgery {
        const char* what;
        Section section;
        int64_t change;
      };
      // A range that excludes a real value (the dangerous lie: a block
      // skipped that holds members), and one wider than the data (harmless
      // for skipping, refused because the statistics must be exact).
      for (const Forgery& forgery : {Forgery{"min above a value", Section::BlockMin, +1},
                                     Forgery{"max below a value", Section::BlockMax, -1},
                                     Forgery{"min below the values", Section::BlockMin, -1},
                                     Forgery{"max above the values", Section::BlockMax, +1}}) {
        INFO(forgery.what);
        copy_good();
        forge_columnar_file(forged, column, [&](ForgedColumn& c) {
          int64_t& stored = c.section_as<int64_t>(forgery.section)[block];
          stored += forgery.change;
          // Keep the column's range consistent with the forged blocks, so
          // that only the block check can notice.
          if (forgery.section == Section::BlockMin) c.entry.min = std::min(c.entry.min, stored);
          if (forgery.section == Section::BlockMax) c.entry.max = std::max(c.entry.max, stored);
        });
        CHECK_THAT(verify_column(forged, column), Catch::Contains("block statistics do not match"));
      }
    }
  }
  CHECK(verify_column(good, 1) == "");
}

TEST_CASE("a forged present count off by one is refused", "[columnar][blocks]") {
  ScratchFolder folder;
  const std::string good = folder.file("good.segcol");
  REQUIRE(write_columnar_file(good, statistics_table(), "test") == "");
  const std::string forged = folder.file("forged.segcol");
  for (size_t column : {1, 4, 7, 8}) {  // widths 1 and 8, codes, and a float without a range
    for (size_t block : {0, 2, 3}) {
      for (int change : {-1, +1}) {
        INFO("column " << column << ", block " << block << ", change " << change);
        std::filesystem::copy_file(good, forged, std::filesystem::copy_options::overwrite_existing);
        forge_columnar_file(forged, column, [&](ForgedColumn& c) {
          c.section_as<uint32_t>(Section::BlockPresent)[block] += static_cast<uint32_t>(change);
        });
        CHECK_THAT(verify_column(forged, column), Catch::Contains("block statistics do not match"));
      }
    }
  }
}

TEST_CASE("a forged column minimum or maximum is refused", "[columnar][blocks]") {
  ScratchFolder folder;
  const std::string path = folder.file("forged.segcol");
  for (int64_t change : {-1, +1}) {
    for (bool minimum : {true, false}) {
      REQUIRE(write_columnar_file(path, statistics_table(), "test") == "");
      forge_columnar_file(path, 2, [&](ForgedColumn& c) { (minimum ? c.entry.min : c.entry.max) += change; });
      CHECK_THAT(verify_column(path, 2), Catch::Contains("minimum or maximum does not match"));
    }
  }
}

TEST_CASE("a code beyond the dictionary on a missing row is refused", "[columnar][blocks]") {
  // Generated code may look up a missing row's code, so every row counts,
  // although the statistics (over present rows) do not change.
  ScratchFolder folder;
  const std::string path = folder.file("forged.segcol");
  const size_t missing_row = kBlockRows + 2;
  REQUIRE_FALSE(is_present(missing_row));
  for (size_t column : {5, 6, 7}) {
    INFO("column " << column);
    REQUIRE(write_columnar_file(path, statistics_table(), "test") == "");
    forge_columnar_file(path, column, [&](ForgedColumn& c) {
      char* values = c.section_bytes(Section::Values);
      const uint32_t entries = c.entry.spec.name == "text200" ? 200 : c.entry.spec.name == "text300" ? 300 : 70000;
      std::memcpy(values + missing_row * c.entry.width, &entries, c.entry.width);
    });
    CHECK_THAT(verify_column(path, column), Catch::Contains("beyond the dictionary"));
  }
}
