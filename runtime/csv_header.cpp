#include "runtime/csv_header.h"

#include <fmt/format.h>

#include "runtime/csv_text.h"

namespace segc::runtime::csv {

HeaderMapping map_header(const RecordReader& reader, const Record& header, const TableSchema& schema,
                         std::vector<DataError>& errors) {
  HeaderMapping mapping;
  std::vector<std::string> schema_names;
  for (const ColumnSpec& spec : schema.columns) schema_names.push_back(spec.name);
  std::vector<size_t> seen_at(schema.columns.size(), 0);  // code-point column, 0: not yet

  auto error_at = [&](size_t offset, std::string_view name, std::string message) {
    const auto [line, column] = reader.locate(header, offset);
    errors.push_back(DataError{line, column, display_text(name), display_text(name), std::move(message)});
  };

  if (header.problem != RecordProblem::None) {
    const bool unterminated = header.problem == RecordProblem::UnterminatedQuote;
    error_at(header.problem_offset, "",
             unterminated ? "quoted column name never closed: the file ends inside its quotes"
                          : "unexpected text after the closing quote of a column name");
    errors.back().field.clear();
  }
  for (const Field& field : header.fields) {
    const std::string_view name = trim_blanks(field.value);
    mapping.names.emplace_back(name);
    mapping.column_of_field.push_back(-1);
    if (name.empty()) {
      error_at(field.offset, name, "empty column name in the header: every column needs a schema field's name");
      continue;
    }
    size_t index = 0;
    while (index < schema_names.size() && schema_names[index] != name) ++index;
    if (index == schema_names.size()) {
      std::string message = fmt::format("'{}' is not a field of the schema", display_text(name));
      const std::string suggestion = closest_match(name, schema_names);
      if (!suggestion.empty()) message += fmt::format("; did you mean '{}'?", suggestion);
      error_at(field.offset, name, std::move(message));
      continue;
    }
    const size_t column = reader.locate(header, field.offset).second;
    if (seen_at[index] != 0) {
      error_at(field.offset, name,
               fmt::format("column '{}' appears twice in the header (first at column {})", name, seen_at[index]));
      continue;
    }
    seen_at[index] = column;
    mapping.column_of_field.back() = static_cast<int>(index);
  }
  const size_t key = schema.key_index;
  if (key < schema.columns.size() && seen_at[key] == 0) {
    errors.push_back(DataError{header.line, 0, schema.columns[key].name, "",
                               fmt::format("the header has no column for the key field '{}': every row needs a key",
                                           schema.columns[key].name)});
  }
  return mapping;
}

}  // namespace segc::runtime::csv
