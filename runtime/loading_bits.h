// The presence flags (and bool values) of a column while it is loaded, one
// bit per row in the Bitmap layout, so that finishing the column hands the
// words over instead of packing them.
//
// A byte per row would be simpler to append to, but at 10M rows and 27
// columns it is 270 MB the kernel must fault in and zero, against 34 MB.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "runtime/bitmap.h"
#include "runtime/huge_pages.h"

namespace segc::runtime {

class LoadingBits {
 public:
  void reserve(size_t count) { reserve_huge(words_, (count + 63) / 64); }

  void push_back(bool bit) {
    const size_t at = size_ % 64;
    if (at == 0) words_.push_back(0);
    words_.back() |= uint64_t{bit} << at;
    ++size_;
  }

  size_t size() const { return size_; }
  bool operator[](size_t row) const { return (words_[row / 64] >> (row % 64)) & 1; }

  // Keeps the first `count` bits.
  void truncate(size_t count) {
    if (count >= size_) return;
    size_ = count;
    words_.resize((count + 63) / 64);
    if (count % 64 != 0) words_.back() &= (uint64_t{1} << (count % 64)) - 1;
  }

  void append(const LoadingBits& other) {
    const size_t shift = size_ % 64;
    if (shift == 0) {
      words_.insert(words_.end(), other.words_.begin(), other.words_.end());
    } else {
      // Bits past size() are zero, so each word of `other` fills the rest
      // of the last word and starts the next.
      for (uint64_t word : other.words_) {
        words_.back() |= word << shift;
        words_.push_back(word >> (64 - shift));
      }
    }
    size_ += other.size_;
    words_.resize((size_ + 63) / 64);
  }

  // The bits as a Bitmap; leaves this empty.
  Bitmap take_bitmap() {
    Bitmap bitmap = Bitmap::from_words(std::move(words_), size_);
    words_ = {};
    size_ = 0;
    return bitmap;
  }

 private:
  std::vector<uint64_t> words_;  // bits past size_ are zero
  size_t size_ = 0;
};

}  // namespace segc::runtime
