// The baseline of the many-segments case (README.md): reading every array of
// the columns the rules refer to once, as fast as a vectorised loop can, i.e.
// what any evaluation of those rules must at least do. The result is an XOR
// of all words so that the reads cannot be optimised away.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "runtime/table.h"

namespace segc::bench {

uint64_t read_columns_once(const runtime::Table& table, const std::vector<size_t>& fields);

// Bytes read_columns_once reads.
size_t column_bytes(const runtime::Table& table, const std::vector<size_t>& fields);

}  // namespace segc::bench
