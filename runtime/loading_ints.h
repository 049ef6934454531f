// The values of an int, decimal or date column while it is loaded: 32 bits
// each while every value fits, 64 bits from the first one that does not.
//
// Dates always fit, and so do the ids, counts, amounts and points of nearly
// every customer file. Half the width halves the memory the loader must
// fault in and zero (at 10M rows, 40 MB per column) and what finishing the
// column reads; the one-time widening costs a copy of what came before.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "runtime/huge_pages.h"

namespace segc::runtime {

class LoadingInts {
 public:
  void reserve(size_t count) {
    reserved_ = count;
    if (wide_) {
      reserve_huge(wide_values_, count);
    } else {
      reserve_huge(narrow_, count);
    }
  }

  void push_back(int64_t value) {
    if (!wide_ && value == static_cast<int32_t>(value)) {
      narrow_.push_back(static_cast<int32_t>(value));
    } else {
      push_wide(value);
    }
  }

  size_t size() const { return wide_ ? wide_values_.size() : narrow_.size(); }
  int64_t operator[](size_t row) const { return wide_ ? wide_values_[row] : narrow_[row]; }
  int64_t back() const { return (*this)[size() - 1]; }

  // Keeps the first `count` values (count <= size()).
  void truncate(size_t count) {
    if (wide_) {
      wide_values_.resize(count);
    } else {
      narrow_.resize(count);
    }
  }

  void append(const LoadingInts& other) {
    if (other.wide_ && !wide_) widen();
    if (wide_) {
      if (other.wide_) {
        wide_values_.insert(wide_values_.end(), other.wide_values_.begin(), other.wide_values_.end());
      } else {
        wide_values_.insert(wide_values_.end(), other.narrow_.begin(), other.narrow_.end());
      }
    } else {
      narrow_.insert(narrow_.end(), other.narrow_.begin(), other.narrow_.end());
    }
  }

  // Calls `use` with the values' vector, of int32_t or of int64_t.
  template <class Use>
  void visit(Use&& use) const {
    if (wide_) {
      use(wide_values_);
    } else {
      use(narrow_);
    }
  }

 private:
  void push_wide(int64_t value) {
    if (!wide_) widen();
    wide_values_.push_back(value);
  }

  void widen() {
    reserve_huge(wide_values_, reserved_ > narrow_.size() ? reserved_ : narrow_.size());
    wide_values_.assign(narrow_.begin(), narrow_.end());
    narrow_ = {};
    wide_ = true;
  }

  bool wide_ = false;
  size_t reserved_ = 0;
  std::vector<int32_t> narrow_;
  std::vector<int64_t> wide_values_;
};

}  // namespace segc::runtime
