// Loading bits keep every pushed bit, in the Bitmap layout, through
// truncation and joins at any bit offset.
#include <catch2/catch.hpp>

#include <random>
#include <vector>

#include "runtime/loading_bits.h"

using segc::runtime::Bitmap;
using segc::runtime::LoadingBits;

namespace {

LoadingBits bits_of(const std::vector<bool>& flags) {
  LoadingBits bits;
  for (bool flag : flags) bits.push_back(flag);
  return bits;
}

Bitmap bitmap_of(const std::vector<bool>& flags) {
  Bitmap bitmap(flags.size());
  for (size_t i = 0; i < flags.size(); ++i) bitmap.set(i, flags[i]);
  return bitmap;
}

std::vector<bool> random_flags(std::mt19937& random, size_t count) {
  std::vector<bool> flags;
  for (size_t i = 0; i < count; ++i) flags.push_back(random() % 3 != 0);
  return flags;
}

}  // namespace

TEST_CASE("loading bits hold what was pushed and become the same bitmap", "[csv]") {
  std::mt19937 random(21);
  for (size_t count : {size_t{0}, size_t{1}, size_t{63}, size_t{64}, size_t{65}, size_t{200}}) {
    INFO("count " << count);
    const std::vector<bool> flags = random_flags(random, count);
    LoadingBits bits = bits_of(flags);
    REQUIRE(bits.size() == count);
    for (size_t i = 0; i < count; ++i) CHECK(bits[i] == flags[i]);
    CHECK(bits.take_bitmap() == bitmap_of(flags));
    CHECK(bits.size() == 0);
  }
}

TEST_CASE("loading bits truncate and join at every offset", "[csv]") {
  std::mt19937 random(22);
  for (size_t first_count : {size_t{0}, size_t{5}, size_t{64}, size_t{100}, size_t{127}}) {
    for (size_t second_count : {size_t{0}, size_t{1}, size_t{63}, size_t{64}, size_t{130}}) {
      INFO("first " << first_count << ", second " << second_count);
      std::vector<bool> first = random_flags(random, first_count + 7);
      const std::vector<bool> second = random_flags(random, second_count);
      LoadingBits bits = bits_of(first);
      bits.truncate(first_count);  // the dropped bits must not come back
      first.resize(first_count);
      bits.append(bits_of(second));
      std::vector<bool> joined = first;
      joined.insert(joined.end(), second.begin(), second.end());
      CHECK(bits.size() == joined.size());
      CHECK(bits.take_bitmap() == bitmap_of(joined));
    }
  }
}
