// A set of rows as bits, 64 rows per word: bit i of word w is row 64 * w + i.
// Membership results, validity (presence) and bool values all use this layout,
// which is also what JIT-compiled code reads and writes. Bits past size() are
// always zero, so whole words can be counted and compared.
//
// The words are a ColumnArray: owned, or borrowed from a memory-mapped file
// (then copied on the first write).
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "runtime/column_array.h"

namespace segc::runtime {

class Bitmap {
 public:
  Bitmap() = default;
  explicit Bitmap(size_t bits, bool value = false)
      : words_(std::vector<uint64_t>((bits + 63) / 64, value ? ~uint64_t{0} : 0)), bits_(bits) {
    clear_tail();
  }
  // `bits` bits in (bits + 63) / 64 words at `words`, kept alive by `keeper`.
  // The caller has checked that bits past `bits` are zero.
  static Bitmap borrow(const uint64_t* words, size_t bits, std::shared_ptr<const void> keeper) {
    Bitmap bitmap;
    bitmap.words_ = ColumnArray<uint64_t>::borrow(words, (bits + 63) / 64, std::move(keeper));
    bitmap.bits_ = bits;
    return bitmap;
  }

  size_t size() const { return bits_; }
  size_t word_count() const { return words_.size(); }
  const uint64_t* words() const { return words_.data(); }
  uint64_t* words() { return words_.edit().data(); }

  bool test(size_t bit) const { return (words_[bit / 64] >> (bit % 64)) & 1; }
  void set(size_t bit, bool value = true) {
    uint64_t mask = uint64_t{1} << (bit % 64);
    std::vector<uint64_t>& words = words_.edit();
    if (value) {
      words[bit / 64] |= mask;
    } else {
      words[bit / 64] &= ~mask;
    }
  }

  // Grows (new bits zero) or shrinks, keeping the tail invariant.
  void resize(size_t bits) {
    words_.resize((bits + 63) / 64, 0);
    bits_ = bits;
    clear_tail();
  }
  void push_back(bool value) {
    resize(bits_ + 1);
    if (value) set(bits_ - 1);
  }

  size_t count() const {
    size_t total = 0;
    for (uint64_t word : words_) total += static_cast<size_t>(std::popcount(word));
    return total;
  }
  bool all() const { return count() == bits_; }

  // Restores the invariant after code that wrote whole words.
  void clear_tail() {
    if (bits_ % 64 != 0) words_.edit().back() &= (uint64_t{1} << (bits_ % 64)) - 1;
  }

  friend bool operator==(const Bitmap&, const Bitmap&) = default;

 private:
  ColumnArray<uint64_t> words_;
  size_t bits_ = 0;
};

}  // namespace segc::runtime
