#include "report/row_set.h"

#include <roaring/roaring.h>

#include <algorithm>
#include <array>
#include <new>
#include <stdexcept>
#include <utility>
#include <vector>

#include "output/roaring_writer.h"
#include "report/bit_count.h"
#include "report/deal_out.h"

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

namespace {

// One chunk of 65,536 rows of a set: its container, or none.
struct Chunk {
  const void* container = nullptr;
  uint8_t type = 0;
};

uint64_t chunk_intersection_size(const Chunk& a, const Chunk& b) {
  // A RowSet holds array and bitset containers only (no runs).
  if (a.type == BITSET_CONTAINER_TYPE_CODE && b.type == BITSET_CONTAINER_TYPE_CODE) {
    return count_common_bits(static_cast<const bitset_container_t*>(a.container)->array,
                             static_cast<const bitset_container_t*>(b.container)->array,
                             output::RoaringWriter::kChunkWords);
  }
  if (a.type == ARRAY_CONTAINER_TYPE_CODE && b.type == ARRAY_CONTAINER_TYPE_CODE) {
    return static_cast<uint64_t>(array_container_intersection_cardinality(
        static_cast<const array_container_t*>(a.container), static_cast<const array_container_t*>(b.container)));
  }
  const Chunk& array = a.type == ARRAY_CONTAINER_TYPE_CODE ? a : b;
  const Chunk& bitset = a.type == ARRAY_CONTAINER_TYPE_CODE ? b : a;
  return static_cast<uint64_t>(array_bitset_container_intersection_cardinality(
      static_cast<const array_container_t*>(array.container), static_cast<const bitset_container_t*>(bitset.container)));
}

}  // namespace

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
    total += chunk_intersection_size({a.containers[i], a.typecodes[i]}, {b.containers[j], b.typecodes[j]});
    ++i;
    ++j;
  }
  return total;
}

std::vector<uint64_t> intersection_sizes(const std::vector<const RowSet*>& rows, const std::vector<const RowSet*>& columns,
                                         bool upper_triangle, unsigned threads) {
  // Each set's chunks by chunk number, none where it has no rows.
  size_t chunk_total = 0;
  for (const auto* sets : {&rows, &columns}) {
    for (const RowSet* set : *sets) {
      const roaring_array_t& chunks = set->bitmap_->high_low_container;
      if (chunks.size > 0) chunk_total = std::max<size_t>(chunk_total, size_t{chunks.keys[chunks.size - 1]} + 1);
    }
  }
  auto chunk_table = [&](const std::vector<const RowSet*>& sets) {
    std::vector<Chunk> table(sets.size() * chunk_total);
    for (size_t s = 0; s < sets.size(); ++s) {
      const roaring_array_t& chunks = sets[s]->bitmap_->high_low_container;
      for (int32_t c = 0; c < chunks.size; ++c) {
        table[s * chunk_total + chunks.keys[c]] = {chunks.containers[c], chunks.typecodes[c]};
      }
    }
    return table;
  };
  const std::vector<Chunk> row_chunks = chunk_table(rows);
  const std::vector<Chunk> column_chunks = chunk_table(columns);
  // Chunk by chunk, every pair: the chunk of each set is read from memory
  // once and then from the cache, where pair by pair it would be read once
  // per pair. Each thread adds into counts of its own.
  const size_t workers = deal_out_workers(chunk_total, threads);
  std::vector<std::vector<uint64_t>> counts(workers, std::vector<uint64_t>(rows.size() * columns.size(), 0));
  deal_out(chunk_total, threads, [&](size_t chunk, size_t worker) {
    std::vector<uint64_t>& mine = counts[worker];
    for (size_t r = 0; r < rows.size(); ++r) {
      const Chunk& a = row_chunks[r * chunk_total + chunk];
      if (a.container == nullptr) continue;
      for (size_t c = upper_triangle ? r + 1 : 0; c < columns.size(); ++c) {
        const Chunk& b = column_chunks[c * chunk_total + chunk];
        if (b.container != nullptr) mine[r * columns.size() + c] += chunk_intersection_size(a, b);
      }
    }
  });
  std::vector<uint64_t> total = std::move(counts[0]);
  for (size_t worker = 1; worker < workers; ++worker) {
    for (size_t i = 0; i < total.size(); ++i) total[i] += counts[worker][i];
  }
  return total;
}

}  // namespace segc::report
