#include "output/member_keys.h"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <numeric>

namespace segc::output {

KeyOrder::KeyOrder(const runtime::Table& table) : table_(table) {
  const runtime::Column& key = table.key();
  // String dictionaries are sorted, so for string keys code order is key order.
  const bool int_keys = key.spec.kind == runtime::ColumnKind::Int;
  auto less = [&](size_t a, size_t b) {
    return int_keys ? key.int_at(a) < key.int_at(b) : key.code_at(a) < key.code_at(b);
  };
  for (size_t row = 1; row < table.row_count && rows_ascending_; ++row) {
    rows_ascending_ = less(row - 1, row);
  }
  if (rows_ascending_) return;
  rows_in_key_order_.resize(table.row_count);
  std::iota(rows_in_key_order_.begin(), rows_in_key_order_.end(), 0u);
  std::sort(rows_in_key_order_.begin(), rows_in_key_order_.end(), less);
}

std::string KeyOrder::key_text(size_t row) const {
  const runtime::Column& key = table_.key();
  if (key.spec.kind == runtime::ColumnKind::Int) return fmt::format_int(key.int_at(row)).str();
  return std::string(key.dictionary[key.code_at(row)]);
}

std::string KeyOrder::keys_text(const runtime::Bitmap& members) const {
  std::string text;
  const runtime::Column& key = table_.key();
  const bool int_keys = key.spec.kind == runtime::ColumnKind::Int;
  auto append = [&](size_t row) {
    if (int_keys) {
      fmt::format_int digits(key.int_at(row));
      text.append(digits.data(), digits.size());
    } else {
      text.append(key.dictionary[key.code_at(row)]);
    }
    text.push_back('\n');
  };
  if (rows_ascending_) {
    // Row order is key order: walk the members' set bits.
    for (size_t index = 0; index < members.word_count(); ++index) {
      for (uint64_t word = members.words()[index]; word != 0; word &= word - 1) {
        append(index * 64 + static_cast<size_t>(std::countr_zero(word)));
      }
    }
    return text;
  }
  for (uint32_t row : rows_in_key_order_) {
    if (members.test(row)) append(row);
  }
  return text;
}

}  // namespace segc::output
