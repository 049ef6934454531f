// --on-error skip: bad rows are left out of the table, kept with their
// reasons, and rendered as the rejects file.
#include <catch2/catch.hpp>

#include "tests/runtime/csv_test_support.h"

using namespace segc::runtime;
using namespace segc::runtime::testing;

namespace {

CsvOptions skipping() {
  CsvOptions options;
  options.skip_bad_rows = true;
  return options;
}

}  // namespace

TEST_CASE("csv skip mode leaves bad rows out and keeps the good ones", "[csv]") {
  const auto result = load(
      "id,name,age,tier\n"
      "1,ann,30,gold\n"
      "2,bob,x,gold\n"        // bad int
      "3,cy,40,\"gold\",9\n"  // too many fields
      "1,dup,50,silver\n"     // duplicate key: the later row goes
      ",nokey,1,gold\n"
      "4,\"multi\nline\",20,tin\n"  // bad enum on a two-line record
      "5,eve,,bronze\n",
      skipping());
  INFO(describe(result));
  REQUIRE(result.ok());
  CHECK(result.errors.empty());
  const Table& table = result.table;
  REQUIRE(table.row_count == 2);
  CHECK(table.key().int_at(0) == 1);
  CHECK(table.key().int_at(1) == 5);
  const Column& name = column(table, "name");
  CHECK(name.dictionary == std::vector<std::string>{"ann", "eve"});  // rejected rows' strings are gone
  CHECK(string_at(name, 1) == "eve");
  CHECK(column(table, "age").int_at(0) == 30);
  CHECK_FALSE(column(table, "age").present.test(1));

  REQUIRE(result.rejected.size() == 5);
  CHECK(result.rejected[0].line == 3);
  CHECK(result.rejected[0].record == "2,bob,x,gold");
  CHECK(result.rejected[0].reason.field == "age");
  CHECK(result.rejected[0].reason.column == 7);
  CHECK(result.rejected[1].reason.message == "this row has 5 fields but the header has 4");
  CHECK(result.rejected[2].record == "1,dup,50,silver");
  CHECK(result.rejected[2].reason.message == "duplicate key 1: first on line 2");
  CHECK(result.rejected[3].reason.field == "id");
  CHECK(result.rejected[4].line == 7);
  CHECK(result.rejected[4].record == "4,\"multi\nline\",20,tin");
  CHECK(result.rejected[4].reason.line == 8);
  CHECK(result.rejected[4].reason.field == "tier");
}

TEST_CASE("csv skip mode keeps only the first reason of a row", "[csv]") {
  const auto result = load("id,age,vip\n1,x,maybe\n", skipping());
  REQUIRE(result.rejected.size() == 1);
  CHECK(result.rejected[0].reason.field == "age");
  CHECK(result.table.row_count == 0);
}

TEST_CASE("csv skip mode rejects a row with an unterminated quote", "[csv]") {
  const auto result = load("id,name\n1,a\n2,\"open\n3,c\n", skipping());
  REQUIRE(result.table.row_count == 1);
  REQUIRE(result.rejected.size() == 1);
  CHECK(result.rejected[0].line == 3);
  CHECK(result.rejected[0].record == "2,\"open\n3,c\n");
}

TEST_CASE("csv header problems are errors even in skip mode", "[csv]") {
  const auto result = load("id,nmae\n1,a\n", skipping());
  CHECK(result.error_count == 1);
  CHECK(result.rejected.empty());
  CHECK(result.table.row_count == 0);
}

TEST_CASE("csv rejects file lists line column field error and the raw record", "[csv]") {
  const auto result = load("id,name,age\n1,\"a, \"\"b\"\"\",x\n2,ok,3\n3,\"two\nlines\",y\n", skipping());
  REQUIRE(result.rejected.size() == 2);
  CHECK(render_rejects(result.rejected) ==
        "line,column,field,error,record\n"
        "2,14,age,\"expected an int, e.g. 42\",\"1,\"\"a, \"\"\"\"b\"\"\"\"\"\",x\"\n"
        "4,8,age,\"expected an int, e.g. 42\",\"3,\"\"two\nlines\"\",y\"\n");
}

TEST_CASE("csv rejects file of no rows has only the header", "[csv]") {
  CHECK(render_rejects({}) == "line,column,field,error,record\n");
}
