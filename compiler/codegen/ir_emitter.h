// Lowers one checked expression to straight-line IR for one row, or for the
// 64 rows of a whole word at once. Values are (value, present) pairs;
// conditions are two i1 masks, "is true" and "is false" (neither: unknown),
// combined with Kleene logic by selects and bit operations, never by
// branches. The segment function emitter (segment_function.cpp) wraps the
// code in the loops over words (and, for row code, rows).
//
// Word code is the same IR on vectors of 64 lanes, one per row of the word,
// but for what is i1 in row code (is true, is false, present, bools): that
// is the i64 word of the 64 rows' bits, so a column is one vector load, a
// comparison is a vector compare bit-cast to a word (a mask move on
// AVX-512, pmovmskb on AVX2), bitmaps are used as they are stored, Kleene
// logic is a few integer instructions per 64 rows, and a condition's "is
// true" word is the member word itself. What
// cannot be computed on all lanes at once (runtime helper calls, the
// interpreter fallback, loops over set elements) makes word code fail
// (scalar_only()), and the group is emitted as row code instead.
//
// What each family of expressions becomes is in its own file:
// ir_emit_core.cpp (dispatch, literals, bind-time tables, interpreter
// fallback), ir_emit_columns.cpp (reading the table), ir_emit_logic.cpp
// (conditions and comparisons), ir_emit_numbers.cpp (arithmetic),
// ir_emit_calls.cpp (built-in functions), ir_emit_text_sets.cpp (strings and
// sets).
#pragma once

#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Module.h>

#include <map>
#include <optional>
#include <string>

#include "codegen/expression_dependencies.h"
#include "codegen/host_data.h"
#include "evaluate/reference_interpreter.h"

namespace segc::codegen {

// Bool: i1; Int, Decimal (unscaled), Date (days), Enum (index): i64;
// Float: double; String: ptr to a SegcString. `present` is i1. In word code
// each is a vector of 64 of these, but i1s are i64 words of bits.
struct Val {
  Type type;
  llvm::Value* value = nullptr;
  llvm::Value* present = nullptr;
};

struct Tri {
  llvm::Value* is_true = nullptr;
  llvm::Value* is_false = nullptr;
};

// What stays the same for all segments of one rule set.
struct EmitEnvironment {
  const CheckedProgram& program;
  const runtime::Table& table;
  evaluate::EvaluationContext context;
  DependencyMap& dependencies;
  HostData& host;
  llvm::Module& module;
  bool interpreter_fallback = true;  // off: report what is not lowered natively
};

// Where the current row is: set by the segment function emitter.
struct RowPosition {
  llvm::Value* args = nullptr;  // const SegcRunArgs*
  llvm::Value* row = nullptr;   // i64; word code: the word's first row, 64 * word
  llvm::Value* word = nullptr;  // i64, row / 64
  llvm::Value* bit = nullptr;   // i64, row % 64; word code: unused
  // Row code: inserts into the current word's preamble, which runs before
  // its row loop. Word code: unused.
  llvm::IRBuilder<>* word_start = nullptr;
  bool whole_word = false;  // word code: all 64 rows of a full word at once
};

class ExprEmitter {
 public:
  // `body` appends to the inner loop's block; `entry` inserts before the
  // function entry block's terminator (loop-invariant loads, allocas).
  ExprEmitter(EmitEnvironment& environment, llvm::IRBuilder<>& body, llvm::IRBuilder<>& entry,
              RowPosition position);

  // A condition (true / false / unknown). Never fails: what is not lowered
  // natively runs the interpreter, unless that is off, in which case the
  // result is unknown and error() says why.
  Tri condition(const ast::Expr& expr);
  const std::string& error() const { return error_; }
  // Word code only: what could not be computed on 64 lanes at once (the
  // first such construct), or empty. The IR emitted is then to be dropped.
  const std::string& scalar_only_reason() const { return scalar_only_; }

 private:
  // ---- ir_emit_core.cpp
  std::optional<Val> value(const ast::Expr& expr);
  // An operand compared with or unified into `peer`: a string literal next to
  // an enum is that enum's member.
  std::optional<Val> value_like(const ast::Expr& expr, const Type& peer);
  std::optional<Val> native_value(const ast::Expr& expr);
  std::optional<Tri> native_condition(const ast::Expr& expr);
  std::optional<Val> bind_time_value(const ast::Expr& expr);
  std::optional<Val> literal(const ast::Expr& expr);
  std::optional<Val> fallback(const ast::Expr& expr);
  Val tabulated(const struct Tabulated& table, llvm::Value* index);
  void unsupported(const ast::Expr& expr, const std::string& what);
  // Word code: notes that `what` needs row code, and gives up this value.
  // Row code: nothing (returns false), the caller goes on.
  bool scalar_only(const char* what);
  // `scalar`, or in word code the vector of 64 of it.
  llvm::Type* lanes(llvm::Type* scalar);
  // i1 values. Word code: a <64 x i1> compare result as its i64 word
  // (bits), and back (lane_mask) where a vector select needs it; row code:
  // the value itself.
  llvm::Value* bits(llvm::Value* lanes);
  llvm::Value* lane_mask(llvm::Value* word);
  llvm::Value* cmp(llvm::CmpInst::Predicate predicate, llvm::Value* a, llvm::Value* b);
  // `condition ? a : b` per row: of i1 values (words of bits in word code)
  // bit by bit, of other values lane by lane.
  llvm::Value* select(llvm::Value* condition, llvm::Value* a, llvm::Value* b);
  // base[index] of `element`s: a load, or in word code a gather.
  llvm::Value* load_at(llvm::Type* element, llvm::Value* base, llvm::Value* index);

  // ---- ir_emit_columns.cpp
  llvm::Value* column_pointer(size_t field, int slot);
  llvm::Value* presence(size_t field);
  std::optional<Val> field_value(size_t field);
  llvm::Value* code(size_t field);         // zero-extended to i64
  llvm::Value* stored_code(size_t field);  // at the column's width
  llvm::Value* dictionary_index(size_t field);  // code, or dictionary size when missing
  Val segment_member(size_t segment);
  llvm::Value* set_offset(size_t field, llvm::Value* row);
  // Bit `row % 64` of word `row / 64` of a bitmap (presence, bool values,
  // an earlier segment's members).
  llvm::Value* bitmap_bit(llvm::Value* words);

  // ---- ir_emit_code_sets.cpp
  // Whether `code` is one of `codes` (ascending, each below `entries`).
  llvm::Value* code_in(llvm::Value* code, const std::vector<uint32_t>& codes, size_t entries);
  Val tabulated_condition(const struct Tabulated& table, size_t field);

  // ---- ir_emit_logic.cpp
  Tri kleene_and(Tri a, Tri b);
  llvm::Value* bool_order(ast::CompareOp op, llvm::Value* x, llvm::Value* y);
  Tri kleene_or(Tri a, Tri b);
  Tri to_tri(const Val& value);
  Val from_tri(Tri tri);
  Tri known(llvm::Value* present, llvm::Value* holds);
  std::optional<Tri> compare(ast::CompareOp op, const Val& a, const Val& b);
  std::optional<Tri> compare_operands(ast::CompareOp op, const ast::Expr& lhs,
                                      const ast::Expr& rhs);
  std::optional<Tri> in_list(const ast::InExpr& in);
  std::optional<Tri> is_missing(const ast::IsMissingExpr& is);
  std::optional<Tri> within(const ast::WithinExpr& within);

  // ---- ir_emit_numbers.cpp
  llvm::Value* to_double(const Val& value);
  Val rescale(const Val& value, int scale);
  std::optional<Val> convert(const Val& value, const Type& target);
  llvm::Value* finite(llvm::Value* real);
  Val overflow_op(llvm::Intrinsic::ID id, const Type& type, llvm::Value* a, llvm::Value* b,
                  llvm::Value* present);
  std::optional<Val> arithmetic(const ast::ArithmeticExpr& arithmetic);
  std::optional<Val> arithmetic_step(const Val& a, ast::ArithmeticOp op, const Val& b);
  std::optional<Val> add_duration(const Val& date, const ast::DurationLiteral& duration,
                                  bool subtract);
  std::optional<Val> negate(const Val& value);

  // ---- ir_emit_calls.cpp
  std::optional<Val> call(const ast::Expr& expr, const ast::CallExpr& call);
  std::optional<Val> min_max_coalesce(const ast::Expr& expr, const ast::CallExpr& call);
  std::optional<Val> date_function(const std::string& name, const Val& date);
  llvm::Value* helper_call(const std::string& name, llvm::ArrayRef<llvm::Value*> arguments);

  // ---- ir_emit_text_sets.cpp
  std::optional<Val> text_of(const Val& value);  // enum member text as a string handle
  std::optional<Val> text_function(const std::string& name, const ast::CallExpr& call);
  std::optional<Tri> contains(const ast::ContainsExpr& contains);
  std::optional<Val> set_size(const ast::Expr& set);

  // ---- constants
  llvm::Value* i64(int64_t value);
  llvm::Value* i1(bool value);
  llvm::Value* f64(double value);
  llvm::Value* address(const void* pointer);

  EmitEnvironment& env_;
  llvm::IRBuilder<>& b_;
  llvm::IRBuilder<>& entry_;
  RowPosition position_;
  std::map<std::pair<size_t, int>, llvm::Value*> column_pointers_;
  std::map<llvm::Value*, llvm::Value*> bitmap_lanes_;  // words -> [64 x i8] alloca
  llvm::Value* scratch_ = nullptr;  // i64 alloca for helpers' out-parameters
  std::string error_;
  std::string scalar_only_;
};

// The string literals a set `contains` tests for (its needle, or each
// element of its list), or nothing when one is not a literal: then the test
// is per row (the interpreter's), else it is resolved to codes at bind time.
std::optional<std::vector<std::string>> literal_elements(const ast::ContainsExpr& contains);

}  // namespace segc::codegen
