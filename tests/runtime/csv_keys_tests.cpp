// KeyLines gives every repeated key the line it was first recorded on,
// while keys ascend (kept as differences from their index) and after the
// first key out of order moves them into the table.
#include <catch2/catch.hpp>

#include <cstdint>
#include <map>
#include <random>
#include <vector>

#include "runtime/csv_keys.h"

using segc::runtime::csv::KeyLines;

namespace {

// Inserts `keys` on lines that mostly follow each other, with jumps, and
// checks each answer against a map.
void check_lines(const std::vector<int64_t>& keys) {
  KeyLines lines;
  lines.reserve(keys.size());
  std::map<int64_t, size_t> first;
  size_t line = 1;
  for (size_t i = 0; i < keys.size(); ++i) {
    line += i % 5 == 4 ? 1000 : 1;
    INFO("key " << i << ": " << keys[i] << " on line " << line);
    const auto [at, added] = first.emplace(keys[i], line);
    CHECK(lines.insert_int(keys[i], line) == (added ? 0 : at->second));
  }
  std::map<int64_t, size_t> visited;
  lines.for_each_int([&](int64_t key, size_t key_line) { visited.emplace(key, key_line); });
  CHECK(visited == first);
}

}  // namespace

TEST_CASE("key lines find repeats among ascending keys and after the first out of order", "[csv]") {
  std::vector<int64_t> keys{INT64_MIN, -5, 0, 1, 2, 300, 70000, INT64_MAX - 1};
  check_lines(keys);  // ascending throughout
  KeyLines ascending;
  for (size_t i = 0; i < keys.size(); ++i) ascending.insert_int(keys[i], i + 2);
  CHECK(ascending.ascending());
  CHECK(ascending.first_key() == INT64_MIN);
  CHECK(ascending.last_key() == INT64_MAX - 1);

  keys.push_back(300);  // out of order and a repeat
  keys.push_back(INT64_MAX);
  keys.push_back(INT64_MIN);
  check_lines(keys);

  std::mt19937 random(31);
  std::vector<int64_t> mixed;
  for (int64_t id = 1; id <= 5000; ++id) mixed.push_back(id * 3);
  for (int i = 0; i < 3000; ++i) mixed.push_back(static_cast<int64_t>(random() % 20000));
  check_lines(mixed);
}
