// The values of an int, decimal or date column while it is loaded, each in
// the narrowest of 8, 16, 32 and 64 bits that holds every value so far: a
// value that needs more widens the column, copying what came before once.
//
// Ages fit 8 bits, dates (days from 1970, 1880 to 2059) and most counts 16,
// ids and amounts 32. Every byte of a loading array is memory the kernel
// must fault in and zero, which at 10M rows is most of what loading a
// column costs: 10 MB for ages instead of 40 in 32 bits. Finishing the
// column reads it again, and packs it to the width its range needs anyway.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <tuple>
#include <vector>

#include "runtime/huge_pages.h"

namespace segc::runtime {

class LoadingInts {
 public:
  void reserve(size_t count) {
    reserved_ = count;
    visit_mutable([&](auto& values) { reserve_huge(values, count); });
  }

  void push_back(int64_t value) {
    switch (level_) {
      case 0:
        if (fits<int8_t>(value)) return std::get<0>(values_).push_back(static_cast<int8_t>(value));
        break;
      case 1:
        if (fits<int16_t>(value)) return std::get<1>(values_).push_back(static_cast<int16_t>(value));
        break;
      case 2:
        if (fits<int32_t>(value)) return std::get<2>(values_).push_back(static_cast<int32_t>(value));
        break;
      default: return std::get<3>(values_).push_back(value);
    }
    widen(level_for(value));
    push_back(value);
  }

  size_t size() const {
    size_t count = 0;
    visit([&](const auto& values) { count = values.size(); });
    return count;
  }
  int64_t operator[](size_t row) const {
    int64_t value = 0;
    visit([&](const auto& values) { value = values[row]; });
    return value;
  }
  int64_t back() const { return (*this)[size() - 1]; }

  // Keeps the first `count` values (count <= size()).
  void truncate(size_t count) {
    visit_mutable([&](auto& values) { values.resize(count); });
  }

  void append(const LoadingInts& other) {
    if (other.level_ > level_) widen(other.level_);
    visit_mutable([&](auto& values) {
      other.visit([&](const auto& more) { values.insert(values.end(), more.begin(), more.end()); });
    });
  }

  // Calls `use` with the values' vector, of int8_t, int16_t, int32_t or int64_t.
  template <class Use>
  void visit(Use&& use) const {
    switch (level_) {
      case 0: use(std::get<0>(values_)); break;
      case 1: use(std::get<1>(values_)); break;
      case 2: use(std::get<2>(values_)); break;
      default: use(std::get<3>(values_)); break;
    }
  }

 private:
  template <class T>
  static bool fits(int64_t value) {
    return value >= std::numeric_limits<T>::min() && value <= std::numeric_limits<T>::max();
  }
  static int level_for(int64_t value) {
    return fits<int8_t>(value) ? 0 : fits<int16_t>(value) ? 1 : fits<int32_t>(value) ? 2 : 3;
  }

  template <class Use>
  void visit_mutable(Use&& use) {
    switch (level_) {
      case 0: use(std::get<0>(values_)); break;
      case 1: use(std::get<1>(values_)); break;
      case 2: use(std::get<2>(values_)); break;
      default: use(std::get<3>(values_)); break;
    }
  }

  // Copies the values into the vector of `level` (above the current one)
  // and frees the narrower one.
  void widen(int level) {
    const int from = level_;
    level_ = level;
    visit_mutable([&](auto& wider) {
      const auto move_from = [&](auto& narrower) {
        reserve_huge(wider, reserved_ > narrower.size() ? reserved_ : narrower.size());
        wider.assign(narrower.begin(), narrower.end());
        narrower = {};
      };
      switch (from) {
        case 0: move_from(std::get<0>(values_)); break;
        case 1: move_from(std::get<1>(values_)); break;
        default: move_from(std::get<2>(values_)); break;
      }
    });
  }

  int level_ = 0;  // which of values_ holds the values
  size_t reserved_ = 0;
  std::tuple<std::vector<int8_t>, std::vector<int16_t>, std::vector<int32_t>, std::vector<int64_t>> values_;
};

}  // namespace segc::runtime
