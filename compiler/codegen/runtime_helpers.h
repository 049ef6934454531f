// The plain C functions JIT-compiled rules call for what is not worth
// inlining (calendar arithmetic, string comparison, regular expressions,
// set scans, MD5 buckets, the interpreter fallback). Every one of them is in
// runtime_helpers(), which JitEngine registers with the JIT by address, so
// generated code never depends on the process's symbol table.
//
// Generated code runs straight-line for every row, missing or not, so every
// helper is total: it accepts any argument values (a missing row passes
// whatever its slots hold: 0, a valid string handle, an empty set) and never
// throws. Each entry says how the caller treats missing values.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "runtime/calendar.h"

namespace llvm {
class Function;
class Module;
}  // namespace llvm

namespace segc::codegen {

// A string as generated code passes it: a pointer to one of these, owned by
// the compiled rule set (dictionary entries, literals, lookup results).
struct SegcString {
  const char* data;
  uint64_t size;
};

// The C types of helper parameters and results, as generated code sees them.
enum class HelperType { I32, I64, Ptr, Size };
// What a helper does to memory: lets LLVM drop or hoist calls.
enum class HelperMemory { None, ReadOnly, Any };

struct RuntimeHelper {
  std::string_view name;       // symbol name in generated code
  std::string_view signature;  // the C declaration, for people
  std::string_view missing;    // how missing values are handled
  void* address;
  HelperType result;
  std::vector<HelperType> parameters;
  HelperMemory memory;
};

// Every helper generated code may call, plus the C library functions LLVM's
// optimiser may introduce (memset, memcpy, memmove).
const std::vector<RuntimeHelper>& runtime_helpers();

// Declares helper `name` in `module` (once) with its attributes: every
// helper is total and never unwinds. Null for a name not in the table.
llvm::Function* declare_helper(llvm::Module& module, std::string_view name);

// The sentinel segc_date_add_months uses for "missing".
inline constexpr int64_t kMissingSentinel = INT64_MIN;

// The valid range of dates is calendar::kFirstValidDay .. kLastValidDay,
// shared with the interpreter: date arithmetic that leaves it gives missing,
// in generated code and in the helpers alike.
using calendar::kFirstValidDay;
using calendar::kLastValidDay;
using calendar::is_valid_day;

}  // namespace segc::codegen

extern "C" {
// Dates are days since 1970-01-01; out-of-range inputs give kMissingSentinel.
int64_t segc_date_add_months(int64_t days, int64_t months);
int64_t segc_years_since(int64_t days, int64_t today);
int64_t segc_days_until_birthday(int64_t days, int64_t today);
int64_t segc_year_of(int64_t days);
int64_t segc_month_of(int64_t days);
int64_t segc_day_of_month(int64_t days);

// Strings: byte-wise (= code point) comparison, substring tests, RE2 search.
int32_t segc_string_compare(const segc::codegen::SegcString* a, const segc::codegen::SegcString* b);
int32_t segc_string_contains(const segc::codegen::SegcString* text,
                             const segc::codegen::SegcString* needle);
int32_t segc_string_starts_with(const segc::codegen::SegcString* text,
                                const segc::codegen::SegcString* prefix);
int32_t segc_string_ends_with(const segc::codegen::SegcString* text,
                              const segc::codegen::SegcString* suffix);
int32_t segc_regex_search(const void* re2, const segc::codegen::SegcString* text);

// Sets: whether row `row` of a set column holds any / all of `wanted`
// (ascending dictionary codes).
int32_t segc_set_contains_any(const uint32_t* offsets, const uint32_t* codes, uint64_t row,
                              const uint32_t* wanted, uint64_t wanted_count);
int32_t segc_set_contains_all(const uint32_t* offsets, const uint32_t* codes, uint64_t row,
                              const uint32_t* wanted, uint64_t wanted_count);

// Whether `value` is one of `values` (ascending): long `in` lists.
int32_t segc_sorted_contains(const int64_t* values, uint64_t count, int64_t value);

// bucket(n, salt) for an int key.
int64_t segc_bucket_int_key(int64_t key, const segc::codegen::SegcString* salt, int64_t buckets);

// Exact decimal product a * b (scale sa + sb) rounded half away from zero by
// `drop_digits` digits; returns 0 and leaves *out alone when it does not fit.
int32_t segc_decimal_multiply_round(int64_t a, int64_t b, int64_t drop_digits, int64_t* out);

// The reference interpreter on one row for a sub-expression the JIT does not
// lower itself (see interpreter_fallback.h). Returns 1 and stores the value's
// bits in *out when present, 0 when missing.
int32_t segc_interpret_row(const void* site, const void* run_state, uint64_t row, int64_t* out);
}
