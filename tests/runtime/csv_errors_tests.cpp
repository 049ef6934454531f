// Bad data is reported with line, column, field, text and a message; the
// table then has no rows.
#include <catch2/catch.hpp>

#include <string>

#include "tests/runtime/csv_test_support.h"

using namespace segc::runtime;
using namespace segc::runtime::testing;

namespace {

// The only error of loading `text`.
DataError only_error(const std::string& text, const CsvOptions& options = {}) {
  const auto result = load(text, options);
  INFO(describe(result));
  REQUIRE(result.fatal.empty());
  REQUIRE(result.errors.size() == 1);
  CHECK(result.error_count == 1);
  CHECK(result.table.row_count == 0);
  return result.errors[0];
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("csv header column that is not a schema field is an error with a suggestion", "[csv]") {
  const DataError error = only_error("id,agee\n1,2\n");
  CHECK(error.line == 1);
  CHECK(error.column == 4);
  CHECK(error.field == "agee");
  CHECK(error.message == "'agee' is not a field of the schema; did you mean 'age'?");
  CHECK(only_error("id,zzzzzz\n").message == "'zzzzzz' is not a field of the schema");
  CHECK(contains(only_error("id,\n1,2\n").message, "empty column name"));
}

TEST_CASE("csv duplicate header column is an error", "[csv]") {
  const DataError error = only_error("id,age,age\n1,2,3\n");
  CHECK(error.line == 1);
  CHECK(error.column == 8);
  CHECK(error.message == "column 'age' appears twice in the header (first at column 4)");
}

TEST_CASE("csv header without the key field is an error", "[csv]") {
  const DataError error = only_error("name,age\nx,2\n");
  CHECK(error.line == 1);
  CHECK(error.column == 0);
  CHECK(error.field == "id");
  CHECK(contains(error.message, "no column for the key field 'id'"));
  CHECK(contains(only_error("").message, "empty"));
  CHECK(contains(only_error("\xEF\xBB\xBF\n\n").message, "empty"));
}

TEST_CASE("csv bad values name line column field and text", "[csv]") {
  const DataError error = only_error("id,name,age\n1,Zoë,x\n2,Bo,3\n");
  CHECK(error.line == 2);
  CHECK(error.column == 7);  // code points: 1,Zoë, is six
  CHECK(error.field == "age");
  CHECK(error.text == "x");
  CHECK(error.message == "expected an int, e.g. 42");
}

TEST_CASE("csv every bad value is reported, up to the cap", "[csv]") {
  const auto some = load("id,age,vip\n1,a,maybe\n2,3,true\n3,b,no\n");
  REQUIRE(some.errors.size() == 3);
  CHECK(some.errors[0].field == "age");
  CHECK(some.errors[1].field == "vip");
  CHECK(some.errors[2].line == 4);
  std::string text = "id,age\n";
  for (int i = 0; i < 150; ++i) text += std::to_string(i) + ",bad\n";
  const auto many = load(text);
  CHECK(many.errors.size() == kMaxReportedErrors);
  CHECK(many.error_count == 150);
  CHECK_FALSE(many.ok());
}

TEST_CASE("csv int overflow is an error", "[csv]") {
  const DataError error = only_error("id,age\n1,9223372036854775808\n");
  CHECK(contains(error.message, "int out of range"));
  CHECK(error.text == "9223372036854775808");
}

TEST_CASE("csv decimal with more digits than its scale is an error unless they are zeros", "[csv]") {
  CHECK(contains(only_error("id,spent\n1,12.345\n").message, "more than 2 digits after the point"));
  CHECK(load("id,spent\n1,12.3400\n").ok());
  CHECK(contains(only_error("id,spent\n1,92233720368547758.08\n").message, "out of range for decimal(2)"));
  CHECK(only_error("id,spent\n1,12,5\n").message == "this row has 3 fields but the header has 2");
  CHECK(only_error("id,spent\n1,abc\n").message == "expected a decimal, e.g. 12.50");
  CsvOptions comma;
  comma.decimal_comma = true;
  CHECK(contains(only_error("id;spent\n1;12.5\n", comma).message, "--decimal-comma"));
}

TEST_CASE("csv float NaN infinity and garbage are errors", "[csv]") {
  CHECK(contains(only_error("id,score\n1,nan\n").message, "NaN and infinity"));
  CHECK(contains(only_error("id,score\n1,-inf\n").message, "NaN and infinity"));
  CHECK(contains(only_error("id,score\n1,1e999\n").message, "out of range"));
  CHECK(only_error("id,score\n1,1.2.3\n").message == "expected a float, e.g. 0.25 or 1e-3");
}

TEST_CASE("csv bool and enum errors list what is allowed", "[csv]") {
  CHECK(only_error("id,vip\n1,Y\n").message == "expected a bool: true/false, 1/0 or yes/no");
  CHECK(only_error("id,tier\n1,Gold\n").message ==
        "not one of the values \"bronze\", \"silver\", \"gold\"; did you mean \"gold\"?");
  CHECK(only_error("id,tier\n1,silvre\n").message ==
        "not one of the values \"bronze\", \"silver\", \"gold\"; did you mean \"silver\"?");
  CHECK(only_error("id,tier\n1,platinum\n").message == "not one of the values \"bronze\", \"silver\", \"gold\"");
}

TEST_CASE("csv invalid dates are errors", "[csv]") {
  const DataError leap = only_error("id,born\n1,2026-02-29\n");
  CHECK(leap.text == "2026-02-29");
  CHECK(contains(leap.message, "no such calendar date"));
  CHECK(only_error("id,born\n1,29.02.2024\n").message == "not a date in the format YYYY-MM-DD");
  CsvOptions us;
  us.date_format = "MM/DD/YYYY";
  CHECK(only_error("id,born\n1,2024-02-29\n", us).message == "not a date in the format MM/DD/YYYY");
}

TEST_CASE("csv duplicate key names both lines", "[csv]") {
  const DataError error = only_error("id,age\n7,1\n8,2\n7,3\n");
  CHECK(error.line == 4);
  CHECK(error.column == 1);
  CHECK(error.field == "id");
  CHECK(error.message == "duplicate key 7: first on line 2");
  const auto strings = load("id\nab\ncd\nab\n", {}, test_schema(ColumnKind::String));
  REQUIRE(strings.errors.size() == 1);
  CHECK(strings.errors[0].message == "duplicate key ab: first on line 2");
  // The same number spelled differently is the same key.
  CHECK(only_error("id\n7\n+07\n").message == "duplicate key +07: first on line 2");
}

TEST_CASE("csv missing or empty key is an error", "[csv]") {
  const DataError error = only_error("id,age\n,1\n");
  CHECK(error.line == 2);
  CHECK(error.field == "id");
  CHECK(contains(error.message, "missing key"));
  CHECK(contains(only_error("id,age\n  ,1\n").message, "missing key"));
  const auto strings = load("id,age\n\"\",1\n", {}, test_schema(ColumnKind::String));
  REQUIRE(strings.errors.size() == 1);
  CHECK(contains(strings.errors[0].message, "missing key"));
}

TEST_CASE("csv row with the wrong number of fields is an error", "[csv]") {
  const DataError many = only_error("id,age\n1,2,3\n");
  CHECK(many.line == 2);
  CHECK(many.column == 5);
  CHECK(many.text == "3");
  CHECK(many.message == "this row has 3 fields but the header has 2");
  const DataError few = only_error("id,age,name\n1,2\n");
  CHECK(few.column == 4);
  CHECK(few.message == "this row has 2 fields but the header has 3");
}

TEST_CASE("csv invalid UTF-8 in a string is an error", "[csv]") {
  const DataError error = only_error("id,name\n1,ab\xFF" "c\n");
  CHECK(error.field == "name");
  CHECK(error.text == "ab\xEF\xBF\xBD" "c");
  CHECK(contains(error.message, "invalid UTF-8: byte 0xFF at character 3"));
  CHECK(contains(only_error("id,tags\n1,a|\xC0\x80\n").message, "invalid UTF-8"));
  CHECK(contains(only_error("id,name\n1,\xED\xA0\x80\n").message, "invalid UTF-8"));  // a surrogate
}

TEST_CASE("csv unterminated quote at the end of the file is an error", "[csv]") {
  const DataError error = only_error("id,name\n1,ok\n2,\"never\nclosed\n");
  CHECK(error.line == 3);
  CHECK(error.column == 3);
  CHECK(error.text == "\"never\\nclosed\\n");
  CHECK(contains(error.message, "never closed"));
  CHECK(contains(only_error("id,name\n1,\"a\"b\n").message, "unexpected text after a closing quote"));
}

TEST_CASE("csv long offending text is shortened for display", "[csv]") {
  const DataError error = only_error("id,age\n1," + std::string(100, '9') + "x\n");
  CHECK(error.text == std::string(60, '9') + "...");
}

TEST_CASE("csv file that cannot be read is fatal", "[csv]") {
  const auto result = load_csv_file("/nonexistent/customers.csv", test_schema(), {});
  CHECK(contains(result.fatal, "cannot read /nonexistent/customers.csv"));
  CHECK(result.errors.empty());
  CHECK(result.error_count == 0);
  CHECK(contains(load_csv_file("/", test_schema(), {}).fatal, "directory"));
  CsvOptions bad;
  bad.delimiter = '|';
  CHECK_FALSE(load("id\n1\n", bad).fatal.empty());
}

// Strings and set elements are checked for UTF-8 once per distinct value (a
// value already in the dictionary was valid): a bad value is still found
// after good ones, also in a later element of a set, and a rejected set row
// leaves no element behind.
TEST_CASE("csv invalid UTF-8 is found in repeated and set values, with exact columns", "[csv]") {
  const std::string text = "id,name,tags\n1,ok,a|b\n2,ok,a|b\n3,ok,a|b\xFF|c\n4,o\xC3k,a\n5,ok,b|a\n";
  CsvLoadResult result = load(text);
  CHECK(describe(result) ==
        "4:6 tags: invalid UTF-8: byte 0xFF at character 4 is not part of a valid sequence [a|b\xEF\xBF\xBD|c]\n"
        "5:3 name: invalid UTF-8: byte 0xC3 at character 2 is not part of a valid sequence [o\xEF\xBF\xBDk]\n");
  CsvOptions skip;
  skip.skip_bad_rows = true;
  result = load(text, skip);
  REQUIRE(result.table.row_count == 3);
  const Column& tags = column(result.table, "tags");
  CHECK(tags.dictionary.to_vector() == std::vector<std::string>{"a", "b"});
  CHECK(set_at(tags, 2) == std::vector<std::string>{"a", "b"});
  CHECK(string_at(column(result.table, "name"), 2) == "ok");
}

TEST_CASE("csv string keys with line breaks, tabs or other control characters are errors", "[csv]") {
  // NAME.keys lists one key a line: "alice\nbob" would read back as two
  // other customers (issue 16). Quoted or not, on the plain and general paths.
  const TableSchema schema = test_schema(ColumnKind::String);
  for (const std::string& key : {std::string("\"alice\nbob\""), std::string("\"alice\r\nbob\""),
                                std::string("\"al\rice\""), std::string("al\tice"),
                                std::string("al\x1b[31mice"), std::string("al\x7f" "ice"),
                                std::string("al\xc2\x85ice"), std::string("al\xe2\x80\xa8ice"),
                                std::string("al\xe2\x80\xa9ice"), std::string("al") + '\0' + "ice"}) {
    INFO(key);
    const auto result = load("id,age\nzed,1\n" + key + ",2\nzoe,3\n", {}, schema);
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].line == 3);
    CHECK(result.errors[0].field == "id");
    CHECK(contains(result.errors[0].message, "a key cannot hold"));
    CHECK(result.table.row_count == 0);
    // --on-error skip: the row is left out and the others load.
    CsvOptions skip;
    skip.skip_bad_rows = true;
    const auto skipped = load("id,age\nzed,1\n" + key + ",2\nzoe,3\n", skip, schema);
    CHECK(skipped.errors.empty());
    REQUIRE(skipped.rejected.size() == 1);
    CHECK(skipped.rejected[0].line == 3);
    CHECK(skipped.table.row_count == 2);
  }
  // Spaces, and the same characters in other string fields, are fine.
  CHECK(load("id,age\n\"al ice\",1\n", {}, schema).errors.empty());
}
