// Loading ints (and codes) stay in the narrowest of 8, 16, 32 and 64 bits
// (8, 16 and 32) that holds every value so far, and keep every value
// exactly, whichever way the parts are joined.
#include <catch2/catch.hpp>

#include <cstdint>
#include <type_traits>
#include <vector>

#include "runtime/widening_vector.h"

using segc::runtime::LoadingInts;

namespace {

std::vector<int64_t> values_of(const LoadingInts& ints) {
  std::vector<int64_t> values;
  for (size_t i = 0; i < ints.size(); ++i) values.push_back(ints[i]);
  return values;
}

// Bytes per value of the vector the values are held in.
size_t width_of(const LoadingInts& ints) {
  size_t width = 0;
  ints.visit([&](const auto& values) { width = sizeof(typename std::decay_t<decltype(values)>::value_type); });
  return width;
}

}  // namespace

TEST_CASE("loading ints widen at the first value beyond their width", "[csv]") {
  LoadingInts ints;
  ints.reserve(8);
  ints.push_back(INT8_MAX);
  ints.push_back(INT8_MIN);
  CHECK(width_of(ints) == 1);
  ints.push_back(INT8_MIN - 1);
  CHECK(width_of(ints) == 2);
  ints.push_back(INT16_MAX);
  CHECK(width_of(ints) == 2);
  ints.push_back(INT16_MAX + 1);
  CHECK(width_of(ints) == 4);
  ints.push_back(INT32_MIN);
  CHECK(width_of(ints) == 4);
  ints.push_back(int64_t{INT32_MAX} + 1);
  CHECK(width_of(ints) == 8);
  ints.push_back(-5);
  CHECK(values_of(ints) == std::vector<int64_t>{INT8_MAX, INT8_MIN, INT8_MIN - 1, INT16_MAX, INT16_MAX + 1, INT32_MIN,
                                                int64_t{INT32_MAX} + 1, -5});
  CHECK(ints.back() == -5);
  ints.truncate(2);
  CHECK(values_of(ints) == std::vector<int64_t>{INT8_MAX, INT8_MIN});
}

TEST_CASE("loading ints jump straight to the width a value needs", "[csv]") {
  LoadingInts ints;
  ints.push_back(3);
  ints.push_back(INT64_MIN);
  CHECK(width_of(ints) == 8);
  CHECK(values_of(ints) == std::vector<int64_t>{3, INT64_MIN});
}

TEST_CASE("loading ints join parts of every width", "[csv]") {
  const std::vector<int64_t> widest{0, INT8_MIN - 1, INT16_MIN - 1, int64_t{INT32_MIN} - 1};
  for (size_t first_width = 0; first_width < widest.size(); ++first_width) {
    for (size_t second_width = 0; second_width < widest.size(); ++second_width) {
      LoadingInts first;
      LoadingInts second;
      first.push_back(1);
      first.push_back(widest[first_width]);
      second.push_back(2);
      second.push_back(widest[second_width]);
      std::vector<int64_t> expected = values_of(first);
      for (int64_t value : values_of(second)) expected.push_back(value);
      first.append(second);
      CHECK(values_of(first) == expected);
      CHECK(width_of(first) == (size_t{1} << std::max(first_width, second_width)));
    }
  }
}

TEST_CASE("loading codes widen past 255 and 65535 and keep their values", "[csv]") {
  segc::runtime::LoadingCodes codes;
  codes.push_back(255);
  CHECK(sizeof(decltype(codes)::Widest) == 4);
  size_t width = 0;
  const auto width_of_codes = [&] {
    codes.visit([&](const auto& values) { width = sizeof(typename std::decay_t<decltype(values)>::value_type); });
    return width;
  };
  CHECK(width_of_codes() == 1);
  codes.push_back(256);
  CHECK(width_of_codes() == 2);
  codes.push_back(65536);
  CHECK(width_of_codes() == 4);
  codes.push_back(UINT32_MAX);
  CHECK(codes.size() == 4);
  CHECK(codes[0] == 255);
  CHECK(codes[1] == 256);
  CHECK(codes[2] == 65536);
  CHECK(codes.back() == UINT32_MAX);
}
