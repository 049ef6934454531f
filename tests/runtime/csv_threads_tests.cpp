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

void check_same_result(const CsvLoadResult& a, const CsvLoadResult& b) {
  CHECK(describe(a) == describe(b));
  CHECK(a.error_count == b.error_count);
  REQUIRE(a.rejected.size() == b.rejected.size());
  for (size_t i = 0; i < a.rejected.size(); ++i) CHECK(a.rejected[i].record == b.rejected[i].record);
  // Every column array, dictionary and block statistic.
  check_same_tables(a.table, b.table);
}

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
    check_same_result(one, csv::load_text_in_chunks(text, schema, options, 1));
  }
}

// Rows of every type with quoted fields (line breaks, doubled quotes), blank
// lines, CRLF, now and then a bad value or (with `repeats`) a repeated key.
// A repeated key makes the loader read the text again in one range, so
// texts without one are what exercise joining the ranges' columns.
std::string random_csv(std::mt19937& random, size_t rows, bool string_key, bool repeats) {
  static const char* const kNames[] = {"ann", "\"Zoë, \"\"Z\"\"\"", "\"two\nlines\"", "bob", "", "\"a\r\nb\""};
  static const char* const kValues[] = {"41", "-7", "", " 3 ", "x"};
  static const char* const kSets[] = {"cats|dogs", "", "a||b|a", "\"x\ny|z\"", "dogs"};
  std::string text = "id,name,age,spent,score,vip,tier,born,tags\n";
  for (size_t row = 0; row < rows; ++row) {
    const size_t key = repeats && random() % 50 == 0 ? random() % (row + 1) : row;
    text += string_key ? "k" + std::to_string(key * 7 % 1000) : std::to_string(key);
    text += ",";
    text += kNames[random() % 6];
    text += ",";
    text += kValues[random() % 5];
    text += random() % 30 == 0 ? ",12.345," : ",12.50,";
    text += random() % 2 ? "0.5" : "";
    text += random() % 2 ? ",yes," : ",no,";
    text += random() % 40 == 0 ? "Gold" : "gold";
    text += random() % 3 ? ",2000-02-29," : ",,";
    text += kSets[random() % 5];
    text += random() % 5 == 0 ? "\r\n" : "\n";
    if (random() % 20 == 0) text += "\n";
    if (random() % 97 == 0) text += "1,2,3\n";  // wrong field count
  }
  return text;
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
