// write_columnar_file: lays out the sections, computes checksums and block
// statistics from the table's arrays, then streams header, directory and
// sections to a temporary file that is synced and renamed into place.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "runtime/columnar_file.h"
#include "runtime/columnar_format.h"
#include "runtime/interrupt_cleanup.h"

namespace segc::runtime {
namespace {

using columnar::ColumnEntry;
using columnar::Section;

uint64_t align_up(uint64_t value) {
  return (value + columnar::kAlignment - 1) / columnar::kAlignment * columnar::kAlignment;
}

struct Bytes {
  const void* data;
  uint64_t size;
};

template <class T>
Bytes bytes_of(const ColumnArray<T>& array) {
  return {array.data(), array.size() * sizeof(T)};
}

// One column's sections, in directory order, with the statistics written
// computed afresh so that they always describe the data.
struct ColumnParts {
  BlockStats blocks;
  std::vector<std::pair<Section, Bytes>> sections;
};

ColumnParts parts_of(const Column& column) {
  ColumnParts parts;
  parts.blocks = block_stats_of(column);
  const bool bitmap_values = column.spec.kind == ColumnKind::Bool;
  for (Section id : columnar::required_sections(column.spec.kind, column.width)) {
    Bytes bytes{nullptr, 0};
    switch (id) {
      case Section::Present:
        bytes = {column.present.words(), column.present.word_count() * 8};
        break;
      case Section::Values:
        bytes = bitmap_values ? Bytes{column.bools.words(), column.bools.word_count() * 8}
                : column.spec.kind == ColumnKind::Float ? bytes_of(column.floats)
                                                        : bytes_of(column.storage);
        break;
      case Section::SetOffsets: bytes = bytes_of(column.set_offsets); break;
      case Section::SetCodes: bytes = bytes_of(column.set_codes); break;
      case Section::DictionaryOffsets: bytes = bytes_of(column.dictionary.offsets()); break;
      case Section::DictionaryBytes: bytes = bytes_of(column.dictionary.bytes()); break;
      case Section::BlockPresent: bytes = bytes_of(parts.blocks.present); break;
      case Section::BlockMin: bytes = bytes_of(parts.blocks.min); break;
      case Section::BlockMax: bytes = bytes_of(parts.blocks.max); break;
    }
    parts.sections.emplace_back(id, bytes);
  }
  return parts;
}

std::string system_error(const std::string& what, const std::string& path) {
  return fmt::format("cannot {} {}: {}", what, path, std::strerror(errno));
}

bool write_all(int fd, const void* data, uint64_t size) {
  const auto* at = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t written = ::write(fd, at, std::min<uint64_t>(size, uint64_t{1} << 30));
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    at += written;
    size -= static_cast<uint64_t>(written);
  }
  return true;
}

// Starts the disk write of [offset, offset + size) without waiting for it.
// A file of a gigabyte stays under the kernel's dirty-memory threshold, so
// without this its writeback would only begin at the final fsync, which
// would then wait for all of it; started column by column, the disk works
// while the later columns are still being written. Advice only: errors
// surface at fsync.
void start_writeback(int fd, uint64_t offset, uint64_t size) {
#if defined(__linux__)
  if (size > 0) ::sync_file_range(fd, static_cast<off_t>(offset), static_cast<off_t>(size), SYNC_FILE_RANGE_WRITE);
#else
  (void)fd, (void)offset, (void)size;
#endif
}

bool write_padding(int fd, uint64_t& position, uint64_t target) {
  static const char zeros[columnar::kAlignment] = {};
  const uint64_t gap = target - position;
  position = target;
  return write_all(fd, zeros, gap);
}

}  // namespace

std::string write_columnar_file(const std::string& path, const Table& table,
                                std::string_view segc_version) {
  columnar::Directory directory;
  directory.segc_version = std::string(segc_version);
  directory.row_count = table.row_count;
  directory.key_index = static_cast<uint32_t>(table.schema.key_index);
  std::vector<ColumnParts> parts;
  for (const Column& column : table.columns) {
    ColumnParts column_parts = parts_of(column);
    ColumnEntry entry;
    entry.spec = column.spec;
    entry.width = static_cast<uint8_t>(column.width);
    // Float, Bool and set columns have no range; Column keeps 0, 0 for them.
    const ValueRange range = overall_range(column_parts.blocks);
    entry.min = column_parts.blocks.min.empty() ? column.min : range.min;
    entry.max = column_parts.blocks.min.empty() ? column.max : range.max;
    entry.dictionary_fingerprint = column.dictionary.fingerprint();
    XXH3_state_t* state = XXH3_createState();
    XXH3_64bits_reset(state);
    for (const auto& [id, bytes] : column_parts.sections) {
      XXH3_64bits_update(state, bytes.data, bytes.size);
      entry.sections.push_back({id, 0, bytes.size});
    }
    entry.checksum = XXH3_64bits_digest(state);
    XXH3_freeState(state);
    directory.columns.push_back(std::move(entry));
    parts.push_back(std::move(column_parts));
  }
  // Offsets are fixed-width numbers, so the directory's size does not depend
  // on them: lay out once with zeros, then fill them in.
  const uint64_t directory_size = columnar::encode_directory(directory).size();
  uint64_t end = align_up(sizeof(columnar::FileHeader) + directory_size);
  for (ColumnEntry& column : directory.columns) {
    for (columnar::SectionEntry& section : column.sections) {
      section.offset = end;
      end = align_up(end + section.size);
    }
  }
  const std::string directory_bytes = columnar::encode_directory(directory);

  columnar::FileHeader header{};
  std::memcpy(header.magic, columnar::kMagic, sizeof(header.magic));
  header.format_version = columnar::kFormatVersion;
  header.header_size = sizeof(columnar::FileHeader);
  header.file_size = end;
  header.row_count = table.row_count;
  header.directory_offset = sizeof(columnar::FileHeader);
  header.directory_size = directory_bytes.size();
  header.directory_checksum = XXH3_64bits(directory_bytes.data(), directory_bytes.size());
  header.header_checksum = XXH3_64bits(&header, offsetof(columnar::FileHeader, header_checksum));

  // The temporary file is beside the target, so that the rename stays on one
  // file system and is atomic.
  const std::filesystem::path target(path);
  const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : ".";
  std::string temporary = (folder / ("." + target.filename().string() + ".segc-XXXXXX")).string();
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) return system_error("write", path);
  const RemoveOnInterrupt remove_on_interrupt(temporary);
  const mode_t mask = ::umask(0);
  ::umask(mask);
  bool ok = ::fchmod(fd, 0666 & ~mask) == 0;
  uint64_t position = 0;
  ok = ok && write_all(fd, &header, sizeof(header));
  ok = ok && write_all(fd, directory_bytes.data(), directory_bytes.size());
  position = sizeof(header) + directory_bytes.size();
  for (size_t c = 0; c < parts.size() && ok; ++c) {
    const uint64_t column_start = position;
    for (size_t s = 0; s < parts[c].sections.size() && ok; ++s) {
      const Bytes bytes = parts[c].sections[s].second;
      ok = write_padding(fd, position, directory.columns[c].sections[s].offset) &&
           write_all(fd, bytes.data, bytes.size);
      position += bytes.size;
    }
    start_writeback(fd, column_start, position - column_start);
  }
  ok = ok && write_padding(fd, position, end);
  ok = ok && ::fsync(fd) == 0;
  std::string problem = ok ? "" : system_error("write", path);
  if (::close(fd) != 0 && problem.empty()) problem = system_error("write", path);
  if (problem.empty() && std::rename(temporary.c_str(), path.c_str()) != 0) {
    problem = system_error("replace", path);
  }
  if (!problem.empty()) std::remove(temporary.c_str());
  return problem;
}

}  // namespace segc::runtime
