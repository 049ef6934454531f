// The plain-record scan finds exactly the fields RecordReader would, stops
// at the first record it cannot vouch for, and the column-at-a-time path
// built on it loads exactly what RecordReader's row-at-a-time path loads.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "runtime/csv_block_scan.h"
#include "runtime/csv_chunks.h"
#include "tests/runtime/columnar_test_support.h"
#include "tests/runtime/csv_test_support.h"

using namespace segc::runtime;
using namespace segc::runtime::testing;
using csv::PlainRecords;

namespace {

// The fields the scan found, one "a|b|c" string per record.
std::vector<std::string> fields_of(std::string_view text, size_t start, size_t width, const PlainRecords& scan) {
  std::vector<std::string> records;
  for (size_t row = 0; row < scan.rows; ++row) {
    std::string record;
    for (size_t f = 0; f < width; ++f) {
      const uint32_t begin = scan.bounds[row * (width + 1) + f];
      const uint32_t end = scan.bounds[row * (width + 1) + f + 1] - 1;
      record += (f == 0 ? "" : "|") + std::string(text.substr(start + begin, end - begin));
    }
    records.push_back(record);
  }
  return records;
}

PlainRecords scan(std::string_view text, size_t width, size_t max_rows = 100, size_t start = 0,
                  size_t limit = std::string_view::npos) {
  PlainRecords out;
  csv::scan_plain_records(text, ',', start, std::min(limit, text.size()), width, max_rows, out);
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("plain records are split into their fields", "[csv]") {
  const std::string text = "1,ann,41\n2,,\n3,bob,7\r\n4,x,y\n";
  const PlainRecords out = scan(text, 3);
  CHECK(fields_of(text, 0, 3, out) == Strings{"1|ann|41", "2||", "3|bob|7", "4|x|y"});
  CHECK(out.end == PlainRecords::End::Limit);
  CHECK(out.next == text.size());
  CHECK(out.record_start(0, 3, 2) == text.find("3,bob"));
}

TEST_CASE("the plain-record scan stops before what only RecordReader reads", "[csv]") {
  struct Case {
    const char* name;
    std::string text;
    size_t rows;  // plain records before the stop
  };
  const std::vector<Case> cases = {
      {"a quoted field", "1,a,b\n2,\"q\",b\n3,a,b\n", 1},
      {"a quote inside a field", "1,a,b\n2,x\"y,b\n", 1},
      {"a blank line", "1,a,b\n\n3,a,b\n", 1},
      {"too few fields", "1,a,b\n2,a\n3,a,b\n", 1},
      {"too many fields", "1,a,b\n2,a,b,c\n3,a,b\n", 1},
      {"a lone carriage return", "1,a,b\n2,a\rz,b\n", 1},
      {"a carriage return at the very end", "1,a,b\n2,a,b\r", 1},
      {"no line break after the last record", "1,a,b\n2,a,b", 1},
      {"a quote on the first line", "\"1\",a,b\n", 0},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const PlainRecords out = scan(c.text, 3);
    CHECK(out.rows == c.rows);
    CHECK(out.end == PlainRecords::End::Irregular);
    CHECK(out.next == (c.rows == 0 ? 0 : c.text.find('\n') + 1));
  }
}

TEST_CASE("the plain-record scan honours its row count and limit", "[csv]") {
  std::string text;
  for (int row = 0; row < 100; ++row) text += std::to_string(row) + ",name" + std::to_string(row) + "\n";
  const PlainRecords full = scan(text, 2, 10);
  CHECK(full.rows == 10);
  CHECK(full.end == PlainRecords::End::Full);
  CHECK(full.next == text.find("10,name10"));

  // A record that starts before the limit is read to its end.
  const size_t limit = text.find("20,name20") + 1;
  const PlainRecords limited = scan(text, 2, 100, text.find("15,"), limit);
  CHECK(fields_of(text, text.find("15,"), 2, limited) ==
        Strings{"15|name15", "16|name16", "17|name17", "18|name18", "19|name19", "20|name20"});
  CHECK(limited.end == PlainRecords::End::Limit);
  CHECK(scan(text, 2, 100, limited.next, limit).end == PlainRecords::End::Limit);
}

TEST_CASE("a CRLF split across the scan's 64-byte windows ends one record", "[csv]") {
  // Each record is 64 bytes with its "\r\n", so the '\r' is the last byte of
  // a window and the '\n' the first of the next; then shifted by one byte.
  for (size_t shift = 0; shift < 3; ++shift) {
    INFO("shift " << shift);
    std::string text;
    for (int row = 0; row < 5; ++row) {
      std::string record = std::to_string(row) + "," + std::string(60 - std::to_string(row).size() + shift, 'x');
      text += record + "\r\n";
    }
    const PlainRecords out = scan(text, 2);
    REQUIRE(out.rows == 5);
    CHECK(out.end == PlainRecords::End::Limit);
    CHECK(fields_of(text, 0, 2, out)[4] == "4|" + std::string(59 + shift, 'x'));
  }
}

namespace {

// Mostly plain records of every type, with now and then what makes a record
// irregular (quotes, blank lines, wrong field counts, a lone CR) or bad (an
// unparsable value, invalid UTF-8, a missing or repeated key), so that blocks
// stop at every position and the row-at-a-time path takes over and hands back.
std::string mostly_plain_csv(std::mt19937& random, size_t rows, bool string_key) {
  static const char* const kOdd[] = {
      "\"quoted, name\"", "x", "\xFF\xFE", "two\rparts", "", "  ", "9223372036854775808", "12.345", "1e999", "maybe",
      "Gold", "2001-02-29", "", "a\"b", "TRUE", "Yes", "+5", " 3 ", "-0", "007", " gold", "gold ", "-", "0000-01-01",
      " 2020-01-01", "2020-13-01", "2020-1-01", "123456789012345678", "-123456789012345678", "1234567890123456789"};
  std::string text = "id,name,age,spent,score,vip,tier,born,tags\n";
  for (size_t row = 0; row < rows; ++row) {
    const bool odd = random() % 40 == 0;
    const size_t odd_field = random() % 9;
    const std::string odd_value = kOdd[random() % (sizeof kOdd / sizeof *kOdd)];
    std::vector<std::string> fields;
    const size_t key = random() % 300 == 0 ? random() % (row + 1) : row;
    fields.push_back(string_key ? "k" + std::to_string(key) : std::to_string(key));
    fields.push_back(random() % 3 == 0 ? "" : "name" + std::to_string(random() % 50));
    fields.push_back(random() % 4 == 0 ? "" : std::to_string(static_cast<int>(random() % 200) - 20));
    fields.push_back(random() % 4 == 0 ? "" : std::to_string(random() % 10000) + "." + std::to_string(random() % 10));
    fields.push_back(random() % 4 == 0 ? "" : std::to_string(random() % 1000) + "e-2");
    fields.push_back(random() % 2 ? "true" : "no");
    fields.push_back(random() % 3 == 0 ? "bronze" : "gold");
    fields.push_back(random() % 4 == 0 ? "" : "20" + std::to_string(10 + random() % 10) + "-0" +
                                                 std::to_string(1 + random() % 9) + "-1" + std::to_string(random() % 10));
    fields.push_back(random() % 3 == 0 ? "" : "cats|dogs");
    if (odd) fields[odd_field] = odd_value;
    for (size_t f = 0; f < fields.size(); ++f) text += (f == 0 ? "" : ",") + fields[f];
    if (random() % 200 == 0) text += ",extra";
    text += random() % 10 == 0 ? "\r\n" : "\n";
    if (random() % 300 == 0) text += "\n";
  }
  if (random() % 2) text.pop_back();  // now and then no line break at the end
  return text;
}

void check_paths_agree(const std::string& text, const TableSchema& schema, CsvOptions options) {
  for (unsigned threads : {1u, 2u, 3u}) {
    INFO("threads " << threads);
    options.threads = threads;
    const size_t min_chunk = threads == 1 ? csv::kMinChunkBytes : 1;
    const CsvLoadResult rows = csv::load_text_in_chunks(text, schema, options, min_chunk, true);
    const CsvLoadResult blocks = csv::load_text_in_chunks(text, schema, options, min_chunk, false);
    check_same_loads(blocks, rows);
  }
}

}  // namespace

TEST_CASE("csv plain records load a column at a time exactly as row by row", "[csv]") {
  std::mt19937 random(20261202);
  for (int round = 0; round < 24; ++round) {
    INFO("round " << round);
    const bool string_key = round % 4 == 3;
    const std::string text = mostly_plain_csv(random, 100 + random() % 2500, string_key);
    CsvOptions options;
    options.skip_bad_rows = round % 2 == 1;
    check_paths_agree(text, test_schema(string_key ? ColumnKind::String : ColumnKind::Int), options);
  }
}

TEST_CASE("csv texts with many irregular records load the same on both paths", "[csv]") {
  std::mt19937 random(77);
  for (int round = 0; round < 12; ++round) {
    INFO("round " << round);
    CsvOptions options;
    options.skip_bad_rows = round % 2 == 0;
    check_paths_agree(random_csv(random, 50 + random() % 400, round % 3 == 0, true), test_schema(), options);
  }
}

TEST_CASE("csv plain records before a bad one are kept and the bad one reported", "[csv]") {
  std::string text = "id,age\n";
  for (int row = 0; row < 1000; ++row) text += std::to_string(row) + "," + (row == 700 ? "old" : "30") + "\n";
  const CsvLoadResult failed = load_csv_text(text, test_schema(), {});
  CHECK(describe(failed) == "702:5 age: expected an int, e.g. 42 [old]\n");
  CsvOptions skip;
  skip.skip_bad_rows = true;
  const CsvLoadResult skipped = load_csv_text(text, test_schema(), skip);
  REQUIRE(skipped.ok());
  CHECK(skipped.table.row_count == 999);
  REQUIRE(skipped.rejected.size() == 1);
  CHECK(skipped.rejected[0].record == "700,old");
  CHECK(column(skipped.table, "id").int_at(700) == 701);
}

TEST_CASE("csv enum values are trimmed on the plain path too", "[csv]") {
  // With a member that has a blank, the exact match would differ from the
  // general path's, which trims the field first.
  TableSchema schema = test_schema();
  for (ColumnSpec& spec : schema.columns) {
    if (spec.name == "tier") spec.enum_values = {" gold", "gold", "silver "};
  }
  const std::string text = "id,tier\n1, gold\n2,gold\n3,silver \n";
  check_paths_agree(text, schema, {});
  const CsvLoadResult result = load_csv_text(text, schema, {});
  CHECK(describe(result) == "4:3 tier: not one of the values \" gold\", \"gold\", \"silver \"; did you mean \"silver \"? [silver ]\n");
}
