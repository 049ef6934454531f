// Built-in functions (LANGUAGE.md section 6, docs/evaluation.md "Functions and
// missing values"): every argument missing gives missing, except coalesce.
#include <string>

#include "evaluate/date_functions.h"
#include "evaluate/expression_evaluator.h"
#include "evaluate/numeric_ops.h"
#include "evaluate/set_functions.h"
#include "evaluate/value_comparison.h"
#include "runtime/bucket.h"

namespace segc::evaluate {
namespace {


int32_t day_of(const Value& value) { return std::get<DateValue>(value).days; }

}  // namespace

Value ExpressionEvaluator::call(const ast::Expr& expr, const ast::CallExpr& call,
                                const RowView& row) {
  const std::string& name = call.function.name;
  const Type& type = program_.type_of(expr);
  if (name == "coalesce") {
    const Value first = evaluate(*call.arguments[0], row);
    return conform(is_missing(first) ? evaluate(*call.arguments[1], row) : first, type);
  }
  std::vector<Value> arguments;
  for (const auto& argument : call.arguments) {
    arguments.push_back(evaluate(*argument, row));
    if (is_missing(arguments.back())) return Missing{};
  }
  const Value& a = arguments[0];

  if (name == "lower") return text::lower(text_of(a));
  if (name == "upper") return text::upper(text_of(a));
  if (name == "length") return text::length(text_of(a));
  if (name == "starts_with") return text::starts_with(text_of(a), text_of(arguments[1]));
  if (name == "ends_with") return text::ends_with(text_of(a), text_of(arguments[1]));
  if (name == "matches") return regexes_.matches(text_of(a), std::string(text_of(arguments[1])));

  if (name == "days_since") return dates::days_since(day_of(a), context_.today);
  if (name == "years_since") return dates::years_since(day_of(a), context_.today);
  if (name == "days_until_birthday") return dates::days_until_birthday(day_of(a), context_.today);
  if (name == "year_of") return dates::year_of(day_of(a));
  if (name == "month_of") return dates::month_of(day_of(a));
  if (name == "day_of_month") return dates::day_of_month(day_of(a));
  if (name == "day_of_week") return dates::day_of_week(day_of(a));

  if (name == "size") return sets::size(std::get<SetValue>(a));
  if (name == "abs") return numeric::absolute(a);
  if (name == "min" || name == "max") {
    // Ties keep the first argument; either way the value is the same.
    const auto order = compare_values(a, arguments[1]);
    const bool take_second = name == "min" ? *order > 0 : *order < 0;
    return conform(take_second ? arguments[1] : a, type);
  }
  if (name == "bucket") return bucket(arguments, row);
  return Missing{};  // a checked program calls no other function
}

Value ExpressionEvaluator::bucket(const std::vector<Value>& arguments, const RowView& row) {
  const auto buckets = static_cast<uint64_t>(std::get<int64_t>(arguments[0]));
  const std::string& salt = std::get<std::string>(arguments[1]);
  const Value key = row.field(program_.schema.key_index);
  std::string key_text;
  if (const auto* integer = std::get_if<int64_t>(&key)) {
    key_text = std::to_string(*integer);
  } else if (const auto* text = std::get_if<std::string>(&key)) {
    key_text = *text;
  } else {
    return Missing{};  // the key is always present in loaded data
  }
  return static_cast<int64_t>(runtime::bucket_of(salt, key_text, buckets));
}

}  // namespace segc::evaluate
