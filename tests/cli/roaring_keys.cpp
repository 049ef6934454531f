// Test tool for the CLI tests: prints the keys of a Roaring file written by
// `segc run --out-format roaring|roaring64`, one a line, ascending, as a
// `.keys` file lists them. Reads with CRoaring only, nothing of segc, so the
// CLI tests compare segc's bitmaps against an independent reader.
// Usage: roaring_keys FILE.roaring | FILE.roaring64
#include <roaring/roaring.h>
#include <roaring/roaring64map.hh>

#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

int print_roaring32(const std::string& bytes) {
  roaring_bitmap_t* bitmap = roaring_bitmap_portable_deserialize_safe(bytes.data(), bytes.size());
  if (bitmap == nullptr) {
    std::fprintf(stderr, "roaring_keys: not a portable Roaring bitmap\n");
    return 1;
  }
  const bool exact = roaring_bitmap_portable_size_in_bytes(bitmap) == bytes.size();
  roaring_iterate(
      bitmap,
      [](uint32_t key, void*) {
        std::printf("%u\n", key);
        return true;
      },
      nullptr);
  roaring_bitmap_free(bitmap);
  if (!exact) std::fprintf(stderr, "roaring_keys: bytes after the bitmap\n");
  return exact ? 0 : 1;
}

int print_roaring64(const std::string& bytes) {
  if (bytes.size() < 8) {
    std::fprintf(stderr, "roaring_keys: shorter than a 64-bit Roaring header\n");
    return 1;
  }
  std::vector<uint64_t> aligned((bytes.size() + 7) / 8);  // readSafe loads the count aligned
  std::memcpy(aligned.data(), bytes.data(), bytes.size());
  const Roaring64Map bitmap =
      Roaring64Map::readSafe(reinterpret_cast<const char*>(aligned.data()), bytes.size());
  for (uint64_t key : bitmap) std::printf("%llu\n", static_cast<unsigned long long>(key));
  if (bitmap.getSizeInBytes() != bytes.size()) {
    std::fprintf(stderr, "roaring_keys: bytes after the bitmap\n");
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: roaring_keys FILE.roaring|FILE.roaring64\n");
    return 2;
  }
  const std::string path = argv[1];
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    std::fprintf(stderr, "roaring_keys: cannot read %s\n", path.c_str());
    return 2;
  }
  const std::string bytes{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  try {
    const bool wide = path.size() > 10 && path.compare(path.size() - 10, 10, ".roaring64") == 0;
    return wide ? print_roaring64(bytes) : print_roaring32(bytes);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "roaring_keys: %s\n", e.what());
    return 1;
  }
}
