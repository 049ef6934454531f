// verify_columns: the checks of a columnar file's big arrays, made for the
// columns a run reads just before it reads them (columnar_file.h): the
// column's checksum, then its contents, so that even a file whose checksums
// were forged cannot make an evaluator read out of bounds or skip blocks on
// wrong statistics.
#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <thread>

#include <fmt/format.h>

#include "runtime/columnar_file.h"
#include "runtime/columnar_format.h"
#include "runtime/columnar_problems.h"

namespace segc::runtime {
namespace columnar {

ColumnarProblem invalid(const std::string& path, const std::string& what) {
  return {ColumnarProblem::Kind::Invalid, fmt::format("{}: {}", path, what)};
}

ColumnarProblem unreadable(const std::string& path, const std::string& what) {
  return {ColumnarProblem::Kind::Unreadable, fmt::format("cannot read {}: {}", path, what)};
}

std::string counted(uint64_t count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

ColumnarProblem check_dictionary(const std::string& path, const Column& column, const std::string& where) {
  const Dictionary& dictionary = column.dictionary;
  const uint64_t* offsets = dictionary.offsets().data();
  const size_t entries = dictionary.size();
  if (offsets[0] != 0 || offsets[entries] != dictionary.bytes().size()) {
    return invalid(path, where + ": the dictionary offsets do not match its text");
  }
  for (size_t i = 0; i < entries; ++i) {
    if (offsets[i] > offsets[i + 1]) return invalid(path, where + ": the dictionary offsets are not ascending");
  }
  if (column.spec.kind == ColumnKind::Enum) return {};
  for (size_t i = 1; i < entries; ++i) {
    if (!(dictionary[i - 1] < dictionary[i])) {
      return invalid(path, fmt::format("{}: dictionary entry {} is not after entry {} (not sorted)", where, i, i - 1));
    }
  }
  return {};
}

}  // namespace columnar
namespace {

using columnar::invalid;

uint64_t checksum_of(const Column& column) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  auto add = [&](const void* data, size_t bytes) { XXH3_64bits_update(state, data, bytes); };
  for (columnar::Section id : columnar::required_sections(column.spec.kind, column.width)) {
    switch (id) {
      case columnar::Section::Present: add(column.present.words(), column.present.word_count() * 8); break;
      case columnar::Section::Values:
        if (column.spec.kind == ColumnKind::Bool) {
          add(column.bools.words(), column.bools.word_count() * 8);
        } else if (column.spec.kind == ColumnKind::Float) {
          add(column.floats.data(), column.floats.size() * 8);
        } else {
          add(column.storage.data(), column.storage.size() * 8);
        }
        break;
      case columnar::Section::SetOffsets: add(column.set_offsets.data(), column.set_offsets.size() * 4); break;
      case columnar::Section::SetCodes: add(column.set_codes.data(), column.set_codes.size() * 4); break;
      case columnar::Section::DictionaryOffsets:
        add(column.dictionary.offsets().data(), column.dictionary.offsets().size() * 8);
        break;
      case columnar::Section::DictionaryBytes:
        add(column.dictionary.bytes().data(), column.dictionary.bytes().size());
        break;
      case columnar::Section::BlockPresent: add(column.blocks.present.data(), column.blocks.present.size() * 4); break;
      case columnar::Section::BlockMin: add(column.blocks.min.data(), column.blocks.min.size() * 8); break;
      case columnar::Section::BlockMax: add(column.blocks.max.data(), column.blocks.max.size() * 8); break;
    }
  }
  const uint64_t digest = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return digest;
}

bool tail_is_clear(const Bitmap& bits) {
  return bits.size() % 64 == 0 || (bits.words()[bits.word_count() - 1] >> (bits.size() % 64)) == 0;
}

ColumnarProblem check_sets(const std::string& path, const Column& column, const std::string& where) {
  const uint32_t* offsets = column.set_offsets.data();
  const uint32_t* codes = column.set_codes.data();
  const size_t rows = column.set_offsets.size() - 1;
  const size_t entries = column.dictionary.size();
  const size_t count = column.set_codes.size();
  // Branch-free passes (ten million rows of a few elements each): offsets
  // ascending, no elements on a missing row, codes within the dictionary.
  // The rows with elements are gathered 64 at a time into a word, compared
  // with the presence word (a bit test per row would not vectorise).
  bool descending = false;
  uint64_t missing_with_elements = 0;
  const uint64_t* present = column.present.words();
  for (size_t first = 0; first < rows; first += 64) {
    const size_t in_word = std::min<size_t>(64, rows - first);
    uint32_t falls_in_word = 0;
    uint64_t with_elements = 0;
    for (size_t i = 0; i < in_word; ++i) {
      const uint32_t start = offsets[first + i];
      const uint32_t end = offsets[first + i + 1];
      falls_in_word |= static_cast<uint32_t>(start > end);
      with_elements |= static_cast<uint64_t>(start != end) << i;
    }
    descending |= falls_in_word != 0;
    missing_with_elements |= with_elements & ~present[first / 64];
  }
  if (descending) return invalid(path, where + ": the set offsets are not ascending");
  if (missing_with_elements != 0) return invalid(path, where + ": a missing row has set elements");
  uint32_t greatest = count > 0 ? codes[0] : 0;
  size_t falls = 0;  // places where a code is not above the one before
  for (size_t k = 1; k < count; ++k) {
    greatest = std::max(greatest, codes[k]);
    falls += codes[k - 1] >= codes[k];
  }
  if (count > 0 && greatest >= entries) return invalid(path, where + ": a set code is beyond the dictionary");
  // Falls are allowed only where a row's elements start. Branch-free (rows
  // with and without elements alternate unpredictably); the offsets are
  // ascending from 0 to `count`, and the indices are clamped so that the
  // loads stay within the codes even where the condition is false.
  size_t falls_at_row_starts = 0;
  if (count > 0) {
    for (size_t row = 0; row < rows; ++row) {
      const uint32_t start = offsets[row];
      const uint32_t before = codes[start > 0 ? start - 1 : 0];
      const uint32_t first = codes[start < count ? start : count - 1];
      falls_at_row_starts += static_cast<size_t>((start > 0) & (start < offsets[row + 1]) & (before >= first));
    }
  }
  if (falls != falls_at_row_starts) return invalid(path, where + ": a row's set codes are not ascending");
  return {};
}

ColumnarProblem check_contents(const std::string& path, const Column& column, size_t rows) {
  const std::string where = fmt::format("column '{}'", column.spec.name);
  if (!tail_is_clear(column.present)) return invalid(path, where + ": bits past the last row are set");
  // One pass over the presence bitmap and the values finds everything the
  // checks below compare: present counts, block minimum and maximum, the
  // greatest code.
  const ColumnScan scan = scan_column(column);
  if (column.spec.is_key) {
    size_t present = 0;
    for (uint32_t count : scan.stats.present) present += count;
    if (present != rows) return invalid(path, where + ": the key is missing on some rows");
  }
  const ColumnKind kind = column.spec.kind;
  if (kind == ColumnKind::String || kind == ColumnKind::Enum || kind == ColumnKind::StringSet) {
    if (auto problem = columnar::check_dictionary(path, column, where)) return problem;
    if (Dictionary::compute_fingerprint(column.dictionary.offsets(), column.dictionary.bytes()) !=
        column.dictionary.fingerprint()) {
      return invalid(path, where + ": the dictionary fingerprint does not match");
    }
  }
  if (kind == ColumnKind::Bool) {
    if (!tail_is_clear(column.bools)) return invalid(path, where + ": bits past the last row are set");
    for (size_t word = 0; word < column.bools.word_count(); ++word) {
      if ((column.bools.words()[word] & ~column.present.words()[word]) != 0) {
        return invalid(path, where + ": a missing row has a value");
      }
    }
  }
  if (kind == ColumnKind::StringSet) {
    if (auto problem = check_sets(path, column, where)) return problem;
  }
  if ((kind == ColumnKind::String || kind == ColumnKind::Enum) && rows > 0 &&
      scan.greatest_stored_code >= std::max<size_t>(column.dictionary.size(), 1)) {
    return invalid(path, fmt::format("{}: code {} is beyond the dictionary of {}", where,
                                     scan.greatest_stored_code,
                                     columnar::counted(column.dictionary.size(), "entry", "entries")));
  }
  if (scan.value_in_missing_row) return invalid(path, where + ": a missing row has a value");
  // The statistics must be those of the data: block skipping trusts them.
  // Recomputing them costs no more than checking that each value lies within
  // its block's stored range would, and keeps the column's minimum and
  // maximum exact (Roaring output reports and refuses keys by them).
  if (!(scan.stats == column.blocks)) return invalid(path, where + ": the block statistics do not match the data");
  if (!scan.stats.min.empty()) {
    const ValueRange range = overall_range(scan.stats);
    if (range.min != column.min || range.max != column.max) {
      return invalid(path, where + ": the column's minimum or maximum does not match the data");
    }
  }
  // With the statistics exact, the date range checked at open holds for
  // every value. What remains decides results, not memory safety.
  if (column.spec.is_key) return columnar::check_unique_keys(path, column, rows, where);
  if (kind == ColumnKind::Float) return columnar::check_finite_floats(path, column, where);
  if (kind == ColumnKind::StringSet) return columnar::check_set_masks(path, column, rows, where);
  return {};
}

ColumnarProblem verify_one(const ColumnarFile& file, size_t index) {
  const Column& column = file.table.columns[index];
  if (checksum_of(column) != file.checksums[index]) {
    return invalid(file.path, fmt::format("column '{}' is damaged (checksum mismatch); import the CSV again",
                                          column.spec.name));
  }
  return check_contents(file.path, column, file.table.row_count);
}

}  // namespace

ColumnarProblem verify_columns(ColumnarFile& file, const std::vector<size_t>& indices) {
  std::vector<size_t> pending;
  for (size_t index : indices) {
    if (index < file.table.columns.size() && !file.verified[index]) pending.push_back(index);
  }
  std::sort(pending.begin(), pending.end());
  pending.erase(std::unique(pending.begin(), pending.end()), pending.end());
  // Columns are independent: one thread per core takes the next column. The
  // problem reported is the first in column order, whatever the timing.
  std::vector<ColumnarProblem> problems(pending.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t at = next++; at < pending.size(); at = next++) problems[at] = verify_one(file, pending[at]);
  };
  const size_t helpers = std::min<size_t>(pending.size(), std::max(1U, std::thread::hardware_concurrency())) - (pending.empty() ? 0 : 1);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < helpers; ++i) threads.emplace_back(work);
  work();
  for (std::thread& thread : threads) thread.join();
  for (size_t at = 0; at < pending.size(); ++at) {
    if (problems[at]) return problems[at];
    file.verified[pending[at]] = true;
  }
  return {};
}

ColumnarProblem verify_all_columns(ColumnarFile& file) {
  std::vector<size_t> all(file.table.columns.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  return verify_columns(file, all);
}

}  // namespace segc::runtime
