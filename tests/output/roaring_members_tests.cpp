// Member bitmaps written as Roaring bytes: read back with CRoaring, they hold
// exactly the members' keys, whatever the key order, density or range; the
// 32-bit bytes are the ones CRoaring itself writes for those keys.
#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <numeric>
#include <random>

#include "output/member_keys.h"
#include "tests/output/key_table.h"
#include "output/roaring_members.h"
#include "output/roaring_test_support.h"

namespace segc::output {
namespace {

runtime::Bitmap rows_where(size_t rows, const std::function<bool(size_t)>& member) {
  runtime::Bitmap bits(rows);
  for (size_t row = 0; row < rows; ++row) bits.set(row, member(row));
  return bits;
}

template <typename Key>
std::vector<Key> expected_keys(const std::vector<int64_t>& keys, const runtime::Bitmap& members) {
  std::vector<Key> result;
  for (size_t row = 0; row < keys.size(); ++row) {
    if (members.test(row)) result.push_back(static_cast<Key>(keys[row]));
  }
  std::sort(result.begin(), result.end());
  return result;
}

// Member sets that reach every container kind and every edge of the words.
std::vector<runtime::Bitmap> member_sets(size_t rows) {
  std::mt19937_64 random(7);
  return {
      rows_where(rows, [](size_t) { return false; }),
      rows_where(rows, [](size_t) { return true; }),
      rows_where(rows, [&](size_t row) {
        return row % 64 == 0 || row % 64 == 63 || row == rows - 1 || row % 65536 == 65535;
      }),
      rows_where(rows, [](size_t row) { return row % 3 == 0; }),    // bitset containers
      rows_where(rows, [](size_t row) { return row % 101 == 5; }),  // array containers
      rows_where(rows, [](size_t row) { return row / 1000 % 2 == 0; }),  // runs
      rows_where(rows, [&](size_t) { return random() % 5 == 0; }),
  };
}

void check_all_member_sets(const std::vector<int64_t>& keys, RoaringWidth width) {
  const runtime::Table table = tests::table_with_keys(keys);
  REQUIRE(roaring_key_range_problem(table, width).empty());
  const KeyOrder order(table);
  const RoaringMembers bitmaps(table, order, width);
  for (const runtime::Bitmap& members : member_sets(keys.size())) {
    const std::string bytes = bitmaps.serialize(members);
    if (width == RoaringWidth::Bits32) {
      const std::vector<uint32_t> want = expected_keys<uint32_t>(keys, members);
      CHECK(tests::read_roaring32(bytes) == want);
      CHECK(bytes == tests::croaring_bytes(want));
    } else {
      CHECK(tests::read_roaring64(bytes) == expected_keys<uint64_t>(keys, members));
    }
  }
}

std::vector<int64_t> consecutive(int64_t first, size_t count) {
  std::vector<int64_t> keys(count);
  std::iota(keys.begin(), keys.end(), first);
  return keys;
}

std::vector<int64_t> shuffled(std::vector<int64_t> keys) {
  std::mt19937_64 random(11);
  std::shuffle(keys.begin(), keys.end(), random);
  return keys;
}

}  // namespace

TEST_CASE("roaring: consecutive keys in row order, over several containers", "[output][roaring]") {
  check_all_member_sets(consecutive(1, 200000), RoaringWidth::Bits32);
  check_all_member_sets(consecutive(0, 131072), RoaringWidth::Bits32);
  check_all_member_sets(consecutive(65530, 70000), RoaringWidth::Bits32);
  check_all_member_sets(consecutive(4294967295LL - 69999, 70000), RoaringWidth::Bits32);
}

TEST_CASE("roaring: keys ascending with gaps", "[output][roaring]") {
  std::vector<int64_t> keys(150000);
  for (size_t row = 0; row < keys.size(); ++row) keys[row] = 3 * static_cast<int64_t>(row) + 7;
  check_all_member_sets(keys, RoaringWidth::Bits32);
}

TEST_CASE("roaring: keys not in row order", "[output][roaring]") {
  check_all_member_sets(shuffled(consecutive(5, 140000)), RoaringWidth::Bits32);
  std::vector<int64_t> sparse(100000);
  for (size_t row = 0; row < sparse.size(); ++row) sparse[row] = 40000 * static_cast<int64_t>(row);
  check_all_member_sets(shuffled(sparse), RoaringWidth::Bits32);
}

TEST_CASE("roaring: tiny tables", "[output][roaring]") {
  check_all_member_sets({42}, RoaringWidth::Bits32);
  check_all_member_sets({9, 3, 5}, RoaringWidth::Bits32);
  check_all_member_sets({}, RoaringWidth::Bits32);
  check_all_member_sets({}, RoaringWidth::Bits64);
}

TEST_CASE("roaring64: keys across and far beyond 2^32", "[output][roaring]") {
  check_all_member_sets(consecutive((int64_t{1} << 32) - 70000, 140000), RoaringWidth::Bits64);
  check_all_member_sets(shuffled(consecutive((int64_t{1} << 40) + 3, 70000)),
                        RoaringWidth::Bits64);
  std::vector<int64_t> spread(50000);
  for (size_t row = 0; row < spread.size(); ++row) {
    spread[row] = static_cast<int64_t>(row) * 184467440737095LL;  // up to ~2^63
  }
  check_all_member_sets(shuffled(spread), RoaringWidth::Bits64);
  check_all_member_sets(consecutive(1, 1000), RoaringWidth::Bits64);
}

TEST_CASE("roaring: a whole segment becomes a few bytes of runs", "[output][roaring]") {
  const runtime::Table table = tests::table_with_keys(consecutive(1, 1000000));
  const KeyOrder order(table);
  const RoaringMembers bitmaps(table, order, RoaringWidth::Bits32);
  // 16 containers of one run each, instead of 16 bitsets of 8 KiB.
  CHECK(bitmaps.serialize(runtime::Bitmap(1000000, true)).size() < 300);
}

TEST_CASE("roaring: keys that do not fit are reported", "[output][roaring]") {
  const runtime::Table negative = tests::table_with_keys({3, -2, 7});
  CHECK_THAT(roaring_key_range_problem(negative, RoaringWidth::Bits32),
             Catch::Contains("'id' has negative values (the smallest is -2)"));
  CHECK_THAT(roaring_key_range_problem(negative, RoaringWidth::Bits64),
             Catch::Contains("--out-format keys"));
  const runtime::Table large = tests::table_with_keys({1, 4294967296LL});
  CHECK_THAT(roaring_key_range_problem(large, RoaringWidth::Bits32),
             Catch::Contains("--out-format roaring64"));
  CHECK(roaring_key_range_problem(large, RoaringWidth::Bits64).empty());
  CHECK(roaring_key_range_problem(tests::table_with_keys({0, 4294967295LL}), RoaringWidth::Bits32)
            .empty());

  runtime::TableSchema strings;
  strings.columns.push_back({"email", runtime::ColumnKind::String, 0, {}, true});
  CHECK_THAT(roaring_schema_problem(strings),
             Catch::Contains("the key 'email' is not an int") &&
                 Catch::Contains("--out-format keys"));
}

}  // namespace segc::output
