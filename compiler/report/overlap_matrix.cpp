#include "report/overlap_matrix.h"

#include <utility>

namespace segc::report {

OverlapMatrix::OverlapMatrix(const std::vector<const RowSet*>& sets, unsigned threads) {
  const size_t n = sets.size();
  sizes_.reserve(n);
  for (const RowSet* set : sets) sizes_.push_back(set->size());
  shared_.assign(n < 2 ? 0 : n * (n - 1) / 2, 0);
  const std::vector<uint64_t> both = intersection_sizes(sets, sets, /*upper_triangle=*/true, threads);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) shared_[index(i, j)] = both[i * n + j];
  }
}

size_t OverlapMatrix::index(size_t i, size_t j) const {
  if (i > j) std::swap(i, j);
  const size_t n = sizes_.size();
  // Rows 0..i-1 of the upper triangle hold (n-1) + (n-2) + ... + (n-i) pairs.
  return i * (2 * n - i - 1) / 2 + (j - i - 1);
}

double OverlapMatrix::jaccard(size_t i, size_t j) const {
  const uint64_t shared = both(i, j);
  const uint64_t either = sizes_[i] + sizes_[j] - shared;
  return either == 0 ? 0.0 : static_cast<double>(shared) / static_cast<double>(either);
}

}  // namespace segc::report
