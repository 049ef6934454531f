// Columns built from values follow runtime/table.h exactly, and values show
// as users read them.
#include <catch2/catch.hpp>

#include "evaluate/given_table.h"

namespace {

using namespace segc::evaluate;
using segc::runtime::ColumnKind;
using segc::runtime::ColumnSpec;

// (The name stays empty: GCC 12 reports a false -Wrestrict for assigning a
// short literal to it here.)
ColumnSpec spec(ColumnKind kind) {
  ColumnSpec result;
  result.kind = kind;
  return result;
}

}  // namespace

TEST_CASE("int columns are packed narrow, missing rows hold 0", "[interpreter]") {
  const auto column = column_from_values(spec(ColumnKind::Int), {int64_t{5}, Missing{}, int64_t{-300}});
  CHECK(column.width == 2);
  CHECK(column.present.test(0));
  CHECK_FALSE(column.present.test(1));
  CHECK(column.int_at(0) == 5);
  CHECK(column.int_at(1) == 0);
  CHECK(column.int_at(2) == -300);
  CHECK(column.min == -300);
  CHECK(column.max == 5);
}

TEST_CASE("string columns use a sorted dictionary", "[interpreter]") {
  const auto column = column_from_values(
      spec(ColumnKind::String), {std::string("Москва"), std::string("Kazan"), Missing{},
                                 std::string("Москва")});
  REQUIRE(column.dictionary == std::vector<std::string>{"Kazan", "Москва"});
  CHECK(column.code_at(0) == 1);
  CHECK(column.code_at(1) == 0);
  CHECK(column.code_at(2) == 0);
  CHECK_FALSE(column.present.test(2));
  CHECK(column.width == 1);
}

TEST_CASE("set columns distinguish empty from missing", "[interpreter]") {
  const auto column = column_from_values(
      spec(ColumnKind::StringSet),
      {SetValue{{"cats", "dogs"}}, SetValue{}, Missing{}, SetValue{{"ants"}}});
  REQUIRE(column.dictionary == std::vector<std::string>{"ants", "cats", "dogs"});
  CHECK(column.set_offsets == std::vector<uint32_t>{0, 2, 2, 2, 3});
  CHECK(column.set_codes == std::vector<uint32_t>{1, 2, 0});
  CHECK(column.present.test(1));
  CHECK_FALSE(column.present.test(2));
}

TEST_CASE("bool and float columns", "[interpreter]") {
  const auto bools = column_from_values(spec(ColumnKind::Bool), {true, Missing{}, false});
  CHECK(bools.bools.test(0));
  CHECK_FALSE(bools.bools.test(1));
  CHECK_FALSE(bools.present.test(1));
  const auto floats = column_from_values(spec(ColumnKind::Float), {0.5, Missing{}});
  CHECK(floats.floats == std::vector<double>{0.5, 0.0});
}

TEST_CASE("values show as users write them", "[interpreter]") {
  CHECK(show_value(Missing{}) == "missing");
  CHECK(show_value(true) == "true");
  CHECK(show_value(int64_t{-42}) == "-42");
  CHECK(show_value(DecimalValue{1250, 2}) == "12.50");
  CHECK(show_value(DecimalValue{-5, 2}) == "-0.05");
  CHECK(show_value(DecimalValue{INT64_MIN, 18}) == "-9.223372036854775808");
  CHECK(show_value(0.1) == "0.1");
  CHECK(show_value(std::string("Москва")) == "\"Москва\"");
  CHECK(show_value(DateValue{0}) == "1970-01-01");
  CHECK(show_value(SetValue{{"a", "b"}}) == "[\"a\", \"b\"]");
}
