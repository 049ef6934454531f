// The on-disk layout of segc's columnar file (docs/columnar-format.md), shared
// by the writer, the reader and the verifier. Not for other code: use
// runtime/columnar_file.h.
//
// [header, 64 bytes] [directory] [sections, each at a multiple of 64 bytes]
//
// All numbers are little-endian. The header says where the directory is and
// holds checksums of itself and of the directory; the directory holds the
// schema and, per column, its encoding, statistics, checksum and sections.
#pragma once

#include <bit>
#include <cstdint>
#include <string>
#include <vector>

#include "runtime/table.h"

namespace segc::runtime::columnar {

static_assert(std::endian::native == std::endian::little,
              "the columnar file is little-endian and mapped in place");

inline constexpr char kMagic[8] = {'\x89', 'S', 'E', 'G', 'C', 'O', 'L', '\n'};
inline constexpr uint32_t kFormatVersion = 2;  // 2: set masks
inline constexpr uint64_t kAlignment = 64;

struct FileHeader {
  char magic[8];
  uint32_t format_version;
  uint32_t header_size;  // sizeof(FileHeader)
  uint64_t file_size;
  uint64_t row_count;
  uint64_t directory_offset;
  uint64_t directory_size;
  uint64_t directory_checksum;  // XXH3-64 of the directory's bytes
  uint64_t header_checksum;     // XXH3-64 of the 56 bytes before it
};
static_assert(sizeof(FileHeader) == 64);

// The arrays of a column. Which ones a column has depends on its kind
// (required_sections); the directory lists them in this order.
enum class Section : uint8_t {
  Present = 1,            // presence bitmap words
  Values = 2,             // packed ints/codes/set masks, doubles, or the Bool value bitmap
  SetOffsets = 3,         // uint32, rows + 1
  SetCodes = 4,           // uint32
  DictionaryOffsets = 5,  // uint64, entries + 1
  DictionaryBytes = 6,    // UTF-8 text of all entries
  BlockPresent = 7,       // uint32 per block
  BlockMin = 8,           // int64 per block
  BlockMax = 9,           // int64 per block
};

struct SectionEntry {
  Section id = Section::Present;
  uint64_t offset = 0;  // from the start of the file, a multiple of kAlignment
  uint64_t size = 0;    // bytes
};

struct ColumnEntry {
  ColumnSpec spec;
  uint8_t width = 8;
  int64_t min = 0;
  int64_t max = 0;
  uint64_t dictionary_fingerprint = 0;  // Dictionary::fingerprint()
  uint64_t checksum = 0;                // XXH3-64 of its sections' bytes, in order
  std::vector<SectionEntry> sections;
};

struct Directory {
  std::string segc_version;  // of the segc that wrote the file
  uint64_t row_count = 0;
  uint32_t key_index = 0;
  std::vector<ColumnEntry> columns;
};

// `width` matters for sets only: masks (width 1-8) or none (0).
std::vector<Section> required_sections(ColumnKind kind, int width);
const char* section_name(Section section);

std::string encode_directory(const Directory& directory);
// "" when `bytes` is a well-formed directory (every count and string within
// the bytes, kinds and flags known), else what is wrong.
std::string decode_directory(const char* bytes, uint64_t size, Directory& directory);

}  // namespace segc::runtime::columnar
