#include "runtime/csv_reader.h"

#include <algorithm>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "runtime/csv_bytes.h"
#include "runtime/csv_text.h"

namespace segc::runtime::csv {

std::string_view strip_bom(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  return text;
}

char detect_delimiter(std::string_view text) {
  size_t commas = 0;
  size_t semicolons = 0;
  size_t tabs = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;  // a doubled quote toggles twice
    if (quoted) continue;
    if (c == '\n') break;
    commas += c == ',';
    semicolons += c == ';';
    tabs += c == '\t';
  }
  if (semicolons > commas && semicolons > tabs) return ';';
  if (tabs > commas && tabs > semicolons) return '\t';
  return ',';
}

bool RecordReader::at_line_end(size_t at) const {
  if (at >= text_.size()) return true;
  if (text_[at] == '\n') return true;
  return text_[at] == '\r' && (at + 1 == text_.size() || text_[at + 1] == '\n');
}

size_t RecordReader::next_stop(size_t at) const {
  const size_t size = text_.size();
  const char* data = text_.data();
#if defined(__SSE2__)
  // Sixteen bytes at a time (SSE2 is part of every x86-64).
  const __m128i delimiter = _mm_set1_epi8(delimiter_);
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i carriage_return = _mm_set1_epi8('\r');
  for (; at + 16 <= size; at += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at));
    const __m128i stops = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, delimiter), _mm_cmpeq_epi8(bytes, newline)),
                                       _mm_cmpeq_epi8(bytes, carriage_return));
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(stops));
    if (mask != 0) return at + static_cast<size_t>(std::countr_zero(mask));
  }
#endif
  // Eight bytes at a time while none of them may end the field.
  for (; at + 8 <= size; at += 8) {
    const uint64_t word = load_word(data + at);
    const uint64_t stops = bytes_equal(word, delimiter_) | bytes_equal(word, '\n') | bytes_equal(word, '\r');
    if (stops != 0) return at + static_cast<size_t>(std::countr_zero(stops)) / 8;
  }
  while (at < size && !stops_[static_cast<unsigned char>(data[at])]) ++at;
  return at;
}

void RecordReader::read_unquoted(Record& record) {
  const size_t start = pos_;
  size_t at = next_stop(pos_);
  while (at < text_.size() && text_[at] == '\r' && !at_line_end(at)) at = next_stop(at + 1);  // a lone CR is text
  record.fields.push_back(Field{text_.substr(start, at - start), start, true});
  pos_ = at;
}

void RecordReader::read_quoted(Record& record, size_t& scratch_used) {
  const size_t start = pos_;
  const size_t content = pos_ + 1;
  const size_t size = text_.size();
  size_t at = content;
  bool doubled = false;
  size_t close = std::string_view::npos;
  while (at < size) {
    const void* found = std::memchr(text_.data() + at, '"', size - at);
    if (found == nullptr) break;
    const size_t quote = static_cast<size_t>(static_cast<const char*>(found) - text_.data());
    if (quote + 1 < size && text_[quote + 1] == '"') {
      doubled = true;
      at = quote + 2;
      continue;
    }
    close = quote;
    break;
  }
  const size_t stop = close == std::string_view::npos ? size : close;
  std::string_view value = text_.substr(content, stop - content);
  line_ += static_cast<size_t>(std::count(value.begin(), value.end(), '\n'));
  Field field{value, start, true};
  if (doubled) {
    if (scratch_used == scratch_.size()) scratch_.emplace_back();
    std::string& buffer = scratch_[scratch_used++];
    buffer.clear();
    for (size_t i = 0; i < value.size(); ++i) {
      buffer.push_back(value[i]);
      if (value[i] == '"' && i + 1 < value.size() && value[i + 1] == '"') ++i;
    }
    field.value = buffer;
    field.stable = false;
  }
  record.fields.push_back(field);
  if (close == std::string_view::npos) {
    if (record.problem == RecordProblem::None) {
      record.problem = RecordProblem::UnterminatedQuote;
      record.problem_offset = start;
    }
    pos_ = size;
    return;
  }
  // Blanks may pad a closing quote; anything else is stray text, skipped to
  // the next delimiter so that later fields still line up.
  pos_ = close + 1;
  while (pos_ < size && (text_[pos_] == ' ' || (text_[pos_] == '\t' && delimiter_ != '\t'))) ++pos_;
  if (pos_ < size && text_[pos_] != delimiter_ && !at_line_end(pos_)) {
    if (record.problem == RecordProblem::None) {
      record.problem = RecordProblem::TextAfterQuote;
      record.problem_offset = pos_;
    }
    while (pos_ < size && text_[pos_] != delimiter_ && !at_line_end(pos_)) ++pos_;
  }
}

bool RecordReader::next(Record& record) {
  const size_t size = text_.size();
  // Blank lines end with '\n' (or the text), and so does the line before a
  // range's limit, so this stops exactly at the limit.
  while (pos_ < limit_ && at_line_end(pos_)) {
    pos_ = std::min(pos_ + (text_[pos_] == '\r' ? 2 : 1), text_.size());
    ++line_;
  }
  if (pos_ >= limit_) return false;
  record.line = line_;
  record.begin = pos_;
  record.fields.clear();
  record.problem = RecordProblem::None;
  size_t scratch_used = 0;
  while (true) {
    if (pos_ < size && text_[pos_] == '"') {
      read_quoted(record, scratch_used);
    } else {
      read_unquoted(record);
    }
    if (pos_ < size && text_[pos_] == delimiter_) {
      ++pos_;
      continue;
    }
    record.end = pos_;
    if (pos_ < size) {  // at \n or \r\n (or a final \r)
      pos_ += text_[pos_] == '\r' ? 2 : 1;
      pos_ = std::min(pos_, size);
      ++line_;
    }
    return true;
  }
}

std::pair<size_t, size_t> RecordReader::locate(const Record& record, size_t offset) const {
  offset = std::min(offset, text_.size());
  const std::string_view before = text_.substr(record.begin, offset - std::min(offset, record.begin));
  const size_t line = record.line + static_cast<size_t>(std::count(before.begin(), before.end(), '\n'));
  const size_t newline = before.rfind('\n');
  const std::string_view on_line = newline == std::string_view::npos ? before : before.substr(newline + 1);
  return {line, 1 + count_code_points(on_line)};
}

}  // namespace segc::runtime::csv
