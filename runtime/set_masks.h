// Set columns with a small vocabulary also get one bitmask per row, so that
// `contains`, `contains any`, `contains all` and `size` are a load, an AND and
// a compare (or a popcount) that vectorise, instead of walking each row's run
// of codes. Offsets and codes stay: the interpreter, `explain` and sets with
// more than 64 distinct values use them.
#pragma once

#include <cstddef>

#include "runtime/table.h"

namespace segc::runtime {

// The most distinct values a set column may have and still get masks.
inline constexpr size_t kMaxSetMaskValues = 64;

// Bytes per row of the masks of a set column with `values` distinct values:
// 1, 2, 4 or 8, or 0 when there are too many for masks.
int set_mask_width(size_t values);

// Fills `column.storage` with one mask per row (bit c set when code c is in
// the row's set; missing rows hold 0) and sets `column.width` to
// set_mask_width(dictionary size), or empties the storage and sets width 0.
// set_offsets, set_codes and the dictionary must be final.
void store_set_masks(Column& column);

}  // namespace segc::runtime
