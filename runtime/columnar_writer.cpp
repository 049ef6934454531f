// ColumnarFileWriter: each column's block statistics and checksum, then its
// sections at the end of a temporary file, in schema order; at commit the
// directory and header go in front, and the file is synced and renamed into
// place. write_columnar_file writes a whole table through it.
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
#include "runtime/output_file_mode.h"

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

bool pwrite_all(int fd, const void* data, uint64_t size, uint64_t offset) {
  const auto* at = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t written = ::pwrite(fd, at, std::min<uint64_t>(size, uint64_t{1} << 30), static_cast<off_t>(offset));
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    at += written;
    size -= static_cast<uint64_t>(written);
    offset += static_cast<uint64_t>(written);
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

// The entry of `column` without its sections' offsets, with its checksum.
ColumnEntry entry_of(const Column& column, const ColumnParts& parts) {
  ColumnEntry entry;
  entry.spec = column.spec;
  entry.width = static_cast<uint8_t>(column.width);
  // Float, Bool and set columns have no range; Column keeps 0, 0 for them.
  const ValueRange range = overall_range(parts.blocks);
  entry.min = parts.blocks.min.empty() ? column.min : range.min;
  entry.max = parts.blocks.min.empty() ? column.max : range.max;
  entry.dictionary_fingerprint = column.dictionary.fingerprint();
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  for (const auto& [id, bytes] : parts.sections) {
    XXH3_64bits_update(state, bytes.data, bytes.size);
    entry.sections.push_back({id, 0, bytes.size});
  }
  entry.checksum = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return entry;
}

// The most bytes the directory of a file of `schema` can take: offsets,
// sizes and statistics are fixed-width numbers, so only the number of
// sections varies, and a set column has the most with masks (width 1).
uint64_t largest_directory_size(const TableSchema& schema, std::string_view segc_version) {
  columnar::Directory directory;
  directory.segc_version = std::string(segc_version);
  for (const ColumnSpec& spec : schema.columns) {
    ColumnEntry entry;
    entry.spec = spec;
    for (Section id : columnar::required_sections(spec.kind, 1)) entry.sections.push_back({id, 0, 0});
    directory.columns.push_back(std::move(entry));
  }
  return columnar::encode_directory(directory).size();
}

}  // namespace

struct ColumnarFileWriter::Prepared {
  Column owned;                   // when the writer took the column
  const Column* column = nullptr;
  ColumnParts parts;
  ColumnEntry entry;  // offsets filled in when written
};

ColumnarFileWriter::ColumnarFileWriter(std::string path, const TableSchema& schema, std::string_view segc_version)
    : path_(std::move(path)), schema_(schema), segc_version_(segc_version) {
  entries_.resize(schema.columns.size());
  pending_.resize(schema.columns.size());
  // Sections start after the largest directory the schema allows, so that
  // they can be written as columns are finished, before the directory
  // (which needs all of them) is known. The reader takes sections anywhere
  // after the directory.
  end_ = align_up(sizeof(columnar::FileHeader) + largest_directory_size(schema, segc_version));
}

ColumnarFileWriter::~ColumnarFileWriter() {
  if (fd_ >= 0) ::close(fd_);
  if (!temporary_.empty() && !committed_) std::remove(temporary_.c_str());
}

std::string ColumnarFileWriter::open() {
  // The temporary file is beside the target, so that the rename stays on one
  // file system and is atomic.
  const std::filesystem::path target(path_);
  const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : ".";
  std::string temporary = (folder / ("." + target.filename().string() + ".segc-XXXXXX")).string();
  fd_ = ::mkstemp(temporary.data());
  if (fd_ < 0) return system_error("write", path_);
  temporary_ = std::move(temporary);
  remove_on_interrupt_ = std::make_unique<RemoveOnInterrupt>(temporary_);
  if (::fchmod(fd_, output_file_mode_at(path_)) != 0) problem_ = system_error("write", path_);
  return problem_;
}

void ColumnarFileWriter::add(size_t index, Column&& column) {
  auto prepared = std::make_unique<Prepared>();
  prepared->owned = std::move(column);
  prepared->column = &prepared->owned;
  add_prepared(index, std::move(prepared));
}

void ColumnarFileWriter::add(size_t index, const Column& column) {
  auto prepared = std::make_unique<Prepared>();
  prepared->column = &column;
  add_prepared(index, std::move(prepared));
}

void ColumnarFileWriter::add_prepared(size_t index, std::unique_ptr<Prepared> prepared) {
  // Statistics and checksum outside the lock: they are most of the CPU work.
  prepared->parts = parts_of(*prepared->column);
  prepared->entry = entry_of(*prepared->column, prepared->parts);
  const std::lock_guard<std::mutex> lock(mutex_);
  pending_[index] = std::move(prepared);
  // Columns go into the file in schema order, whoever finished first, so
  // that the file does not depend on the thread count.
  while (next_ < pending_.size() && pending_[next_] != nullptr) {
    write_column(next_);
    pending_[next_].reset();  // frees an owned column's arrays
    ++next_;
  }
}

void ColumnarFileWriter::write_column(size_t index) {
  Prepared& prepared = *pending_[index];
  ColumnEntry& entry = prepared.entry;
  const uint64_t column_start = end_;
  for (size_t s = 0; s < entry.sections.size(); ++s) {
    const Bytes bytes = prepared.parts.sections[s].second;
    entry.sections[s].offset = end_;
    if (problem_.empty() && !pwrite_all(fd_, bytes.data, bytes.size, end_)) problem_ = system_error("write", path_);
    end_ = align_up(end_ + bytes.size);
  }
  if (problem_.empty()) start_writeback(fd_, column_start, end_ - column_start);
  entries_[index] = std::move(entry);
}

std::string ColumnarFileWriter::commit(uint64_t row_count) {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (!problem_.empty()) return problem_;
  if (fd_ < 0) return "the columnar file was not opened";
  if (next_ != pending_.size()) return "internal error: a column was never written";
  columnar::Directory directory;
  directory.segc_version = segc_version_;
  directory.row_count = row_count;
  directory.key_index = static_cast<uint32_t>(schema_.key_index);
  directory.columns = std::move(entries_);
  const std::string directory_bytes = columnar::encode_directory(directory);

  columnar::FileHeader header{};
  std::memcpy(header.magic, columnar::kMagic, sizeof(header.magic));
  header.format_version = columnar::kFormatVersion;
  header.header_size = sizeof(columnar::FileHeader);
  header.file_size = end_;
  header.row_count = row_count;
  header.directory_offset = sizeof(columnar::FileHeader);
  header.directory_size = directory_bytes.size();
  header.directory_checksum = XXH3_64bits(directory_bytes.data(), directory_bytes.size());
  header.header_checksum = XXH3_64bits(&header, offsetof(columnar::FileHeader, header_checksum));

  bool ok = pwrite_all(fd_, &header, sizeof(header), 0) &&
            pwrite_all(fd_, directory_bytes.data(), directory_bytes.size(), sizeof(header)) &&
            ::ftruncate(fd_, static_cast<off_t>(end_)) == 0 && ::fsync(fd_) == 0;
  std::string problem = ok ? "" : system_error("write", path_);
  if (::close(fd_) != 0 && problem.empty()) problem = system_error("write", path_);
  fd_ = -1;
  if (problem.empty() && std::rename(temporary_.c_str(), path_.c_str()) != 0) problem = system_error("replace", path_);
  committed_ = problem.empty();
  return problem;
}

std::string write_columnar_file(const std::string& path, const Table& table, std::string_view segc_version) {
  ColumnarFileWriter writer(path, table.schema, segc_version);
  if (std::string problem = writer.open(); !problem.empty()) return problem;
  for (size_t i = 0; i < table.columns.size(); ++i) writer.add(i, table.columns[i]);
  return writer.commit(table.row_count);
}

}  // namespace segc::runtime
