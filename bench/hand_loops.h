// Hand-written C++ loops for the segments of reference_segments.seg: what a
// programmer would write against the same columns segc reads (runtime/table.h),
// with dictionary codes and constants resolved once before the loop. They set
// the speed the JIT is compared with, and their counts cross-check it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "runtime/bitmap.h"
#include "runtime/table.h"

namespace segc::bench {

struct HandLoop {
  std::string segment;  // the segment's name in reference_segments.seg
  // Members among the first `rows` rows of `table`; `today` as days since 1970-01-01.
  runtime::Bitmap (*run)(const runtime::Table& table, size_t rows, int32_t today);
};

// One loop per reference segment, in file order.
const std::vector<HandLoop>& hand_loops();

}  // namespace segc::bench
