#include "runtime/csv_block_scan.h"

#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace segc::runtime::csv {
namespace {

struct Marks {
  uint64_t stops = 0;  // the delimiter and '\n'
  uint64_t odd = 0;    // '"' and '\r', which plain records have only as "\r\n"
};

// One bit per byte of text[at, at + 64); bytes past the end are never marked.
Marks marks_at(std::string_view text, size_t at, char delimiter) {
  Marks marks;
  const char* data = text.data() + at;
#if defined(__SSE2__)
  if (at + 64 <= text.size()) {
    const __m128i delimiters = _mm_set1_epi8(delimiter);
    const __m128i newlines = _mm_set1_epi8('\n');
    const __m128i quotes = _mm_set1_epi8('"');
    const __m128i returns = _mm_set1_epi8('\r');
    for (int part = 0; part < 4; ++part) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 16 * part));
      const auto stops = static_cast<uint32_t>(
          _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(bytes, delimiters), _mm_cmpeq_epi8(bytes, newlines))));
      const auto odd = static_cast<uint32_t>(
          _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(bytes, quotes), _mm_cmpeq_epi8(bytes, returns))));
      marks.stops |= uint64_t{stops} << (16 * part);
      marks.odd |= uint64_t{odd} << (16 * part);
    }
    return marks;
  }
#endif
  const size_t count = text.size() - at < 64 ? text.size() - at : 64;
  for (size_t i = 0; i < count; ++i) {
    const char c = data[i];
    if (c == delimiter || c == '\n') marks.stops |= uint64_t{1} << i;
    if (c == '"' || c == '\r') marks.odd |= uint64_t{1} << i;
  }
  return marks;
}

// Offsets are kept in 32 bits relative to the scan's start; a scan stops
// (as at an irregular record) well before they could overflow.
constexpr size_t kMaxSpan = size_t{1} << 31;

}  // namespace

void scan_plain_records(std::string_view text, char delimiter, size_t start, size_t limit, size_t width,
                        size_t max_rows, PlainRecords& out) {
  const size_t stride = width + 1;
  if (out.bounds.size() < max_rows * stride) out.bounds.resize(max_rows * stride);
  uint32_t* bounds = out.bounds.data();
  out.rows = 0;
  out.next = start;
  if (start >= limit || max_rows == 0 || width == 0) {
    out.end = start >= limit ? PlainRecords::End::Limit : PlainRecords::End::Irregular;
    return;
  }
  size_t rows = 0;
  size_t field = 0;
  size_t record = start;      // where the current record begins
  bool skip_newline = false;  // the '\n' of a "\r\n" split across windows
  const auto stop = [&](PlainRecords::End end) {
    out.end = end;
    out.rows = rows;
    out.next = record;
  };
  bounds[0] = 0;
  for (size_t window = start; window < text.size(); window += 64) {
    const Marks marks = marks_at(text, window, delimiter);
    uint64_t pending = marks.stops | marks.odd;
    if (skip_newline) pending &= ~uint64_t{1};
    skip_newline = false;
    while (pending != 0) {
      const int bit = std::countr_zero(pending);
      pending &= pending - 1;
      const size_t at = window + static_cast<size_t>(bit);
      if (at - start >= kMaxSpan) return stop(PlainRecords::End::Irregular);
      const char c = text[at];
      if (c == delimiter) {
        if (++field == width) return stop(PlainRecords::End::Irregular);  // too many fields
        bounds[rows * stride + field] = static_cast<uint32_t>(at + 1 - start);
        continue;
      }
      size_t after = at + 1;  // where the next record begins
      if (c == '"') return stop(PlainRecords::End::Irregular);
      if (c == '\r') {
        // Only "\r\n" ends a line; a lone CR is text, RecordReader's business.
        if (after >= text.size() || text[after] != '\n') return stop(PlainRecords::End::Irregular);
        ++after;
        if (bit == 63) {
          skip_newline = true;
        } else {
          pending &= ~(uint64_t{1} << (bit + 1));
        }
      }
      // A line end: the record is plain when it has every field and is not
      // a blank line (which RecordReader skips).
      if (field + 1 != width || at == record) return stop(PlainRecords::End::Irregular);
      bounds[rows * stride + width] = static_cast<uint32_t>(at + 1 - start);
      ++rows;
      field = 0;
      record = after;
      if (record >= limit) return stop(PlainRecords::End::Limit);
      if (rows == max_rows) return stop(PlainRecords::End::Full);
      bounds[rows * stride] = static_cast<uint32_t>(record - start);
    }
  }
  // The text ends inside a record without a line break.
  stop(PlainRecords::End::Irregular);
}

}  // namespace segc::runtime::csv
