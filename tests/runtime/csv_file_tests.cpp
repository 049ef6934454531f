// load_csv_file on fixtures in tests/runtime/data: reading from disk gives the
// same table as the text, and skip mode end to end with the rejects file's rows.
#include <catch2/catch.hpp>

#include "runtime/calendar.h"
#include "tests/runtime/csv_test_support.h"

using namespace segc::runtime;
using namespace segc::runtime::testing;

namespace {

std::string fixture(const char* name) { return std::string(SEGC_SOURCE_DIR) + "/tests/runtime/data/" + name; }

}  // namespace

TEST_CASE("csv file with BOM semicolons CRLF and decimal comma loads", "[csv]") {
  CsvOptions options;
  options.decimal_comma = true;
  const auto result = load_csv_file(fixture("semicolon_bom_crlf.csv"), test_schema(), options);
  INFO(describe(result));
  REQUIRE(result.ok());
  const Table& table = result.table;
  REQUIRE(table.row_count == 2);
  CHECK(string_at(column(table, "name"), 0) == "Zoë \"Z\"");
  CHECK(string_at(column(table, "name"), 1) == "two\r\nlines");
  CHECK(column(table, "spent").int_at(0) == 1250);
  CHECK(column(table, "born").int_at(0) == segc::calendar::days_from_civil({2000, 2, 29}));
  CHECK(set_at(column(table, "tags"), 1).empty());
  CHECK_FALSE(column(table, "age").present.test(0));  // no column in the header
}

TEST_CASE("csv file with bad rows reports them or skips them into a rejects file", "[csv]") {
  const auto strict = load_csv_file(fixture("bad_rows.csv"), test_schema(), {});
  INFO(describe(strict));
  REQUIRE(strict.errors.size() == 2);
  CHECK(strict.errors[0].line == 3);
  CHECK(strict.errors[1].line == 4);  // the key of a bad row still counts once
  CHECK(strict.errors[1].message == "duplicate key 2: first on line 3");

  CsvOptions skip;
  skip.skip_bad_rows = true;
  const auto skipped = load_csv_file(fixture("bad_rows.csv"), test_schema(), skip);
  REQUIRE(skipped.ok());
  CHECK(skipped.table.row_count == 2);  // the row with key 2 on line 4 is fine once line 3 is out
  REQUIRE(skipped.rejected.size() == 1);
  CHECK(render_rejects(skipped.rejected) ==
        "line,column,field,error,record\n3,7,age,\"expected an int, e.g. 42\",\"2,bob,x\"\n");
}
