#include "runtime/csv_chunks.h"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "runtime/column_dictionary.h"
#include "runtime/csv_bytes.h"

namespace segc::runtime::csv {
namespace {

// '\n' bytes in `text`: sixteen at a time into byte counters that are
// summed before they can overflow (SSE2 is part of every x86-64), then eight.
size_t count_newlines(std::string_view text) {
  size_t count = 0;
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i zero = _mm_setzero_si128();
  while (i + 16 <= text.size()) {
    const size_t end = std::min(text.size(), i + 255 * 16);
    __m128i counters = zero;
    for (; i + 16 <= end; i += 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
      counters = _mm_sub_epi8(counters, _mm_cmpeq_epi8(bytes, newline));
    }
    const __m128i sums = _mm_sad_epu8(counters, zero);
    count += static_cast<size_t>(_mm_cvtsi128_si64(sums)) +
             static_cast<size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  }
#endif
  for (; i + 8 <= text.size(); i += 8) count += count_marked(bytes_equal(load_word(text.data() + i), '\n'));
  for (; i < text.size(); ++i) count += text[i] == '\n';
  return count;
}

// The first position after a '\n' at or after `from`, or the end of the text.
size_t after_next_newline(std::string_view text, size_t from) {
  if (from >= text.size()) return text.size();
  const void* found = std::memchr(text.data() + from, '\n', text.size() - from);
  return found == nullptr ? text.size() : static_cast<size_t>(static_cast<const char*>(found) - text.data()) + 1;
}

}  // namespace

std::vector<std::unique_ptr<ChunkLoader>> load_chunks(const ChunkContext& context, size_t start, size_t line,
                                                      unsigned threads, size_t min_chunk_bytes) {
  const std::string_view text = context.text;
  const size_t bytes = text.size() - std::min(start, text.size());
  const size_t count = std::clamp<size_t>(bytes / std::max<size_t>(min_chunk_bytes, 1), 1, std::max(threads, 1u));

  // Ranges begin after a line break near equal shares of the text; a guess
  // inside a quoted field is caught below.
  std::vector<size_t> begins(count + 1, text.size());
  begins[0] = start;
  for (size_t i = 1; i < count; ++i) {
    begins[i] = std::max(begins[i - 1], after_next_newline(text, start + bytes / count * i));
  }
  // Physical lines count line breaks, so each range's first line follows from
  // the line breaks before it.
  std::vector<size_t> newlines(count, 0);
  run_on_threads(count, [&](size_t i) {
    newlines[i] = count_newlines(text.substr(begins[i], begins[i + 1] - begins[i]));
  });
  std::vector<std::unique_ptr<ChunkLoader>> chunks;
  size_t chunk_line = line;
  // The first range's builders are where the others' rows are appended
  // (csv_loader.cpp), so they reserve room for every row: only the pages
  // written are ever allocated, and the appending copies nothing twice.
  size_t all_newlines = 0;
  for (size_t count_of_range : newlines) all_newlines += count_of_range;
  for (size_t i = 0; i < count; ++i) {
    const size_t rows_estimate = (i == 0 ? all_newlines : newlines[i]) + 1;
    chunks.push_back(std::make_unique<ChunkLoader>(context, begins[i], chunk_line, begins[i + 1], rows_estimate));
    chunk_line += newlines[i];
  }
  run_on_threads(count, [&](size_t i) { chunks[i]->run(); });

  // A range fits when it begins where the one before it ended; one that does
  // not was split inside a quoted field, and is read again from that end.
  for (size_t i = 1; i < count; ++i) {
    const ChunkLoader& before = *chunks[i - 1];
    if (before.end() == chunks[i]->start()) continue;
    const size_t limit = chunks[i]->limit();
    chunks[i] = std::make_unique<ChunkLoader>(context, before.end(), before.end_line(), limit, newlines[i] + 1);
    chunks[i]->run();
  }
  return chunks;
}

bool keys_overlap(const std::vector<std::unique_ptr<ChunkLoader>>& chunks, ColumnKind key_kind) {
  if (chunks.size() < 2) return false;
  if (key_kind == ColumnKind::String) {
    // Each range's keys are distinct, so a string seen before came from an
    // earlier range.
    StringDictionary seen;
    for (const auto& chunk : chunks) {
      bool overlap = false;
      chunk->keys().for_each_code([&](uint32_t code, size_t) {
        const size_t before = seen.size();
        seen.code_of(chunk->key_builder().dictionary_value(code), true);
        overlap = overlap || seen.size() == before;
      });
      if (overlap) return true;
    }
    return false;
  }
  // Sorted files: ascending ranges that follow each other cannot overlap.
  bool sorted = true;
  const KeyLines* previous = nullptr;
  for (const auto& chunk : chunks) {
    const KeyLines& keys = chunk->keys();
    if (!keys.ascending()) {
      sorted = false;
      break;
    }
    if (keys.empty()) continue;
    if (previous != nullptr && keys.first_key() <= previous->last_key()) {
      sorted = false;
      break;
    }
    previous = &keys;
  }
  if (sorted) return false;
  KeyLines seen;
  bool overlap = false;
  for (const auto& chunk : chunks) {
    chunk->keys().for_each_int([&](int64_t key, size_t line) { overlap = overlap || seen.insert_int(key, line) != 0; });
    if (overlap) return true;
  }
  return false;
}

}  // namespace segc::runtime::csv
