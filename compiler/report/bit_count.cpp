#include "report/bit_count.h"

#include <immintrin.h>

#include <bit>

namespace segc::report {
namespace {

__attribute__((target("avx512f,avx512vpopcntdq"))) uint64_t count_avx512(const uint64_t* a, const uint64_t* b,
                                                                          size_t words) {
  __m512i sum = _mm512_setzero_si512();
  size_t i = 0;
  for (; i + 8 <= words; i += 8) {
    const __m512i both = _mm512_and_si512(_mm512_loadu_si512(a + i), _mm512_loadu_si512(b + i));
    sum = _mm512_add_epi64(sum, _mm512_popcnt_epi64(both));
  }
  // Summed by hand: GCC 12's _mm512_reduce_add_epi64 trips -Wuninitialized.
  alignas(64) uint64_t lanes[8];
  _mm512_store_si512(lanes, sum);
  uint64_t total = 0;
  for (uint64_t lane : lanes) total += lane;
  for (; i < words; ++i) total += static_cast<uint64_t>(__builtin_popcountll(a[i] & b[i]));
  return total;
}

__attribute__((target("popcnt"))) uint64_t count_popcnt(const uint64_t* a, const uint64_t* b, size_t words) {
  uint64_t total = 0;
  for (size_t i = 0; i < words; ++i) total += static_cast<uint64_t>(__builtin_popcountll(a[i] & b[i]));
  return total;
}

uint64_t count_portable(const uint64_t* a, const uint64_t* b, size_t words) {
  uint64_t total = 0;
  for (size_t i = 0; i < words; ++i) total += static_cast<uint64_t>(std::popcount(a[i] & b[i]));
  return total;
}

using Counter = uint64_t (*)(const uint64_t*, const uint64_t*, size_t);

Counter best_counter() {
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vpopcntdq")) return count_avx512;
  if (__builtin_cpu_supports("popcnt")) return count_popcnt;
  return count_portable;
}

// What the processor can do does not change while the program runs.
const Counter counter = best_counter();

}  // namespace

uint64_t count_common_bits(const uint64_t* a, const uint64_t* b, size_t words) { return counter(a, b, words); }

}  // namespace segc::report
