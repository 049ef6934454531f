// The Seg abstract syntax tree, as written by the user (before name resolution
// and typing). Every node carries the source range it was parsed from. Nodes
// own their children; the tree is never shared or mutated after conversion.
//
// Chains of one precedence level (`a and b and c`, `x + y - z`) are n-ary nodes,
// so that the depth of the tree is bounded by the nesting of brackets and
// prefix operators, which the parser limits (LANGUAGE.md section 9). Passes may
// therefore recurse over expressions.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "source/source_file.h"

namespace segc::ast {

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Identifier {
  std::string name;
  SourceRange range;
};

// ---- expressions -----------------------------------------------------------

struct IntLiteral {
  int64_t value = 0;
  std::string text;  // as written, e.g. "1_000_000"
};

// An exact decimal literal: value = unscaled / 10^scale ("12.50" is 1250, 2).
struct DecimalLiteral {
  int64_t unscaled = 0;
  int scale = 0;
  std::string text;
};

struct StringLiteral {
  std::string value;  // escapes decoded, UTF-8
};

struct BoolLiteral {
  bool value = false;
};

struct DateLiteral {
  int32_t days = 0;  // days since 1970-01-01
};

enum class TimeUnit { Day, Week, Month, Year };

// `7 days`: only meaningful as the right operand of date `+` / `-`.
struct DurationLiteral {
  int64_t amount = 0;
  TimeUnit unit = TimeUnit::Day;
};

struct ListLiteral {
  std::vector<ExprPtr> elements;  // literal expressions
};

struct TodayExpr {};

// `30 days ago`, i.e. `today - 30 days`.
struct AgoExpr {
  DurationLiteral duration;
};

// A field or segment name; which one is decided by the resolver.
struct NameRef {
  std::string name;
};

struct CallExpr {
  Identifier function;
  std::vector<ExprPtr> arguments;
};

struct NegateExpr {
  ExprPtr operand;
};

struct NotExpr {
  ExprPtr operand;
};

enum class LogicalOp { And, Or };

struct LogicalExpr {
  LogicalOp op = LogicalOp::And;
  std::vector<ExprPtr> operands;  // at least two
};

enum class ArithmeticOp { Add, Subtract, Multiply, Divide };

// operands[0] ops[0] operands[1] ops[1] operands[2] ..., evaluated left to right.
// One node holds one precedence level: either only + and -, or only * and /.
struct ArithmeticExpr {
  std::vector<ExprPtr> operands;  // at least two
  std::vector<ArithmeticOp> ops;  // operands.size() - 1
};

enum class CompareOp { Eq, Ne, Lt, Le, Gt, Ge };

struct CompareExpr {
  CompareOp op = CompareOp::Eq;
  ExprPtr lhs;
  ExprPtr rhs;
};

struct BetweenExpr {
  ExprPtr value;
  ExprPtr low;
  ExprPtr high;
};

struct InExpr {
  bool negated = false;  // `not in`
  ExprPtr value;
  ExprPtr list;  // always a ListLiteral
};

struct IsMissingExpr {
  bool present = false;  // `is present` rather than `is missing`
  ExprPtr operand;
};

enum class ContainsMode { Single, Any, All };

struct ContainsExpr {
  ContainsMode mode = ContainsMode::Single;
  ExprPtr haystack;
  ExprPtr needle;  // a ListLiteral for Any / All
};

enum class PeriodKind { Last, Next, This, Previous };

struct Period {
  PeriodKind kind = PeriodKind::Last;
  int64_t amount = 0;  // Last / Next only
  TimeUnit unit = TimeUnit::Day;
  SourceRange range;
};

struct WithinExpr {
  ExprPtr value;
  Period period;
};

struct ParenExpr {
  ExprPtr inner;
};

using ExprNode =
    std::variant<IntLiteral, DecimalLiteral, StringLiteral, BoolLiteral, DateLiteral,
                 DurationLiteral, ListLiteral, TodayExpr, AgoExpr, NameRef, CallExpr, NegateExpr,
                 NotExpr, LogicalExpr, ArithmeticExpr, CompareExpr, BetweenExpr, InExpr,
                 IsMissingExpr, ContainsExpr, WithinExpr, ParenExpr>;

struct Expr {
  ExprNode node;
  SourceRange range;

  template <class T>
  const T* as() const {
    return std::get_if<T>(&node);
  }
};

template <class T>
ExprPtr make_expr(T node, SourceRange range) {
  return std::make_unique<Expr>(Expr{ExprNode(std::move(node)), range});
}

// How the operator is written in Seg source ("<=", "*").
std::string_view spelling(CompareOp op);
std::string_view spelling(ArithmeticOp op);

// The operator with its operands swapped: `a < b` is `b > a`.
CompareOp mirrored(CompareOp op);

// Strips any number of enclosing parentheses.
const Expr& skip_parens(const Expr& expr);

// ---- declarations ----------------------------------------------------------

struct ImportDecl {
  std::string path;  // decoded string literal
  SourceRange path_range;
  SourceRange range;
};

struct TypeArgument {
  bool is_string = false;
  int64_t int_value = 0;
  std::string string_value;
  std::string text;  // as written
  SourceRange range;
};

// Syntax of a field type: `int`, `decimal(2)`, `enum("a", "b")`, `set<string>`.
// Whether the name and arguments make sense is the type checker's business.
struct TypeRef {
  Identifier name;
  std::vector<TypeArgument> arguments;  // `(...)` form
  bool has_parens = false;
  std::unique_ptr<TypeRef> element;  // `<...>` form
  SourceRange range;
};

struct FieldDecl {
  bool is_key = false;
  Identifier name;
  TypeRef type;
  SourceRange range;
};

struct SchemaDecl {
  Identifier name;
  std::vector<FieldDecl> fields;
  SourceRange range;
};

enum class PropertyKind { Description, Owner, Tags, Meta };

struct StringItem {
  std::string value;
  SourceRange range;
};

struct Property {
  PropertyKind kind = PropertyKind::Description;
  Identifier meta_key;          // Meta only
  StringItem text;              // Description, Owner, Meta
  std::vector<StringItem> tags;  // Tags only
  SourceRange range;
};

struct SegmentDecl {
  Identifier name;
  bool block_form = false;
  std::vector<Property> properties;
  ExprPtr where;
  SourceRange where_range;  // the `where` clause (block form) or the expression
  SourceRange range;
};

struct PartitionItem {
  bool is_else = false;
  Identifier segment;
  SourceRange range;
};

struct PartitionDecl {
  Identifier name;
  std::vector<PartitionItem> items;
  SourceRange range;
};

struct GivenField {
  Identifier field;
  ExprPtr value;  // a literal expression (possibly a list)
  SourceRange range;
};

struct Expectation {
  bool negated = false;
  Identifier segment;
  SourceRange range;
};

struct GivenClause {
  std::vector<GivenField> fields;
  std::vector<Expectation> expectations;
  SourceRange range;
};

struct TestDecl {
  StringItem name;
  std::optional<int32_t> as_of;  // days since 1970-01-01
  SourceRange as_of_range;
  std::vector<GivenClause> givens;
  SourceRange range;
};

using DeclarationNode =
    std::variant<ImportDecl, SchemaDecl, SegmentDecl, PartitionDecl, TestDecl>;

struct Declaration {
  DeclarationNode node;
  SourceRange range;
};

struct Comment {
  std::string text;  // from '#' to the end of the line
  SourceRange range;
  bool own_line = false;  // nothing but whitespace before it on its line
};

// One parsed file.
struct Module {
  FileId file = kNoFile;
  std::vector<Declaration> declarations;
  std::vector<Comment> comments;  // in source order
  // Names declared by declarations that had syntax errors and were left out;
  // references to them are not reported again as unknown.
  std::vector<std::string> broken_names;
};

}  // namespace segc::ast
