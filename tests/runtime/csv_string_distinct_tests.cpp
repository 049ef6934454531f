// Merging the equal strings of a dictionary that stopped hashing before its
// sort (csv::number_distinct), on strings built to trip a merge that
// compares too little: many repeats of long strings sharing their first 16
// and 32 bytes, strings equal except for their length or one late byte, NUL
// bytes, empty strings, and strings only in rejected rows.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "runtime/column_dictionary.h"
#include "runtime/csv_string_distinct.h"

using namespace segc::runtime;
using namespace segc::runtime::csv;

namespace {

// `count` strings drawn from `pool` distinct ones: past the first few
// hundred, nearly every string repeats an earlier one.
std::vector<std::string> repeating_strings(size_t count, size_t pool, std::mt19937& random) {
  const std::vector<std::string> prefixes = {"", "kirillvolkova636@", std::string(16, 'p'), std::string(32, 'q'),
                                             std::string(31, 'q') + '\0', "+7909"};
  std::vector<std::string> distinct;
  for (size_t i = 0; i < pool; ++i) {
    std::string text = prefixes[i % prefixes.size()];
    text += std::to_string(i / prefixes.size() % 97);
    text.append(i / prefixes.size() / 97 % 3, '\0');  // equal but for their length
    if (i % 7 == 0) text += std::string(20, 'z') + char('a' + i % 5);  // differ only past 36 bytes
    distinct.push_back(text);
  }
  distinct.push_back("");
  std::vector<std::string> strings;
  for (size_t i = 0; i < count; ++i) strings.push_back(distinct[random() % distinct.size()]);
  return strings;
}

std::vector<std::string_view> views_of(const std::vector<std::string>& strings) {
  return std::vector<std::string_view>(strings.begin(), strings.end());
}

// number_distinct gives each used string the index of its first appearance
// among the used ones.
void check_numbering(const std::vector<std::string>& strings, const std::vector<uint8_t>& used) {
  const std::optional<DistinctStrings> distinct = number_distinct(views_of(strings), used);
  REQUIRE(distinct);
  REQUIRE(distinct->index.size() == strings.size());
  std::map<std::string, uint32_t> first_seen;
  std::vector<std::string_view> values;
  std::vector<uint32_t> index;
  for (size_t code = 0; code < strings.size(); ++code) {
    if (!used[code]) {
      index.push_back(0);
      continue;
    }
    const auto [at, added] = first_seen.emplace(strings[code], static_cast<uint32_t>(first_seen.size()));
    if (added) values.push_back(strings[code]);
    index.push_back(at->second);
  }
  CHECK(distinct->values == values);
  CHECK(distinct->index == index);
}

}  // namespace

TEST_CASE("number_distinct gives equal strings one index, in order of first appearance", "[csv]") {
  std::mt19937 random(11);
  const std::vector<std::string> strings = repeating_strings(2 * kDistinctProbe + 5, 5000, random);
  std::vector<uint8_t> used(strings.size(), 1);
  for (size_t code = 3; code < used.size(); code += 10) used[code] = 0;
  check_numbering(strings, used);
}

TEST_CASE("number_distinct grows its table when later strings are new", "[csv]") {
  // The probe sees 50 distinct strings, so the table starts small; then
  // every string is new.
  std::mt19937 random(12);
  std::vector<std::string> strings = repeating_strings(kDistinctProbe, 50, random);
  for (size_t i = 0; i < 3 * kDistinctProbe; ++i) strings.push_back("late" + std::to_string(i));
  check_numbering(strings, std::vector<uint8_t>(strings.size(), 1));
}

TEST_CASE("number_distinct leaves mostly distinct strings to the sort", "[csv]") {
  std::vector<std::string> strings;
  for (size_t i = 0; i < kDistinctProbe + 100; ++i) strings.push_back("+7909" + std::to_string(i % (kDistinctProbe - 1)));
  CHECK_FALSE(number_distinct(views_of(strings), std::vector<uint8_t>(strings.size(), 1)));
}

TEST_CASE("dictionary that stopped hashing sorts and codes repeated strings like one that hashed", "[csv]") {
  std::mt19937 random(5);
  // The last pool is mostly distinct: sorted() merges them itself.
  for (size_t pool : {size_t{40}, size_t{3000}, size_t{60000}, size_t{400000}}) {
    const std::vector<std::string> strings = repeating_strings(kDistinctProbe + 30000, pool, random);
    StringDictionary appended;
    appended.stop_hashing();
    for (const std::string& text : strings) appended.code_of(text, true);
    std::vector<uint8_t> used(strings.size(), 1);
    used[1] = used[77] = 0;
    const std::string rejected_only(40, 'r');
    std::vector<std::string> all = strings;
    all.push_back(rejected_only);
    appended.code_of(all.back(), true);
    used.push_back(0);

    std::vector<std::string> expected;
    for (size_t code = 0; code < strings.size(); ++code) {
      if (used[code]) expected.push_back(strings[code]);
    }
    std::sort(expected.begin(), expected.end());
    expected.erase(std::unique(expected.begin(), expected.end()), expected.end());

    std::vector<uint32_t> remap;
    const Dictionary sorted = appended.sorted(used, remap);
    CHECK(sorted.to_vector() == expected);
    std::vector<uint32_t> expected_remap;
    for (size_t code = 0; code < all.size(); ++code) {
      const auto at = std::lower_bound(expected.begin(), expected.end(), all[code]);
      expected_remap.push_back(used[code] ? static_cast<uint32_t>(at - expected.begin()) : 0);
    }
    CHECK(remap == expected_remap);
  }
}
