// schema_difference: whether a columnar file was written for the schema the
// rules declare, and if not, the first difference in words.
#include <fmt/format.h>

#include "runtime/columnar_file.h"

namespace segc::runtime {
namespace {

std::string describe(const ColumnSpec& spec) {
  switch (spec.kind) {
    case ColumnKind::Int: return "int";
    case ColumnKind::Decimal: return fmt::format("decimal({})", spec.scale);
    case ColumnKind::Float: return "float";
    case ColumnKind::Bool: return "bool";
    case ColumnKind::String: return "string";
    case ColumnKind::Date: return "date";
    case ColumnKind::StringSet: return "set<string>";
    case ColumnKind::Enum: {
      std::string text = "enum(";
      for (size_t i = 0; i < spec.enum_values.size(); ++i) {
        text += fmt::format("{}\"{}\"", i == 0 ? "" : ", ", spec.enum_values[i]);
      }
      return text + ")";
    }
  }
  return "?";
}

}  // namespace

std::string schema_difference(const TableSchema& in_file, const TableSchema& expected) {
  for (size_t i = 0; i < expected.columns.size(); ++i) {
    const ColumnSpec& want = expected.columns[i];
    if (i >= in_file.columns.size()) return fmt::format("the file has no field '{}'", want.name);
    const ColumnSpec& have = in_file.columns[i];
    if (have.name != want.name) {
      return fmt::format("field {} is '{}' in the file but '{}' in the rules", i + 1, have.name, want.name);
    }
    if (describe(have) != describe(want)) {
      return fmt::format("field '{}' is {} in the file but {} in the rules", want.name, describe(have),
                         describe(want));
    }
    if (have.is_key != want.is_key) {
      return fmt::format("field '{}' is {} in the file but {} in the rules", want.name,
                         have.is_key ? "the key" : "not the key", want.is_key ? "the key" : "not the key");
    }
  }
  if (in_file.columns.size() > expected.columns.size()) {
    return fmt::format("the file has a field '{}' the rules' schema does not have",
                       in_file.columns[expected.columns.size()].name);
  }
  return "";
}

}  // namespace segc::runtime
