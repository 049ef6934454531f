// open_columnar_file: maps the file read-only and builds a Table whose arrays
// point into the mapping, after checking everything that costs no pass over
// the data (see columnar_file.h).
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "runtime/calendar.h"
#include "runtime/columnar_file.h"
#include "runtime/columnar_format.h"
#include "runtime/columnar_problems.h"
#include "runtime/set_masks.h"

namespace segc::runtime {
namespace {

using columnar::ColumnEntry;
using columnar::Section;
using columnar::SectionEntry;
using columnar::check_dictionary;
using columnar::counted;
using columnar::invalid;
using columnar::unreadable;

// Unmaps when the last array borrowing from it goes.
struct Mapping {
  void* address = nullptr;
  size_t size = 0;
  Mapping() = default;
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() {
    if (address != nullptr) ::munmap(address, size);
  }
};

uint64_t align_up(uint64_t value) {
  return (value + columnar::kAlignment - 1) / columnar::kAlignment * columnar::kAlignment;
}

// The size in bytes a section must have; `entries` is the dictionary's size
// for an Enum (its values), otherwise unused.
std::optional<uint64_t> expected_size(Section id, const ColumnEntry& column, uint64_t rows) {
  const uint64_t words = (rows + 63) / 64;
  const uint64_t blocks = block_count(rows);
  switch (id) {
    case Section::Present: return words * 8;
    case Section::Values:
      switch (column.spec.kind) {
        case ColumnKind::Float: return rows * 8;
        case ColumnKind::Bool: return words * 8;
        default: return (rows * column.width + 7) / 8 * 8;
      }
    case Section::SetOffsets: return (rows + 1) * 4;
    case Section::DictionaryOffsets:
      if (column.spec.kind == ColumnKind::Enum) return (column.spec.enum_values.size() + 1) * 8;
      return std::nullopt;
    case Section::BlockPresent: return blocks * 4;
    case Section::BlockMin:
    case Section::BlockMax: return blocks * 8;
    default: return std::nullopt;
  }
}

bool valid_width(const ColumnEntry& column) {
  switch (column.spec.kind) {
    case ColumnKind::Int:
    case ColumnKind::Decimal:
    case ColumnKind::Date: return column.width == 1 || column.width == 2 || column.width == 4 || column.width == 8;
    case ColumnKind::String:
    case ColumnKind::Enum: return column.width == 1 || column.width == 2 || column.width == 4;
    case ColumnKind::StringSet:  // masks, or 0 for none; checked against the dictionary later
      return column.width == 0 || column.width == 1 || column.width == 2 || column.width == 4 ||
             column.width == 8;
    default: return true;
  }
}

class Opener {
 public:
  Opener(ColumnarFile& file, const char* base, std::shared_ptr<const void> keeper)
      : file_(file), base_(base), keeper_(std::move(keeper)) {}

  ColumnarProblem columns(const columnar::Directory& directory, uint64_t data_start) {
    const uint64_t rows = directory.row_count;
    Table& table = file_.table;
    table.row_count = rows;
    table.schema.key_index = directory.key_index;
    if (directory.key_index >= directory.columns.size()) return invalid(file_.path, "the key column index is out of range");
    for (size_t i = 0; i < directory.columns.size(); ++i) {
      const ColumnEntry& entry = directory.columns[i];
      const std::string where = fmt::format("column '{}'", entry.spec.name);
      if (entry.spec.is_key != (i == directory.key_index)) return invalid(file_.path, where + ": its key flag disagrees with the key index");
      if (!valid_width(entry)) return invalid(file_.path, fmt::format("{}: width {} is not possible for its type", where, entry.width));
      const std::vector<Section> wanted = columnar::required_sections(entry.spec.kind, entry.width);
      if (entry.sections.size() != wanted.size()) return invalid(file_.path, where + ": wrong number of sections");
      for (size_t s = 0; s < wanted.size(); ++s) {
        const SectionEntry& section = entry.sections[s];
        const std::string name = fmt::format("{}, {}", where, columnar::section_name(wanted[s]));
        if (section.id != wanted[s]) return invalid(file_.path, fmt::format("{}: unexpected section", name));
        if (section.offset % columnar::kAlignment != 0 || section.offset < data_start ||
            section.size > file_.file_size || section.offset > file_.file_size - section.size) {
          return invalid(file_.path, fmt::format("{}: bytes {}..{} are not within the file's data ({} bytes; truncated?)",
                                                 name, section.offset, section.offset + section.size, file_.file_size));
        }
        const auto size = expected_size(section.id, entry, rows);
        if (size && *size != section.size) {
          return invalid(file_.path, fmt::format("{}: {} where {} need{} {}", name, counted(section.size, "byte", "bytes"),
                                                 counted(rows, "row", "rows"), rows == 1 ? "s" : "", *size));
        }
        if ((section.id == Section::SetCodes && section.size % 4 != 0) ||
            (section.id == Section::DictionaryOffsets && (section.size % 8 != 0 || section.size == 0))) {
          return invalid(file_.path, fmt::format("{}: {} is not a whole number of entries", name,
                                                 counted(section.size, "byte", "bytes")));
        }
      }
      table.schema.columns.push_back(entry.spec);
      table.columns.push_back(column(entry, rows));
      if (auto problem = check_ends(table.columns.back(), where)) return problem;
      file_.checksums.push_back(entry.checksum);
    }
    file_.verified.assign(table.columns.size(), false);
    return {};
  }

 private:
  template <class T>
  ColumnArray<T> array(const SectionEntry& section) const {
    return ColumnArray<T>::borrow(reinterpret_cast<const T*>(base_ + section.offset), section.size / sizeof(T), keeper_);
  }

  Column column(const ColumnEntry& entry, uint64_t rows) const {
    Column column;
    column.spec = entry.spec;
    column.width = entry.width;
    column.min = entry.min;
    column.max = entry.max;
    ColumnArray<uint64_t> dictionary_offsets;
    ColumnArray<char> dictionary_bytes;
    for (const SectionEntry& section : entry.sections) {
      const auto* words = reinterpret_cast<const uint64_t*>(base_ + section.offset);
      switch (section.id) {
        case Section::Present: column.present = Bitmap::borrow(words, rows, keeper_); break;
        case Section::Values:
          if (entry.spec.kind == ColumnKind::Bool) {
            column.bools = Bitmap::borrow(words, rows, keeper_);
          } else if (entry.spec.kind == ColumnKind::Float) {
            column.floats = array<double>(section);
          } else {
            column.storage = array<uint64_t>(section);
          }
          break;
        case Section::SetOffsets: column.set_offsets = array<uint32_t>(section); break;
        case Section::SetCodes: column.set_codes = array<uint32_t>(section); break;
        case Section::DictionaryOffsets: dictionary_offsets = array<uint64_t>(section); break;
        case Section::DictionaryBytes: dictionary_bytes = array<char>(section); break;
        case Section::BlockPresent: column.blocks.present = array<uint32_t>(section); break;
        case Section::BlockMin: column.blocks.min = array<int64_t>(section); break;
        case Section::BlockMax: column.blocks.max = array<int64_t>(section); break;
      }
    }
    if (!dictionary_offsets.empty()) {
      column.dictionary = Dictionary::borrow(std::move(dictionary_offsets), std::move(dictionary_bytes),
                                             entry.dictionary_fingerprint);
    }
    return column;
  }

  // What every evaluation reads of every column, referenced or not: the
  // ends of the offset arrays, and enum dictionaries (compared with the schema).
  ColumnarProblem check_ends(const Column& column, const std::string& where) const {
    const ColumnKind kind = column.spec.kind;
    if (kind == ColumnKind::String || kind == ColumnKind::Enum || kind == ColumnKind::StringSet) {
      const auto& offsets = column.dictionary.offsets();
      if (offsets[0] != 0 || offsets.back() != column.dictionary.bytes().size()) {
        return invalid(file_.path, where + ": the dictionary offsets do not match its text");
      }
    }
    if (kind == ColumnKind::Enum) {
      if (auto problem = check_dictionary(file_.path, column, where)) return problem;
      if (!(column.dictionary == column.spec.enum_values)) {
        return invalid(file_.path, where + ": the dictionary is not the enum's values");
      }
    }
    if (kind == ColumnKind::StringSet &&
        (column.set_offsets[0] != 0 || column.set_offsets.back() != column.set_codes.size())) {
      return invalid(file_.path, where + ": the set offsets do not match the set codes");
    }
    // Date arithmetic assumes the dates Seg supports. The range is the
    // column's, which verify_columns checks against the data.
    if (kind == ColumnKind::Date && (!calendar::is_valid_day(column.min) || !calendar::is_valid_day(column.max))) {
      return invalid(file_.path, fmt::format("{}: holds dates outside 0001-01-01..9999-12-31 (days {} to {} from "
                                             "1970-01-01)", where, column.min, column.max));
    }
    // Generated code reads `width` bytes per row and tests bits by code.
    if (kind == ColumnKind::StringSet && column.width != set_mask_width(column.dictionary.size())) {
      return invalid(file_.path, fmt::format("{}: set masks of {} do not fit a dictionary of {}", where,
                                             counted(column.width, "byte", "bytes"),
                                             counted(column.dictionary.size(), "value", "values")));
    }
    return {};
  }

  ColumnarFile& file_;
  const char* base_;
  std::shared_ptr<const void> keeper_;
};

}  // namespace

bool is_columnar_file(const std::string& path) {
  // Only a regular file can be a columnar file (it is mapped into memory).
  // A pipe or a FIFO is not even opened here: bytes read would be gone for
  // the CSV loader, and a FIFO's writer would see its reader go away.
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return false;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char magic[sizeof(columnar::kMagic)] = {};
  const ssize_t got = ::read(fd, magic, sizeof(magic));
  ::close(fd);
  return got == static_cast<ssize_t>(sizeof(magic)) && std::memcmp(magic, columnar::kMagic, sizeof(magic)) == 0;
}

ColumnarProblem open_columnar_file(const std::string& path, ColumnarFile& file) {
  file = ColumnarFile{};
  file.path = path;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return unreadable(path, std::strerror(errno));
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    const int saved = S_ISDIR(info.st_mode) ? EISDIR : errno;
    ::close(fd);
    return unreadable(path, S_ISDIR(info.st_mode) || saved != 0 ? std::strerror(saved) : "not a regular file");
  }
  file.file_size = static_cast<uint64_t>(info.st_size);
  char magic[sizeof(columnar::kMagic)] = {};
  if (::pread(fd, magic, sizeof(magic), 0) != static_cast<ssize_t>(sizeof(magic)) ||
      std::memcmp(magic, columnar::kMagic, sizeof(magic)) != 0) {
    ::close(fd);
    return invalid(path, "not a segc columnar file (wrong magic bytes)");
  }
  if (file.file_size < sizeof(columnar::FileHeader)) {
    ::close(fd);
    return invalid(path, fmt::format("truncated: {} bytes, less than the 64-byte header", file.file_size));
  }
  auto mapping = std::make_shared<Mapping>();
  void* address = ::mmap(nullptr, file.file_size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (address == MAP_FAILED) return unreadable(path, fmt::format("cannot map it: {}", std::strerror(errno)));
  mapping->address = address;
  mapping->size = file.file_size;
  const char* base = static_cast<const char*>(address);

  columnar::FileHeader header{};
  std::memcpy(&header, base, sizeof(header));
  if (header.format_version != columnar::kFormatVersion) {
    return invalid(path, fmt::format("columnar format version {}, but this segc reads version {}; "
                                     "import the CSV again with this segc",
                                     header.format_version, columnar::kFormatVersion));
  }
  if (header.header_size != sizeof(header) ||
      header.header_checksum != XXH3_64bits(&header, offsetof(columnar::FileHeader, header_checksum))) {
    return invalid(path, "the header is damaged (checksum mismatch)");
  }
  if (header.file_size != file.file_size) {
    return invalid(path, fmt::format("{}: the header says {} but the file has {}",
                                     header.file_size > file.file_size ? "truncated" : "wrong size",
                                     counted(header.file_size, "byte", "bytes"), file.file_size));
  }
  if (header.directory_offset != sizeof(header) || header.directory_size > file.file_size - sizeof(header)) {
    return invalid(path, "the directory is not within the file");
  }
  const char* directory_bytes = base + header.directory_offset;
  if (header.directory_checksum != XXH3_64bits(directory_bytes, header.directory_size)) {
    return invalid(path, "the directory is damaged (checksum mismatch)");
  }
  columnar::Directory directory;
  if (std::string problem = columnar::decode_directory(directory_bytes, header.directory_size, directory);
      !problem.empty()) {
    return invalid(path, "the directory is damaged: " + problem);
  }
  if (directory.row_count != header.row_count || directory.row_count >= std::numeric_limits<uint32_t>::max()) {
    return invalid(path, fmt::format("bad row count {}", directory.row_count));
  }
  file.segc_version = directory.segc_version;
  Opener opener(file, base, std::shared_ptr<const void>(mapping, mapping.get()));
  if (auto problem = opener.columns(directory, align_up(header.directory_offset + header.directory_size))) {
    file.table = Table{};
    return problem;
  }
  return {};
}

}  // namespace segc::runtime
