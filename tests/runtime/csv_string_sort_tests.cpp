// The radix sort of dictionary strings against std::sort, on strings built
// to hit its corners: long shared prefixes (past the sixteen bytes a key
// holds, and past thirty-two), NUL bytes that look like a key's padding,
// strings that are prefixes of others, duplicates, and bytes above 0x7F.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "runtime/column_dictionary.h"
#include "runtime/csv_string_sort.h"

using namespace segc::runtime;
using namespace segc::runtime::csv;

namespace {

std::vector<std::string> tricky_strings(size_t count, std::mt19937& random) {
  static const std::string alphabet("ab\0\x7F\x80\xFFz", 7);
  const std::vector<std::string> prefixes = {"", "kirillvolkova636", "kirillvolkova636@mail.r",
                                             std::string(40, 'x'), std::string(15, 'p'), "+7909"};
  std::vector<std::string> strings;
  for (size_t i = 0; i < count; ++i) {
    std::string text = prefixes[random() % prefixes.size()];
    const size_t extra = random() % 24;
    for (size_t k = 0; k < extra; ++k) text.push_back(alphabet[random() % alphabet.size()]);
    strings.push_back(text);
    if (random() % 5 == 0) strings.push_back(text);  // a duplicate
  }
  return strings;
}

}  // namespace

TEST_CASE("radix sort of dictionary strings agrees with std::sort", "[csv]") {
  std::mt19937 random(7);
  for (size_t count : {0, 1, 2, 47, 48, 300, 5000, 20000, 70000}) {
    const std::vector<std::string> strings = tricky_strings(count, random);
    const std::vector<std::string_view> views(strings.begin(), strings.end());
    std::vector<StringSortKey> keys;
    for (uint32_t code = 0; code < views.size(); ++code) keys.push_back(string_sort_key(views[code], code));
    sort_string_keys(keys, views);

    std::vector<std::string> expected = strings;
    std::sort(expected.begin(), expected.end());
    std::vector<std::string> got;
    for (const StringSortKey& key : keys) got.push_back(strings[key.code]);
    INFO(count);
    REQUIRE(got == expected);
    // Neighbours are the same string exactly when same_string says so.
    for (size_t i = 1; i < keys.size(); ++i) {
      REQUIRE(same_string(keys[i - 1], keys[i], views) == (got[i - 1] == got[i]));
    }
  }
}

TEST_CASE("a dictionary sorted by radix gives each distinct string one code in order", "[csv]") {
  std::mt19937 random(11);
  const std::vector<std::string> strings = tricky_strings(3000, random);
  StringDictionary dictionary;
  dictionary.stop_hashing();  // every string a code of its own: duplicates merge in sorted()
  std::vector<uint32_t> loading;
  for (const std::string& text : strings) loading.push_back(dictionary.code_of(text, true));
  std::vector<uint8_t> used(dictionary.size(), 1);
  used[0] = 0;  // a rejected row's string stays out
  std::vector<uint32_t> remap;
  const Dictionary sorted = dictionary.sorted(used, remap);

  std::vector<std::string> expected(strings.begin() + 1, strings.end());
  std::sort(expected.begin(), expected.end());
  expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
  REQUIRE(sorted.to_vector() == expected);
  for (size_t i = 1; i < strings.size(); ++i) REQUIRE(sorted[remap[loading[i]]] == strings[i]);
}

TEST_CASE("same_bytes tells strings apart at every position and length", "[csv]") {
  for (size_t size = 0; size <= 40; ++size) {
    const std::string a(size, 'q');
    CHECK(same_bytes(a, std::string(size, 'q')));
    CHECK_FALSE(same_bytes(a, a + "q"));
    for (size_t at = 0; at < size; ++at) {
      std::string b = a;
      b[at] = '\0';
      INFO(size << " " << at);
      REQUIRE_FALSE(same_bytes(a, b));
    }
  }
}

TEST_CASE("same_string tells a 16-byte string from one whose key words were refilled", "[csv]") {
  // P and the strings after it share sixteen bytes, so their words get bytes
  // 16..31: zeros for P itself, like the words of sixteen NULs, its
  // neighbour. Equal keys, different strings.
  const std::string p = "\x01" + std::string(15, 'a');
  std::vector<std::string> strings = {std::string(16, '\0'), p};
  for (int i = 0; i < 60; ++i) strings.push_back(p + std::to_string(i));
  const std::vector<std::string_view> views(strings.begin(), strings.end());
  std::vector<StringSortKey> keys;
  for (uint32_t code = 0; code < views.size(); ++code) keys.push_back(string_sort_key(views[code], code));
  sort_string_keys(keys, views);
  REQUIRE(views[keys[0].code] == views[0]);
  REQUIRE(views[keys[1].code] == p);
  CHECK_FALSE(same_string(keys[0], keys[1], views));
}
