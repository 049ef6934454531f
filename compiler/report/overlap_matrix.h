// How much every two segments share: the members in both, and their Jaccard
// index (both / either), for the report's heat map and its table of the most
// overlapping pairs. Counted with Roaring intersections chunk by chunk
// (intersection_sizes in report/row_set.h), the chunks split among threads.
#pragma once

#include <cstdint>
#include <vector>

#include "report/row_set.h"

namespace segc::report {

class OverlapMatrix {
 public:
  OverlapMatrix() = default;
  // Every pair of `sets`, on `threads` threads (at least one).
  OverlapMatrix(const std::vector<const RowSet*>& sets, unsigned threads);

  size_t size() const { return sizes_.size(); }
  uint64_t set_size(size_t i) const { return sizes_[i]; }
  // The rows in both i and j (i == j: the size of i).
  uint64_t both(size_t i, size_t j) const { return i == j ? sizes_[i] : shared_[index(i, j)]; }
  // both / either, 0 when both sets are empty.
  double jaccard(size_t i, size_t j) const;

 private:
  size_t index(size_t i, size_t j) const;  // i != j, in the upper triangle

  std::vector<uint64_t> sizes_;
  std::vector<uint64_t> shared_;  // the upper triangle, row by row
};

}  // namespace segc::report
