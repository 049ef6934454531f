// Loading in ranges on several threads gives exactly what one pass gives:
// the same table, problems, counts and rejected rows, also when ranges are
// split inside quoted line breaks or hold the same key.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "runtime/csv_chunks.h"
#include "tests/runtime/columnar_test_support.h"
#include "tests/runtime/csv_test_support.h"

using namespace segc::runtime;
using namespace segc::runtime::testing;

namespace {

// Loads `text` with 1 thread, then with 2, 3 and 7 in ranges as small as a
// byte, and compares.
CsvOptions with_threads(unsigned threads) {
  CsvOptions options;
  options.threads = threads;
  return options;
}

void check_threads_agree(const std::string& text, CsvOptions options, const TableSchema& schema = test_schema()) {
  options.threads = 1;
  const CsvLoadResult one = load_csv_text(text, schema, options);
  for (unsigned threads : {2u, 3u, 7u}) {
    INFO("threads " << threads);
    options.threads = threads;
    check_same_loads(one, csv::load_text_in_chunks(text, schema, options, 1));
  }
}

}  // namespace

TEST_CASE("csv loads in ranges on threads exactly as in one pass", "[csv]") {
  std::mt19937 random(4);
  for (int round = 0; round < 40; ++round) {
    INFO("round " << round);
    const bool string_key = round % 4 == 3;
    const std::string text = random_csv(random, 20 + random() % 200, string_key, round % 3 != 2);
    CsvOptions options;
    options.skip_bad_rows = round % 2 == 1;
    check_threads_agree(text, options, test_schema(string_key ? ColumnKind::String : ColumnKind::Int));
  }
}

TEST_CASE("csv ranges split inside quotes are read again from the right place", "[csv]") {
  // Every byte is a possible split: most land inside the quoted line breaks.
  std::string text = "id,name\n";
  for (int row = 0; row < 30; ++row) text += std::to_string(row) + ",\"a\nb\n\nc\"\n";
  check_threads_agree(text, {}, test_schema());
  const CsvLoadResult result = csv::load_text_in_chunks(text, test_schema(), with_threads(3), 1);
  REQUIRE(result.ok());
  CHECK(result.table.row_count == 30);
  CHECK(string_at(column(result.table, "name"), 29) == "a\nb\n\nc");
}

TEST_CASE("csv keys repeated across ranges are found as in one pass", "[csv]") {
  std::string text = "id,name\n";
  for (int row = 0; row < 40; ++row) text += std::to_string(row == 35 ? 3 : row) + ",n\n";
  for (bool skip : {false, true}) {
    CsvOptions options;
    options.skip_bad_rows = skip;
    check_threads_agree(text, options);
  }
  const CsvLoadResult result = csv::load_text_in_chunks(text, test_schema(), with_threads(3), 1);
  CHECK(describe(result) == "37:1 id: duplicate key 3: first on line 5 [3]\n");
}

TEST_CASE("csv errors beyond the first hundred are counted across ranges", "[csv]") {
  std::string text = "id,age\n";
  for (int row = 0; row < 250; ++row) text += std::to_string(row) + ",x" + std::to_string(row) + "\n";
  check_threads_agree(text, {});
  const CsvLoadResult result = csv::load_text_in_chunks(text, test_schema(), with_threads(3), 1);
  CHECK(result.error_count == 250);
  REQUIRE(result.errors.size() == kMaxReportedErrors);
  CHECK(result.errors.back().line == 101);
}

TEST_CASE("csv ranges whose string columns hash differently join as in one pass", "[csv]") {
  // One half of the file repeats a few names, the other has a new one on
  // every row, so that only one range's dictionary stops hashing; names
  // with doubled quotes live in a dictionary's own copies, which the join
  // must keep alive.
  for (bool distinct_first : {false, true}) {
    INFO("distinct names first: " << distinct_first);
    std::string text = "id,name,tags\n";
    const int rows = 20000;
    for (int row = 0; row < rows; ++row) {
      const bool distinct = (row < rows / 2) == distinct_first;
      const std::string name = distinct ? "\"n\"\"" + std::to_string(row) + "\"" : (row % 3 ? "ann" : "\"b\"\"ob\"");
      text += std::to_string(row) + "," + name + "," + (distinct ? "t" + std::to_string(row) : "x|y") + "\n";
    }
    for (ColumnKind key : {ColumnKind::Int, ColumnKind::String}) {
      check_threads_agree(text, {}, test_schema(key));
    }
    const CsvLoadResult result = csv::load_text_in_chunks(text, test_schema(), with_threads(2), 1);
    REQUIRE(result.ok());
    const size_t distinct_row = distinct_first ? 7 : rows - 7;
    CHECK(string_at(column(result.table, "name"), distinct_row) == "n\"" + std::to_string(distinct_row));
  }
}
