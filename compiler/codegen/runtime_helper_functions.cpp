// The helpers themselves (declared and listed in runtime_helpers.h/.cpp).
#include <re2/re2.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "codegen/runtime_helpers.h"
#include "evaluate/date_functions.h"
#include "runtime/bucket.h"

using segc::codegen::SegcString;
namespace dates = segc::evaluate::dates;

namespace {

std::string_view view(const SegcString* text) { return {text->data, text->size}; }

bool valid(int64_t days) { return segc::codegen::is_valid_day(days); }

}  // namespace

extern "C" {

// The calendar rules are the interpreter's own (evaluate/date_functions.h),
// so that both engines agree by construction; only the range checks are ours.
int64_t segc_date_add_months(int64_t days, int64_t months) {
  if (!valid(days)) return segc::codegen::kMissingSentinel;
  const auto moved =
      dates::add_duration(static_cast<int32_t>(days), months, segc::ast::TimeUnit::Month);
  return moved ? *moved : segc::codegen::kMissingSentinel;
}

int64_t segc_years_since(int64_t days, int64_t today) {
  if (!valid(days) || !valid(today)) return 0;
  return dates::years_since(static_cast<int32_t>(days), static_cast<int32_t>(today));
}

int64_t segc_days_until_birthday(int64_t days, int64_t today) {
  if (!valid(days) || !valid(today)) return 0;
  return dates::days_until_birthday(static_cast<int32_t>(days), static_cast<int32_t>(today));
}

int64_t segc_year_of(int64_t days) {
  return valid(days) ? dates::year_of(static_cast<int32_t>(days)) : 0;
}

int64_t segc_month_of(int64_t days) {
  return valid(days) ? dates::month_of(static_cast<int32_t>(days)) : 0;
}

int64_t segc_day_of_month(int64_t days) {
  return valid(days) ? dates::day_of_month(static_cast<int32_t>(days)) : 0;
}

int32_t segc_string_compare(const SegcString* a, const SegcString* b) {
  const int order = view(a).compare(view(b));
  return order < 0 ? -1 : order > 0 ? 1 : 0;
}

int32_t segc_string_contains(const SegcString* text, const SegcString* needle) {
  return view(text).find(view(needle)) != std::string_view::npos;
}

int32_t segc_string_starts_with(const SegcString* text, const SegcString* prefix) {
  return view(text).starts_with(view(prefix));
}

int32_t segc_string_ends_with(const SegcString* text, const SegcString* suffix) {
  return view(text).ends_with(view(suffix));
}

int32_t segc_regex_search(const void* re2, const SegcString* text) {
  const re2::StringPiece piece(text->data, text->size);
  return RE2::PartialMatch(piece, *static_cast<const RE2*>(re2));
}

int32_t segc_set_contains_any(const uint32_t* offsets, const uint32_t* codes, uint64_t row,
                              const uint32_t* wanted, uint64_t wanted_count) {
  const uint32_t* begin = codes + offsets[row];
  const uint32_t* end = codes + offsets[row + 1];
  for (uint64_t i = 0; i < wanted_count; ++i) {
    if (std::binary_search(begin, end, wanted[i])) return 1;
  }
  return 0;
}

int32_t segc_set_contains_all(const uint32_t* offsets, const uint32_t* codes, uint64_t row,
                              const uint32_t* wanted, uint64_t wanted_count) {
  const uint32_t* begin = codes + offsets[row];
  const uint32_t* end = codes + offsets[row + 1];
  return std::includes(begin, end, wanted, wanted + wanted_count) ? 1 : 0;
}

int32_t segc_sorted_contains(const int64_t* values, uint64_t count, int64_t value) {
  return std::binary_search(values, values + count, value) ? 1 : 0;
}

int64_t segc_bucket_int_key(int64_t key, const SegcString* salt, int64_t buckets) {
  if (buckets <= 0) return 0;
  try {
    return static_cast<int64_t>(
        segc::runtime::bucket_of(view(salt), std::to_string(key), static_cast<uint64_t>(buckets)));
  } catch (...) {
    // Only a broken OpenSSL gets here; helpers must not throw into JIT code.
    return 0;
  }
}

int32_t segc_decimal_multiply_round(int64_t a, int64_t b, int64_t drop_digits, int64_t* out) {
  __int128 product = static_cast<__int128>(a) * b;
  if (drop_digits > 0) {
    __int128 divisor = 1;
    for (int64_t i = 0; i < drop_digits && i < 38; ++i) divisor *= 10;
    const __int128 quotient = product / divisor;
    const __int128 remainder = product % divisor;
    const __int128 twice = remainder < 0 ? -2 * remainder : 2 * remainder;
    product = quotient + (twice >= divisor ? (product < 0 ? -1 : 1) : 0);
  }
  if (product > INT64_MAX || product < INT64_MIN) return 0;
  *out = static_cast<int64_t>(product);
  return 1;
}

}  // extern "C"
