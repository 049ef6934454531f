#include "codegen/helper_declarations.h"

#include <llvm/IR/DerivedTypes.h>

#include <vector>

namespace segc::codegen {
namespace {

enum class T { I32, I64, Ptr };
enum class Memory { None, ReadOnly, Any };

struct Declaration {
  std::string_view name;
  T result;
  std::vector<T> parameters;
  Memory memory;
};

const std::vector<Declaration>& declarations() {
  static const std::vector<Declaration> table = {
      {"segc_date_add_months", T::I64, {T::I64, T::I64}, Memory::None},
      {"segc_years_since", T::I64, {T::I64, T::I64}, Memory::None},
      {"segc_days_until_birthday", T::I64, {T::I64, T::I64}, Memory::None},
      {"segc_year_of", T::I64, {T::I64}, Memory::None},
      {"segc_month_of", T::I64, {T::I64}, Memory::None},
      {"segc_day_of_month", T::I64, {T::I64}, Memory::None},
      {"segc_string_compare", T::I32, {T::Ptr, T::Ptr}, Memory::ReadOnly},
      {"segc_string_contains", T::I32, {T::Ptr, T::Ptr}, Memory::ReadOnly},
      {"segc_string_starts_with", T::I32, {T::Ptr, T::Ptr}, Memory::ReadOnly},
      {"segc_string_ends_with", T::I32, {T::Ptr, T::Ptr}, Memory::ReadOnly},
      {"segc_regex_search", T::I32, {T::Ptr, T::Ptr}, Memory::Any},
      {"segc_set_contains_any", T::I32, {T::Ptr, T::Ptr, T::I64, T::Ptr, T::I64}, Memory::ReadOnly},
      {"segc_set_contains_all", T::I32, {T::Ptr, T::Ptr, T::I64, T::Ptr, T::I64}, Memory::ReadOnly},
      {"segc_bucket_int_key", T::I64, {T::I64, T::Ptr, T::I64}, Memory::Any},
      {"segc_decimal_multiply_round", T::I32, {T::I64, T::I64, T::I64, T::Ptr}, Memory::Any},
      {"segc_interpret_row", T::I32, {T::Ptr, T::Ptr, T::I64, T::Ptr}, Memory::Any},
  };
  return table;
}

llvm::Type* lower(llvm::LLVMContext& context, T type) {
  switch (type) {
    case T::I32: return llvm::Type::getInt32Ty(context);
    case T::I64: return llvm::Type::getInt64Ty(context);
    case T::Ptr: return llvm::PointerType::get(context, 0);
  }
  return nullptr;
}

}  // namespace

llvm::Function* declare_helper(llvm::Module& module, std::string_view name) {
  if (llvm::Function* existing = module.getFunction(name)) return existing;
  for (const Declaration& declaration : declarations()) {
    if (declaration.name != name) continue;
    llvm::LLVMContext& context = module.getContext();
    std::vector<llvm::Type*> parameters;
    for (T parameter : declaration.parameters) parameters.push_back(lower(context, parameter));
    auto* type = llvm::FunctionType::get(lower(context, declaration.result), parameters, false);
    auto* function =
        llvm::Function::Create(type, llvm::Function::ExternalLinkage, name, module);
    function->setDoesNotThrow();
    function->addFnAttr(llvm::Attribute::WillReturn);
    if (declaration.memory == Memory::None) function->setDoesNotAccessMemory();
    if (declaration.memory == Memory::ReadOnly) function->setOnlyReadsMemory();
    return function;
  }
  return nullptr;
}

}  // namespace segc::codegen
