#include "codegen/dictionary_precompute.h"

#include "codegen/interpreter_fallback.h"
#include "evaluate/expression_evaluator.h"

namespace segc::codegen {
namespace {

// A customer of whom only one field is known (or none): what the
// interpreter sees while tabulating.
class SingleFieldRow final : public evaluate::RowView {
 public:
  SingleFieldRow(size_t field, evaluate::Value value) : field_(field), value_(std::move(value)) {}
  evaluate::Value field(size_t field_index) const override {
    return field_index == field_ ? value_ : evaluate::Value{evaluate::Missing{}};
  }
  // Tabulated expressions never name segments (DependencyMap checks).
  bool member(size_t) const override { return false; }

 private:
  size_t field_;
  evaluate::Value value_;
};

llvm::Error add_entry(Tabulated& table, const evaluate::Value& value) {
  if (table.type.is(TypeKind::Bool)) {
    const auto* flag = std::get_if<bool>(&value);
    table.state.push_back(flag == nullptr ? kUnknown : *flag ? kTrue : kFalse);
    table.bits.push_back(0);
    return llvm::Error::success();
  }
  if (table.type.is(TypeKind::String)) {
    const auto* text = std::get_if<std::string>(&value);
    table.state.push_back(text != nullptr ? 1 : 0);
    table.strings.push_back(text != nullptr ? *text : std::string());
    return llvm::Error::success();
  }
  int64_t bits = 0;
  if (evaluate::is_missing(value)) {
    table.state.push_back(0);
  } else if (encode_value(value, table.type, bits)) {
    table.state.push_back(1);
  } else {
    return llvm::createStringError("the interpreter gave " + evaluate::show_value(value) +
                                   " for an expression of type " + describe_type(table.type));
  }
  table.bits.push_back(bits);
  return llvm::Error::success();
}

}  // namespace

llvm::Expected<Tabulated> tabulate_over_dictionary(const CheckedProgram& program,
                                                   const ast::Expr& expr, size_t field,
                                                   const runtime::Column& column,
                                                   const evaluate::EvaluationContext& context) {
  Tabulated table;
  table.type = program.type_of(expr);
  const Type& field_type = program.schema.fields[field].type;
  const size_t entries = column.dictionary.size();
  // One evaluator for all entries: it keeps compiled `matches` patterns.
  evaluate::ExpressionEvaluator evaluator(program, context);
  for (size_t code = 0; code <= entries; ++code) {
    evaluate::Value input = evaluate::Missing{};
    if (code < entries) {
      if (field_type.is(TypeKind::Enum)) {
        input = evaluate::EnumValue{static_cast<int>(code), field_type.enumeration};
      } else {
        input = std::string(column.dictionary[code]);
      }
    }
    const SingleFieldRow row(field, std::move(input));
    if (auto error = add_entry(table, evaluator.evaluate(expr, row))) return error;
  }
  return table;
}

llvm::Expected<Tabulated> fold_constant(const CheckedProgram& program, const ast::Expr& expr,
                                        const evaluate::EvaluationContext& context) {
  Tabulated table;
  table.type = program.type_of(expr);
  const SingleFieldRow row(SIZE_MAX, evaluate::Missing{});
  if (auto error = add_entry(table, evaluate::evaluate_expression(program, expr, row, context))) {
    return error;
  }
  return table;
}

}  // namespace segc::codegen
