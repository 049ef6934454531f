// The first rows of a table as a table of their own, so that the slow
// reference interpreter can be timed on fewer rows than the fast engines.
#pragma once

#include <cstddef>

#include "runtime/table.h"

namespace segc::bench {

// Rows [0, rows) of `table` (all of it when rows >= row_count). Dictionaries
// are kept whole, so codes mean the same in both tables.
runtime::Table table_prefix(const runtime::Table& table, size_t rows);

}  // namespace segc::bench
