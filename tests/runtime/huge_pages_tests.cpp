// advise_huge_pages is advice only: whatever the kernel does with it, the
// arrays it is given hold exactly what is written to them.
#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "runtime/huge_pages.h"

using namespace segc::runtime;

TEST_CASE("huge-page advice keeps a large array's contents and capacity", "[runtime]") {
  std::vector<uint64_t> values;
  const size_t count = size_t{3} << 20;  // 24 MiB: several whole huge pages
  reserve_huge(values, count);
  CHECK(values.capacity() >= count);
  CHECK(values.empty());
  for (size_t i = 0; i < count; ++i) values.push_back(i * 7);
  bool intact = true;
  for (size_t i = 0; i < count; ++i) intact = intact && values[i] == i * 7;
  CHECK(intact);
}

TEST_CASE("huge-page advice ignores small, empty and unaligned ranges", "[runtime]") {
  advise_huge_pages(nullptr, size_t{64} << 20);
  std::vector<char> small(1000, 'x');
  advise_huge_pages(small.data(), small.size());
  advise_huge_pages(small.data() + 1, 0);
  CHECK(small == std::vector<char>(1000, 'x'));
  std::vector<char> grown{'a'};
  reserve_huge(grown, size_t{5} << 20);  // an element already there survives the move
  CHECK(grown == std::vector<char>{'a'});
}
