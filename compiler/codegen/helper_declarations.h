// Declarations of the runtime helpers (runtime_helpers.h) in a generated
// module, with the attributes that let LLVM move or drop calls whose results
// are unused: every helper is total and never unwinds.
#pragma once

#include <llvm/IR/Module.h>

#include <string_view>

namespace segc::codegen {

// Declares `name` in `module` (once) and returns it; null for an unknown name.
llvm::Function* declare_helper(llvm::Module& module, std::string_view name);

}  // namespace segc::codegen
