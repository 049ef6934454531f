#include "runtime/bitmap_arena.h"

#include <sys/mman.h>

#include <memory>

#include "runtime/huge_pages.h"

namespace segc::runtime {
namespace {

class Mapping {
 public:
  Mapping(void* data, size_t bytes) : data_(data), bytes_(bytes) {}
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() { ::munmap(data_, bytes_); }

 private:
  void* data_;
  size_t bytes_;
};

}  // namespace

std::vector<Bitmap> zeroed_bitmaps(size_t count, size_t bits, size_t min_mapped_bytes) {
  std::vector<Bitmap> bitmaps;
  bitmaps.reserve(count);
  // Each bitmap starts on a cache line of its own.
  const size_t words = ((bits + 63) / 64 + 7) / 8 * 8;
  const size_t bytes = count * words * sizeof(uint64_t);
  void* data = bytes < min_mapped_bytes || bytes == 0
                   ? MAP_FAILED
                   : ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (data == MAP_FAILED) {  // small, or no mapping to be had: the usual way
    for (size_t i = 0; i < count; ++i) bitmaps.emplace_back(bits);
    return bitmaps;
  }
  advise_huge_pages(data, bytes);  // before the first write
  auto mapping = std::make_shared<const Mapping>(data, bytes);
  auto* first = static_cast<uint64_t*>(data);
  for (size_t i = 0; i < count; ++i) bitmaps.push_back(Bitmap::adopt(first + i * words, bits, mapping));
  return bitmaps;
}

}  // namespace segc::runtime
