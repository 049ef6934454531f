// Spreading independent items over threads, as cards are dealt: thread k
// takes items k, k + n, k + 2n, ..., so items of growing or shrinking cost
// (rows of a triangle) even out. Returns when every item is done.
#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace segc::report {

// Calls work(item) for every item below `items` on at most `threads` threads.
template <class Work>
void deal_out(size_t items, unsigned threads, const Work& work) {
  const size_t workers = std::clamp<size_t>(threads, 1, std::max<size_t>(items, 1));
  auto take = [&](size_t first) {
    for (size_t item = first; item < items; item += workers) work(item);
  };
  std::vector<std::jthread> pool;  // joined when it goes out of scope, before returning
  for (size_t worker = 1; worker < workers; ++worker) pool.emplace_back(take, worker);
  take(0);
}

}  // namespace segc::report
