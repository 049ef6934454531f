// Member lists as text: ascending keys whether or not the rows were sorted.
#include <catch2/catch.hpp>

#include "output/member_keys.h"
#include "tests/output/key_table.h"

namespace segc::output {
namespace {

runtime::Bitmap bits(std::initializer_list<bool> values) {
  runtime::Bitmap result;
  for (bool value : values) result.push_back(value);
  return result;
}

}  // namespace

TEST_CASE("keys: rows in key order are walked without a permutation", "[output]") {
  const runtime::Table table = tests::table_with_keys({-5, 2, 10, 300});
  const KeyOrder order(table);
  CHECK(order.rows_ascending());
  CHECK(order.keys_text(bits({true, false, true, true})) == "-5\n10\n300\n");
  CHECK(order.keys_text(bits({false, false, false, false})).empty());
}

TEST_CASE("keys: rows out of key order are sorted", "[output]") {
  const runtime::Table table = tests::table_with_keys({10, -5, 300, 2});
  const KeyOrder order(table);
  CHECK_FALSE(order.rows_ascending());
  CHECK(order.row_at_rank(0) == 1);
  CHECK(order.row_at_rank(3) == 2);
  CHECK(order.keys_text(bits({true, true, false, true})) == "-5\n2\n10\n");
}

}  // namespace segc::output
