#include "syntax/parse_tree_to_ast.h"

#include <tree/ErrorNode.h>

#include <fmt/format.h>

#include "diagnostics/codes.h"
#include "syntax/literal_decoding.h"
#include "syntax/parser.h"
#include "syntax/syntax_error_listener.h"

namespace segc {
namespace {

using grammar::SegParser;
using antlr4::ParserRuleContext;
using antlr4::tree::TerminalNode;

// Thrown when a parse tree lacks a piece that a clean parse always has; caught
// per declaration, which is then reported as not understood.
struct IncompleteTree {};

template <class T>
T* need(T* node) {
  if (node == nullptr) throw IncompleteTree{};
  return node;
}

class Converter {
 public:
  Converter(const SourceFile& file, DiagnosticList& diagnostics)
      : file_(file), diagnostics_(diagnostics) {}

  std::optional<ast::Declaration> declaration(SegParser::DeclarationContext* ctx) {
    if (auto* d = ctx->importDecl()) return ast::Declaration{import_decl(d), range(d)};
    if (auto* d = ctx->schemaDecl()) return ast::Declaration{schema_decl(d), range(d)};
    if (auto* d = ctx->segmentDecl()) return ast::Declaration{segment_decl(d), range(d)};
    if (auto* d = ctx->partitionDecl()) return ast::Declaration{partition_decl(d), range(d)};
    if (auto* d = ctx->testDecl()) return ast::Declaration{test_decl(d), range(d)};
    throw IncompleteTree{};
  }

  SourceRange range(ParserRuleContext* ctx) const {
    const antlr4::Token* start = need(ctx->getStart());
    const antlr4::Token* stop = ctx->getStop();
    if (stop == nullptr || stop->getTokenIndex() < start->getTokenIndex()) stop = start;
    return join(token_range(file_.id(), *start), token_range(file_.id(), *stop));
  }
  SourceRange range(TerminalNode* node) const {
    return token_range(file_.id(), *need(node)->getSymbol());
  }

 private:
  ast::Identifier identifier(SegParser::IdentifierContext* ctx) {
    return ast::Identifier{need(need(ctx)->IDENT())->getText(), range(ctx)};
  }

  SourceRange sub_range(const SourceRange& token, const LiteralError& error) const {
    SourceRange out = token;
    out.begin.column += error.column_offset;
    out.end.column = out.begin.column + error.length;
    return out;
  }

  ast::StringItem string_item(TerminalNode* node) {
    const SourceRange where = range(node);
    LiteralError error;
    auto value = decode_string(node->getText(), error);
    if (!value) {
      diagnostics_.error(codes::kInvalidEscape, sub_range(where, error), error.message,
                         error.help);
      return ast::StringItem{{}, where};
    }
    return ast::StringItem{std::move(*value), where};
  }

  // ---- declarations --------------------------------------------------------

  ast::ImportDecl import_decl(SegParser::ImportDeclContext* ctx) {
    ast::StringItem path = string_item(need(ctx->STRING()));
    return ast::ImportDecl{std::move(path.value), path.range, range(ctx)};
  }

  ast::TypeRef type_ref(SegParser::TypeRefContext* ctx) {
    ast::TypeRef type;
    type.range = range(ctx);
    if (auto* simple = dynamic_cast<SegParser::SimpleTypeContext*>(ctx)) {
      type.name = identifier(simple->identifier());
      type.has_parens = simple->LPAREN() != nullptr;
      for (auto* arg : simple->typeArg()) {
        ast::TypeArgument argument;
        argument.range = range(arg);
        argument.text = arg->getText();
        if (auto* text = arg->STRING()) {
          argument.is_string = true;
          argument.string_value = string_item(text).value;
        } else {
          LiteralError error;
          auto value = decode_int(need(arg->INT())->getText(), false, error);
          if (!value) {
            diagnostics_.error(codes::kNumberOutOfRange, argument.range, error.message,
                               error.help);
          }
          argument.int_value = value.value_or(0);
        }
        type.arguments.push_back(std::move(argument));
      }
    } else if (auto* generic = dynamic_cast<SegParser::GenericTypeContext*>(ctx)) {
      type.name = identifier(generic->identifier());
      type.element = std::make_unique<ast::TypeRef>(type_ref(need(generic->typeRef())));
    } else {
      throw IncompleteTree{};
    }
    return type;
  }

  ast::SchemaDecl schema_decl(SegParser::SchemaDeclContext* ctx) {
    ast::SchemaDecl schema{identifier(ctx->identifier()), {}, range(ctx)};
    for (auto* field : ctx->fieldDecl()) {
      schema.fields.push_back(ast::FieldDecl{field->KEY() != nullptr,
                                             identifier(field->identifier()),
                                             type_ref(need(field->typeRef())), range(field)});
    }
    return schema;
  }

  ast::SegmentDecl segment_decl(SegParser::SegmentDeclContext* ctx) {
    ast::SegmentDecl segment;
    segment.range = range(ctx);
    if (auto* short_form = dynamic_cast<SegParser::ShortSegmentContext*>(ctx)) {
      segment.name = identifier(short_form->identifier());
      segment.where = expr(need(short_form->expr()));
      segment.where_range = segment.where->range;
      return segment;
    }
    auto* block = dynamic_cast<SegParser::BlockSegmentContext*>(ctx);
    segment.name = identifier(need(block)->identifier());
    segment.block_form = true;
    std::optional<SourceRange> where_seen;
    auto check_unique = [&](ast::PropertyKind kind, const SourceRange& where, const char* word,
                            const std::string& meta_key = {}) {
      for (const auto& property : segment.properties) {
        if (property.kind == kind && property.meta_key.name == meta_key) {
          std::string what = meta_key.empty() ? std::string(word)
                                               : fmt::format("meta {}", meta_key);
          diagnostics_
              .error(codes::kDuplicateProperty, where,
                     fmt::format("segment '{}' has more than one {}", segment.name.name, what),
                     fmt::format("keep one {}", what))
              .related.push_back({property.range, "first given here"});
          return;
        }
      }
    };
    for (auto* item : block->segmentItem()) {
      ast::Property property;
      property.range = range(item);
      if (auto* where = dynamic_cast<SegParser::WhereClauseContext*>(item)) {
        if (where_seen) {
          diagnostics_
              .error(codes::kMissingWhere, property.range,
                     fmt::format("segment '{}' has more than one where clause", segment.name.name),
                     "combine the conditions with 'and' in one where clause")
              .related.push_back({*where_seen, "first where clause"});
          continue;
        }
        where_seen = property.range;
        segment.where = expr(need(where->expr()));
        segment.where_range = property.range;
        continue;
      }
      if (auto* p = dynamic_cast<SegParser::DescriptionPropertyContext*>(item)) {
        property.kind = ast::PropertyKind::Description;
        property.text = string_item(p->STRING());
        check_unique(property.kind, property.range, "description");
      } else if (auto* p = dynamic_cast<SegParser::OwnerPropertyContext*>(item)) {
        property.kind = ast::PropertyKind::Owner;
        property.text = string_item(p->STRING());
        check_unique(property.kind, property.range, "owner");
      } else if (auto* p = dynamic_cast<SegParser::TagsPropertyContext*>(item)) {
        property.kind = ast::PropertyKind::Tags;
        property.tags = string_list(need(p->listLiteral()), "tags");
        check_unique(property.kind, property.range, "tags list");
      } else if (auto* p = dynamic_cast<SegParser::MetaPropertyContext*>(item)) {
        property.kind = ast::PropertyKind::Meta;
        property.meta_key = identifier(p->identifier());
        property.text = string_item(p->STRING());
        check_unique(property.kind, property.range, "meta", property.meta_key.name);
      } else {
        throw IncompleteTree{};
      }
      segment.properties.push_back(std::move(property));
    }
    if (!where_seen) {
      diagnostics_.error(codes::kMissingWhere, segment.name.range,
                         fmt::format("segment '{}' has no where clause", segment.name.name),
                         "add `where CONDITION` to say who belongs to the segment");
    }
    return segment;
  }

  std::vector<ast::StringItem> string_list(SegParser::ListLiteralContext* ctx, const char* what) {
    std::vector<ast::StringItem> items;
    for (auto* element : ctx->constant()) {
      auto* literal = dynamic_cast<SegParser::StringLiteralContext*>(element->literal());
      if (literal == nullptr || element->MINUS() != nullptr) {
        diagnostics_.error(codes::kBadListElement, range(element),
                           fmt::format("{} must be strings", what),
                           "write each entry in double quotes");
        continue;
      }
      items.push_back(string_item(literal->STRING()));
    }
    return items;
  }

  ast::PartitionDecl partition_decl(SegParser::PartitionDeclContext* ctx) {
    ast::PartitionDecl partition{identifier(ctx->identifier()), {}, range(ctx)};
    const auto items = ctx->partitionItem();
    for (size_t i = 0; i < items.size(); ++i) {
      ast::PartitionItem item{items[i]->ELSE() != nullptr, identifier(items[i]->identifier()),
                              range(items[i])};
      if (item.is_else && i + 1 != items.size()) {
        diagnostics_.error(codes::kMisplacedElse, item.range,
                           "the else group must come last in a partition",
                           "customers reach 'else' only when no listed segment takes them; "
                           "move it to the end");
      }
      partition.items.push_back(std::move(item));
    }
    return partition;
  }

  ast::TestDecl test_decl(SegParser::TestDeclContext* ctx) {
    ast::TestDecl test;
    test.range = range(ctx);
    test.name = string_item(need(ctx->STRING()));
    if (auto* date = ctx->DATE()) {
      test.as_of_range = range(date);
      LiteralError error;
      test.as_of = decode_date(date->getText(), error);
      if (!test.as_of) {
        diagnostics_.error(codes::kInvalidDate, test.as_of_range, error.message, error.help);
      }
    }
    for (auto* given : ctx->givenClause()) {
      ast::GivenClause clause;
      clause.range = range(given);
      for (auto* field : given->givenField()) {
        clause.fields.push_back(ast::GivenField{identifier(field->identifier()),
                                                constant(need(field->constant())), range(field)});
      }
      for (auto* expectation : given->expectation()) {
        clause.expectations.push_back(ast::Expectation{expectation->NOT() != nullptr,
                                                       identifier(expectation->identifier()),
                                                       range(expectation)});
      }
      test.givens.push_back(std::move(clause));
    }
    return test;
  }

  // ---- expressions ---------------------------------------------------------

  ast::ExprPtr expr(SegParser::ExprContext* ctx) { return or_expr(need(ctx->orExpr())); }

  ast::ExprPtr or_expr(SegParser::OrExprContext* ctx) {
    const auto children = ctx->andExpr();
    if (children.size() == 1) return and_expr(children[0]);
    ast::LogicalExpr logical{ast::LogicalOp::Or, {}};
    for (auto* child : children) logical.operands.push_back(and_expr(child));
    return ast::make_expr(std::move(logical), range(ctx));
  }

  ast::ExprPtr and_expr(SegParser::AndExprContext* ctx) {
    const auto children = ctx->notExpr();
    if (children.size() == 1) return not_expr(children[0]);
    ast::LogicalExpr logical{ast::LogicalOp::And, {}};
    for (auto* child : children) logical.operands.push_back(not_expr(child));
    return ast::make_expr(std::move(logical), range(ctx));
  }

  ast::ExprPtr not_expr(SegParser::NotExprContext* ctx) {
    if (ctx->NOT() != nullptr) {
      return ast::make_expr(ast::NotExpr{not_expr(need(ctx->notExpr()))}, range(ctx));
    }
    return predicate(need(ctx->predicate()));
  }

  ast::ExprPtr predicate(SegParser::PredicateContext* ctx) {
    const auto operands = ctx->additive();
    ast::ExprPtr value = additive(need(operands.at(0)));
    const SourceRange where = range(ctx);
    if (auto* op = ctx->compareOp()) {
      return ast::make_expr(
          ast::CompareExpr{compare_op(op), std::move(value), additive(need(operands.at(1)))},
          where);
    }
    if (ctx->BETWEEN() != nullptr) {
      return ast::make_expr(ast::BetweenExpr{std::move(value), additive(need(operands.at(1))),
                                             additive(need(operands.at(2)))},
                            where);
    }
    if (ctx->IN() != nullptr) {
      return ast::make_expr(
          ast::InExpr{ctx->NOT() != nullptr, std::move(value), list(need(ctx->listLiteral()))},
          where);
    }
    if (ctx->IS() != nullptr) {
      return ast::make_expr(ast::IsMissingExpr{ctx->PRESENT() != nullptr, std::move(value)},
                            where);
    }
    if (ctx->CONTAINS() != nullptr) {
      if (ctx->ANY() != nullptr || ctx->ALL() != nullptr) {
        const auto mode = ctx->ANY() != nullptr ? ast::ContainsMode::Any : ast::ContainsMode::All;
        return ast::make_expr(
            ast::ContainsExpr{mode, std::move(value), list(need(ctx->listLiteral()))}, where);
      }
      return ast::make_expr(ast::ContainsExpr{ast::ContainsMode::Single, std::move(value),
                                              additive(need(operands.at(1)))},
                            where);
    }
    if (ctx->WITHIN() != nullptr) {
      return ast::make_expr(ast::WithinExpr{std::move(value), period(need(ctx->period()))},
                            where);
    }
    return value;
  }

  ast::CompareOp compare_op(SegParser::CompareOpContext* ctx) {
    if (ctx->EQ()) return ast::CompareOp::Eq;
    if (ctx->NE()) return ast::CompareOp::Ne;
    if (ctx->LT()) return ast::CompareOp::Lt;
    if (ctx->LE()) return ast::CompareOp::Le;
    if (ctx->GT()) return ast::CompareOp::Gt;
    if (ctx->GE()) return ast::CompareOp::Ge;
    throw IncompleteTree{};
  }

  // Operators sit between the operands among a chain context's children.
  template <class Ctx, class Child, class Convert>
  ast::ExprPtr chain(Ctx* ctx, const std::vector<Child*>& operands, Convert convert) {
    if (operands.size() == 1) return convert(operands[0]);
    ast::ArithmeticExpr arithmetic;
    for (auto* operand : operands) arithmetic.operands.push_back(convert(operand));
    for (auto* child : ctx->children) {
      auto* terminal = dynamic_cast<TerminalNode*>(child);
      if (terminal == nullptr) continue;
      switch (terminal->getSymbol()->getType()) {
        case SegParser::PLUS: arithmetic.ops.push_back(ast::ArithmeticOp::Add); break;
        case SegParser::MINUS: arithmetic.ops.push_back(ast::ArithmeticOp::Subtract); break;
        case SegParser::STAR: arithmetic.ops.push_back(ast::ArithmeticOp::Multiply); break;
        case SegParser::SLASH: arithmetic.ops.push_back(ast::ArithmeticOp::Divide); break;
        default: break;
      }
    }
    if (arithmetic.ops.size() + 1 != arithmetic.operands.size()) throw IncompleteTree{};
    return ast::make_expr(std::move(arithmetic), range(ctx));
  }

  ast::ExprPtr additive(SegParser::AdditiveContext* ctx) {
    return chain(ctx, ctx->multiplicative(),
                 [this](SegParser::MultiplicativeContext* c) { return multiplicative(c); });
  }

  ast::ExprPtr multiplicative(SegParser::MultiplicativeContext* ctx) {
    return chain(ctx, ctx->unary(), [this](SegParser::UnaryContext* c) { return unary(c); });
  }

  ast::ExprPtr unary(SegParser::UnaryContext* ctx) {
    if (ctx->MINUS() != nullptr) {
      return ast::make_expr(ast::NegateExpr{unary(need(ctx->unary()))}, range(ctx));
    }
    return primary(need(ctx->primary()));
  }

  ast::DurationLiteral duration(TerminalNode* amount, SegParser::TimeUnitContext* unit) {
    LiteralError error;
    auto value = decode_int(need(amount)->getText(), false, error);
    if (!value) {
      diagnostics_.error(codes::kNumberOutOfRange, range(amount), error.message, error.help);
    }
    return ast::DurationLiteral{value.value_or(0), time_unit(need(unit))};
  }

  ast::TimeUnit time_unit(SegParser::TimeUnitContext* ctx) {
    if (ctx->DAY() || ctx->DAYS()) return ast::TimeUnit::Day;
    if (ctx->WEEK() || ctx->WEEKS()) return ast::TimeUnit::Week;
    if (ctx->MONTH() || ctx->MONTHS()) return ast::TimeUnit::Month;
    if (ctx->YEAR() || ctx->YEARS()) return ast::TimeUnit::Year;
    throw IncompleteTree{};
  }

  ast::TimeUnit calendar_unit(SegParser::CalendarUnitContext* ctx) {
    if (ctx->WEEK()) return ast::TimeUnit::Week;
    if (ctx->MONTH()) return ast::TimeUnit::Month;
    if (ctx->YEAR()) return ast::TimeUnit::Year;
    throw IncompleteTree{};
  }

  ast::Period period(SegParser::PeriodContext* ctx) {
    ast::Period out;
    out.range = range(ctx);
    if (auto* p = dynamic_cast<SegParser::LastPeriodContext*>(ctx)) {
      const auto d = duration(p->INT(), p->timeUnit());
      out.kind = ast::PeriodKind::Last;
      out.amount = d.amount;
      out.unit = d.unit;
    } else if (auto* p = dynamic_cast<SegParser::NextPeriodContext*>(ctx)) {
      const auto d = duration(p->INT(), p->timeUnit());
      out.kind = ast::PeriodKind::Next;
      out.amount = d.amount;
      out.unit = d.unit;
    } else if (auto* p = dynamic_cast<SegParser::ThisPeriodContext*>(ctx)) {
      out.kind = ast::PeriodKind::This;
      out.unit = calendar_unit(need(p->calendarUnit()));
    } else if (auto* p = dynamic_cast<SegParser::PreviousPeriodContext*>(ctx)) {
      out.kind = ast::PeriodKind::Previous;
      out.unit = calendar_unit(need(p->calendarUnit()));
    } else {
      throw IncompleteTree{};
    }
    return out;
  }

  ast::ExprPtr primary(SegParser::PrimaryContext* ctx) {
    const SourceRange where = range(ctx);
    if (auto* p = dynamic_cast<SegParser::ParenExprContext*>(ctx)) {
      return ast::make_expr(ast::ParenExpr{expr(need(p->expr()))}, where);
    }
    if (auto* p = dynamic_cast<SegParser::CallExprContext*>(ctx)) {
      ast::CallExpr call{identifier(p->identifier()), {}};
      for (auto* argument : p->expr()) call.arguments.push_back(expr(argument));
      return ast::make_expr(std::move(call), where);
    }
    if (auto* p = dynamic_cast<SegParser::AgoExprContext*>(ctx)) {
      return ast::make_expr(ast::AgoExpr{duration(p->INT(), p->timeUnit())}, where);
    }
    if (auto* p = dynamic_cast<SegParser::DurationExprContext*>(ctx)) {
      return ast::make_expr(duration(p->INT(), p->timeUnit()), where);
    }
    if (dynamic_cast<SegParser::TodayExprContext*>(ctx) != nullptr) {
      return ast::make_expr(ast::TodayExpr{}, where);
    }
    if (auto* p = dynamic_cast<SegParser::LiteralExprContext*>(ctx)) {
      return literal(need(p->literal()), false, where);
    }
    if (auto* p = dynamic_cast<SegParser::NameExprContext*>(ctx)) {
      return ast::make_expr(ast::NameRef{identifier(p->identifier()).name}, where);
    }
    throw IncompleteTree{};
  }

  ast::ExprPtr literal(SegParser::LiteralContext* ctx, bool negative, SourceRange where) {
    LiteralError error;
    if (auto* p = dynamic_cast<SegParser::IntLiteralContext*>(ctx)) {
      const std::string text = need(p->INT())->getText();
      auto value = decode_int(text, negative, error);
      if (!value) diagnostics_.error(codes::kNumberOutOfRange, where, error.message, error.help);
      return ast::make_expr(ast::IntLiteral{value.value_or(0), (negative ? "-" : "") + text},
                            where);
    }
    if (auto* p = dynamic_cast<SegParser::DecimalLiteralContext*>(ctx)) {
      const std::string text = need(p->DECIMAL())->getText();
      auto value = decode_decimal(text, negative, error);
      if (!value) diagnostics_.error(codes::kNumberOutOfRange, where, error.message, error.help);
      const auto decoded = value.value_or(DecodedDecimal{0, 0});
      return ast::make_expr(
          ast::DecimalLiteral{decoded.unscaled, decoded.scale, (negative ? "-" : "") + text},
          where);
    }
    if (negative) {
      diagnostics_.error(codes::kBadOperand, where, "only numbers can have a minus sign",
                         "remove the '-'");
    }
    if (auto* p = dynamic_cast<SegParser::StringLiteralContext*>(ctx)) {
      return ast::make_expr(ast::StringLiteral{string_item(p->STRING()).value}, where);
    }
    if (auto* p = dynamic_cast<SegParser::DateLiteralContext*>(ctx)) {
      auto days = decode_date(need(p->DATE())->getText(), error);
      if (!days) diagnostics_.error(codes::kInvalidDate, where, error.message, error.help);
      return ast::make_expr(ast::DateLiteral{days.value_or(0)}, where);
    }
    if (auto* p = dynamic_cast<SegParser::BoolLiteralContext*>(ctx)) {
      return ast::make_expr(ast::BoolLiteral{p->TRUE() != nullptr}, where);
    }
    throw IncompleteTree{};
  }

  // A list element or a test value: a signed literal or a list.
  ast::ExprPtr constant(SegParser::ConstantContext* ctx) {
    if (auto* nested = ctx->listLiteral()) return list(nested);
    return literal(need(ctx->literal()), ctx->MINUS() != nullptr, range(ctx));
  }

  ast::ExprPtr list(SegParser::ListLiteralContext* ctx) {
    const SourceRange where = range(ctx);
    const auto elements = ctx->constant();
    if (elements.size() > kMaxListLength) {
      diagnostics_.error(codes::kListTooLong, where,
                         fmt::format("this list has {} elements; at most {} are allowed",
                                     elements.size(), kMaxListLength),
                         "keep long lists of values in the customer data (for example as a set "
                         "field) instead of in the rule");
      return ast::make_expr(ast::ListLiteral{}, where);
    }
    ast::ListLiteral out;
    out.elements.reserve(elements.size());
    for (auto* element : elements) {
      if (element->listLiteral() != nullptr) {
        diagnostics_.error(codes::kBadListElement, range(element),
                           "a list cannot contain another list",
                           "write the values in one flat list");
        continue;
      }
      out.elements.push_back(constant(element));
    }
    return ast::make_expr(std::move(out), where);
  }

  const SourceFile& file_;
  DiagnosticList& diagnostics_;
};

// The name a broken declaration would have declared, when it got that far.
std::optional<std::string> declared_name(SegParser::DeclarationContext* ctx) {
  SegParser::IdentifierContext* name = nullptr;
  if (auto* d = ctx->segmentDecl()) {
    if (auto* s = dynamic_cast<SegParser::ShortSegmentContext*>(d)) name = s->identifier();
    if (auto* b = dynamic_cast<SegParser::BlockSegmentContext*>(d)) name = b->identifier();
  } else if (auto* p = ctx->partitionDecl()) {
    name = p->identifier();
  } else if (auto* s = ctx->schemaDecl()) {
    name = s->identifier();
  }
  if (name == nullptr || name->IDENT() == nullptr) return std::nullopt;
  return name->IDENT()->getText();
}

// True when ANTLR's error recovery touched the subtree: a rule that failed, a
// token it conjured or one it skipped. Errors during recovery are not all
// reported, so the tree itself is the reliable record. Iterative, since trees
// can be wide.
bool has_recovery_marks(antlr4::tree::ParseTree* root) {
  std::vector<antlr4::tree::ParseTree*> pending{root};
  while (!pending.empty()) {
    antlr4::tree::ParseTree* node = pending.back();
    pending.pop_back();
    if (dynamic_cast<antlr4::tree::ErrorNode*>(node) != nullptr) return true;
    if (auto* rule = dynamic_cast<ParserRuleContext*>(node); rule && rule->exception) return true;
    for (auto* child : node->children) pending.push_back(child);
  }
  return false;
}

}  // namespace

ast::Module parse_tree_to_ast(SegParser::FileContext* tree, const SourceFile& file,
                              const std::set<size_t>& broken_declarations,
                              DiagnosticList& diagnostics, std::vector<ast::Comment> comments) {
  const bool syntax_errors_reported = diagnostics.has_errors();
  ast::Module module;
  module.file = file.id();
  module.comments = std::move(comments);
  Converter converter(file, diagnostics);
  // Tokens skipped between declarations (`segment a = city == "x"` stops at
  // `==`, and the rest of the line is skipped at file level) usually belong
  // to the declaration before them, which is then not what the user wrote.
  std::set<SegParser::DeclarationContext*> followed_by_errors;
  SegParser::DeclarationContext* previous = nullptr;
  for (auto* child : tree->children) {
    if (auto* declaration = dynamic_cast<SegParser::DeclarationContext*>(child)) {
      previous = declaration;
    } else if (previous != nullptr && dynamic_cast<antlr4::tree::ErrorNode*>(child) != nullptr) {
      followed_by_errors.insert(previous);
    }
  }
  for (auto* declaration : tree->declaration()) {
    const antlr4::Token* start = declaration->getStart();
    const bool broken = start == nullptr || broken_declarations.contains(start->getTokenIndex()) ||
                        followed_by_errors.contains(declaration) ||
                        has_recovery_marks(declaration);
    if (!broken) {
      try {
        if (auto converted = converter.declaration(declaration)) {
          module.declarations.push_back(std::move(*converted));
        }
        continue;
      } catch (const IncompleteTree&) {
        // A clean parse is always complete; should ANTLR's recovery ever leave a
        // hole unmarked, say so instead of silently dropping the declaration.
        if (!syntax_errors_reported) diagnostics.error(codes::kSyntaxError, converter.range(declaration),
                          "this declaration could not be understood",
                          "check it against the examples in the language guide");
      }
    }
    if (auto name = declared_name(declaration)) module.broken_names.push_back(std::move(*name));
  }
  return module;
}

}  // namespace segc
