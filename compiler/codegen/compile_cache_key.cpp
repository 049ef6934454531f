#include "codegen/compile_cache_key.h"

#include <elf.h>
#include <link.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Bitcode/BitcodeWriter.h>
#include <llvm/Config/llvm-config.h>
#include <llvm/IR/Constants.h>
#include <llvm/IR/GlobalVariable.h>
#include <llvm/IR/Module.h>
#include <llvm/Object/ObjectFile.h>
#include <llvm/Support/BLAKE3.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Target/TargetMachine.h>

#include <cstring>

namespace segc::codegen {
namespace {

// The GNU build ID of the executable (the linker computes it from the
// whole program): it changes with any change to segc's code, including the
// optimisation pipeline, so a rebuilt segc never reuses another build's
// objects. Empty when the executable has none; the segc version still
// separates releases then.
int find_build_id(dl_phdr_info* info, size_t, void* out) {
  auto& id = *static_cast<std::string*>(out);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& header = info->dlpi_phdr[i];
    if (header.p_type != PT_NOTE) continue;
    const char* note = reinterpret_cast<const char*>(info->dlpi_addr + header.p_vaddr);
    const char* end = note + header.p_memsz;
    while (note + sizeof(ElfW(Nhdr)) <= end) {
      ElfW(Nhdr) head;
      std::memcpy(&head, note, sizeof head);
      const char* name = note + sizeof head;
      const char* descriptor = name + ((head.n_namesz + 3) & ~3u);
      if (head.n_type == NT_GNU_BUILD_ID && head.n_namesz == 4 &&
          std::memcmp(name, "GNU", 4) == 0 && descriptor + head.n_descsz <= end) {
        id.assign(descriptor, head.n_descsz);
        return 1;
      }
      note = descriptor + ((head.n_descsz + 3) & ~3u);
    }
  }
  return 1;  // only the first object, the executable itself, is searched
}

std::string executable_build_id() {
  std::string id;
  dl_iterate_phdr(find_build_id, &id);
  return llvm::toHex(id, /*LowerCase=*/true);
}

}  // namespace

std::string to_hex(const CacheKey& key) {
  return llvm::toHex(llvm::ArrayRef<uint8_t>(key.data(), key.size()), /*LowerCase=*/true);
}

std::string compiler_identity(const llvm::TargetMachine& target) {
  std::string identity;
  llvm::raw_string_ostream out(identity);
  out << "segc " << SEGC_VERSION << "\nbuild " << executable_build_id() << "\nllvm "
      << LLVM_VERSION_STRING << "\ntriple " << target.getTargetTriple().str() << "\ncpu "
      << target.getTargetCPU() << "\nfeatures " << target.getTargetFeatureString() << "\nopt "
      << static_cast<int>(target.getOptLevel()) << "\nreloc "
      << static_cast<int>(target.getRelocationModel()) << "\ncode model "
      << static_cast<int>(target.getCodeModel()) << "\n";
  return identity;
}

CacheKey module_key(const llvm::Module& module, llvm::StringRef compiler_identity) {
  llvm::BLAKE3 hasher;
  hasher.update(compiler_identity);
  hasher.update(llvm::StringRef("\0", 1));
  llvm::SmallVector<char, 0> bitcode;
  llvm::raw_svector_ostream stream(bitcode);
  llvm::WriteBitcodeToFile(module, stream);
  hasher.update(llvm::StringRef(bitcode.data(), bitcode.size()));
  return hasher.final();
}

namespace {

std::string key_symbol(const CacheKey& key) { return "segc_cache_key_" + to_hex(key); }

}  // namespace

void mark_with_key(llvm::Module& module, const CacheKey& key) {
  llvm::Type* byte = llvm::Type::getInt8Ty(module.getContext());
  new llvm::GlobalVariable(module, byte, /*isConstant=*/true, llvm::GlobalValue::ExternalLinkage,
                           llvm::ConstantInt::get(byte, 0), key_symbol(key));
}

bool object_is_marked_with(llvm::StringRef object, const CacheKey& key) {
  auto file = llvm::object::ObjectFile::createObjectFile(llvm::MemoryBufferRef(object, "cached"));
  if (!file) {
    llvm::consumeError(file.takeError());
    return false;
  }
  const std::string wanted = key_symbol(key);
  for (const llvm::object::SymbolRef& symbol : (*file)->symbols()) {
    auto name = symbol.getName();
    if (!name) {
      llvm::consumeError(name.takeError());
      return false;
    }
    auto flags = symbol.getFlags();
    if (!flags) {
      llvm::consumeError(flags.takeError());
      return false;
    }
    if (*name == wanted && !(*flags & llvm::object::SymbolRef::SF_Undefined)) return true;
  }
  return false;
}

}  // namespace segc::codegen
