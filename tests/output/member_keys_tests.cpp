// Member lists as text: ascending keys whether or not the rows were sorted.
#include <catch2/catch.hpp>

#include "output/member_keys.h"

namespace segc::output {
namespace {

runtime::Table int_keys(const std::vector<int64_t>& keys) {
  runtime::Table table;
  table.schema.columns.push_back({"id", runtime::ColumnKind::Int, 0, {}, true});
  table.row_count = keys.size();
  runtime::Column key;
  key.spec = table.schema.columns[0];
  key.present = runtime::Bitmap(keys.size(), true);
  runtime::store_ints(key, keys);
  table.columns.push_back(std::move(key));
  return table;
}

runtime::Bitmap bits(std::initializer_list<bool> values) {
  runtime::Bitmap result;
  for (bool value : values) result.push_back(value);
  return result;
}

}  // namespace

TEST_CASE("keys: rows in key order are walked without a permutation", "[output]") {
  const runtime::Table table = int_keys({-5, 2, 10, 300});
  const KeyOrder order(table);
  CHECK(order.rows_ascending());
  CHECK(order.keys_text(bits({true, false, true, true})) == "-5\n10\n300\n");
  CHECK(order.keys_text(bits({false, false, false, false})).empty());
}

TEST_CASE("keys: rows out of key order are sorted", "[output]") {
  const runtime::Table table = int_keys({10, -5, 300, 2});
  const KeyOrder order(table);
  CHECK_FALSE(order.rows_ascending());
  CHECK(order.row_at_rank(0) == 1);
  CHECK(order.row_at_rank(3) == 2);
  CHECK(order.keys_text(bits({true, true, false, true})) == "-5\n2\n10\n");
}

}  // namespace segc::output
