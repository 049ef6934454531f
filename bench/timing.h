// Repeated timing of one evaluation: the median wall time of `reps` runs and
// the members the last run produced (every run computes the same bitmap).
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <utility>
#include <vector>

#include "runtime/bitmap.h"

namespace segc::bench {

struct Timing {
  double median_ms = 0;
  runtime::Bitmap members;
};

inline double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const size_t mid = values.size() / 2;
  return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

// Times one call of `run` (returning a Bitmap): its milliseconds go to
// `times`, its members to `timing`.
template <typename Run>
void time_one(Run& run, Timing& timing, std::vector<double>& times) {
  const auto start = std::chrono::steady_clock::now();
  runtime::Bitmap members = run();
  const auto end = std::chrono::steady_clock::now();
  times.push_back(std::chrono::duration<double, std::milli>(end - start).count());
  timing.members = std::move(members);
}

// Times `run` (returning a Bitmap) `reps` times, at least once.
template <typename Run>
Timing time_runs(unsigned reps, Run&& run) {
  Timing timing;
  std::vector<double> times;
  for (unsigned i = 0; i < std::max(reps, 1u); ++i) time_one(run, timing, times);
  timing.median_ms = median(std::move(times));
  return timing;
}

// Times `a` and `b` (each returning a Bitmap) `reps` times each, at least
// once, in turn: a, b, a, b, ... so that both see the same drift of the
// machine (on the virtual bench host a column scan's time moves by a third
// within a minute), which timing all runs of one before the other does not.
template <typename RunA, typename RunB>
std::pair<Timing, Timing> time_runs_in_turn(unsigned reps, RunA&& a, RunB&& b) {
  std::pair<Timing, Timing> timings;
  std::vector<double> a_times, b_times;
  for (unsigned i = 0; i < std::max(reps, 1u); ++i) {
    time_one(a, timings.first, a_times);
    time_one(b, timings.second, b_times);
  }
  timings.first.median_ms = median(std::move(a_times));
  timings.second.median_ms = median(std::move(b_times));
  return timings;
}

// Milliseconds `work` takes, once.
template <typename Work>
double time_once(Work&& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

}  // namespace segc::bench
