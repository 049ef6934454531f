// A set of rows as bits, 64 rows per word: bit i of word w is row 64 * w + i.
// Membership results, validity (presence) and bool values all use this layout,
// which is also what JIT-compiled code reads and writes. Bits past size() are
// always zero, so whole words can be counted and compared.
//
// The words are a ColumnArray: owned, or borrowed from a memory-mapped file
// (then copied on the first write), or adopted: writable words someone else
// allocated (runtime/bitmap_arena.h), written in place. A copy of an adopted
// bitmap owns a copy of its words, so bitmaps stay values.
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
  // `bits` bits in `words`, which must be (bits + 63) / 64 words whose bits
  // past `bits` are zero.
  static Bitmap from_words(std::vector<uint64_t> words, size_t bits) {
    Bitmap bitmap;
    bitmap.words_ = std::move(words);
    bitmap.bits_ = bits;
    return bitmap;
  }
  // `bits` bits in (bits + 63) / 64 words at `words`, kept alive by `keeper`.
  // The caller has checked that bits past `bits` are zero.
  static Bitmap borrow(const uint64_t* words, size_t bits, std::shared_ptr<const void> keeper) {
    Bitmap bitmap;
    bitmap.words_ = ColumnArray<uint64_t>::borrow(words, (bits + 63) / 64, std::move(keeper));
    bitmap.bits_ = bits;
    return bitmap;
  }
  // `bits` bits in the zeroed, writable (bits + 63) / 64 words at `words`,
  // kept alive by `keeper`, written in place.
  static Bitmap adopt(uint64_t* words, size_t bits, std::shared_ptr<const void> keeper) {
    Bitmap bitmap = borrow(words, bits, std::move(keeper));
    bitmap.adopted_ = words;
    return bitmap;
  }

  Bitmap(const Bitmap& other) : words_(other.words_), bits_(other.bits_) {
    if (other.adopted_ != nullptr) words_.edit();  // its own copy
  }
  Bitmap& operator=(const Bitmap& other) {
    if (this != &other) *this = Bitmap(other);
    return *this;
  }
  Bitmap(Bitmap&& other) noexcept
      : words_(std::move(other.words_)), bits_(other.bits_), adopted_(other.adopted_) {
    other.adopted_ = nullptr;
  }
  Bitmap& operator=(Bitmap&& other) noexcept {
    words_ = std::move(other.words_);
    bits_ = other.bits_;
    adopted_ = other.adopted_;
    other.adopted_ = nullptr;
    return *this;
  }

  size_t size() const { return bits_; }
  size_t word_count() const { return words_.size(); }
  const uint64_t* words() const { return words_.data(); }
  uint64_t* words() { return adopted_ != nullptr ? adopted_ : edit().data(); }

  bool test(size_t bit) const { return (words_[bit / 64] >> (bit % 64)) & 1; }
  void set(size_t bit, bool value = true) {
    uint64_t mask = uint64_t{1} << (bit % 64);
    uint64_t* at = words() + bit / 64;
    if (value) {
      *at |= mask;
    } else {
      *at &= ~mask;
    }
  }

  // Grows (new bits zero) or shrinks, keeping the tail invariant.
  void resize(size_t bits) {
    edit().resize((bits + 63) / 64, 0);
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
    if (bits_ % 64 != 0) words()[words_.size() - 1] &= (uint64_t{1} << (bits_ % 64)) - 1;
  }

  friend bool operator==(const Bitmap& a, const Bitmap& b) {
    return a.bits_ == b.bits_ && a.words_ == b.words_;
  }

 private:
  // The owned words, copied first from borrowed or adopted ones.
  std::vector<uint64_t>& edit() {
    adopted_ = nullptr;
    return words_.edit();
  }

  ColumnArray<uint64_t> words_;
  size_t bits_ = 0;
  uint64_t* adopted_ = nullptr;  // the borrowed words, when they are ours to write
};

}  // namespace segc::runtime
