#include "output/roaring_writer.h"

#include <roaring/roaring.h>

#include <bit>
#include <cassert>
#include <cstring>
#include <new>

namespace segc::output {
namespace {

static_assert(std::endian::native == std::endian::little,
              "the Roaring format is little-endian and CRoaring writes memory as it is");

// Containers hold the low 16 bits of a key; the chunk is the rest.
constexpr unsigned kChunkBits = 16;
// Up to this many keys an array container (2 bytes a key) is no larger than a
// bitset (8 KiB); CRoaring and the format specification use the same limit.
constexpr int32_t kMaxArrayKeys = DEFAULT_MAX_SIZE;
static_assert(kMaxArrayKeys == kRoaringMaxArrayKeys);

void append_le(std::string& bytes, uint64_t value, int size) {
  for (int i = 0; i < size; ++i) bytes.push_back(static_cast<char>(value >> (8 * i)));
}

// Built twice, with and without the POPCNT instruction, and chosen when the
// program loads: for the baseline x86-64 target std::popcount is a library
// call per word, a third of the time of a dense chunk.
__attribute__((target_clones("popcnt", "default"))) int32_t count_bits(const uint64_t* words,
                                                                      size_t count) {
  int32_t total = 0;
  for (size_t i = 0; i < count; ++i) total += std::popcount(words[i]);
  return total;
}

template <typename T>
T* checked(T* allocated) {
  if (allocated == nullptr) throw std::bad_alloc();
  return allocated;
}

}  // namespace

RoaringWriter::RoaringWriter(RoaringWidth width) : width_(width) {
  if (width_ == RoaringWidth::Bits64) append_le(bytes_, 0, 8);  // the count, set by finish()
}

RoaringWriter::~RoaringWriter() {
  if (bitmap_ != nullptr) roaring_bitmap_free(bitmap_);
}

void RoaringWriter::append_container(uint64_t chunk, void* container, uint8_t type) {
  const uint64_t high = chunk >> kChunkBits;
  assert(width_ == RoaringWidth::Bits64 || high == 0);
  if (bitmap_ != nullptr && high != bitmap_high_) close_bitmap();
  if (bitmap_ == nullptr) {
    bitmap_ = checked(roaring_bitmap_create());
    bitmap_high_ = high;
  }
  // Chunks arrive ascending, so appending keeps the container keys sorted.
  ra_append(&bitmap_->high_low_container, static_cast<uint16_t>(chunk), container, type);
}

bool roaring_container_of_words(const uint64_t* words, void*& container, uint8_t& type, int32_t max_array_keys) {
  const int32_t count = count_bits(words, RoaringWriter::kChunkWords);
  if (count == 0) return false;
  if (count > max_array_keys) {
    bitset_container_t* bitset = checked(bitset_container_create());
    std::memcpy(bitset->array, words, RoaringWriter::kChunkWords * sizeof(uint64_t));
    bitset->cardinality = count;
    container = bitset;
    type = BITSET_CONTAINER_TYPE_CODE;
    return true;
  }
  array_container_t* array = checked(array_container_create_given_capacity(count));
  uint16_t* out = array->array;
  for (size_t i = 0; i < RoaringWriter::kChunkWords; ++i) {
    for (uint64_t word = words[i]; word != 0; word &= word - 1) {
      *out++ = static_cast<uint16_t>(i * 64 + static_cast<size_t>(std::countr_zero(word)));
    }
  }
  array->cardinality = count;
  container = array;
  type = ARRAY_CONTAINER_TYPE_CODE;
  return true;
}

void RoaringWriter::add_chunk(uint64_t chunk, const uint64_t* words) {
  flush_pending_keys();
  void* container = nullptr;
  uint8_t type = 0;
  if (roaring_container_of_words(words, container, type)) append_container(chunk, container, type);
}

void RoaringWriter::add_key(uint64_t key) {
  const uint64_t chunk = key >> kChunkBits;
  if (!pending_.empty() && chunk != pending_chunk_) flush_pending_keys();
  pending_chunk_ = chunk;
  pending_.push_back(static_cast<uint16_t>(key));
}

void RoaringWriter::flush_pending_keys() {
  if (pending_.empty()) return;
  const auto count = static_cast<int32_t>(pending_.size());
  if (count > kMaxArrayKeys) {
    bitset_container_t* bitset = checked(bitset_container_create());
    for (uint16_t low : pending_) bitset->array[low / 64] |= uint64_t{1} << (low % 64);
    bitset->cardinality = count;
    append_container(pending_chunk_, bitset, BITSET_CONTAINER_TYPE_CODE);
  } else {
    array_container_t* array = checked(array_container_create_given_capacity(count));
    std::memcpy(array->array, pending_.data(), pending_.size() * sizeof(uint16_t));
    array->cardinality = count;
    append_container(pending_chunk_, array, ARRAY_CONTAINER_TYPE_CODE);
  }
  pending_.clear();
}

void RoaringWriter::close_bitmap() {
  // Long runs of members (ranges of keys, whole segments) become run
  // containers, which is what makes "everyone but a few" small.
  roaring_bitmap_run_optimize(bitmap_);
  const size_t size = roaring_bitmap_portable_size_in_bytes(bitmap_);
  if (width_ == RoaringWidth::Bits64) {
    append_le(bytes_, bitmap_high_, 4);
    ++bitmap_count_;
  }
  const size_t start = bytes_.size();
  bytes_.resize(start + size);
  roaring_bitmap_portable_serialize(bitmap_, bytes_.data() + start);
  roaring_bitmap_free(bitmap_);
  bitmap_ = nullptr;
}

std::string RoaringWriter::finish() {
  flush_pending_keys();
  if (bitmap_ != nullptr) {
    close_bitmap();
  } else if (width_ == RoaringWidth::Bits32) {
    bitmap_ = checked(roaring_bitmap_create());  // no members: the empty bitmap's bytes
    close_bitmap();
  }
  if (width_ == RoaringWidth::Bits64) {
    for (int i = 0; i < 8; ++i) bytes_[i] = static_cast<char>(bitmap_count_ >> (8 * i));
  }
  std::string result = std::move(bytes_);
  bytes_.clear();
  bitmap_count_ = 0;
  if (width_ == RoaringWidth::Bits64) append_le(bytes_, 0, 8);
  return result;
}

}  // namespace segc::output
