// The one argument of generated code (calling_convention.md has the whole
// contract, with the equivalent C).
#pragma once

#include <cstdint>

namespace segc::codegen {

// Per schema field f, SegcRunArgs::columns holds four pointers:
//   [4f + 0] presence bitmap words (uint64_t*)
//   [4f + 1] values: Int/Decimal/Date/String/Enum storage (width from bind
//            time), Float doubles, Bool value bitmap words
//   [4f + 2] StringSet offsets (uint32_t*, rows + 1), else null
//   [4f + 3] StringSet codes (uint32_t*), else null
inline constexpr int kSlotsPerField = 4;
inline constexpr int kPresenceSlot = 0;
inline constexpr int kValuesSlot = 1;
inline constexpr int kOffsetsSlot = 2;
inline constexpr int kCodesSlot = 3;

extern "C" struct SegcRunArgs {
  const void* const* columns;
  uint64_t* const* members;  // per segment index: its membership words, null if not computed
  uint64_t row_count;
  const void* run_state;  // a RunState (interpreter_fallback.h), for segc_interpret_row
};

// void entry(const SegcRunArgs* args, uint64_t first_word, uint64_t end_word):
// computes words [first_word, end_word) of every segment of the rule set, in
// evaluation order. Groups' functions have the same signature.
using RuleSetEntry = void (*)(const SegcRunArgs*, uint64_t, uint64_t);

// How a group's function computes its words.
enum class GroupKind : uint8_t {
  // Every segment on 64 lanes at once. Every word of the range it is given
  // must have 64 readable rows (so the entry too): the last, partial word
  // of a table is computed from a copy of its rows padded to 64
  // (CompiledRuleSet::evaluate).
  WordCode,
  // A loop over each word's rows (vectorised), which also handles the last,
  // partial word (args.row_count).
  RowCode,
};

}  // namespace segc::codegen
