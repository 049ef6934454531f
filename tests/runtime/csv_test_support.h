// Shared by the CSV loader tests: a small schema with one field of every
// type, and readers for loaded columns.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "runtime/csv_loader.h"

namespace segc::runtime::testing {

// key id: int, name: string, age: int, spent: decimal(2), score: float,
// vip: bool, tier: enum("bronze", "silver", "gold"), born: date, tags: set<string>
inline TableSchema test_schema(ColumnKind key_kind = ColumnKind::Int) {
  TableSchema schema;
  auto add = [&](std::string name, ColumnKind kind) {
    ColumnSpec spec;
    spec.name = std::move(name);
    spec.kind = kind;
    schema.columns.push_back(std::move(spec));
  };
  add("id", key_kind);
  add("name", ColumnKind::String);
  add("age", ColumnKind::Int);
  add("spent", ColumnKind::Decimal);
  schema.columns.back().scale = 2;
  add("score", ColumnKind::Float);
  add("vip", ColumnKind::Bool);
  add("tier", ColumnKind::Enum);
  schema.columns.back().enum_values = {"bronze", "silver", "gold"};
  add("born", ColumnKind::Date);
  add("tags", ColumnKind::StringSet);
  schema.columns[0].is_key = true;
  schema.key_index = 0;
  return schema;
}

inline CsvLoadResult load(std::string_view text, const CsvOptions& options = {},
                          const TableSchema& schema = test_schema()) {
  return load_csv_text(text, schema, options);
}

// Every error as "line:column field: message [text]", for CHECK output.
inline std::string describe(const CsvLoadResult& result) {
  std::string out = result.fatal;
  for (const DataError& e : result.errors) {
    out += fmt::format("{}:{} {}: {} [{}]\n", e.line, e.column, e.field, e.message, e.text);
  }
  for (const RejectedRow& r : result.rejected) {
    out += fmt::format("rejected line {}: {}:{} {}: {} [{}]\n", r.line, r.reason.line, r.reason.column,
                       r.reason.field, r.reason.message, r.reason.text);
  }
  return out;
}

inline const Column& column(const Table& table, std::string_view name) {
  for (const Column& c : table.columns) {
    if (c.spec.name == name) return c;
  }
  throw std::logic_error("no column " + std::string(name));
}

inline std::string string_at(const Column& c, size_t row) { return std::string(c.dictionary[c.code_at(row)]); }

inline std::vector<std::string> set_at(const Column& c, size_t row) {
  std::vector<std::string> elements;
  for (uint32_t k = c.set_offsets[row]; k < c.set_offsets[row + 1]; ++k) {
    elements.emplace_back(c.dictionary[c.set_codes[k]]);
  }
  return elements;
}

}  // namespace segc::runtime::testing
