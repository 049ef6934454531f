// ColumnBuilder::finish: from the loading vectors to the Table layout, with
// string codes renumbered so that code order is code-point order.
#include <algorithm>

#include "runtime/column_builder.h"
#include "runtime/set_masks.h"

namespace segc::runtime {
namespace {

// Sorts first[0, count) and drops repeats; returns how many remain. A row's
// set has a few elements, where an insertion sort in line beats std::sort's
// call and setup.
size_t sort_unique(uint32_t* first, size_t count) {
  if (count > 16) {
    std::sort(first, first + count);
  } else {
    for (size_t i = 1; i < count; ++i) {
      const uint32_t code = first[i];
      size_t j = i;
      for (; j > 0 && first[j - 1] > code; --j) first[j] = first[j - 1];
      first[j] = code;
    }
  }
  return static_cast<size_t>(std::unique(first, first + count) - first);
}

}  // namespace

void ColumnBuilder::fill_missing(size_t rows) {
  std::string unused;
  while (present_.size() < rows) {
    if (spec_.kind == ColumnKind::StringSet) {
      offsets_.push_back(offsets_.back());
      present_.push_back(0);
    } else {
      append("", true, unused);
    }
  }
  truncate(rows);
}

void ColumnBuilder::absorb(ColumnBuilder& other) {
  const auto append_all = [](auto& to, const auto& from) { to.insert(to.end(), from.begin(), from.end()); };
  present_.append(other.present_);
  switch (spec_.kind) {
    case ColumnKind::Int:
    case ColumnKind::Decimal:
    case ColumnKind::Date: ints_.append(other.ints_); break;
    case ColumnKind::Float: append_all(floats_, other.floats_); break;
    case ColumnKind::Bool: bools_.append(other.bools_); break;
    case ColumnKind::Enum: codes_.append(other.codes_); break;
    case ColumnKind::String: {
      if (!key_ && dictionary_.hashing() && !other.dictionary_.hashing()) dictionary_.stop_hashing();
      const std::vector<uint32_t> remap = dictionary_.absorb(other.dictionary_);
      other.codes_.visit([&](const auto& codes) {
        for (size_t row = 0; row < codes.size(); ++row) codes_.push_back(other.present_[row] ? remap[codes[row]] : 0);
      });
      break;
    }
    case ColumnKind::StringSet: {
      const std::vector<uint32_t> remap = dictionary_.absorb(other.dictionary_);
      const auto base = static_cast<uint32_t>(set_codes_.size());
      for (uint32_t code : other.set_codes_) set_codes_.push_back(remap[code]);
      for (size_t row = 1; row < other.offsets_.size(); ++row) offsets_.push_back(base + other.offsets_[row]);
      break;
    }
  }
  other = ColumnBuilder(other.spec_, other.syntax_);
}

Column ColumnBuilder::finish(size_t rows) {
  fill_missing(rows);

  Column column;
  column.spec = spec_;
  column.present = present_.take_bitmap();
  const Bitmap& present = column.present;
  switch (spec_.kind) {
    case ColumnKind::Int:
    case ColumnKind::Decimal:
    case ColumnKind::Date:
      ints_.visit([&](const auto& values) { store_ints(column, values); });
      break;
    case ColumnKind::Float: column.floats = std::move(floats_); break;
    case ColumnKind::Bool: column.bools = bools_.take_bitmap(); break;
    case ColumnKind::Enum:
      column.dictionary = spec_.enum_values;
      codes_.visit([&](const auto& codes) { store_codes(column, codes); });
      break;
    case ColumnKind::String: {
      // Strings of rejected rows stay in the loading dictionary; only codes
      // still in use make it into the table.
      std::vector<uint8_t> used(dictionary_.size(), 0);
      codes_.visit([&](const auto& codes) {
        for (size_t row = 0; row < rows; ++row) {
          if (present.test(row)) used[codes[row]] = 1;
        }
      });
      std::vector<uint32_t> remap;
      column.dictionary = dictionary_.sorted(used, remap);
      // In place: a sorted code is below the number of distinct strings,
      // so it fits wherever the loading codes did.
      codes_.edit([&](auto& codes) {
        using Code = typename std::decay_t<decltype(codes)>::value_type;
        for (size_t row = 0; row < rows; ++row) {
          codes[row] = present.test(row) ? static_cast<Code>(remap[codes[row]]) : Code{0};
        }
        store_codes(column, codes);
      });
      break;
    }
    case ColumnKind::StringSet: {
      std::vector<uint8_t> used(dictionary_.size(), 0);
      for (uint32_t code : set_codes_) used[code] = 1;
      std::vector<uint32_t> remap;
      column.dictionary = dictionary_.sorted(used, remap);
      // In place, into the loading arrays, which become the column's: a
      // row's codes only move down (repeats dropped before them), and its
      // start is overwritten after it was read. New arrays would be memory
      // the kernel must fault in and zero, 160 MB for 10M rows of 3 interests.
      uint32_t* codes = set_codes_.data();
      uint32_t kept = 0;
      for (size_t row = 0; row < rows; ++row) {
        const uint32_t begin = offsets_[row];
        const uint32_t end = offsets_[row + 1];
        offsets_[row] = kept;
        for (uint32_t k = begin; k < end; ++k) codes[kept + (k - begin)] = remap[codes[k]];
        kept += static_cast<uint32_t>(sort_unique(codes + kept, end - begin));
      }
      offsets_[rows] = kept;
      set_codes_.resize(kept);
      column.set_offsets = std::move(offsets_);
      column.set_codes = std::move(set_codes_);
      store_set_masks(column);
      break;
    }
  }
  // Int-like and code columns got theirs from store_ints / store_codes.
  if (column.blocks.present.empty()) compute_block_stats(column);
  return column;
}

}  // namespace segc::runtime
