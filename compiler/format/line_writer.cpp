// The formatter's output buffer: lazy line breaks, blank lines and comments.
#include <fmt/format.h>

#include "format/printer.h"

namespace segc::format_detail {
namespace {

std::string_view trim_right(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' ||
                           text.back() == '\f' || text.back() == '\v')) {
    text.remove_suffix(1);
  }
  return text;
}

}  // namespace

void Measure::token(std::string_view text, std::optional<Position>) {
  if (full()) return;
  if (pending_space_) {
    ++width_;
    pending_space_ = false;
  }
  width_ += count_code_points(text);
}

LineWriter::LineWriter(const SourceFile& file, const std::vector<ast::Comment>& comments)
    : file_(file), comments_(comments), limit_(comments.size()) {}

void LineWriter::newline(int indent, BlankLines blank) {
  pending_newline_ = true;
  pending_continuation_ = false;
  pending_indent_ = indent;
  pending_blank_ = blank;
  pending_space_ = false;
}

void LineWriter::expect_continuation() {
  pending_newline_ = true;
  pending_continuation_ = true;
  pending_indent_ = base_indent_ + kContinuationIndent;
  pending_blank_ = BlankLines::None;
  pending_space_ = false;
}

void LineWriter::set_pool(size_t begin, size_t end) {
  cursor_ = begin;
  limit_ = end < comments_.size() ? end : comments_.size();
}

void LineWriter::flush_before(Position position) {
  while (cursor_ < limit_ && comments_[cursor_].range.begin < position) {
    emit_comment(comments_[cursor_++]);
  }
}

void LineWriter::flush_pool() {
  while (cursor_ < limit_) emit_comment(comments_[cursor_++]);
}

int64_t LineWriter::column() const {
  if (pending_newline_ || !line_open_) return pending_indent_;
  return line_columns_ + (pending_space_ ? 1 : 0);
}

void LineWriter::append(std::string_view text) {
  line_.append(text);
  line_columns_ += count_code_points(text);
}

bool LineWriter::first_on_source_line(Position position) const {
  const std::string_view line = file_.line_text(position.line);
  uint32_t column = 1;
  for (size_t i = 0; i < line.size() && column < position.column; ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;  // continuation byte of the same code point
    if (c != ' ' && c != '\t' && c != '\f') return false;
    ++column;
  }
  return true;
}

bool LineWriter::blank_line_before(Position position, bool first_on_line) const {
  return first_on_line && position.line > 1 && file_.line_is_blank(position.line - 1);
}

void LineWriter::close_line() {
  if (!line_open_) return;
  out_.append(trim_right(line_));
  out_.push_back('\n');
  line_.clear();
  line_open_ = false;
}

void LineWriter::begin_line(bool source_had_blank_line) {
  bool blank = false;
  switch (pending_blank_) {
    case BlankLines::Force: blank = true; break;
    case BlankLines::Keep: blank = source_had_blank_line; break;
    case BlankLines::KeepAfterFirst:
    case BlankLines::None: break;
  }
  if (pending_blank_ == BlankLines::Force || pending_blank_ == BlankLines::KeepAfterFirst) {
    pending_blank_ = BlankLines::Keep;
  }
  close_line();
  if (blank && !out_.empty()) out_.push_back('\n');
  line_.assign(static_cast<size_t>(pending_indent_), ' ');
  line_columns_ = pending_indent_;
  line_open_ = true;
  line_has_code_ = false;
  line_has_trailing_comment_ = false;
}

void LineWriter::emit_comment(const ast::Comment& comment) {
  const std::string_view text = trim_right(comment.text);
  if (!comment.own_line && line_open_ && line_has_code_ && !line_has_trailing_comment_) {
    // It followed a token that is on the open line: it stays at its end.
    line_.append("  ");
    line_.append(text);
    line_has_trailing_comment_ = true;
    if (!pending_newline_) expect_continuation();
    return;
  }
  if (!pending_newline_) expect_continuation();
  begin_line(blank_line_before(comment.range.begin, comment.own_line));
  line_.append(text);
  line_has_code_ = false;
}

void LineWriter::token(std::string_view text, std::optional<Position> anchor) {
  if (anchor) flush_before(*anchor);
  if (pending_newline_) {
    begin_line(anchor && blank_line_before(*anchor, first_on_source_line(*anchor)));
    if (!pending_continuation_) base_indent_ = pending_indent_;
    pending_newline_ = false;
    pending_continuation_ = false;
  } else if (pending_space_) {
    append(" ");
  }
  pending_space_ = false;
  append(text);
  line_has_code_ = true;
}

std::string LineWriter::finish() {
  close_line();
  return std::move(out_);
}

// ---- small shared helpers ---------------------------------------------------

std::string iso_date(int32_t days_since_epoch) {
  // Howard Hinnant's civil_from_days.
  int64_t z = static_cast<int64_t>(days_since_epoch) + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

std::string_view unit_word(ast::TimeUnit unit, bool plural) {
  switch (unit) {
    case ast::TimeUnit::Day: return plural ? "days" : "day";
    case ast::TimeUnit::Week: return plural ? "weeks" : "week";
    case ast::TimeUnit::Month: return plural ? "months" : "month";
    case ast::TimeUnit::Year: return plural ? "years" : "year";
  }
  return "days";
}

}  // namespace segc::format_detail
