// The directory of a columnar file as bytes: fixed-width little-endian
// numbers and length-prefixed strings. Decoding checks every length against
// the bytes left, so a damaged directory is an error, never a read past it.
#include <fmt/format.h>

#include <cstring>

#include "runtime/columnar_format.h"

namespace segc::runtime::columnar {
namespace {

class Encoder {
 public:
  template <class T>
  void number(T value) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    out_.append(bytes, sizeof(T));
  }
  void text(const std::string& value) {
    number<uint32_t>(static_cast<uint32_t>(value.size()));
    out_.append(value);
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads until the first problem; later reads then do nothing.
class Decoder {
 public:
  Decoder(const char* bytes, uint64_t size) : at_(bytes), left_(size) {}

  template <class T>
  T number(const char* what) {
    T value{};
    if (!take(sizeof(T), what)) return value;
    std::memcpy(&value, at_ - sizeof(T), sizeof(T));
    return value;
  }
  std::string text(const char* what) {
    const auto length = number<uint32_t>(what);
    if (!take(length, what)) return {};
    return {at_ - length, length};
  }
  // A count of items of at least `item_bytes` each: more than the bytes left
  // could hold is damage (and must not become a huge allocation).
  uint32_t count(const char* what, uint64_t item_bytes) {
    const auto value = number<uint32_t>(what);
    if (error_.empty() && static_cast<uint64_t>(value) * item_bytes > left_) {
      error_ = fmt::format("{} count {} is more than the directory can hold", what, value);
      return 0;
    }
    return value;
  }
  void fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
  }
  const std::string& error() const { return error_; }
  uint64_t left() const { return left_; }

 private:
  bool take(uint64_t bytes, const char* what) {
    if (!error_.empty()) return false;
    if (bytes > left_) {
      error_ = fmt::format("the directory ends inside {}", what);
      return false;
    }
    at_ += bytes;
    left_ -= bytes;
    return true;
  }

  const char* at_;
  uint64_t left_;
  std::string error_;
};

}  // namespace

std::vector<Section> required_sections(ColumnKind kind, int width) {
  using S = Section;
  switch (kind) {
    case ColumnKind::Int:
    case ColumnKind::Decimal:
    case ColumnKind::Date: return {S::Present, S::Values, S::BlockPresent, S::BlockMin, S::BlockMax};
    case ColumnKind::String:
    case ColumnKind::Enum:
      return {S::Present,         S::Values,       S::DictionaryOffsets, S::DictionaryBytes,
              S::BlockPresent,    S::BlockMin,     S::BlockMax};
    case ColumnKind::Float:
    case ColumnKind::Bool: return {S::Present, S::Values, S::BlockPresent};
    case ColumnKind::StringSet:
      if (width != 0) {  // the masks (runtime/set_masks.h) are its values
        return {S::Present,          S::Values,          S::SetOffsets,  S::SetCodes,
                S::DictionaryOffsets, S::DictionaryBytes, S::BlockPresent};
      }
      return {S::Present, S::SetOffsets, S::SetCodes, S::DictionaryOffsets, S::DictionaryBytes,
              S::BlockPresent};
  }
  return {};
}

const char* section_name(Section section) {
  switch (section) {
    case Section::Present: return "presence bitmap";
    case Section::Values: return "values";
    case Section::SetOffsets: return "set offsets";
    case Section::SetCodes: return "set codes";
    case Section::DictionaryOffsets: return "dictionary offsets";
    case Section::DictionaryBytes: return "dictionary text";
    case Section::BlockPresent: return "block present counts";
    case Section::BlockMin: return "block minimums";
    case Section::BlockMax: return "block maximums";
  }
  return "unknown section";
}

std::string encode_directory(const Directory& directory) {
  Encoder out;
  out.text(directory.segc_version);
  out.number<uint64_t>(directory.row_count);
  out.number<uint32_t>(directory.key_index);
  out.number<uint32_t>(static_cast<uint32_t>(directory.columns.size()));
  for (const ColumnEntry& column : directory.columns) {
    out.text(column.spec.name);
    out.number<uint8_t>(static_cast<uint8_t>(column.spec.kind));
    out.number<int32_t>(column.spec.scale);
    out.number<uint8_t>(column.spec.is_key ? 1 : 0);
    out.number<uint32_t>(static_cast<uint32_t>(column.spec.enum_values.size()));
    for (const std::string& value : column.spec.enum_values) out.text(value);
    out.number<uint8_t>(column.width);
    out.number<int64_t>(column.min);
    out.number<int64_t>(column.max);
    out.number<uint64_t>(column.dictionary_fingerprint);
    out.number<uint64_t>(column.checksum);
    out.number<uint32_t>(static_cast<uint32_t>(column.sections.size()));
    for (const SectionEntry& section : column.sections) {
      out.number<uint8_t>(static_cast<uint8_t>(section.id));
      out.number<uint64_t>(section.offset);
      out.number<uint64_t>(section.size);
    }
  }
  return out.take();
}

std::string decode_directory(const char* bytes, uint64_t size, Directory& directory) {
  Decoder in(bytes, size);
  directory.segc_version = in.text("the segc version");
  directory.row_count = in.number<uint64_t>("the row count");
  directory.key_index = in.number<uint32_t>("the key index");
  const uint32_t columns = in.count("column", 40);
  for (uint32_t i = 0; i < columns && in.error().empty(); ++i) {
    ColumnEntry column;
    column.spec.name = in.text("a column name");
    const auto kind = in.number<uint8_t>("a column kind");
    if (kind > static_cast<uint8_t>(ColumnKind::StringSet)) {
      in.fail(fmt::format("column {} has unknown kind {}", i + 1, kind));
    }
    column.spec.kind = static_cast<ColumnKind>(kind);
    column.spec.scale = in.number<int32_t>("a decimal scale");
    column.spec.is_key = in.number<uint8_t>("a key flag") != 0;
    const uint32_t values = in.count("enum value", 4);
    for (uint32_t v = 0; v < values && in.error().empty(); ++v) {
      column.spec.enum_values.push_back(in.text("an enum value"));
    }
    column.width = in.number<uint8_t>("a column width");
    column.min = in.number<int64_t>("a column minimum");
    column.max = in.number<int64_t>("a column maximum");
    column.dictionary_fingerprint = in.number<uint64_t>("a dictionary fingerprint");
    column.checksum = in.number<uint64_t>("a column checksum");
    const uint32_t sections = in.count("section", 17);
    for (uint32_t s = 0; s < sections && in.error().empty(); ++s) {
      SectionEntry section;
      section.id = static_cast<Section>(in.number<uint8_t>("a section id"));
      section.offset = in.number<uint64_t>("a section offset");
      section.size = in.number<uint64_t>("a section size");
      column.sections.push_back(section);
    }
    directory.columns.push_back(std::move(column));
  }
  if (in.error().empty() && in.left() != 0) in.fail("the directory has bytes after its last column");
  return in.error();
}

}  // namespace segc::runtime::columnar
