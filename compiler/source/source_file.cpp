#include "source/source_file.h"

namespace segc {

SourceRange join(const SourceRange& first, const SourceRange& last) {
  return SourceRange{first.file, first.begin, last.end};
}

SourceFile::SourceFile(FileId id, std::string display_path, std::string absolute_path,
                       std::string text)
    : id_(id),
      display_path_(std::move(display_path)),
      absolute_path_(std::move(absolute_path)),
      text_(std::move(text)) {
  // A UTF-8 byte order mark is not part of the rules; columns start after it.
  had_byte_order_mark_ = text_.starts_with("\xEF\xBB\xBF");
  if (had_byte_order_mark_) text_.erase(0, 3);
  line_starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

std::string_view SourceFile::line_text(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  size_t begin = line_starts_[line - 1];
  size_t end = line < line_starts_.size() ? line_starts_[line] - 1 : text_.size();
  std::string_view view(text_.data() + begin, end - begin);
  if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
  return view;
}

bool SourceFile::line_is_blank(uint32_t line) const {
  for (char c : line_text(line)) {
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

const SourceFile& SourceManager::add(std::string display_path, std::string absolute_path,
                                     std::string text) {
  auto id = static_cast<FileId>(files_.size());
  files_.push_back(std::make_unique<SourceFile>(id, std::move(display_path),
                                                std::move(absolute_path), std::move(text)));
  return *files_.back();
}

const SourceFile* SourceManager::find_by_absolute_path(std::string_view absolute_path) const {
  for (const auto& file : files_) {
    if (file->absolute_path() == absolute_path) return file.get();
  }
  return nullptr;
}

uint32_t count_code_points(std::string_view utf8) {
  uint32_t count = 0;
  for (unsigned char c : utf8) {
    if ((c & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace segc
