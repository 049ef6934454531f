// A condition tabulated over one dictionary column (`city in [...]`,
// `channel = "email"`, `not tier = "bronze"`, `lower(city) = ...`) becomes
// arithmetic on the row's code at the column's stored width instead of a
// table load per row: loads by index do not vectorise (a gather at best),
// while a compare or two on 1-byte codes runs 64 rows per instruction.
//
// The table says, per code, true, false or unknown, plus one entry for a
// missing value. The sets of codes that are true (and unknown) become, in
// order of preference: a constant, a range check, up to three equality tests
// (or inequality tests of the complement), a bit of a 64-bit mask, or, for
// large dictionaries, a load from a byte table indexed by code.
#include "codegen/dictionary_precompute.h"
#include "codegen/ir_emitter.h"

namespace segc::codegen {
namespace {

constexpr size_t kMaxEqualityTests = 3;

std::vector<uint32_t> codes_in_state(const Tabulated& table, size_t entries, uint8_t state) {
  std::vector<uint32_t> codes;
  for (size_t code = 0; code < entries; ++code) {
    if (table.state[code] == state) codes.push_back(static_cast<uint32_t>(code));
  }
  return codes;
}

std::vector<uint32_t> complement(const std::vector<uint32_t>& codes, size_t entries) {
  std::vector<uint32_t> rest;
  size_t next = 0;
  for (size_t code = 0; code < entries; ++code) {
    if (next < codes.size() && codes[next] == code) {
      ++next;
    } else {
      rest.push_back(static_cast<uint32_t>(code));
    }
  }
  return rest;
}

}  // namespace

llvm::Value* ExprEmitter::code_in(llvm::Value* code, const std::vector<uint32_t>& codes,
                                  size_t entries) {
  llvm::Type* type = code->getType();
  auto constant = [&](uint64_t value) { return llvm::ConstantInt::get(type, value); };
  if (codes.empty()) return i1(false);
  if (codes.size() == entries) return i1(true);
  const uint32_t low = codes.front();
  const uint32_t high = codes.back();
  if (high - low + 1 == codes.size()) {  // one run of consecutive codes
    if (low == high) return b_.CreateICmpEQ(code, constant(low));
    return b_.CreateICmpULE(b_.CreateSub(code, constant(low)), constant(high - low));
  }
  if (codes.size() <= kMaxEqualityTests) {
    llvm::Value* any = b_.CreateICmpEQ(code, constant(codes[0]));
    for (size_t i = 1; i < codes.size(); ++i) {
      any = b_.CreateOr(any, b_.CreateICmpEQ(code, constant(codes[i])));
    }
    return any;
  }
  const std::vector<uint32_t> others = complement(codes, entries);
  if (others.size() <= kMaxEqualityTests) {
    llvm::Value* none = b_.CreateICmpNE(code, constant(others[0]));
    for (size_t i = 1; i < others.size(); ++i) {
      none = b_.CreateAnd(none, b_.CreateICmpNE(code, constant(others[i])));
    }
    return none;
  }
  if (entries <= 64) {
    uint64_t mask = 0;
    for (uint32_t member : codes) mask |= uint64_t{1} << member;
    // Codes of present rows are below `entries`; missing rows hold code 0.
    // The `and` keeps the shift defined whatever the code.
    llvm::Value* shift = b_.CreateAnd(b_.CreateZExtOrTrunc(code, b_.getInt64Ty()), i64(63));
    return b_.CreateTrunc(b_.CreateLShr(i64(static_cast<int64_t>(mask)), shift), b_.getInt1Ty());
  }
  std::vector<uint8_t> bytes(entries, 0);
  for (uint32_t member : codes) bytes[member] = 1;
  llvm::Value* table = address(env_.host.array(std::move(bytes)));
  llvm::Value* index = b_.CreateZExt(code, b_.getInt64Ty());
  llvm::Value* byte = b_.CreateLoad(b_.getInt8Ty(), b_.CreateGEP(b_.getInt8Ty(), table, index));
  return b_.CreateICmpNE(byte, b_.getInt8(0));
}

Val ExprEmitter::tabulated_condition(const Tabulated& table, size_t field) {
  const size_t entries = table.state.size() - 1;
  const uint8_t when_missing = table.state[entries];
  llvm::Value* present = presence(field);
  llvm::Value* code = stored_code(field);
  llvm::Value* holds = code_in(code, codes_in_state(table, entries, kTrue), entries);
  llvm::Value* unknown = code_in(code, codes_in_state(table, entries, kUnknown), entries);
  // Val of a bool: value = "is true", present = "is known".
  Val result{table.type};
  result.value = b_.CreateSelect(present, holds, i1(when_missing == kTrue));
  result.present = b_.CreateSelect(present, b_.CreateNot(unknown), i1(when_missing != kUnknown));
  return result;
}

}  // namespace segc::codegen
