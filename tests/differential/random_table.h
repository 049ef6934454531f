// Random customer tables over kDifferentialSchema, built column by column in
// the layout of runtime/table.h, full of what breaks evaluators: missing
// values, empty sets, extreme ints and decimals, 29 February, far dates,
// Cyrillic and case-mapping-sensitive strings.
#pragma once

#include <cstdint>

#include "runtime/table.h"

namespace segc::testing {

runtime::Table random_table(uint64_t seed, size_t rows);

// A random evaluation date, often a month end or 29 February.
int32_t random_today(uint64_t seed);

}  // namespace segc::testing
