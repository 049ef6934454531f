// Serialises one set of keys in the portable Roaring format
// (https://github.com/RoaringBitmap/RoaringFormatSpec), the bytes that the
// Java, Go, Python and C Roaring libraries read. Keys arrive in ascending
// order, either one at a time or as whole 65536-key chunks of bitmap words,
// and are turned into CRoaring containers directly: adding millions of keys
// one by one through roaring_bitmap_add would take seconds per segment.
//
// Bits32 writes the 32-bit format (roaring_bitmap_portable_serialize).
// Bits64 writes the specification's "extension for 64-bit implementations"
// (what CRoaring's Roaring64Map::write produces): the number of 32-bit bitmaps
// as a little-endian uint64, then for each, ascending, the high 32 bits of its
// keys as a little-endian uint32 followed by the 32-bit portable bitmap of
// their low 32 bits.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

struct roaring_bitmap_s;

namespace segc::output {

enum class RoaringWidth { Bits32, Bits64 };

class RoaringWriter {
 public:
  static constexpr size_t kChunkWords = 1024;  // 65536 keys, one Roaring container

  explicit RoaringWriter(RoaringWidth width);
  ~RoaringWriter();
  RoaringWriter(const RoaringWriter&) = delete;
  RoaringWriter& operator=(const RoaringWriter&) = delete;

  // The keys chunk * 65536 + i for every bit i set in `words` (kChunkWords of
  // them). Chunks and keys must come in ascending order; in Bits32, chunk < 65536.
  void add_chunk(uint64_t chunk, const uint64_t* words);
  // One key, greater than every key added before.
  void add_key(uint64_t key);

  // The serialised bytes of every key added; the writer is then empty again.
  std::string finish();

 private:
  void flush_pending_keys();
  void append_container(uint64_t chunk, void* container, uint8_t type);
  void close_bitmap();

  RoaringWidth width_;
  std::string bytes_;          // Bits64: the bitmaps closed so far
  uint64_t bitmap_count_ = 0;  // Bits64: how many
  roaring_bitmap_s* bitmap_ = nullptr;  // the 32-bit bitmap being built
  uint64_t bitmap_high_ = 0;            // its keys' high 32 bits
  uint64_t pending_chunk_ = 0;          // add_key: the chunk being collected
  std::vector<uint16_t> pending_;       // and its keys' low 16 bits
};

// The CRoaring container (array or bitset, `type` its type code) of the
// keys i for every bit i set in `words` (RoaringWriter::kChunkWords of them),
// owned by the caller; false, with nothing allocated, when no bit is set.
// Up to `max_array_keys` keys make an array container, more a bitset; the
// default is the Roaring format's limit (4096: an array no larger than a bitset).
inline constexpr int32_t kRoaringMaxArrayKeys = 4096;
bool roaring_container_of_words(const uint64_t* words, void*& container, uint8_t& type,
                                int32_t max_array_keys = kRoaringMaxArrayKeys);

}  // namespace segc::output
