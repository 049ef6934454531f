// verify_columns: the checks of a columnar file's big arrays, made for the
// columns a run reads just before it reads them (columnar_file.h): the
// column's checksum, then its contents, so that even a file whose checksums
// were forged cannot make an evaluator read out of bounds or skip blocks on
// wrong statistics.
#include <xxhash.h>

#include <algorithm>
#include <bit>

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
  for (columnar::Section id : columnar::required_sections(column.spec.kind)) {
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

// The greatest code stored in any row, present or not (generated code may
// look up a missing row's code too).
template <class T>
uint64_t greatest_code(const Column& column, size_t rows) {
  const auto* codes = reinterpret_cast<const T*>(column.storage.data());
  T greatest = 0;
  for (size_t row = 0; row < rows; ++row) greatest = std::max(greatest, codes[row]);
  return greatest;
}

ColumnarProblem check_sets(const std::string& path, const Column& column, const std::string& where) {
  const uint32_t* offsets = column.set_offsets.data();
  const uint32_t* codes = column.set_codes.data();
  const size_t rows = column.set_offsets.size() - 1;
  const size_t entries = column.dictionary.size();
  for (size_t row = 0; row < rows; ++row) {
    if (offsets[row] > offsets[row + 1]) return invalid(path, where + ": the set offsets are not ascending");
    if (offsets[row] != offsets[row + 1] && !column.present.test(row)) {
      return invalid(path, fmt::format("{}: row {} is missing but has set elements", where, row + 1));
    }
    for (uint32_t k = offsets[row]; k < offsets[row + 1]; ++k) {
      if (codes[k] >= entries || (k > offsets[row] && codes[k - 1] >= codes[k])) {
        return invalid(path, fmt::format("{}: row {} has set codes beyond the dictionary or out of order", where, row + 1));
      }
    }
  }
  return {};
}

ColumnarProblem check_contents(const std::string& path, const Column& column, size_t rows) {
  const std::string where = fmt::format("column '{}'", column.spec.name);
  if (!tail_is_clear(column.present)) return invalid(path, where + ": bits past the last row are set");
  if (column.spec.is_key && column.present.count() != rows) return invalid(path, where + ": the key is missing on some rows");
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
  if (kind == ColumnKind::StringSet) return check_sets(path, column, where);
  if (kind == ColumnKind::String || kind == ColumnKind::Enum) {
    const uint64_t greatest = column.width == 1   ? greatest_code<uint8_t>(column, rows)
                              : column.width == 2 ? greatest_code<uint16_t>(column, rows)
                                                  : greatest_code<uint32_t>(column, rows);
    if (rows > 0 && greatest >= std::max<size_t>(column.dictionary.size(), 1)) {
      return invalid(path, fmt::format("{}: code {} is beyond the dictionary of {} entries", where, greatest,
                                       column.dictionary.size()));
    }
  }
  // The statistics must be those of the data: block skipping trusts them.
  const BlockStats actual = block_stats_of(column);
  if (!(actual == column.blocks)) return invalid(path, where + ": the block statistics do not match the data");
  if (!actual.min.empty()) {
    const ValueRange range = overall_range(actual);
    if (range.min != column.min || range.max != column.max) {
      return invalid(path, where + ": the column's minimum or maximum does not match the data");
    }
  }
  return {};
}

}  // namespace

ColumnarProblem verify_columns(ColumnarFile& file, const std::vector<size_t>& indices) {
  for (size_t index : indices) {
    if (index >= file.table.columns.size() || file.verified[index]) continue;
    const Column& column = file.table.columns[index];
    if (checksum_of(column) != file.checksums[index]) {
      return invalid(file.path, fmt::format("column '{}' is damaged (checksum mismatch); import the CSV again",
                                            column.spec.name));
    }
    if (auto problem = check_contents(file.path, column, file.table.row_count)) return problem;
    file.verified[index] = true;
  }
  return {};
}

ColumnarProblem verify_all_columns(ColumnarFile& file) {
  std::vector<size_t> all(file.table.columns.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  return verify_columns(file, all);
}

}  // namespace segc::runtime
