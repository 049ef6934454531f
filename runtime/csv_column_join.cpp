#include "runtime/csv_column_join.h"

#include "runtime/block_stats.h"
#include "runtime/set_masks.h"

#include <cstdint>
#include <string>

namespace segc::runtime::csv {
namespace {

// Copies `count` bits of `from` to bit `at` of `to` a word at a time.
void append_bits(Bitmap& to, size_t at, const Bitmap& from, size_t count) {
  uint64_t* out = to.words();
  const uint64_t* in = from.words();
  const size_t shift = at % 64;
  for (size_t w = 0; w * 64 < count; ++w) {
    const uint64_t word = in[w];  // bits past `count` are zero (Bitmap invariant)
    out[at / 64 + w] |= word << shift;
    if (shift != 0 && (at + w * 64) / 64 + 1 < to.word_count()) out[at / 64 + w + 1] |= word >> (64 - shift);
  }
}

Bitmap join_bitmaps(const std::vector<Column>& parts, Bitmap Column::*member, size_t rows) {
  Bitmap joined(rows);
  size_t at = 0;
  for (const Column& part : parts) {
    const Bitmap& bits = part.*member;
    append_bits(joined, at, bits, bits.size());
    at += bits.size();
  }
  return joined;
}

// Merges the parts' sorted dictionaries; remaps[p][code] is part p's code
// `code` in the merged dictionary, which is sorted too, so that renumbering
// keeps every order (sets stay ascending).
Dictionary merge_dictionaries(std::vector<Column>& parts, std::vector<std::vector<uint32_t>>& remaps) {
  std::vector<size_t> next(parts.size(), 0);
  remaps.assign(parts.size(), {});
  size_t total = 0;
  size_t total_bytes = 0;
  for (size_t p = 0; p < parts.size(); ++p) {
    remaps[p].resize(parts[p].dictionary.size());
    total += parts[p].dictionary.size();
    total_bytes += parts[p].dictionary.bytes().size();
  }
  // Built as offsets and bytes: a std::string per value would allocate
  // millions of times for a column of e-mail addresses.
  std::vector<uint64_t> offsets;
  std::vector<char> bytes;
  offsets.reserve(total + 1);
  bytes.reserve(total_bytes);
  offsets.push_back(0);
  auto head = [&](size_t p) { return parts[p].dictionary[next[p]]; };
  auto has_head = [&](size_t p) { return next[p] < parts[p].dictionary.size(); };
  while (true) {
    size_t least = parts.size();
    for (size_t p = 0; p < parts.size(); ++p) {
      if (has_head(p) && (least == parts.size() || head(p) < head(least))) least = p;
    }
    if (least == parts.size()) break;
    const auto code = static_cast<uint32_t>(offsets.size() - 1);
    const std::string_view value = head(least);
    bytes.insert(bytes.end(), value.begin(), value.end());
    offsets.push_back(bytes.size());
    remaps[least][next[least]++] = code;
    for (size_t p = 0; p < parts.size(); ++p) {
      if (p != least && has_head(p) && head(p) == value) remaps[p][next[p]++] = code;
    }
  }
  return Dictionary::from_parts(std::move(offsets), std::move(bytes));
}

}  // namespace

Column join_columns(std::vector<Column>& parts) {
  if (parts.size() == 1) return std::move(parts[0]);
  size_t rows = 0;
  for (const Column& part : parts) rows += part.present.size();
  Column joined;
  joined.spec = parts[0].spec;
  joined.present = join_bitmaps(parts, &Column::present, rows);
  switch (joined.spec.kind) {
    case ColumnKind::Int:
    case ColumnKind::Decimal:
    case ColumnKind::Date: {
      std::vector<int64_t> values;
      values.reserve(rows);
      for (const Column& part : parts) {
        for (size_t row = 0; row < part.present.size(); ++row) values.push_back(part.int_at(row));
      }
      store_ints(joined, values);
      break;
    }
    case ColumnKind::Float:
    {
      std::vector<double>& floats = joined.floats.edit();
      floats.reserve(rows);
      for (const Column& part : parts) floats.insert(floats.end(), part.floats.begin(), part.floats.end());
      break;
    }
    case ColumnKind::Bool: joined.bools = join_bitmaps(parts, &Column::bools, rows); break;
    case ColumnKind::Enum:
    case ColumnKind::String: {
      std::vector<std::vector<uint32_t>> remaps;
      if (joined.spec.kind == ColumnKind::Enum) {
        joined.dictionary = parts[0].dictionary;
      } else {
        joined.dictionary = merge_dictionaries(parts, remaps);
      }
      std::vector<uint32_t> codes;
      codes.reserve(rows);
      for (size_t p = 0; p < parts.size(); ++p) {
        const Column& part = parts[p];
        for (size_t row = 0; row < part.present.size(); ++row) {
          const uint32_t code = part.code_at(row);
          codes.push_back(remaps.empty() || !part.present.test(row) ? code : remaps[p][code]);
        }
      }
      store_codes(joined, codes);
      break;
    }
    case ColumnKind::StringSet: {
      std::vector<std::vector<uint32_t>> remaps;
      joined.dictionary = merge_dictionaries(parts, remaps);
      joined.set_offsets.reserve(rows + 1);
      joined.set_offsets.push_back(0);
      for (size_t p = 0; p < parts.size(); ++p) {
        const auto base = static_cast<uint32_t>(joined.set_codes.size());
        for (uint32_t code : parts[p].set_codes) joined.set_codes.push_back(remaps[p][code]);
        for (size_t row = 1; row < parts[p].set_offsets.size(); ++row) {
          joined.set_offsets.push_back(base + parts[p].set_offsets[row]);
        }
      }
      store_set_masks(joined);
      break;
    }
  }
  // The parts' block statistics cover their own rows only.
  compute_block_stats(joined);
  return joined;
}

}  // namespace segc::runtime::csv
