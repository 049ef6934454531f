#include "output/member_keys.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

namespace segc::output {

KeyOrder::KeyOrder(const runtime::Table& table) : table_(table) {
  rows_in_key_order_.resize(table.row_count);
  std::iota(rows_in_key_order_.begin(), rows_in_key_order_.end(), 0u);
  const runtime::Column& key = table.key();
  if (key.spec.kind == runtime::ColumnKind::Int) {
    std::sort(rows_in_key_order_.begin(), rows_in_key_order_.end(),
              [&](uint32_t a, uint32_t b) { return key.int_at(a) < key.int_at(b); });
  } else {
    // String dictionaries are sorted, so code order is key order.
    std::sort(rows_in_key_order_.begin(), rows_in_key_order_.end(),
              [&](uint32_t a, uint32_t b) { return key.code_at(a) < key.code_at(b); });
  }
}

std::string KeyOrder::key_text(size_t row) const {
  const runtime::Column& key = table_.key();
  if (key.spec.kind == runtime::ColumnKind::Int) return fmt::format_int(key.int_at(row)).str();
  return key.dictionary[key.code_at(row)];
}

std::string KeyOrder::keys_text(const runtime::Bitmap& members) const {
  std::string text;
  const runtime::Column& key = table_.key();
  const bool int_keys = key.spec.kind == runtime::ColumnKind::Int;
  for (uint32_t row : rows_in_key_order_) {
    if (!members.test(row)) continue;
    if (int_keys) {
      fmt::format_int digits(key.int_at(row));
      text.append(digits.data(), digits.size());
    } else {
      text.append(key.dictionary[key.code_at(row)]);
    }
    text.push_back('\n');
  }
  return text;
}

}  // namespace segc::output
