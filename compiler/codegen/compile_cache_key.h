// Keys of the persistent compile cache (compile_cache.h). An object file is
// a function of its module's IR and of how it was optimised and compiled,
// so the key hashes exactly those: the module's bitcode (which spells out
// the rules as bound to the table: schema, column widths, dictionary sizes,
// literal codes, `today`) and the compiler's identity (this build of segc,
// LLVM's version, target triple, CPU, its features, code generation
// options). A different rule, date or dictionary changes the IR and so the
// key; a stale hit would need a hash collision.
#pragma once

#include <llvm/ADT/StringRef.h>

#include <array>
#include <cstdint>
#include <string>

namespace llvm {
class Module;
class TargetMachine;
}  // namespace llvm

namespace segc::codegen {

using CacheKey = std::array<uint8_t, 32>;  // BLAKE3

std::string to_hex(const CacheKey& key);

// Everything besides the IR that the object code depends on, as text; the
// same for every module an engine compiles.
std::string compiler_identity(const llvm::TargetMachine& target);

// The key of `module`'s object code when compiled by `compiler_identity`.
CacheKey module_key(const llvm::Module& module, llvm::StringRef compiler_identity);

// Binds the object code itself to its key, beyond the entry's header: once
// the key is computed, `module` gets an exported constant named after it
// (segc_cache_key_<hex>), and a cached object is used only when it is an
// object file that defines that name. A junk payload or another module's
// object under a header that checks out is then a miss, compiled again, not
// an error on every run nor another rule set's code.
void mark_with_key(llvm::Module& module, const CacheKey& key);
bool object_is_marked_with(llvm::StringRef object, const CacheKey& key);

}  // namespace segc::codegen
