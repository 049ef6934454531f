// The presence flags (and bool values) of a column while it is loaded, one
// bit per row in the Bitmap layout, so that finishing the column hands the
// words over instead of packing them.
//
// A byte per row would be simpler to append to, but at 10M rows and 27
// columns it is 270 MB the kernel must fault in and zero, against 34 MB.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "runtime/bitmap.h"
#include "runtime/huge_pages.h"

namespace segc::runtime {

class LoadingBits {
 public:
  void reserve(size_t count) { make_room(count); }

  // Room is made ahead (the words are an eighth of a byte per row), so a
  // push is one or-ing into a word already there.
  void push_back(bool bit) {
    if (size_ == words_.size() * 64) [[unlikely]] grow();
    words_[size_ / 64] |= uint64_t{bit} << (size_ % 64);
    ++size_;
  }

  size_t size() const { return size_; }
  bool operator[](size_t row) const { return (words_[row / 64] >> (row % 64)) & 1; }

  // Keeps the first `count` bits.
  void truncate(size_t count) {
    if (count >= size_) return;
    const size_t used_words = (size_ + 63) / 64;
    if (count % 64 != 0) words_[count / 64] &= (uint64_t{1} << (count % 64)) - 1;
    std::fill(words_.begin() + static_cast<ptrdiff_t>((count + 63) / 64),
              words_.begin() + static_cast<ptrdiff_t>(used_words), uint64_t{0});
    size_ = count;
  }

  void append(const LoadingBits& other) {
    make_room(size_ + other.size_);
    const size_t shift = size_ % 64;
    uint64_t* to = words_.data() + size_ / 64;
    // Bits past size() are zero, so each word of `other` fills the rest of
    // the last word and starts the next.
    for (size_t word = 0; word < (other.size_ + 63) / 64; ++word) {
      const uint64_t bits = other.words_[word];
      to[word] |= bits << shift;
      if (shift != 0 && (bits >> (64 - shift)) != 0) to[word + 1] |= bits >> (64 - shift);
    }
    size_ += other.size_;
  }

  // The bits as a Bitmap; leaves this empty.
  Bitmap take_bitmap() {
    words_.resize((size_ + 63) / 64);
    Bitmap bitmap = Bitmap::from_words(std::move(words_), size_);
    words_ = {};
    size_ = 0;
    return bitmap;
  }

 private:
  // Out of line, so that push_back stays small enough to be inlined.
  [[gnu::noinline]] void grow() { make_room(std::max<size_t>(1024, 2 * size_)); }

  void make_room(size_t bits) {
    const size_t words = (bits + 63) / 64;
    if (words <= words_.size()) return;
    if (words > words_.capacity()) reserve_huge(words_, words);
    words_.resize(words, 0);
  }

  std::vector<uint64_t> words_;  // zero past size_, to the end
  size_t size_ = 0;
};

}  // namespace segc::runtime
