// A table of only an int key column, for the member-list output tests.
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/table.h"

namespace segc::tests {

inline runtime::Table table_with_keys(const std::vector<int64_t>& keys) {
  runtime::Table table;
  table.schema.columns.push_back({"id", runtime::ColumnKind::Int, 0, {}, true});
  table.row_count = keys.size();
  runtime::Column key;
  key.spec = table.schema.columns[0];
  key.present = runtime::Bitmap(keys.size(), true);
  runtime::store_ints(key, keys);
  table.columns.push_back(std::move(key));
  return table;
}

}  // namespace segc::tests
