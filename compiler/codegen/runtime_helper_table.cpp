// The one list of helpers generated code may call; JitEngine registers each
// address under its name. Keep in step with runtime_helpers.h.
#include <cstring>

#include "codegen/runtime_helpers.h"

namespace segc::codegen {

const std::vector<RuntimeHelper>& runtime_helpers() {
  static const std::vector<RuntimeHelper> table = {
      {"segc_date_add_months", "int64_t (int64_t days, int64_t months)",
       "caller passes any value; out-of-range date or result gives INT64_MIN, read as missing",
       reinterpret_cast<void*>(&segc_date_add_months)},
      {"segc_years_since", "int64_t (int64_t days, int64_t today)",
       "caller ands the argument's presence; invalid dates give 0",
       reinterpret_cast<void*>(&segc_years_since)},
      {"segc_days_until_birthday", "int64_t (int64_t days, int64_t today)",
       "caller ands the argument's presence; invalid dates give 0",
       reinterpret_cast<void*>(&segc_days_until_birthday)},
      {"segc_year_of", "int64_t (int64_t days)", "caller ands presence; invalid dates give 0",
       reinterpret_cast<void*>(&segc_year_of)},
      {"segc_month_of", "int64_t (int64_t days)", "caller ands presence; invalid dates give 0",
       reinterpret_cast<void*>(&segc_month_of)},
      {"segc_day_of_month", "int64_t (int64_t days)", "caller ands presence; invalid dates give 0",
       reinterpret_cast<void*>(&segc_day_of_month)},
      {"segc_string_compare", "int32_t (const SegcString* a, const SegcString* b)",
       "caller ands both presences; a missing row passes a valid empty string",
       reinterpret_cast<void*>(&segc_string_compare)},
      {"segc_string_contains", "int32_t (const SegcString* text, const SegcString* needle)",
       "caller ands both presences", reinterpret_cast<void*>(&segc_string_contains)},
      {"segc_string_starts_with", "int32_t (const SegcString* text, const SegcString* prefix)",
       "caller ands both presences", reinterpret_cast<void*>(&segc_string_starts_with)},
      {"segc_string_ends_with", "int32_t (const SegcString* text, const SegcString* suffix)",
       "caller ands both presences", reinterpret_cast<void*>(&segc_string_ends_with)},
      {"segc_regex_search", "int32_t (const RE2* pattern, const SegcString* text)",
       "caller ands the text's presence", reinterpret_cast<void*>(&segc_regex_search)},
      {"segc_set_contains_any",
       "int32_t (const uint32_t* offsets, const uint32_t* codes, uint64_t row, const uint32_t* "
       "wanted, uint64_t count)",
       "caller ands the set's presence (a missing set has no elements)",
       reinterpret_cast<void*>(&segc_set_contains_any)},
      {"segc_set_contains_all",
       "int32_t (const uint32_t* offsets, const uint32_t* codes, uint64_t row, const uint32_t* "
       "wanted, uint64_t count)",
       "caller ands the set's presence", reinterpret_cast<void*>(&segc_set_contains_all)},
      {"segc_bucket_int_key", "int64_t (int64_t key, const SegcString* salt, int64_t buckets)",
       "the key is never missing", reinterpret_cast<void*>(&segc_bucket_int_key)},
      {"segc_decimal_multiply_round",
       "int32_t (int64_t a, int64_t b, int64_t drop_digits, int64_t* out)",
       "caller ands both presences; returns 0 (missing) when the product does not fit",
       reinterpret_cast<void*>(&segc_decimal_multiply_round)},
      {"segc_interpret_row",
       "int32_t (const FallbackSite* site, const RunState* state, uint64_t row, int64_t* out)",
       "returns 0 when the interpreter's value is missing, else 1 and the value's bits",
       reinterpret_cast<void*>(&segc_interpret_row)},
      // Introduced by LLVM's optimiser (loop idioms), not by our emitter.
      {"memset", "void* (void*, int, size_t)", "-", reinterpret_cast<void*>(&std::memset)},
      {"memcpy", "void* (void*, const void*, size_t)", "-", reinterpret_cast<void*>(&std::memcpy)},
      {"memmove", "void* (void*, const void*, size_t)", "-",
       reinterpret_cast<void*>(&std::memmove)},
  };
  return table;
}

}  // namespace segc::codegen
