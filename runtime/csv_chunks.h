// Parallel loading: the records after the header are split into one range
// per thread at line breaks, each range is loaded by its own ChunkLoader, and
// the ranges are checked to fit together, so that joining them gives exactly
// what one pass over the whole text gives (same rows, errors and lines).
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <thread>
#include <vector>

#include "runtime/csv_chunk_loader.h"

namespace segc::runtime::csv {

// Ranges smaller than this are not worth a thread.
inline constexpr size_t kMinChunkBytes = size_t{1} << 20;

// Runs work(0) .. work(count - 1), each on its own thread (work(0) on the caller's).
template <class Work>
void run_on_threads(size_t count, Work&& work) {
  std::vector<std::thread> helpers;
  for (size_t i = 1; i < count; ++i) helpers.emplace_back([&work, i] { work(i); });
  if (count > 0) work(0);
  for (std::thread& helper : helpers) helper.join();
}

// Loads the records from `start` (line `line`) to the end of context.text in
// up to `threads` ranges of at least `min_chunk_bytes`, in file order. A range
// split inside a quoted line break is found (it does not begin where the range
// before it ended) and read again from the right place.
std::vector<std::unique_ptr<ChunkLoader>> load_chunks(const ChunkContext& context, size_t start, size_t line,
                                                      unsigned threads, size_t min_chunk_bytes);

// Whether two ranges hold the same key. One pass would report (or with
// skip_bad_rows, reject) the later row, naming the line of the first; the
// ranges cannot know, so the caller loads the text again in one range.
bool keys_overlap(const std::vector<std::unique_ptr<ChunkLoader>>& chunks, ColumnKind key_kind);

// load_csv_text with a chosen smallest range, so that tests can split small
// texts into many ranges, and (`row_by_row`) without the plain-record path,
// so that they can compare it with RecordReader's.
CsvLoadResult load_text_in_chunks(std::string_view text, const TableSchema& schema, const CsvOptions& options,
                                  size_t min_chunk_bytes, bool row_by_row = false,
                                  const ColumnSink& sink = {});

}  // namespace segc::runtime::csv
