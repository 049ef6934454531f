// A condition tabulated over one dictionary column (`city in [...]`,
// `channel = "email"`, `not tier = "bronze"`, `lower(city) = ...`) becomes
// arithmetic on the row's code at the column's stored width instead of a
// table load per row: loads by index do not vectorise (a gather at best),
// while a compare or two on 1-byte codes runs 64 rows per instruction.
//
// The table says, per code, true, false or unknown, plus one entry for a
// missing value. The sets of codes that are true (and unknown) become, in
// order of preference: a constant, up to eight runs of consecutive codes
// (each an equality or a range test; or the complement's runs, negated), a
// bit of a 64-bit mask, or, for large dictionaries, a load from a byte table
// indexed by code. Runs come first because they keep the loop's lanes as
// narrow as the codes: the mask shifts 64-bit lanes, which makes the loop
// vectorise 8 rows per step instead of 64 when the codes are bytes.
#include "codegen/dictionary_precompute.h"
#include "codegen/ir_emitter.h"

namespace segc::codegen {
namespace {

constexpr size_t kMaxRunTests = 8;

struct CodeRun {
  uint32_t low;
  uint32_t high;  // inclusive
};

// `codes` (ascending) as runs of consecutive codes.
std::vector<CodeRun> runs_of(const std::vector<uint32_t>& codes) {
  std::vector<CodeRun> runs;
  for (uint32_t code : codes) {
    if (!runs.empty() && runs.back().high + 1 == code) {
      runs.back().high = code;
    } else {
      runs.push_back({code, code});
    }
  }
  return runs;
}

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
  auto in_run = [&](const CodeRun& run) {
    if (run.low == run.high) return cmp(llvm::CmpInst::ICMP_EQ, code, constant(run.low));
    return cmp(llvm::CmpInst::ICMP_ULE, b_.CreateSub(code, constant(run.low)),
               constant(run.high - run.low));
  };
  const std::vector<CodeRun> runs = runs_of(codes);
  const std::vector<CodeRun> other_runs = runs_of(complement(codes, entries));
  if (std::min(runs.size(), other_runs.size()) <= kMaxRunTests) {
    const bool negate = other_runs.size() < runs.size();
    llvm::Value* any = nullptr;
    for (const CodeRun& run : negate ? other_runs : runs) {
      llvm::Value* test = in_run(run);
      any = any == nullptr ? test : b_.CreateOr(any, test);
    }
    return negate ? b_.CreateNot(any) : any;
  }
  if (entries <= 64) {
    uint64_t mask = 0;
    for (uint32_t member : codes) mask |= uint64_t{1} << member;
    // Codes of present rows are below `entries`; missing rows hold code 0.
    // The `and` keeps the shift defined whatever the code.
    llvm::Value* shift =
        b_.CreateAnd(b_.CreateZExtOrTrunc(code, lanes(b_.getInt64Ty())), i64(63));
    return bits(b_.CreateTrunc(b_.CreateLShr(i64(static_cast<int64_t>(mask)), shift),
                               lanes(b_.getInt1Ty())));
  }
  std::vector<uint8_t> bytes(entries, 0);
  for (uint32_t member : codes) bytes[member] = 1;
  llvm::Value* table = address(env_.host.array(std::move(bytes)));
  llvm::Value* index = b_.CreateZExt(code, lanes(b_.getInt64Ty()));
  llvm::Value* byte = load_at(b_.getInt8Ty(), table, index);
  return cmp(llvm::CmpInst::ICMP_NE, byte, llvm::ConstantInt::get(byte->getType(), 0));
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
  result.value = select(present, holds, i1(when_missing == kTrue));
  result.present = select(present, b_.CreateNot(unknown), i1(when_missing != kUnknown));
  return result;
}

}  // namespace segc::codegen
