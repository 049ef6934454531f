// Counting the bits two runs of words have in common, at the speed of the
// machine: AVX-512 VPOPCNTDQ where the processor has it, else the POPCNT
// instruction, else portable code, chosen once when the program starts.
// Debian's CRoaring is built for the baseline x86-64 processor and counts
// each word through a library call, ten times slower, so the report counts
// the intersections of its dense Roaring containers here (report/row_set.h).
#pragma once

#include <cstddef>
#include <cstdint>

namespace segc::report {

uint64_t count_common_bits(const uint64_t* a, const uint64_t* b, size_t words);

}  // namespace segc::report
