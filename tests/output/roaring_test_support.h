// Reading Roaring bytes back with CRoaring itself, for the tests of the
// Roaring writer: the keys a file holds, and the bytes CRoaring would write
// for the same keys when it builds the bitmap its own way.
#pragma once

#include <roaring/roaring.h>
#include <roaring/roaring64map.hh>

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace segc::tests {

// The keys of a 32-bit portable bitmap; throws when the bytes are not exactly one.
inline std::vector<uint32_t> read_roaring32(const std::string& bytes) {
  roaring_bitmap_t* bitmap = roaring_bitmap_portable_deserialize_safe(bytes.data(), bytes.size());
  if (bitmap == nullptr) throw std::runtime_error("not a portable Roaring bitmap");
  const size_t size = roaring_bitmap_portable_size_in_bytes(bitmap);
  std::vector<uint32_t> keys(roaring_bitmap_get_cardinality(bitmap));
  roaring_bitmap_to_uint32_array(bitmap, keys.data());
  roaring_bitmap_free(bitmap);
  if (size != bytes.size()) throw std::runtime_error("bytes after the Roaring bitmap");
  return keys;
}

// The keys of a 64-bit bitmap, read by CRoaring's Roaring64Map.
inline std::vector<uint64_t> read_roaring64(const std::string& bytes) {
  // Roaring64Map reads the leading count as an aligned uint64.
  std::vector<uint64_t> aligned((bytes.size() + 7) / 8);
  std::memcpy(aligned.data(), bytes.data(), bytes.size());
  const auto* data = reinterpret_cast<const char*>(aligned.data());
  const ::Roaring64Map bitmap = ::Roaring64Map::readSafe(data, bytes.size());
  if (bitmap.getSizeInBytes() != bytes.size()) throw std::runtime_error("bytes after the bitmap");
  std::vector<uint64_t> keys(bitmap.cardinality());
  bitmap.toUint64Array(keys.data());
  return keys;
}

// What CRoaring writes for these keys when it adds them itself (then run-optimises).
inline std::string croaring_bytes(const std::vector<uint32_t>& keys) {
  roaring_bitmap_t* bitmap = roaring_bitmap_of_ptr(keys.size(), keys.data());
  roaring_bitmap_run_optimize(bitmap);
  std::string bytes(roaring_bitmap_portable_size_in_bytes(bitmap), '\0');
  roaring_bitmap_portable_serialize(bitmap, bytes.data());
  roaring_bitmap_free(bitmap);
  return bytes;
}

}  // namespace segc::tests
