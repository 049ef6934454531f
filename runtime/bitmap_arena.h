// Many zeroed bitmaps of one size in one allocation, for the member words of
// every segment of a run.
//
// Allocated one by one, 200 segments' bitmaps over 10M rows are 200 separate
// 1.25 MB allocations; each is fresh memory from the kernel, zeroed by it on
// one page fault per 4 KiB page and then zeroed again by the vector. On the
// AVX2 bench host that took 180 ms, more than half of the whole fused pass.
// One mapping for all of them, with transparent huge pages asked for, takes
// one fault per 2 MiB and no second zeroing.
#pragma once

#include <cstddef>
#include <vector>

#include "runtime/bitmap.h"

namespace segc::runtime {

// `count` bitmaps of `bits` bits, all zero, adopting their words
// (Bitmap::adopt) from one mapping that lives as long as any of them; owned
// bitmaps when they need fewer than `min_mapped_bytes` (there would be no
// whole huge page, and malloc reuses freed memory where a new mapping
// faults every page again) or the mapping fails.
constexpr size_t kMinMappedBytes = size_t{4} << 20;
std::vector<Bitmap> zeroed_bitmaps(size_t count, size_t bits, size_t min_mapped_bytes = kMinMappedBytes);

}  // namespace segc::runtime
