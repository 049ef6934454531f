#include "report/row_set.h"

#include <roaring/roaring.h>

#include <algorithm>
#include <array>
#include <new>
#include <stdexcept>
#include <utility>

#include "output/roaring_writer.h"

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
    if (output::roaring_container_of_words(chunk, container, type)) {
      ra_append(&bitmap_->high_low_container, static_cast<uint16_t>(first / kChunk), container, type);
    }
  }
  // Stretches of consecutive rows (whole ranges of keys) become runs.
  roaring_bitmap_run_optimize(bitmap_);
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
  return roaring_bitmap_and_cardinality(bitmap_, other.bitmap_);
}

}  // namespace segc::report
