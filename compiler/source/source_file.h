// A rule file held in memory, and the positions and ranges that point into it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace segc {

using FileId = uint32_t;
inline constexpr FileId kNoFile = UINT32_MAX;

// Lines and columns count from 1; columns count Unicode code points.
struct Position {
  uint32_t line = 0;
  uint32_t column = 0;
  friend auto operator<=>(const Position&, const Position&) = default;
};

// [begin, end): end is the position just after the last code point.
struct SourceRange {
  FileId file = kNoFile;
  Position begin;
  Position end;
  bool valid() const { return file != kNoFile; }
  friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

// Covers both ranges (which must be in one file).
SourceRange join(const SourceRange& first, const SourceRange& last);

class SourceFile {
 public:
  // display_path is what diagnostics print (as the user named the file, or
  // relative to the importing file's folder); absolute_path identifies it.
  SourceFile(FileId id, std::string display_path, std::string absolute_path, std::string text);

  FileId id() const { return id_; }
  const std::string& display_path() const { return display_path_; }
  const std::string& absolute_path() const { return absolute_path_; }
  const std::string& text() const { return text_; }
  // Whether the text started with a UTF-8 byte order mark, which text() drops.
  bool had_byte_order_mark() const { return had_byte_order_mark_; }

  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
  // The text of line `line` (1-based) without its line terminator.
  std::string_view line_text(uint32_t line) const;
  // True when the line holds nothing but spaces and tabs.
  bool line_is_blank(uint32_t line) const;

 private:
  FileId id_;
  std::string display_path_;
  std::string absolute_path_;
  std::string text_;
  bool had_byte_order_mark_ = false;
  std::vector<size_t> line_starts_;  // byte offset of each line's first byte
};

// Owns every file of a compilation so that FileIds stay valid for diagnostics.
class SourceManager {
 public:
  const SourceFile& add(std::string display_path, std::string absolute_path, std::string text);
  const SourceFile& file(FileId id) const { return *files_.at(id); }
  const SourceFile* find_by_absolute_path(std::string_view absolute_path) const;
  size_t size() const { return files_.size(); }

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;
};

// Number of code points in a valid UTF-8 string.
uint32_t count_code_points(std::string_view utf8);

}  // namespace segc
