// Spreading independent items over threads, as cards are dealt: thread k
// takes items k, k + n, k + 2n, ..., so items of growing or shrinking cost
// (rows of a triangle) even out. Returns when every item is done.
#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace segc::report {

// The number of threads deal_out uses: `threads`, at least 1, at most one per item.
inline size_t deal_out_workers(size_t items, unsigned threads) {
  return std::clamp<size_t>(threads, 1, std::max<size_t>(items, 1));
}

// Calls work(item, worker) for every item below `items` on
// deal_out_workers(items, threads) threads; `worker` numbers the thread from
// 0, for results each thread keeps apart.
template <class Work>
void deal_out(size_t items, unsigned threads, const Work& work) {
  const size_t workers = deal_out_workers(items, threads);
  auto take = [&](size_t first) {
    for (size_t item = first; item < items; item += workers) work(item, first);
  };
  std::vector<std::jthread> pool;  // joined when it goes out of scope, before returning
  for (size_t worker = 1; worker < workers; ++worker) pool.emplace_back(take, worker);
  take(0);
}

}  // namespace segc::report
