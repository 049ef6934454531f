#include "support/ast_dump.h"

#include <fmt/format.h>

#include <algorithm>
#include <variant>
#include <vector>

#include "syntax/literal_decoding.h"

namespace segc::testing {
namespace {

using namespace segc::ast;

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

std::string_view unit_name(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::Day: return "day";
    case TimeUnit::Week: return "week";
    case TimeUnit::Month: return "month";
    case TimeUnit::Year: return "year";
  }
  return "?";
}

std::string_view period_name(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::Last: return "last";
    case PeriodKind::Next: return "next";
    case PeriodKind::This: return "this";
    case PeriodKind::Previous: return "previous";
  }
  return "?";
}

std::string_view property_name(PropertyKind kind) {
  switch (kind) {
    case PropertyKind::Description: return "description";
    case PropertyKind::Owner: return "owner";
    case PropertyKind::Tags: return "tags";
    case PropertyKind::Meta: return "meta";
  }
  return "?";
}

class Dumper {
 public:
  explicit Dumper(const AstDumpOptions& options) : options_(options) {}

  std::string take() { return std::move(out_); }

  void module(const Module& module) {
    line(0, "Module");
    for (const Declaration& declaration : module.declarations) this->declaration(declaration, 1);
    if (!module.broken_names.empty()) {
      std::string names;
      for (const auto& name : module.broken_names) names += " " + name;
      line(1, "BrokenNames" + names);
    }
    if (options_.comments) {
      for (const Comment& comment : module.comments) {
        line(1, fmt::format("Comment {} own_line={}{}", quote_string(comment.text),
                            comment.own_line, at(comment.range)));
      }
    }
  }

  void expr(const Expr& expr, int depth) {
    const std::string where = at(expr.range);
    std::visit(
        Overloaded{
            [&](const IntLiteral& e) {
              line(depth, fmt::format("Int {} text={}{}", e.value, e.text, where));
            },
            [&](const DecimalLiteral& e) {
              line(depth, fmt::format("Decimal {} scale={} text={}{}", e.unscaled, e.scale,
                                      e.text, where));
            },
            [&](const StringLiteral& e) {
              line(depth, fmt::format("String {}{}", quote_string(e.value), where));
            },
            [&](const BoolLiteral& e) {
              line(depth, fmt::format("Bool {}{}", e.value, where));
            },
            [&](const DateLiteral& e) {
              line(depth, fmt::format("Date {}{}", e.days, where));
            },
            [&](const DurationLiteral& e) {
              line(depth, fmt::format("Duration {} {}{}", e.amount, unit_name(e.unit), where));
            },
            [&](const ListLiteral& e) {
              line(depth, fmt::format("List size={}{}", e.elements.size(), where));
              for (const auto& element : e.elements) this->expr(*element, depth + 1);
            },
            [&](const TodayExpr&) { line(depth, "Today" + where); },
            [&](const AgoExpr& e) {
              line(depth, fmt::format("Ago {} {}{}", e.duration.amount,
                                      unit_name(e.duration.unit), where));
            },
            [&](const NameRef& e) { line(depth, fmt::format("Name {}{}", e.name, where)); },
            [&](const CallExpr& e) {
              line(depth, fmt::format("Call {}{}{}", e.function.name, at(e.function.range),
                                      where));
              for (const auto& argument : e.arguments) this->expr(*argument, depth + 1);
            },
            [&](const NegateExpr& e) {
              line(depth, "Negate" + where);
              this->expr(*e.operand, depth + 1);
            },
            [&](const NotExpr& e) {
              line(depth, "Not" + where);
              this->expr(*e.operand, depth + 1);
            },
            [&](const LogicalExpr& e) {
              line(depth, (e.op == LogicalOp::And ? "And" : "Or") + where);
              for (const auto& operand : e.operands) this->expr(*operand, depth + 1);
            },
            [&](const ArithmeticExpr& e) {
              std::string ops;
              for (ArithmeticOp op : e.ops) ops += fmt::format(" {}", spelling(op));
              line(depth, "Arithmetic" + ops + where);
              for (const auto& operand : e.operands) this->expr(*operand, depth + 1);
            },
            [&](const CompareExpr& e) {
              line(depth, fmt::format("Compare {}{}", spelling(e.op), where));
              this->expr(*e.lhs, depth + 1);
              this->expr(*e.rhs, depth + 1);
            },
            [&](const BetweenExpr& e) {
              line(depth, "Between" + where);
              this->expr(*e.value, depth + 1);
              this->expr(*e.low, depth + 1);
              this->expr(*e.high, depth + 1);
            },
            [&](const InExpr& e) {
              line(depth, (e.negated ? "NotIn" : "In") + where);
              this->expr(*e.value, depth + 1);
              this->expr(*e.list, depth + 1);
            },
            [&](const IsMissingExpr& e) {
              line(depth, (e.present ? "IsPresent" : "IsMissing") + where);
              this->expr(*e.operand, depth + 1);
            },
            [&](const ContainsExpr& e) {
              const char* mode = e.mode == ContainsMode::Single ? "Contains"
                                 : e.mode == ContainsMode::Any  ? "ContainsAny"
                                                                : "ContainsAll";
              line(depth, mode + where);
              this->expr(*e.haystack, depth + 1);
              this->expr(*e.needle, depth + 1);
            },
            [&](const WithinExpr& e) {
              line(depth, fmt::format("Within {} {} {}{}{}", period_name(e.period.kind),
                                      e.period.amount, unit_name(e.period.unit),
                                      at(e.period.range), where));
              this->expr(*e.value, depth + 1);
            },
            [&](const ParenExpr& e) {
              line(depth, "Paren" + where);
              this->expr(*e.inner, depth + 1);
            },
        },
        expr.node);
  }

 private:
  std::string at(const SourceRange& range) const {
    if (!options_.ranges) return {};
    return fmt::format(" @{}:{}-{}:{}", range.begin.line, range.begin.column, range.end.line,
                       range.end.column);
  }

  void line(int depth, std::string_view text) {
    out_.append(static_cast<size_t>(depth) * 2, ' ');
    out_.append(text);
    out_.push_back('\n');
  }

  void type(const TypeRef& type, int depth) {
    line(depth, fmt::format("Type {} parens={}{}", type.name.name, type.has_parens,
                            at(type.range)));
    for (const TypeArgument& argument : type.arguments) {
      if (argument.is_string) {
        line(depth + 1, fmt::format("StringArg {}{}", quote_string(argument.string_value),
                                    at(argument.range)));
      } else {
        line(depth + 1, fmt::format("IntArg {} text={}{}", argument.int_value, argument.text,
                                    at(argument.range)));
      }
    }
    if (type.element) this->type(*type.element, depth + 1);
  }

  void declaration(const Declaration& declaration, int depth) {
    const std::string where = at(declaration.range);
    std::visit(
        Overloaded{
            [&](const ImportDecl& d) {
              line(depth, fmt::format("Import {}{}{}", quote_string(d.path), at(d.path_range),
                                      where));
            },
            [&](const SchemaDecl& d) {
              line(depth, fmt::format("Schema {}{}{}", d.name.name, at(d.name.range), where));
              for (const FieldDecl& field : d.fields) {
                line(depth + 1, fmt::format("Field {}{}{}{}", field.is_key ? "key " : "",
                                            field.name.name, at(field.name.range),
                                            at(field.range)));
                type(field.type, depth + 2);
              }
            },
            [&](const SegmentDecl& d) {
              line(depth, fmt::format("Segment {} block={}{}{}", d.name.name, d.block_form,
                                      at(d.name.range), where));
              std::vector<const Property*> properties;
              for (const Property& property : d.properties) properties.push_back(&property);
              if (options_.canonical_property_order) {
                std::stable_sort(properties.begin(), properties.end(),
                                 [](const Property* a, const Property* b) {
                                   return static_cast<int>(a->kind) < static_cast<int>(b->kind);
                                 });
              }
              for (const Property* entry : properties) {
                const Property& property = *entry;
                std::string text;
                if (property.kind == PropertyKind::Tags) {
                  for (const StringItem& tag : property.tags) {
                    text += " " + quote_string(tag.value) + at(tag.range);
                  }
                } else {
                  if (property.kind == PropertyKind::Meta) {
                    text += " " + property.meta_key.name + at(property.meta_key.range);
                  }
                  text += " " + quote_string(property.text.value) + at(property.text.range);
                }
                line(depth + 1, fmt::format("Property {}{}{}", property_name(property.kind), text,
                                            at(property.range)));
              }
              if (d.where) {
                line(depth + 1, "Where" + at(d.where_range));
                expr(*d.where, depth + 2);
              }
            },
            [&](const PartitionDecl& d) {
              line(depth, fmt::format("Partition {}{}{}", d.name.name, at(d.name.range), where));
              for (const PartitionItem& item : d.items) {
                line(depth + 1, fmt::format("Item {}{}{}{}", item.is_else ? "else " : "",
                                            item.segment.name, at(item.segment.range),
                                            at(item.range)));
              }
            },
            [&](const TestDecl& d) {
              line(depth, fmt::format("Test {}{}{}{}", quote_string(d.name.value),
                                      d.as_of ? fmt::format(" as_of={}", *d.as_of) : "",
                                      d.as_of ? at(d.as_of_range) : "", where));
              for (const GivenClause& given : d.givens) {
                line(depth + 1, "Given" + at(given.range));
                for (const GivenField& field : given.fields) {
                  line(depth + 2, fmt::format("Field {}{}{}", field.field.name,
                                              at(field.field.range), at(field.range)));
                  expr(*field.value, depth + 3);
                }
                for (const Expectation& expectation : given.expectations) {
                  line(depth + 2, fmt::format("Expect {}{}{}{}",
                                              expectation.negated ? "not " : "",
                                              expectation.segment.name,
                                              at(expectation.segment.range),
                                              at(expectation.range)));
                }
              }
            },
        },
        declaration.node);
  }

  const AstDumpOptions& options_;
  std::string out_;
};

}  // namespace

std::string dump_module(const Module& module, const AstDumpOptions& options) {
  Dumper dumper(options);
  dumper.module(module);
  return dumper.take();
}

std::string dump_expr(const Expr& expr, const AstDumpOptions& options) {
  Dumper dumper(options);
  dumper.expr(expr, 0);
  return dumper.take();
}

}  // namespace segc::testing
