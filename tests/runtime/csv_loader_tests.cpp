// Loading whole CSV texts into the columnar table: header order, delimiters,
// missing values, sets, and the layout of runtime/table.h.
#include <catch2/catch.hpp>

#include "runtime/calendar.h"
#include "tests/runtime/csv_test_support.h"

using namespace segc::runtime;
using namespace segc::runtime::testing;

TEST_CASE("csv loads every type into schema order whatever the header order", "[csv]") {
  const auto result = load(
      "tags,born,tier,vip,score,spent,age,name,id\n"
      "cats|dogs,2000-02-29,gold,yes,0.5,12.5,41,Zoë,7\n");
  INFO(describe(result));
  REQUIRE(result.ok());
  const Table& table = result.table;
  REQUIRE(table.row_count == 1);
  REQUIRE(table.columns.size() == 9);
  CHECK(table.columns[0].spec.name == "id");
  CHECK(table.key().int_at(0) == 7);
  CHECK(string_at(column(table, "name"), 0) == "Zoë");
  CHECK(column(table, "age").int_at(0) == 41);
  CHECK(column(table, "spent").int_at(0) == 1250);
  CHECK(column(table, "score").floats[0] == 0.5);
  CHECK(column(table, "vip").bools.test(0));
  CHECK(column(table, "tier").code_at(0) == 2);
  CHECK(column(table, "born").int_at(0) == segc::calendar::days_from_civil({2000, 2, 29}));
  CHECK(set_at(column(table, "tags"), 0) == std::vector<std::string>{"cats", "dogs"});
  for (const Column& c : table.columns) CHECK(c.present.test(0));
}

TEST_CASE("csv loads with comma semicolon and tab, detected or given", "[csv]") {
  for (const char* text : {"id,age\n1,20\n", "id;age\n1;20\n", "id\tage\n1\t20\n"}) {
    const auto detected = load(text);
    INFO(text << describe(detected));
    REQUIRE(detected.ok());
    CHECK(column(detected.table, "age").int_at(0) == 20);
  }
  CsvOptions semicolon;
  semicolon.delimiter = ';';
  const auto given = load("id;name\n1;a,b\n", semicolon);
  REQUIRE(given.ok());
  CHECK(string_at(column(given.table, "name"), 0) == "a,b");
}

TEST_CASE("csv skips a BOM and reads CRLF files", "[csv]") {
  const auto result = load("\xEF\xBB\xBFid,name\r\n1,\"x\"\r\n2,y\r\n");
  INFO(describe(result));
  REQUIRE(result.ok());
  REQUIRE(result.table.row_count == 2);
  CHECK(string_at(column(result.table, "name"), 1) == "y");
}

TEST_CASE("csv quoted values keep delimiters quotes and newlines", "[csv]") {
  const auto result = load("id,name,tags\n1,\"Smith, \"\"Jo\"\"\",\"a|b,c\"\n2,\"two\nlines\",\n");
  INFO(describe(result));
  REQUIRE(result.ok());
  const Column& name = column(result.table, "name");
  CHECK(string_at(name, 0) == "Smith, \"Jo\"");
  CHECK(string_at(name, 1) == "two\nlines");
  CHECK(set_at(column(result.table, "tags"), 0) == std::vector<std::string>{"a", "b,c"});
}

TEST_CASE("csv empty fields are missing for every type", "[csv]") {
  const auto result = load("id,name,age,spent,score,vip,tier,born\n1,,,,,,,\n2,\"\", , ,  ,\t, ,\n");
  INFO(describe(result));
  REQUIRE(result.ok());
  for (const char* name : {"age", "spent", "score", "vip", "tier", "born"}) {
    INFO(name);
    CHECK_FALSE(column(result.table, name).present.test(0));
    CHECK_FALSE(column(result.table, name).present.test(1));
  }
  CHECK_FALSE(column(result.table, "name").present.test(0));
  CHECK_FALSE(column(result.table, "name").present.test(1));
  CHECK(column(result.table, "age").int_at(0) == 0);
}

TEST_CASE("csv strings are kept exactly and other types are trimmed", "[csv]") {
  const auto result = load("id,name,age,tier,tags\n 1 ,  a b  , 42 , gold ,x| y \n");
  INFO(describe(result));
  REQUIRE(result.ok());
  CHECK(result.table.key().int_at(0) == 1);
  CHECK(string_at(column(result.table, "name"), 0) == "  a b  ");
  CHECK(column(result.table, "age").int_at(0) == 42);
  CHECK(column(result.table, "tier").code_at(0) == 2);
  CHECK(set_at(column(result.table, "tags"), 0) == std::vector<std::string>{" y ", "x"});
}

TEST_CASE("csv empty set field is the empty set and an absent set column is missing", "[csv]") {
  const auto with_tags = load("id,tags\n1,\n2,a\n");
  REQUIRE(with_tags.ok());
  const Column& tags = column(with_tags.table, "tags");
  CHECK(tags.present.test(0));
  CHECK(set_at(tags, 0).empty());
  const auto without = load("id\n1\n2\n");
  REQUIRE(without.ok());
  const Column& absent = column(without.table, "tags");
  CHECK_FALSE(absent.present.test(0));
  CHECK(absent.set_offsets == std::vector<uint32_t>{0, 0, 0});
}

TEST_CASE("csv set elements are deduplicated sorted and empty ones ignored", "[csv]") {
  const auto result = load("id,tags\n1,dogs|cats|dogs||cats|\n2,|\n3,b|a\n");
  INFO(describe(result));
  REQUIRE(result.ok());
  const Column& tags = column(result.table, "tags");
  CHECK(tags.dictionary == std::vector<std::string>{"a", "b", "cats", "dogs"});
  CHECK(tags.set_offsets == std::vector<uint32_t>{0, 2, 2, 4});
  CHECK(tags.set_codes == std::vector<uint32_t>{2, 3, 0, 1});
  CHECK(tags.present.all());
}

TEST_CASE("csv schema fields absent from the header are missing on every row", "[csv]") {
  const auto result = load("name,id\nx,1\ny,2\n");
  REQUIRE(result.ok());
  for (const char* name : {"age", "spent", "score", "vip", "tier", "born", "tags"}) {
    INFO(name);
    const Column& c = column(result.table, name);
    CHECK(c.present.size() == 2);
    CHECK(c.present.count() == 0);
  }
}

TEST_CASE("csv decimal comma applies to decimals and floats", "[csv]") {
  CsvOptions options;
  options.decimal_comma = true;
  const auto result = load("id;spent;score\n1;12,5;0,25\n2;\"-3,10\";1e2\n", options);
  INFO(describe(result));
  REQUIRE(result.ok());
  CHECK(column(result.table, "spent").int_at(0) == 1250);
  CHECK(column(result.table, "spent").int_at(1) == -310);
  CHECK(column(result.table, "score").floats[0] == 0.25);
  CHECK(column(result.table, "score").floats[1] == 100.0);
}

TEST_CASE("csv dates use the date format option", "[csv]") {
  CsvOptions options;
  options.date_format = "DD.MM.YYYY";
  const auto result = load("id;born\n1;29.02.2024\n2;01.01.0001\n", options);
  INFO(describe(result));
  REQUIRE(result.ok());
  CHECK(column(result.table, "born").int_at(0) == segc::calendar::days_from_civil({2024, 2, 29}));
  CHECK(column(result.table, "born").int_at(1) == segc::calendar::days_from_civil({1, 1, 1}));
  options.date_format = "YYYY-MM";
  CHECK_FALSE(load("id\n1\n", options).fatal.empty());
}

TEST_CASE("csv string keys load and header-only files have no rows", "[csv]") {
  const auto result = load("id\nb\na\n", {}, test_schema(ColumnKind::String));
  REQUIRE(result.ok());
  CHECK(result.table.key().dictionary == std::vector<std::string>{"a", "b"});
  CHECK(result.table.key().code_at(0) == 1);
  const auto empty = load("id,name\n");
  REQUIRE(empty.ok());
  CHECK(empty.table.row_count == 0);
  CHECK(empty.table.columns.size() == 9);
}

TEST_CASE("csv presence and bools are right on every row of several words and a partial last one", "[csv]") {
  std::string text = "id,age,vip\n";
  for (int row = 0; row < 150; ++row) {
    text += std::to_string(row) + "," + (row % 3 == 0 || row == 63 || row == 64 ? "" : "5") + "," +
            (row % 5 == 0 ? "" : row % 7 < 3 ? "true" : "false") + "\n";
  }
  const auto result = load(text);
  REQUIRE(result.ok());
  const Column& age = column(result.table, "age");
  const Column& vip = column(result.table, "vip");
  for (size_t row = 0; row < 150; ++row) {
    INFO(row);
    CHECK(age.present.test(row) == !(row % 3 == 0 || row == 63 || row == 64));
    CHECK(vip.present.test(row) == (row % 5 != 0));
    if (row % 5 != 0) CHECK(vip.bools.test(row) == (row % 7 < 3));
  }
}
