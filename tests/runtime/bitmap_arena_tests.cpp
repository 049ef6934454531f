// Bitmaps from one arena (runtime/bitmap_arena.h) are separate values: each
// starts zero, writes to one never show in another or in a copy, and they
// outlive the vector that made them.
#include <catch2/catch.hpp>

#include "runtime/bitmap_arena.h"

using segc::runtime::Bitmap;
using segc::runtime::zeroed_bitmaps;

TEST_CASE("arena bitmaps start zero and are written in place, each on its own words", "[runtime]") {
  for (size_t bits : {size_t{1}, size_t{63}, size_t{64}, size_t{1000}, size_t{5'000'001}}) {
    INFO(bits << " bits");
    std::vector<Bitmap> bitmaps = zeroed_bitmaps(3, bits, 0);
    REQUIRE(bitmaps.size() == 3);
    for (const Bitmap& bitmap : bitmaps) {
      CHECK(bitmap.size() == bits);
      CHECK(bitmap.count() == 0);
    }
    uint64_t* words = bitmaps[1].words();
    CHECK(words == bitmaps[1].words());  // in place, no copy on write
    CHECK(words == bitmaps[0].words() + (bitmaps[0].word_count() + 7) / 8 * 8);  // one arena
    for (size_t w = 0; w < bitmaps[1].word_count(); ++w) words[w] = ~uint64_t{0};
    bitmaps[1].clear_tail();
    bitmaps[0].set(bits - 1);
    CHECK(bitmaps[0].count() == 1);
    CHECK(bitmaps[1].count() == bits);
    CHECK(bitmaps[1].all());
    CHECK(bitmaps[2].count() == 0);
    CHECK(bitmaps[1] == Bitmap(bits, true));
  }
}

TEST_CASE("a copy of an arena bitmap owns its words", "[runtime]") {
  std::vector<Bitmap> bitmaps = zeroed_bitmaps(2, 200, 0);
  bitmaps[0].set(5);
  const Bitmap copy = bitmaps[0];
  Bitmap assigned;
  assigned = bitmaps[0];
  bitmaps[0].set(6);
  bitmaps[0].words()[1] = 1;
  CHECK(copy.count() == 1);
  CHECK(assigned.count() == 1);
  CHECK(copy.test(5));
  CHECK_FALSE(copy.test(6));
  CHECK(bitmaps[0].count() == 3);

  // Growing one copies it out of the arena; the others keep theirs.
  bitmaps[1].set(199);
  bitmaps[1].resize(300);
  bitmaps[1].set(299);
  CHECK(bitmaps[1].count() == 2);
  CHECK(bitmaps[0].count() == 3);
}

TEST_CASE("arena bitmaps outlive the vector that made them", "[runtime]") {
  Bitmap kept;
  {
    std::vector<Bitmap> bitmaps = zeroed_bitmaps(4, 10'000, 0);
    bitmaps[3].set(9'999);
    kept = std::move(bitmaps[3]);
  }
  kept.set(0);  // still written in place, in memory the arena keeps alive
  CHECK(kept.count() == 2);
  CHECK(kept.test(9'999));
  CHECK(zeroed_bitmaps(0, 100, 0).empty());
  CHECK(zeroed_bitmaps(2, 0, 0)[1].size() == 0);
}

TEST_CASE("small sets of bitmaps are owned ones", "[runtime]") {
  std::vector<Bitmap> bitmaps = zeroed_bitmaps(2, 1000);  // far below kMinMappedBytes
  bitmaps[0].set(3);
  CHECK(bitmaps[0].count() == 1);
  CHECK(bitmaps[1].count() == 0);
}
