// The result of the semantic stage: the AST together with the schema, the
// meaning of every name and the type of every expression. Back ends read this;
// nothing here is mutated after the checker returns it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "semantic/module_loader.h"
#include "semantic/types.h"
#include "syntax/ast.h"

namespace segc {

struct SchemaField {
  std::string name;
  Type type;
  bool is_key = false;
  const ast::FieldDecl* declaration = nullptr;
};

struct Schema {
  std::string name;
  std::vector<SchemaField> fields;
  size_t key_index = 0;
  std::vector<std::unique_ptr<EnumType>> enums;  // owned here; Types point at them
  const ast::SchemaDecl* declaration = nullptr;
  size_t module = 0;

  const SchemaField* find(std::string_view field_name) const;
  std::optional<size_t> index_of(std::string_view field_name) const;
};

struct CheckedSegment {
  std::string name;
  const ast::SegmentDecl* declaration = nullptr;
  size_t module = 0;
  std::vector<size_t> references;  // indices of the segments its expression names
};

struct CheckedPartition {
  std::string name;
  const ast::PartitionDecl* declaration = nullptr;
  size_t module = 0;
  std::vector<size_t> segments;  // in priority order
  std::optional<std::string> else_group;
};

struct CheckedTest {
  const ast::TestDecl* declaration = nullptr;
  size_t module = 0;
};

// What a NameRef means.
struct NameMeaning {
  enum class Kind { Field, Segment } kind = Kind::Field;
  size_t index = 0;  // into Schema::fields or CheckedProgram::segments
};

struct CheckedProgram {
  ParsedProgram parsed;  // owns the AST every pointer here points into
  Schema schema;
  std::vector<CheckedSegment> segments;      // declaration order
  std::vector<size_t> evaluation_order;      // segments, each after those it references
  std::vector<CheckedPartition> partitions;  // declaration order
  std::vector<CheckedTest> tests;
  std::unordered_map<const ast::Expr*, Type> types;
  std::unordered_map<const ast::Expr*, NameMeaning> names;

  const Type& type_of(const ast::Expr& expr) const { return types.at(&expr); }
  std::optional<size_t> segment_index(std::string_view name) const;
};

}  // namespace segc
