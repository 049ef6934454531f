// Loading ints stay 32 bits wide until a value needs 64, then keep every
// value exactly, whichever way the parts are joined.
#include <catch2/catch.hpp>

#include <cstdint>
#include <type_traits>
#include <vector>

#include "runtime/loading_ints.h"

using segc::runtime::LoadingInts;

namespace {

std::vector<int64_t> values_of(const LoadingInts& ints) {
  std::vector<int64_t> values;
  for (size_t i = 0; i < ints.size(); ++i) values.push_back(ints[i]);
  return values;
}

bool is_wide(const LoadingInts& ints) {
  bool wide = false;
  ints.visit([&](const auto& values) { wide = std::is_same_v<typename std::decay_t<decltype(values)>::value_type, int64_t>; });
  return wide;
}

}  // namespace

TEST_CASE("loading ints widen at the first value beyond 32 bits", "[csv]") {
  LoadingInts ints;
  ints.reserve(8);
  ints.push_back(INT32_MAX);
  ints.push_back(INT32_MIN);
  CHECK_FALSE(is_wide(ints));
  ints.push_back(int64_t{INT32_MAX} + 1);
  CHECK(is_wide(ints));
  ints.push_back(-5);
  CHECK(values_of(ints) == std::vector<int64_t>{INT32_MAX, INT32_MIN, int64_t{INT32_MAX} + 1, -5});
  CHECK(ints.back() == -5);
  ints.truncate(2);
  CHECK(values_of(ints) == std::vector<int64_t>{INT32_MAX, INT32_MIN});
}

TEST_CASE("loading ints join narrow and wide parts", "[csv]") {
  for (int first_wide = 0; first_wide < 2; ++first_wide) {
    for (int second_wide = 0; second_wide < 2; ++second_wide) {
      LoadingInts first;
      LoadingInts second;
      first.push_back(1);
      if (first_wide) first.push_back(INT64_MIN);
      second.push_back(2);
      if (second_wide) second.push_back(INT64_MAX);
      std::vector<int64_t> expected = values_of(first);
      for (int64_t value : values_of(second)) expected.push_back(value);
      first.append(second);
      CHECK(values_of(first) == expected);
      CHECK(is_wide(first) == (first_wide || second_wide));
    }
  }
}
