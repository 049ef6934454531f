// Random customer tables over kDifferentialSchema, built column by column in
// the layout of runtime/table.h, full of what breaks evaluators: missing
// values, empty sets, extreme ints and decimals, 29 February, far dates,
// Cyrillic and case-mapping-sensitive strings; optionally clustered by block.
#pragma once

#include <cstdint>

#include "runtime/table.h"

namespace segc::testing {

// PerBlock: each column's rows in each block of runtime::kBlockRows are
// drawn one way (random, all missing, one value, a few neighbouring values),
// sometimes the same way for every column, so that block statistics decide
// conditions for whole blocks (block skipping).
enum class Clustering { None, PerBlock };

runtime::Table random_table(uint64_t seed, size_t rows, Clustering clustering = Clustering::None);

// A random evaluation date, often a month end or 29 February.
int32_t random_today(uint64_t seed);

}  // namespace segc::testing
