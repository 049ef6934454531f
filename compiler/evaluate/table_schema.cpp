#include "evaluate/table_schema.h"

namespace segc::evaluate {
namespace {

runtime::ColumnKind column_kind(const Type& type) {
  using runtime::ColumnKind;
  switch (type.kind) {
    case TypeKind::Int: return ColumnKind::Int;
    case TypeKind::Decimal: return ColumnKind::Decimal;
    case TypeKind::Float: return ColumnKind::Float;
    case TypeKind::Bool: return ColumnKind::Bool;
    case TypeKind::String: return ColumnKind::String;
    case TypeKind::Enum: return ColumnKind::Enum;
    case TypeKind::Date: return ColumnKind::Date;
    case TypeKind::StringSet: return ColumnKind::StringSet;
    default: break;
  }
  // A checked program has no field of any other type (the checker reports it).
  return ColumnKind::String;
}

}  // namespace

runtime::TableSchema table_schema_for(const Schema& schema) {
  runtime::TableSchema result;
  result.key_index = schema.key_index;
  for (const SchemaField& field : schema.fields) {
    runtime::ColumnSpec spec;
    spec.name = field.name;
    spec.kind = column_kind(field.type);
    spec.scale = field.type.scale;
    if (field.type.enumeration) spec.enum_values = field.type.enumeration->values;
    spec.is_key = field.is_key;
    result.columns.push_back(std::move(spec));
  }
  return result;
}

}  // namespace segc::evaluate
