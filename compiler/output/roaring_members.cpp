#include "output/roaring_members.h"

#include <fmt/format.h>

#include <bit>

namespace segc::output {
namespace {

constexpr int64_t kLargest32BitKey = 0xFFFFFFFF;

// 64 bits of `bits` starting at bit `start`, which may lie before the first
// bit or past the last; bits outside the bitmap are zero.
uint64_t bits_from(const runtime::Bitmap& bits, int64_t start) {
  const auto word_count = static_cast<int64_t>(bits.word_count());
  const int64_t word = start >= 0 ? start / 64 : -((-start + 63) / 64);
  const auto shift = static_cast<unsigned>(start - word * 64);
  auto word_at = [&](int64_t index) {
    return index >= 0 && index < word_count ? bits.words()[index] : uint64_t{0};
  };
  if (shift == 0) return word_at(word);
  return (word_at(word) >> shift) | (word_at(word + 1) << (64 - shift));
}

}  // namespace

std::string roaring_schema_problem(const runtime::TableSchema& schema) {
  const runtime::ColumnSpec& key = schema.columns[schema.key_index];
  if (key.kind == runtime::ColumnKind::Int) return "";
  return fmt::format(
      "the key '{}' is not an int; Roaring bitmaps hold integer keys (use --out-format keys)",
      key.name);
}

std::string roaring_key_range_problem(const runtime::Table& table, RoaringWidth width) {
  if (table.row_count == 0) return "";
  const runtime::Column& key = table.key();
  if (key.min < 0) {
    return fmt::format(
        "the key '{}' has negative values (the smallest is {}); Roaring bitmaps hold keys from "
        "0 (use --out-format keys)",
        key.spec.name, key.min);
  }
  if (width == RoaringWidth::Bits32 && key.max > kLargest32BitKey) {
    return fmt::format(
        "the key '{}' has values above 4294967295 (the largest is {}), which 32-bit Roaring "
        "bitmaps cannot hold (use --out-format roaring64, or keys)",
        key.spec.name, key.max);
  }
  return "";
}

RoaringMembers::RoaringMembers(const runtime::Table& table, const KeyOrder& order,
                               RoaringWidth width)
    : table_(table), order_(order), width_(width) {
  const runtime::Column& key = table.key();
  if (table.row_count == 0) return;
  smallest_key_ = key.int_at(order.row_at_rank(0));
  for (size_t rank = 1; rank < table.row_count && consecutive_; ++rank) {
    consecutive_ = key.int_at(order.row_at_rank(rank)) == smallest_key_ + static_cast<int64_t>(rank);
  }
  if (!order.rows_ascending()) {
    rank_of_row_.resize(table.row_count);
    for (size_t rank = 0; rank < table.row_count; ++rank) {
      rank_of_row_[order.row_at_rank(rank)] = static_cast<uint32_t>(rank);
    }
  }
}

runtime::Bitmap RoaringMembers::by_rank(const runtime::Bitmap& members) const {
  runtime::Bitmap ranks(members.size());
  for (size_t index = 0; index < members.word_count(); ++index) {
    for (uint64_t word = members.words()[index]; word != 0; word &= word - 1) {
      ranks.set(rank_of_row_[index * 64 + static_cast<size_t>(std::countr_zero(word))]);
    }
  }
  return ranks;
}

void RoaringMembers::add_consecutive_keys(const runtime::Bitmap& ranks,
                                          RoaringWriter& writer) const {
  // Key k is rank k - smallest_key_, so chunk c's word j starts at rank
  // c * 65536 + 64 * j - smallest_key_.
  const auto first = static_cast<uint64_t>(smallest_key_) >> 16;
  const auto last =
      static_cast<uint64_t>(smallest_key_ + static_cast<int64_t>(ranks.size()) - 1) >> 16;
  const uint64_t* rank_words = ranks.words();
  uint64_t words[RoaringWriter::kChunkWords];
  for (uint64_t chunk = first; chunk <= last; ++chunk) {
    const int64_t start = static_cast<int64_t>(chunk << 16) - smallest_key_;
    const auto word = static_cast<size_t>(start / 64);
    if (start >= 0 && word + RoaringWriter::kChunkWords < ranks.word_count()) {
      // Inside the bitmap: every word is two neighbours and one constant shift.
      const auto shift = static_cast<unsigned>(start % 64);
      if (shift == 0) {
        writer.add_chunk(chunk, rank_words + word);
        continue;
      }
      for (size_t j = 0; j < RoaringWriter::kChunkWords; ++j) {
        words[j] = (rank_words[word + j] >> shift) | (rank_words[word + j + 1] << (64 - shift));
      }
    } else {
      for (size_t j = 0; j < RoaringWriter::kChunkWords; ++j) {
        words[j] = bits_from(ranks, start + static_cast<int64_t>(64 * j));
      }
    }
    writer.add_chunk(chunk, words);
  }
}

void RoaringMembers::add_keys(const runtime::Bitmap& ranks, RoaringWriter& writer) const {
  const runtime::Column& key = table_.key();
  for (size_t index = 0; index < ranks.word_count(); ++index) {
    for (uint64_t word = ranks.words()[index]; word != 0; word &= word - 1) {
      const size_t rank = index * 64 + static_cast<size_t>(std::countr_zero(word));
      writer.add_key(static_cast<uint64_t>(key.int_at(order_.row_at_rank(rank))));
    }
  }
}

std::string RoaringMembers::serialize(const runtime::Bitmap& members) const {
  RoaringWriter writer(width_);
  if (table_.row_count > 0) {
    runtime::Bitmap scattered;
    const runtime::Bitmap* ranks = &members;
    if (!order_.rows_ascending()) {
      scattered = by_rank(members);
      ranks = &scattered;
    }
    if (consecutive_) {
      add_consecutive_keys(*ranks, writer);
    } else {
      add_keys(*ranks, writer);
    }
  }
  return writer.finish();
}

}  // namespace segc::output
