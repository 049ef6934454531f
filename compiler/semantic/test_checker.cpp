#include "semantic/test_checker.h"

#include <fmt/format.h>

#include <algorithm>

#include <map>

#include "diagnostics/codes.h"
#include "semantic/suggestions.h"

namespace segc {
namespace {

std::vector<std::string> segment_names(const std::unordered_map<std::string, size_t>& segments) {
  std::vector<std::string> names;
  for (const auto& [name, index] : segments) names.push_back(name);
  std::sort(names.begin(), names.end());
  return names;
}

// Resolves a name that must be a segment; reports otherwise.
std::optional<size_t> resolve_segment(const ast::Identifier& name, const CheckedProgram& program,
                                      const std::unordered_map<std::string, size_t>& segments,
                                      const UnreportedNames& unreported,
                                      DiagnosticList& diagnostics) {
  if (auto it = segments.find(name.name); it != segments.end()) return it->second;
  // A field's name is no segment's, whatever a failed import would have declared.
  if (program.schema.find(name.name) != nullptr) {
    diagnostics.error(codes::kNotASegment, name.range,
                      fmt::format("'{}' is a field, not a segment", name.name),
                      fmt::format("declare a segment, e.g. `segment has_{0} = {0} is present`",
                                  name.name));
    return std::nullopt;
  }
  if (unreported.contains(name.name)) return std::nullopt;
  std::string help = "declare the segment, or import the file that declares it";
  if (auto suggestion = closest_match(name.name, segment_names(segments))) {
    help = fmt::format("did you mean '{}'?", *suggestion);
  }
  diagnostics.error(codes::kUnknownName, name.range,
                    fmt::format("unknown segment '{}'", name.name), help);
  return std::nullopt;
}

// Whether unscaled / 10^from_scale is exactly a decimal(to_scale) value whose
// unscaled form fits 64 bits, as the table stores it.
bool representable(int64_t unscaled, int from_scale, int to_scale) {
  for (int digits = from_scale; digits > to_scale; --digits) {
    if (unscaled % 10 != 0) return false;
    unscaled /= 10;
  }
  __int128 stored = unscaled;
  for (int digits = from_scale; digits < to_scale; ++digits) {
    stored *= 10;
    if (stored > INT64_MAX || stored < INT64_MIN) return false;
  }
  return true;
}

// "'total_spent' keeps 2 digits after the point, up to 92233720368547758.07".
std::string decimal_help(const SchemaField& field) {
  std::string largest = "9223372036854775807";  // the largest unscaled value stored
  const auto scale = static_cast<size_t>(field.type.scale);
  if (scale > 0) largest.insert(largest.size() - scale, ".");
  return fmt::format("'{}' keeps {} digits after the point, up to {}", field.name, scale, largest);
}

// A test value is a literal that must be a value of the field's type.
void check_test_value(const SchemaField& field, const ast::Expr& value, const Type& value_type,
                      ExpressionChecker& checker) {
  if (value_type.is_error() || field.type.is_error()) return;
  const ast::Expr& literal = ast::skip_parens(value);
  bool fits = false;
  std::string help;
  switch (field.type.kind) {
    case TypeKind::Int:
      fits = literal.as<ast::IntLiteral>() != nullptr;
      help = "write a whole number such as 42";
      break;
    case TypeKind::Decimal:
      if (const auto* decimal = literal.as<ast::DecimalLiteral>()) {
        fits = representable(decimal->unscaled, decimal->scale, field.type.scale);
        help = decimal_help(field);
      } else if (const auto* integer = literal.as<ast::IntLiteral>()) {
        fits = representable(integer->value, 0, field.type.scale);
        help = decimal_help(field);
      } else {
        help = "write a number such as 12.50";
      }
      break;
    case TypeKind::Float:
      fits = value_type.is_numeric();
      help = "write a number such as 0.75";
      break;
    case TypeKind::Bool:
      fits = literal.as<ast::BoolLiteral>() != nullptr;
      help = "write true or false";
      break;
    case TypeKind::String:
      fits = literal.as<ast::StringLiteral>() != nullptr;
      help = "write the text in double quotes";
      break;
    case TypeKind::Enum:
      if (literal.as<ast::StringLiteral>() != nullptr) {
        // Reports an unknown member itself, with a suggestion.
        checker.check_enum_literal(value, field.type, value, field.name);
        return;
      }
      help = "write one of the enum's values in double quotes";
      break;
    case TypeKind::Date:
      fits = literal.as<ast::DateLiteral>() != nullptr;
      help = "write a date such as 2026-11-01";
      break;
    case TypeKind::StringSet:
      help = "write a list of strings such as [\"cats\", \"dogs\"], or [] for an empty set";
      if (const auto* list = literal.as<ast::ListLiteral>()) {
        // Point at the element that does not belong, not at the whole list.
        for (const auto& element : list->elements) {
          if (element->as<ast::StringLiteral>() != nullptr) continue;
          const Type element_type = checker.check(*element);  // a literal: no diagnostics
          if (element_type.is_error()) return;
          checker.diagnostics().error(
              codes::kBadTestValue, element->range,
              fmt::format("field '{}' is a set<string>, but this element is {}", field.name,
                          describe_type(element_type)),
              "write every element in double quotes");
          return;
        }
        return;
      }
      break;
    default:
      break;
  }
  if (fits) return;
  checker.diagnostics().error(
      codes::kBadTestValue, value.range,
      fmt::format("{} is not a value of field '{}', which is {}",
                  checker.phrase(value, value_type), field.name, describe_type(field.type)),
      help);
}

}  // namespace

void check_partitions(CheckedProgram& program,
                      const std::unordered_map<std::string, size_t>& segments,
                      const UnreportedNames& unreported, DiagnosticList& diagnostics) {
  for (auto& partition : program.partitions) {
    std::map<std::string, SourceRange, std::less<>> groups;
    for (const auto& item : partition.declaration->items) {
      if (auto [it, inserted] = groups.emplace(item.segment.name, item.range); !inserted) {
        diagnostics
            .error(codes::kDuplicateEntry, item.range,
                   fmt::format("'{}' is listed twice in partition '{}'", item.segment.name,
                               partition.name),
                   "a customer goes to the first group that takes it; the second listing would "
                   "always be empty")
            .related.push_back({it->second, "first listed here"});
        continue;
      }
      if (item.is_else) {
        if (partition.else_group) {
          diagnostics.error(codes::kMisplacedElse, item.range,
                            fmt::format("partition '{}' has more than one else group",
                                        partition.name),
                            "keep one `else NAME` at the end");
        }
        partition.else_group = item.segment.name;
        continue;
      }
      if (auto index = resolve_segment(item.segment, program, segments, unreported, diagnostics)) {
        partition.segments.push_back(*index);
      }
    }
  }
}

void check_tests(CheckedProgram& program, const std::unordered_map<std::string, size_t>& segments,
                 const UnreportedNames& unreported, ExpressionChecker& checker) {
  DiagnosticList& diagnostics = checker.diagnostics();
  for (const auto& test : program.tests) {
    for (const auto& given : test.declaration->givens) {
      std::map<std::string, SourceRange, std::less<>> seen;
      for (const auto& field : given.fields) {
        if (auto [it, inserted] = seen.emplace(field.field.name, field.range); !inserted) {
          diagnostics.error(codes::kDuplicateEntry, field.range,
                            fmt::format("field '{}' is given twice", field.field.name),
                            "give each field once per customer");
          continue;
        }
        const Type value_type = checker.check(*field.value);
        const SchemaField* schema_field = program.schema.find(field.field.name);
        if (schema_field == nullptr) {
          std::vector<std::string> names;
          for (const auto& f : program.schema.fields) names.push_back(f.name);
          std::string help = fmt::format("the fields are those of schema '{}'",
                                         program.schema.name);
          if (auto suggestion = closest_match(field.field.name, names)) {
            help = fmt::format("did you mean '{}'?", *suggestion);
          }
          diagnostics.error(codes::kUnknownName, field.field.range,
                            fmt::format("schema '{}' has no field '{}'", program.schema.name,
                                        field.field.name),
                            help);
          continue;
        }
        check_test_value(*schema_field, *field.value, value_type, checker);
      }
      for (const auto& expectation : given.expectations) {
        resolve_segment(expectation.segment, program, segments, unreported, diagnostics);
      }
    }
  }
}

}  // namespace segc
