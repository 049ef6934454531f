// The report's counts: RowSet (rows as a Roaring bitmap) and the overlap
// matrix must give exactly the counts of the row bitmaps, for sparse, dense
// and run-shaped sets of any length, on any number of threads.
#include <catch2/catch.hpp>

#include <random>

#include "report/overlap_matrix.h"
#include "report/row_set.h"

namespace segc::report {
namespace {

// A bitmap of `rows` rows in one of several shapes, by `shape`.
runtime::Bitmap random_rows(std::mt19937_64& random, size_t rows, int shape) {
  runtime::Bitmap bitmap(rows);
  std::uniform_real_distribution<double> unit(0, 1);
  const double density = shape == 0 ? 0.001 : shape == 1 ? 0.02 : shape == 2 ? 0.5 : 0.97;
  for (size_t row = 0; row < rows; ++row) {
    if (shape == 4) {
      if ((row / 5000) % 3 == 0) bitmap.set(row);  // long runs
    } else if (unit(random) < density) {
      bitmap.set(row);
    }
  }
  return bitmap;
}

uint64_t both(const runtime::Bitmap& a, const runtime::Bitmap& b) {
  uint64_t count = 0;
  for (size_t row = 0; row < a.size(); ++row) count += a.test(row) && b.test(row);
  return count;
}

}  // namespace

TEST_CASE("report: row sets and the overlap matrix count exactly what the bitmaps hold", "[report]") {
  std::mt19937_64 random(2026);
  for (size_t rows : {size_t{0}, size_t{1}, size_t{63}, size_t{65536}, size_t{65537}, size_t{200003}}) {
    std::vector<runtime::Bitmap> bitmaps;
    for (int shape = 0; shape < 5; ++shape) bitmaps.push_back(random_rows(random, rows, shape));
    bitmaps.emplace_back(rows);  // empty
    bitmaps.emplace_back(rows, true);  // everyone
    std::vector<RowSet> sets;
    for (const runtime::Bitmap& bitmap : bitmaps) sets.emplace_back(bitmap);
    std::vector<const RowSet*> pointers;
    for (const RowSet& set : sets) pointers.push_back(&set);
    for (unsigned threads : {1u, 3u}) {
      const OverlapMatrix matrix(pointers, threads);
      REQUIRE(matrix.size() == bitmaps.size());
      for (size_t i = 0; i < bitmaps.size(); ++i) {
        INFO("rows " << rows << ", set " << i << ", threads " << threads);
        CHECK(sets[i].size() == bitmaps[i].count());
        CHECK(matrix.set_size(i) == bitmaps[i].count());
        for (size_t j = 0; j < bitmaps.size(); ++j) {
          INFO("with set " << j);
          const uint64_t expected = both(bitmaps[i], bitmaps[j]);
          CHECK(matrix.both(i, j) == expected);
          CHECK(sets[i].intersection_size(sets[j]) == expected);
          const uint64_t either = bitmaps[i].count() + bitmaps[j].count() - expected;
          CHECK(matrix.jaccard(i, j) == Approx(either == 0 ? 0.0 : double(expected) / double(either)));
        }
      }
    }
  }
}

TEST_CASE("report: an overlap matrix of no sets or one set", "[report]") {
  const OverlapMatrix none({}, 4);
  CHECK(none.size() == 0);
  const RowSet set(runtime::Bitmap(10, true));
  const OverlapMatrix one({&set}, 4);
  CHECK(one.both(0, 0) == 10);
  CHECK(one.jaccard(0, 0) == 1.0);
}

}  // namespace segc::report
