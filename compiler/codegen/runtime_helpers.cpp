// The one list of helpers generated code may call: JitEngine registers each
// address under its name, and the emitter declares each with its types and
// memory effects from the same entry.
#include "codegen/runtime_helpers.h"

#include <llvm/IR/DerivedTypes.h>
#include <llvm/IR/Module.h>

#include <cstring>

namespace segc::codegen {
namespace {

using T = HelperType;
using M = HelperMemory;

template <class F>
void* address(F* function) {
  return reinterpret_cast<void*>(function);
}

llvm::Type* lower(llvm::LLVMContext& context, HelperType type) {
  switch (type) {
    case T::I32:
      return llvm::Type::getInt32Ty(context);
    case T::I64:
    case T::Size:
      return llvm::Type::getInt64Ty(context);
    case T::Ptr:
      return llvm::PointerType::get(context, 0);
  }
  return nullptr;
}

}  // namespace

const std::vector<RuntimeHelper>& runtime_helpers() {
  static const std::vector<RuntimeHelper> table = {
      {"segc_date_add_months",
       "int64_t (int64_t days, int64_t months)",
       "any input; an invalid date or result gives INT64_MIN, read as missing",
       address(&segc_date_add_months),
       T::I64,
       {T::I64, T::I64},
       M::None},
      {"segc_years_since",
       "int64_t (int64_t days, int64_t today)",
       "caller ands the argument's presence; invalid dates give 0",
       address(&segc_years_since),
       T::I64,
       {T::I64, T::I64},
       M::None},
      {"segc_days_until_birthday",
       "int64_t (int64_t days, int64_t today)",
       "caller ands the argument's presence; invalid dates give 0",
       address(&segc_days_until_birthday),
       T::I64,
       {T::I64, T::I64},
       M::None},
      {"segc_year_of",
       "int64_t (int64_t days)",
       "caller ands presence; invalid dates give 0",
       address(&segc_year_of),
       T::I64,
       {T::I64},
       M::None},
      {"segc_month_of",
       "int64_t (int64_t days)",
       "caller ands presence; invalid dates give 0",
       address(&segc_month_of),
       T::I64,
       {T::I64},
       M::None},
      {"segc_day_of_month",
       "int64_t (int64_t days)",
       "caller ands presence; invalid dates give 0",
       address(&segc_day_of_month),
       T::I64,
       {T::I64},
       M::None},
      {"segc_string_compare",
       "int32_t (const SegcString* a, const SegcString* b)",
       "caller ands both presences; a missing string is a valid empty one",
       address(&segc_string_compare),
       T::I32,
       {T::Ptr, T::Ptr},
       M::ReadOnly},
      {"segc_string_contains",
       "int32_t (const SegcString* text, const SegcString* needle)",
       "caller ands both presences",
       address(&segc_string_contains),
       T::I32,
       {T::Ptr, T::Ptr},
       M::ReadOnly},
      {"segc_string_starts_with",
       "int32_t (const SegcString* text, const SegcString* prefix)",
       "caller ands both presences",
       address(&segc_string_starts_with),
       T::I32,
       {T::Ptr, T::Ptr},
       M::ReadOnly},
      {"segc_string_ends_with",
       "int32_t (const SegcString* text, const SegcString* suffix)",
       "caller ands both presences",
       address(&segc_string_ends_with),
       T::I32,
       {T::Ptr, T::Ptr},
       M::ReadOnly},
      {"segc_regex_search",
       "int32_t (const RE2* pattern, const SegcString* text)",
       "caller ands the text's presence",
       address(&segc_regex_search),
       T::I32,
       {T::Ptr, T::Ptr},
       M::Any},
      {"segc_set_contains_any",
       "int32_t (const uint32_t* offsets, const uint32_t* codes, uint64_t row, "
       "const uint32_t* wanted, uint64_t count)",
       "caller ands the set's presence (a missing set has no elements)",
       address(&segc_set_contains_any),
       T::I32,
       {T::Ptr, T::Ptr, T::Size, T::Ptr, T::Size},
       M::ReadOnly},
      {"segc_set_contains_all",
       "int32_t (const uint32_t* offsets, const uint32_t* codes, uint64_t row, "
       "const uint32_t* wanted, uint64_t count)",
       "caller ands the set's presence",
       address(&segc_set_contains_all),
       T::I32,
       {T::Ptr, T::Ptr, T::Size, T::Ptr, T::Size},
       M::ReadOnly},
      {"segc_sorted_contains",
       "int32_t (const int64_t* values, uint64_t count, int64_t value)",
       "caller ands the value's presence",
       address(&segc_sorted_contains),
       T::I32,
       {T::Ptr, T::Size, T::I64},
       M::ReadOnly},
      {"segc_bucket_int_key",
       "int64_t (int64_t key, const SegcString* salt, int64_t buckets)",
       "the key is never missing",
       address(&segc_bucket_int_key),
       T::I64,
       {T::I64, T::Ptr, T::I64},
       M::Any},
      {"segc_decimal_multiply_round",
       "int32_t (int64_t a, int64_t b, int64_t drop_digits, int64_t* out)",
       "caller ands both presences; 0 (missing) when the product does not fit",
       address(&segc_decimal_multiply_round),
       T::I32,
       {T::I64, T::I64, T::I64, T::Ptr},
       M::Any},
      {"segc_interpret_row",
       "int32_t (const FallbackSite* site, const RunState* state, uint64_t row, int64_t* out)",
       "0 when the interpreter's value is missing, else 1 and the value's bits in *out",
       address(&segc_interpret_row),
       T::I32,
       {T::Ptr, T::Ptr, T::Size, T::Ptr},
       M::Any},
      // Introduced by LLVM's optimiser (loop idioms), never by the emitter.
      {"memset",
       "void* (void*, int, size_t)",
       "-",
       address<void*(void*, int, size_t)>(&std::memset),
       T::Ptr,
       {T::Ptr, T::I32, T::Size},
       M::Any},
      {"memcpy",
       "void* (void*, const void*, size_t)",
       "-",
       address<void*(void*, const void*, size_t)>(&std::memcpy),
       T::Ptr,
       {T::Ptr, T::Ptr, T::Size},
       M::Any},
      {"memmove",
       "void* (void*, const void*, size_t)",
       "-",
       address<void*(void*, const void*, size_t)>(&std::memmove),
       T::Ptr,
       {T::Ptr, T::Ptr, T::Size},
       M::Any},
  };
  return table;
}

llvm::Function* declare_helper(llvm::Module& module, std::string_view name) {
  if (llvm::Function* existing = module.getFunction(name)) return existing;
  for (const RuntimeHelper& helper : runtime_helpers()) {
    if (helper.name != name) continue;
    llvm::LLVMContext& context = module.getContext();
    std::vector<llvm::Type*> parameters;
    for (HelperType parameter : helper.parameters) parameters.push_back(lower(context, parameter));
    auto* type = llvm::FunctionType::get(lower(context, helper.result), parameters, false);
    auto* function = llvm::Function::Create(type, llvm::Function::ExternalLinkage, name, module);
    function->setDoesNotThrow();
    function->addFnAttr(llvm::Attribute::WillReturn);
    if (helper.memory == M::None) function->setDoesNotAccessMemory();
    if (helper.memory == M::ReadOnly) function->setOnlyReadsMemory();
    return function;
  }
  return nullptr;
}

}  // namespace segc::codegen
