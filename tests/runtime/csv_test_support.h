// Shared by the CSV loader tests: a small schema with one field of every
// type, and readers for loaded columns.
#pragma once

#include <random>
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

// Rows of every type with quoted fields (line breaks, doubled quotes), blank
// lines, CRLF, now and then a bad value or (with `repeats`) a repeated key.
// A repeated key makes the loader read the text again in one range, so
// texts without one are what exercise joining the ranges' columns.
inline std::string random_csv(std::mt19937& random, size_t rows, bool string_key, bool repeats) {
  static const char* const kNames[] = {"ann", "\"Zoë, \"\"Z\"\"\"", "\"two\nlines\"", "bob", "", "\"a\r\nb\""};
  static const char* const kValues[] = {"41", "-7", "", " 3 ", "x"};
  static const char* const kSets[] = {"cats|dogs", "", "a||b|a", "\"x\ny|z\"", "dogs"};
  std::string text = "id,name,age,spent,score,vip,tier,born,tags\n";
  for (size_t row = 0; row < rows; ++row) {
    const size_t key = repeats && random() % 50 == 0 ? random() % (row + 1) : row;
    text += string_key ? "k" + std::to_string(key * 7 % 1000) : std::to_string(key);
    text += ",";
    text += kNames[random() % 6];
    text += ",";
    text += kValues[random() % 5];
    text += random() % 30 == 0 ? ",12.345," : ",12.50,";
    text += random() % 2 ? "0.5" : "";
    text += random() % 2 ? ",yes," : ",no,";
    text += random() % 40 == 0 ? "Gold" : "gold";
    text += random() % 3 ? ",2000-02-29," : ",,";
    text += kSets[random() % 5];
    text += random() % 5 == 0 ? "\r\n" : "\n";
    if (random() % 20 == 0) text += "\n";
    if (random() % 97 == 0) text += "1,2,3\n";  // wrong field count
  }
  return text;
}

}  // namespace segc::runtime::testing
