// Finds the fields of a run of plain records in one pass over the bytes, for
// the loader's column-at-a-time path (csv_chunk_loader.cpp).
//
// A plain record is one physical line ending in '\n' or "\r\n" with exactly
// `width` fields, none quoted and no other '"' or '\r' in it. Nearly every
// record of a machine-written file is plain; whatever is not (quotes, blank
// lines, a wrong field count, the last line without a line break) ends the
// run and is left to RecordReader, which knows every rule of the format.
// The scan reads 64 bytes at a time and turns them into bit masks, so its
// cost per byte does not depend on how long the fields are.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace segc::runtime::csv {

struct PlainRecords {
  enum class End : uint8_t {
    Full,       // max_rows records were found
    Irregular,  // the record at `next` is not plain (or the text ends there)
    Limit,      // the next record would start at or after the limit
  };

  size_t rows = 0;
  // Per record, width + 1 offsets relative to the scan's start: where each
  // field begins, then one past the end of the last field plus one, so that
  // field f spans [at[f], at[f + 1] - 1).
  std::vector<uint32_t> bounds;
  size_t next = 0;  // absolute offset where the record after the last one begins
  End end = End::Irregular;

  // Absolute offset of record `row`'s first byte (row <= rows; `rows` gives `next`).
  size_t record_start(size_t start, size_t width, size_t row) const {
    return row == rows ? next : start + bounds[row * (width + 1)];
  }
};

// Scans plain records from `start`, which must be where a record may begin,
// while they start before `limit`, at most `max_rows` of them.
void scan_plain_records(std::string_view text, char delimiter, size_t start, size_t limit, size_t width,
                        size_t max_rows, PlainRecords& out);

}  // namespace segc::runtime::csv
