// Asks the kernel to back a large array with transparent huge pages.
//
// The loader's arrays are tens to hundreds of megabytes each and are read
// and written at random (hash slots, dictionary remaps, the string sort's
// scatter passes): with 4 KiB pages nearly every such access misses the TLB,
// which in a virtual machine costs a two-level page walk, and every page is
// a fault of its own. Debian's default THP mode is "madvise", so arrays get
// 2 MiB pages only when asked. It is advice: where the kernel has no huge
// pages (or THP is off) nothing changes, and the contents never do.
#pragma once

#include <cstddef>
#include <vector>

namespace segc::runtime {

// Advises huge pages for the whole 2 MiB pages inside [data, data + bytes);
// call it before the memory is first written, so that the faults get huge
// pages. Ranges under 4 MiB are left alone.
void advise_huge_pages(const void* data, size_t bytes);

// Reserves room for `count` elements of `values` and advises huge pages for it.
template <class T, class Allocator>
void reserve_huge(std::vector<T, Allocator>& values, size_t count) {
  values.reserve(count);
  advise_huge_pages(values.data(), values.capacity() * sizeof(T));
}

}  // namespace segc::runtime
