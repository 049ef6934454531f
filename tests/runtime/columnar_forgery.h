// For the columnar verifier tests: files whose checksums are all correct but
// whose contents lie, as a writer bug or a deliberate forgery would make them.
// forge_columnar_file lets a test change one column's section bytes or
// directory entry, then recomputes that column's checksum, the directory
// checksum and the header checksum, so that only the content checks of
// verify_columns stand between the lie and the evaluators.
#pragma once

#include <xxhash.h>

#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>

#include <catch2/catch.hpp>

#include "runtime/columnar_format.h"

namespace segc::runtime::testing {

// What a forgery may change: the column's directory entry, and the bytes of
// its sections (`section_bytes(id)` points into the file's copy in memory).
struct ForgedColumn {
  columnar::ColumnEntry& entry;
  std::function<char*(columnar::Section)> section_bytes;

  template <class T>
  T* section_as(columnar::Section id) {
    return reinterpret_cast<T*>(section_bytes(id));
  }
};

inline void forge_columnar_file(const std::string& path, size_t column,
                                const std::function<void(ForgedColumn&)>& change) {
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  columnar::FileHeader header{};
  REQUIRE(bytes.size() >= sizeof(header));
  std::memcpy(&header, bytes.data(), sizeof(header));
  columnar::Directory directory;
  REQUIRE(columnar::decode_directory(bytes.data() + header.directory_offset, header.directory_size,
                                     directory) == "");
  REQUIRE(column < directory.columns.size());
  columnar::ColumnEntry& entry = directory.columns[column];
  auto section_bytes = [&](columnar::Section id) -> char* {
    for (const columnar::SectionEntry& section : entry.sections) {
      if (section.id == id) return bytes.data() + section.offset;
    }
    FAIL("column " << column << " has no section " << columnar::section_name(id));
    return nullptr;
  };
  ForgedColumn forged{entry, section_bytes};
  change(forged);

  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  for (const columnar::SectionEntry& section : entry.sections) {
    XXH3_64bits_update(state, bytes.data() + section.offset, section.size);
  }
  entry.checksum = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  const std::string encoded = columnar::encode_directory(directory);
  REQUIRE(encoded.size() == header.directory_size);  // fixed-width fields: same size
  std::memcpy(bytes.data() + header.directory_offset, encoded.data(), encoded.size());
  header.directory_checksum = XXH3_64bits(encoded.data(), encoded.size());
  header.header_checksum = XXH3_64bits(&header, offsetof(columnar::FileHeader, header_checksum));
  std::memcpy(bytes.data(), &header, sizeof(header));
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace segc::runtime::testing
