// Type rules of the built-in functions (LANGUAGE.md section 6).
#include <fmt/format.h>
#include <re2/re2.h>

#include <array>

#include "diagnostics/codes.h"
#include "semantic/expression_checker.h"
#include "semantic/suggestions.h"

namespace segc {
namespace {

enum class Parameter { Text, Date, Set, Number, Any };

struct Signature {
  std::string_view name;
  std::string_view usage;
  std::vector<Parameter> parameters;
};

const std::vector<Signature>& signatures() {
  using P = Parameter;
  static const std::vector<Signature> table = {
      {"lower", "lower(s)", {P::Text}},
      {"upper", "upper(s)", {P::Text}},
      {"length", "length(s)", {P::Text}},
      {"starts_with", "starts_with(s, prefix)", {P::Text, P::Text}},
      {"ends_with", "ends_with(s, suffix)", {P::Text, P::Text}},
      {"matches", "matches(s, \"regex\")", {P::Text, P::Text}},
      {"days_since", "days_since(date)", {P::Date}},
      {"years_since", "years_since(date)", {P::Date}},
      {"days_until_birthday", "days_until_birthday(date)", {P::Date}},
      {"year_of", "year_of(date)", {P::Date}},
      {"month_of", "month_of(date)", {P::Date}},
      {"day_of_month", "day_of_month(date)", {P::Date}},
      {"day_of_week", "day_of_week(date)", {P::Date}},
      {"size", "size(set)", {P::Set}},
      {"abs", "abs(x)", {P::Number}},
      {"min", "min(a, b)", {P::Any, P::Any}},
      {"max", "max(a, b)", {P::Any, P::Any}},
      {"coalesce", "coalesce(x, fallback)", {P::Any, P::Any}},
      {"bucket", "bucket(n, \"salt\")", {P::Number, P::Text}},
  };
  return table;
}

bool accepts(Parameter parameter, const Type& type) {
  switch (parameter) {
    case Parameter::Text: return type.is_textual();
    case Parameter::Date: return type.is(TypeKind::Date);
    case Parameter::Set: return type.is(TypeKind::StringSet);
    case Parameter::Number: return type.is_numeric();
    case Parameter::Any: return !type.is(TypeKind::Duration) && !type.is(TypeKind::List);
  }
  return false;
}

const char* parameter_words(Parameter parameter) {
  switch (parameter) {
    case Parameter::Text: return "a string";
    case Parameter::Date: return "a date";
    case Parameter::Set: return "a set<string>";
    case Parameter::Number: return "a number";
    case Parameter::Any: return "a value";
  }
  return "a value";
}

const ast::StringLiteral* string_literal(const ast::Expr& expr) {
  return ast::skip_parens(expr).as<ast::StringLiteral>();
}

// The type two values unify to for min, max and coalesce; Error if they don't.
Type unify(ExpressionChecker& checker, const ast::Expr& a, const Type& a_type, const ast::Expr& b,
           const Type& b_type, bool ordered) {
  if (a_type.is_numeric() && b_type.is_numeric()) return common_numeric_type(a_type, b_type);
  if (a_type.is(TypeKind::Enum) && b_type.is(TypeKind::String) && string_literal(b)) {
    // An unknown member is reported (E0203, with a suggestion) by the check
    // itself; the kinds do match, so the call is not reported a second time.
    checker.check_enum_literal(a, a_type, b);
    return a_type;
  }
  if (a_type.is(TypeKind::Enum) && b_type == a_type) return a_type;
  if (a_type.kind == b_type.kind && !a_type.is(TypeKind::Enum)) {
    if (ordered && (a_type.is(TypeKind::Bool) || a_type.is(TypeKind::StringSet))) {
      return Type::error();
    }
    return a_type;
  }
  return Type::error();
}

}  // namespace

Type check_builtin_call(ExpressionChecker& checker, const ast::Expr& expr,
                        const ast::CallExpr& call, const std::vector<Type>& argument_types) {
  DiagnosticList& diagnostics = checker.diagnostics();
  const std::string& name = call.function.name;
  const Signature* signature = nullptr;
  for (const auto& candidate : signatures()) {
    if (candidate.name == name) signature = &candidate;
  }
  if (signature == nullptr) {
    std::vector<std::string> names;
    for (const auto& candidate : signatures()) names.emplace_back(candidate.name);
    std::string help = "see the built-in functions in the language guide, section 6";
    if (auto suggestion = closest_match(name, names)) {
      help = fmt::format("did you mean '{}'?", *suggestion);
    }
    diagnostics.error(codes::kUnknownFunction, call.function.range,
                      fmt::format("unknown function '{}'", name), help);
    return Type::error();
  }
  const size_t expected = signature->parameters.size();
  if (call.arguments.size() != expected) {
    diagnostics.error(codes::kWrongArgumentCount, expr.range,
                      fmt::format("{} takes {} argument{}, but {} {} given", name, expected,
                                  expected == 1 ? "" : "s", call.arguments.size(),
                                  call.arguments.size() == 1 ? "was" : "were"),
                      fmt::format("write {}", signature->usage));
    return Type::error();
  }
  bool ok = true;
  for (size_t i = 0; i < expected; ++i) {
    const Type& type = argument_types[i];
    if (type.is_error()) {
      ok = false;
    } else if (!accepts(signature->parameters[i], type)) {
      diagnostics.error(codes::kWrongArgumentType, call.arguments[i]->range,
                        fmt::format("{} needs {} here, but this is {}", name,
                                    parameter_words(signature->parameters[i]),
                                    checker.phrase(*call.arguments[i], type)),
                        fmt::format("write {}", signature->usage));
      ok = false;
    }
  }
  if (!ok) return Type::error();

  if (name == "lower" || name == "upper") return Type::string();
  if (name == "starts_with" || name == "ends_with") return Type::boolean();
  if (name == "abs") return argument_types[0];
  if (name == "matches") {
    const auto* pattern = string_literal(*call.arguments[1]);
    if (pattern == nullptr) {
      diagnostics.error(codes::kArgumentNotConstant, call.arguments[1]->range,
                        "the pattern of matches() must be a string literal",
                        "patterns are checked when the rules are compiled");
      return Type::error();
    }
    RE2::Options options;
    options.set_log_errors(false);
    RE2 regex(pattern->value, options);
    if (!regex.ok()) {
      diagnostics.error(codes::kInvalidRegex, call.arguments[1]->range,
                        fmt::format("invalid regular expression: {}", regex.error()),
                        "matches() uses RE2 syntax (no backreferences or lookaround)");
      return Type::error();
    }
    return Type::boolean();
  }
  if (name == "min" || name == "max" || name == "coalesce") {
    const bool ordered = name != "coalesce";
    Type result = unify(checker, *call.arguments[0], argument_types[0], *call.arguments[1],
                        argument_types[1], ordered);
    if (result.is_error()) {
      diagnostics.error(codes::kWrongArgumentType, expr.range,
                        fmt::format("{} needs two values of the same kind, but got {} and {}",
                                    name, checker.phrase(*call.arguments[0], argument_types[0]),
                                    checker.phrase(*call.arguments[1], argument_types[1])),
                        ordered ? "min and max take two numbers or two dates"
                                : "the fallback must have the type of the first value");
    }
    return result;
  }
  if (name == "bucket") {
    const auto* count = ast::skip_parens(*call.arguments[0]).as<ast::IntLiteral>();
    if (count == nullptr || count->value <= 0) {
      diagnostics.error(codes::kArgumentNotConstant, call.arguments[0]->range,
                        "the number of buckets must be a whole number literal greater than 0",
                        "write for example bucket(100, \"nov-2026\")");
      return Type::error();
    }
    if (string_literal(*call.arguments[1]) == nullptr) {
      diagnostics.error(codes::kArgumentNotConstant, call.arguments[1]->range,
                        "the salt of bucket() must be a string literal",
                        "the salt makes a split reproducible, so it cannot depend on the "
                        "customer");
      return Type::error();
    }
    return Type::integer();
  }
  // length, days_since, years_since, days_until_birthday, year_of, month_of,
  // day_of_month, day_of_week, size.
  return Type::integer();
}

}  // namespace segc
