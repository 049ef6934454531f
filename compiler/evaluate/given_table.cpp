#include "evaluate/given_table.h"

#include <algorithm>
#include <string>

#include "evaluate/numeric_ops.h"
#include "evaluate/set_functions.h"
#include "evaluate/table_schema.h"
#include "runtime/set_masks.h"

namespace segc::evaluate {
namespace {

// Decimal literals may carry trailing zeros beyond the field's scale
// (`12.500` for decimal(2)); those are dropped exactly.
Value decimal_for(DecimalValue literal, int scale) {
  while (literal.scale > scale) {
    if (literal.unscaled % 10 != 0) return Missing{};  // the checker rejects these
    literal.unscaled /= 10;
    --literal.scale;
  }
  auto rescaled = numeric::rescale(literal, scale);
  if (!rescaled) return Missing{};
  return *rescaled;
}

// The value of a `given` literal for a field of type `type`.
Value given_value(const Type& type, const ast::Expr& value) {
  const ast::Expr& literal = ast::skip_parens(value);
  if (const auto* integer = literal.as<ast::IntLiteral>()) {
    if (type.is(TypeKind::Decimal)) return decimal_for({integer->value, 0}, type.scale);
    if (type.is(TypeKind::Float)) return numeric::as_double(integer->value);
    return integer->value;
  }
  if (const auto* decimal = literal.as<ast::DecimalLiteral>()) {
    const DecimalValue number{decimal->unscaled, decimal->scale};
    if (type.is(TypeKind::Float)) return numeric::as_double(number);
    return decimal_for(number, type.scale);
  }
  if (const auto* text = literal.as<ast::StringLiteral>()) {
    if (type.is(TypeKind::Enum)) {
      const int index = type.enumeration->index_of(text->value);
      if (index < 0) return Missing{};
      return EnumValue{index, type.enumeration};
    }
    return text->value;
  }
  if (const auto* truth = literal.as<ast::BoolLiteral>()) return truth->value;
  if (const auto* date = literal.as<ast::DateLiteral>()) return DateValue{date->days};
  if (const auto* list = literal.as<ast::ListLiteral>()) {
    std::vector<std::string> elements;
    for (const auto& element : list->elements) {
      if (const auto* text = element->as<ast::StringLiteral>()) elements.push_back(text->value);
    }
    return sets::make_set(std::move(elements));
  }
  return Missing{};
}

// Codes of `texts` into their sorted, distinct dictionary.
std::vector<std::string> sorted_dictionary(std::vector<std::string> texts) {
  return sets::make_set(std::move(texts)).elements;
}

uint32_t code_of(const std::vector<std::string>& dictionary, const std::string& text) {
  return static_cast<uint32_t>(std::lower_bound(dictionary.begin(), dictionary.end(), text) -
                               dictionary.begin());
}

}  // namespace

runtime::Column column_from_values(const runtime::ColumnSpec& spec,
                                   const std::vector<Value>& values) {
  using runtime::ColumnKind;
  runtime::Column column;
  column.spec = spec;
  const size_t rows = values.size();
  column.present = runtime::Bitmap(rows);
  for (size_t row = 0; row < rows; ++row) column.present.set(row, !is_missing(values[row]));

  switch (spec.kind) {
    case ColumnKind::Int:
    case ColumnKind::Decimal:
    case ColumnKind::Date: {
      std::vector<int64_t> numbers(rows, 0);
      for (size_t row = 0; row < rows; ++row) {
        const Value& value = values[row];
        if (const auto* integer = std::get_if<int64_t>(&value)) numbers[row] = *integer;
        if (const auto* decimal = std::get_if<DecimalValue>(&value)) numbers[row] = decimal->unscaled;
        if (const auto* date = std::get_if<DateValue>(&value)) numbers[row] = date->days;
      }
      runtime::store_ints(column, numbers);
      break;
    }
    case ColumnKind::Float:
    {
      std::vector<double> numbers(rows, 0.0);
      for (size_t row = 0; row < rows; ++row) {
        if (const auto* number = std::get_if<double>(&values[row])) numbers[row] = *number;
      }
      column.floats = std::move(numbers);
      break;
    }
    case ColumnKind::Bool:
      column.bools = runtime::Bitmap(rows);
      for (size_t row = 0; row < rows; ++row) {
        if (const auto* truth = std::get_if<bool>(&values[row])) column.bools.set(row, *truth);
      }
      break;
    case ColumnKind::Enum: {
      column.dictionary = spec.enum_values;
      std::vector<uint32_t> codes(rows, 0);
      for (size_t row = 0; row < rows; ++row) {
        if (const auto* member = std::get_if<EnumValue>(&values[row])) {
          codes[row] = static_cast<uint32_t>(member->index);
        }
      }
      runtime::store_codes(column, codes);
      break;
    }
    case ColumnKind::String: {
      std::vector<std::string> texts;
      for (const Value& value : values) {
        if (const auto* text = std::get_if<std::string>(&value)) texts.push_back(*text);
      }
      const std::vector<std::string> dictionary = sorted_dictionary(std::move(texts));
      column.dictionary = dictionary;
      std::vector<uint32_t> codes(rows, 0);
      for (size_t row = 0; row < rows; ++row) {
        if (const auto* text = std::get_if<std::string>(&values[row])) {
          codes[row] = code_of(dictionary, *text);
        }
      }
      runtime::store_codes(column, codes);
      break;
    }
    case ColumnKind::StringSet: {
      std::vector<std::string> texts;
      for (const Value& value : values) {
        if (const auto* set = std::get_if<SetValue>(&value)) {
          texts.insert(texts.end(), set->elements.begin(), set->elements.end());
        }
      }
      const std::vector<std::string> dictionary = sorted_dictionary(std::move(texts));
      column.dictionary = dictionary;
      std::vector<uint32_t> offsets{0};
      std::vector<uint32_t> codes;
      for (const Value& value : values) {
        if (const auto* set = std::get_if<SetValue>(&value)) {
          // Sorted elements give ascending codes.
          for (const auto& element : set->elements) codes.push_back(code_of(dictionary, element));
        }
        offsets.push_back(static_cast<uint32_t>(codes.size()));
      }
      column.set_offsets = std::move(offsets);
      column.set_codes = std::move(codes);
      runtime::store_set_masks(column);
      break;
    }
  }
  if (column.blocks.present.empty()) runtime::compute_block_stats(column);
  return column;
}

runtime::Table table_from_givens(const CheckedProgram& program, const ast::TestDecl& test) {
  const Schema& schema = program.schema;
  const size_t rows = test.givens.size();
  // values[field][row]
  std::vector<std::vector<Value>> values(schema.fields.size(), std::vector<Value>(rows));
  for (size_t row = 0; row < rows; ++row) {
    for (const ast::GivenField& given : test.givens[row].fields) {
      if (auto field = schema.index_of(given.field.name)) {
        values[*field][row] = given_value(schema.fields[*field].type, *given.value);
      }
    }
    Value& key = values[schema.key_index][row];
    if (is_missing(key)) {
      const auto number = static_cast<int64_t>(row + 1);
      if (schema.fields[schema.key_index].type.is(TypeKind::String)) {
        key = std::to_string(number);
      } else {
        key = number;
      }
    }
  }
  runtime::Table table;
  table.schema = table_schema_for(schema);
  table.row_count = rows;
  for (size_t field = 0; field < schema.fields.size(); ++field) {
    table.columns.push_back(column_from_values(table.schema.columns[field], values[field]));
  }
  return table;
}

}  // namespace segc::evaluate
