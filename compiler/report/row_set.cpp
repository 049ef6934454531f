#include "report/row_set.h"

#include <roaring/roaring.h>

#include <algorithm>
#include <array>
#include <new>
#include <stdexcept>
#include <utility>

#include "output/roaring_writer.h"
#include "report/bit_count.h"

namespace segc::report {

RowSet::RowSet(const runtime::Bitmap& rows) {
  if (rows.size() > kMaxRowSetRows) throw std::length_error("a RowSet holds at most 2^32 rows");
  bitmap_ = roaring_bitmap_create();
  if (bitmap_ == nullptr) throw std::bad_alloc();
  constexpr size_t kChunk = output::RoaringWriter::kChunkWords;
  const uint64_t* words = rows.words();
  for (size_t first = 0; first < rows.word_count(); first += kChunk) {
    const size_t count = std::min(kChunk, rows.word_count() - first);
    std::array<uint64_t, kChunk> padded{};  // the last chunk may be short
    const uint64_t* chunk = words + first;
    if (count < kChunk) {
      std::copy(chunk, chunk + count, padded.begin());
      chunk = padded.data();
    }
    void* container = nullptr;
    uint8_t type = 0;
    if (output::roaring_container_of_words(chunk, container, type, kMaxArrayRows)) {
      ra_append(&bitmap_->high_low_container, static_cast<uint16_t>(first / kChunk), container, type);
    }
  }
  size_ = roaring_bitmap_get_cardinality(bitmap_);
}

RowSet::~RowSet() {
  if (bitmap_ != nullptr) roaring_bitmap_free(bitmap_);
}

RowSet::RowSet(RowSet&& other) noexcept
    : bitmap_(std::exchange(other.bitmap_, nullptr)), size_(std::exchange(other.size_, 0)) {}

RowSet& RowSet::operator=(RowSet&& other) noexcept {
  if (this != &other) {
    if (bitmap_ != nullptr) roaring_bitmap_free(bitmap_);
    bitmap_ = std::exchange(other.bitmap_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

uint64_t RowSet::intersection_size(const RowSet& other) const {
  // The chunks both sets have, found by walking their sorted chunk numbers.
  const roaring_array_t& a = bitmap_->high_low_container;
  const roaring_array_t& b = other.bitmap_->high_low_container;
  uint64_t total = 0;
  for (int32_t i = 0, j = 0; i < a.size && j < b.size;) {
    if (a.keys[i] != b.keys[j]) {
      (a.keys[i] < b.keys[j] ? i : j)++;
      continue;
    }
    // A RowSet holds array and bitset containers only (no runs).
    const uint8_t type_a = a.typecodes[i], type_b = b.typecodes[j];
    const void* container_a = a.containers[i];
    const void* container_b = b.containers[j];
    if (type_a == BITSET_CONTAINER_TYPE_CODE && type_b == BITSET_CONTAINER_TYPE_CODE) {
      total += count_common_bits(static_cast<const bitset_container_t*>(container_a)->array,
                                 static_cast<const bitset_container_t*>(container_b)->array,
                                 output::RoaringWriter::kChunkWords);
    } else if (type_a == ARRAY_CONTAINER_TYPE_CODE && type_b == ARRAY_CONTAINER_TYPE_CODE) {
      total += static_cast<uint64_t>(array_container_intersection_cardinality(
          static_cast<const array_container_t*>(container_a), static_cast<const array_container_t*>(container_b)));
    } else if (type_a == ARRAY_CONTAINER_TYPE_CODE) {
      total += static_cast<uint64_t>(array_bitset_container_intersection_cardinality(
          static_cast<const array_container_t*>(container_a), static_cast<const bitset_container_t*>(container_b)));
    } else {
      total += static_cast<uint64_t>(array_bitset_container_intersection_cardinality(
          static_cast<const array_container_t*>(container_b), static_cast<const bitset_container_t*>(container_a)));
    }
    ++i;
    ++j;
  }
  return total;
}

}  // namespace segc::report
