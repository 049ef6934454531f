// The types of Seg values (LANGUAGE.md section 3) as the checker sees them.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace segc {

enum class TypeKind {
  Error,     // already reported; suppresses follow-on diagnostics
  Bool,      // conditions, bool fields, segment membership
  Int,       // 64-bit signed
  Decimal,   // exact, `scale` digits after the point
  Float,     // IEEE double
  String,
  Enum,      // closed set of strings, ordered by declaration
  Date,
  Duration,  // `7 days`: only as an operand of date + / -
  StringSet,
  List,      // a literal list: only after `in` / `contains any|all`
};

struct EnumType {
  std::vector<std::string> values;  // declaration order is the order for < and >
  int index_of(std::string_view value) const;
};

struct Type {
  TypeKind kind = TypeKind::Error;
  int scale = 0;                         // Decimal only
  const EnumType* enumeration = nullptr;  // Enum only

  static Type error() { return {TypeKind::Error}; }
  static Type boolean() { return {TypeKind::Bool}; }
  static Type integer() { return {TypeKind::Int}; }
  static Type decimal(int scale) { return {TypeKind::Decimal, scale}; }
  static Type floating() { return {TypeKind::Float}; }
  static Type string() { return {TypeKind::String}; }
  static Type date() { return {TypeKind::Date}; }

  bool is(TypeKind k) const { return kind == k; }
  bool is_error() const { return kind == TypeKind::Error; }
  bool is_numeric() const {
    return kind == TypeKind::Int || kind == TypeKind::Decimal || kind == TypeKind::Float;
  }
  bool is_textual() const { return kind == TypeKind::String || kind == TypeKind::Enum; }
  friend bool operator==(const Type&, const Type&) = default;
};

// "int", "decimal(2)", "enum(\"a\", \"b\")", "set<string>", "a condition"...
std::string describe_type(const Type& type);

// The type of `a + b` style mixing of two numeric types (int < decimal < float).
Type common_numeric_type(const Type& a, const Type& b);

}  // namespace segc
