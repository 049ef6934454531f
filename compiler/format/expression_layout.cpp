// Expressions: one-line printing, measuring, and the broken layouts of and/or
// chains, parentheses around them, and long lists.
#include <algorithm>
#include <string>
#include <vector>

#include "format/printer.h"
#include "syntax/literal_decoding.h"

namespace segc::format_detail {
namespace {

using namespace segc::ast;

std::string_view logical_word(LogicalOp op) { return op == LogicalOp::And ? "and" : "or"; }

// A chain, possibly wrapped in parentheses: what a broken `( ... )` holds.
bool is_chain(const Expr& expr) {
  return skip_parens(expr).as<LogicalExpr>() != nullptr;
}

}  // namespace

void Printer::duration(const DurationLiteral& value, Position at, TokenSink& out) const {
  out.token(std::to_string(value.amount), at);
  out.space();
  out.token(unit_word(value.unit, value.amount != 1), std::nullopt);
}

void Printer::period(const Period& value, TokenSink& out) const {
  switch (value.kind) {
    case PeriodKind::Last:
    case PeriodKind::Next:
      out.token(value.kind == PeriodKind::Last ? "last" : "next", value.range.begin);
      out.space();
      out.token(std::to_string(value.amount), std::nullopt);
      out.space();
      out.token(unit_word(value.unit, value.amount != 1), std::nullopt);
      return;
    case PeriodKind::This:
    case PeriodKind::Previous:
      out.token(value.kind == PeriodKind::This ? "this" : "previous", value.range.begin);
      out.space();
      out.token(unit_word(value.unit, false), std::nullopt);
      return;
  }
}

void Printer::flat(const Expr& expr, TokenSink& out) const {
  if (out.full()) return;
  const Position at = expr.range.begin;
  if (const auto* e = expr.as<IntLiteral>()) {
    out.token(e->text, at);
  } else if (const auto* e = expr.as<DecimalLiteral>()) {
    out.token(e->text, at);
  } else if (const auto* e = expr.as<StringLiteral>()) {
    out.token(quote_string(e->value), at);
  } else if (const auto* e = expr.as<BoolLiteral>()) {
    out.token(e->value ? "true" : "false", at);
  } else if (const auto* e = expr.as<DateLiteral>()) {
    out.token(iso_date(e->days), at);
  } else if (const auto* e = expr.as<DurationLiteral>()) {
    duration(*e, at, out);
  } else if (const auto* e = expr.as<ListLiteral>()) {
    out.token("[", at);
    for (size_t i = 0; i < e->elements.size() && !out.full(); ++i) {
      if (i > 0) {
        out.token(",", std::nullopt);
        out.space();
      }
      flat(*e->elements[i], out);
    }
    out.token("]", last_char(expr.range));
  } else if (expr.as<TodayExpr>() != nullptr) {
    out.token("today", at);
  } else if (const auto* e = expr.as<AgoExpr>()) {
    duration(e->duration, at, out);
    out.space();
    out.token("ago", std::nullopt);
  } else if (const auto* e = expr.as<NameRef>()) {
    out.token(e->name, at);
  } else if (const auto* e = expr.as<CallExpr>()) {
    out.token(e->function.name, e->function.range.begin);
    out.token("(", std::nullopt);
    for (size_t i = 0; i < e->arguments.size() && !out.full(); ++i) {
      if (i > 0) {
        out.token(",", std::nullopt);
        out.space();
      }
      flat(*e->arguments[i], out);
    }
    out.token(")", last_char(expr.range));
  } else if (const auto* e = expr.as<NegateExpr>()) {
    out.token("-", at);
    flat(*e->operand, out);
  } else if (const auto* e = expr.as<NotExpr>()) {
    out.token("not", at);
    out.space();
    flat(*e->operand, out);
  } else if (const auto* e = expr.as<LogicalExpr>()) {
    flat(*e->operands[0], out);
    for (size_t i = 1; i < e->operands.size() && !out.full(); ++i) {
      out.space();
      out.token(logical_word(e->op), e->operands[i]->range.begin);
      out.space();
      flat(*e->operands[i], out);
    }
  } else if (const auto* e = expr.as<ArithmeticExpr>()) {
    flat(*e->operands[0], out);
    for (size_t i = 1; i < e->operands.size() && !out.full(); ++i) {
      out.space();
      out.token(spelling(e->ops[i - 1]), e->operands[i]->range.begin);
      out.space();
      flat(*e->operands[i], out);
    }
  } else if (const auto* e = expr.as<CompareExpr>()) {
    flat(*e->lhs, out);
    out.space();
    out.token(spelling(e->op), e->rhs->range.begin);
    out.space();
    flat(*e->rhs, out);
  } else if (const auto* e = expr.as<BetweenExpr>()) {
    flat(*e->value, out);
    out.space();
    out.token("between", e->low->range.begin);
    out.space();
    flat(*e->low, out);
    out.space();
    out.token("and", e->high->range.begin);
    out.space();
    flat(*e->high, out);
  } else if (const auto* e = expr.as<InExpr>()) {
    flat(*e->value, out);
    out.space();
    if (e->negated) {
      out.token("not", e->list->range.begin);
      out.space();
    }
    out.token("in", e->list->range.begin);
    out.space();
    flat(*e->list, out);
  } else if (const auto* e = expr.as<IsMissingExpr>()) {
    flat(*e->operand, out);
    out.space();
    out.token("is", std::nullopt);
    out.space();
    out.token(e->present ? "present" : "missing", std::nullopt);
  } else if (const auto* e = expr.as<ContainsExpr>()) {
    flat(*e->haystack, out);
    out.space();
    out.token("contains", e->needle->range.begin);
    out.space();
    if (e->mode != ContainsMode::Single) {
      out.token(e->mode == ContainsMode::Any ? "any" : "all", e->needle->range.begin);
      out.space();
    }
    flat(*e->needle, out);
  } else if (const auto* e = expr.as<WithinExpr>()) {
    flat(*e->value, out);
    out.space();
    out.token("within", e->period.range.begin);
    out.space();
    period(e->period, out);
  } else if (const auto* e = expr.as<ParenExpr>()) {
    out.token("(", at);
    flat(*e->inner, out);
    out.token(")", last_char(expr.range));
  }
}

Position Printer::last_anchor(const Expr& expr) const {
  const Expr* current = &expr;
  while (true) {
    if (current->as<ListLiteral>() || current->as<CallExpr>() || current->as<ParenExpr>()) {
      return last_char(current->range);
    }
    if (const auto* e = current->as<NegateExpr>()) {
      current = e->operand.get();
    } else if (const auto* e = current->as<NotExpr>()) {
      current = e->operand.get();
    } else if (const auto* e = current->as<LogicalExpr>()) {
      current = e->operands.back().get();
    } else if (const auto* e = current->as<ArithmeticExpr>()) {
      current = e->operands.back().get();
    } else if (const auto* e = current->as<CompareExpr>()) {
      current = e->rhs.get();
    } else if (const auto* e = current->as<BetweenExpr>()) {
      current = e->high.get();
    } else if (const auto* e = current->as<InExpr>()) {
      current = e->list.get();
    } else if (const auto* e = current->as<IsMissingExpr>()) {
      current = e->operand.get();
    } else if (const auto* e = current->as<ContainsExpr>()) {
      current = e->needle.get();
    } else if (const auto* e = current->as<WithinExpr>()) {
      return e->period.range.begin;
    } else {
      return current->range.begin;  // a literal, name, duration, `today`, `ago`
    }
  }
}

size_t Printer::first_comment_after(Position position) const {
  const auto& comments = module_.comments;
  auto it = std::upper_bound(comments.begin(), comments.end(), position,
                             [](const Position& p, const Comment& c) { return p < c.range.begin; });
  return static_cast<size_t>(it - comments.begin());
}

bool Printer::has_comment_between(Position after, Position before) const {
  const size_t index = first_comment_after(after);
  return index < module_.comments.size() && module_.comments[index].range.begin < before;
}

bool Printer::has_interior_comment(const Expr& expr) const {
  return has_comment_between(expr.range.begin, last_anchor(expr));
}

bool Printer::fits(const Expr& expr, int64_t width) const {
  if (width < 0) return false;
  Measure measure(width);
  flat(expr, measure);
  return measure.fits();
}

void Printer::layout(const Expr& expr, int indent, int continuation) {
  if (!has_interior_comment(expr) && (pinned_expression(expr) || fits(expr, room()))) {
    flat(expr, writer_);
    return;
  }
  if (const auto* e = expr.as<LogicalExpr>()) {
    // One operand per line, the operator leading; operands on the line of a
    // pinned operand stay on that line with it.
    const auto& operands = e->operands;
    std::vector<bool> joined(operands.size(), false);  // to the one before
    std::vector<bool> grouped(operands.size(), false);  // printed on one line
    for (size_t k = 0; k < operands.size(); ++k) {
      if (!pinned_expression(*operands[k])) continue;
      grouped[k] = true;
      const uint32_t line = operands[k]->range.begin.line;
      for (size_t m = k; m > 0 && operands[m - 1]->range.begin.line == line &&
                         operands[m - 1]->range.end.line == line;
           --m) {
        joined[m] = true;
        grouped[m - 1] = true;
      }
    }
    for (size_t i = 0; i < operands.size(); ++i) {
      if (i > 0) {
        if (joined[i]) {
          writer_.space();
        } else {
          writer_.newline(continuation);
        }
        writer_.token(logical_word(e->op), operands[i]->range.begin);
        writer_.space();
      }
      if (grouped[i]) {
        flat(*operands[i], writer_);
      } else if (i == 0) {
        layout(*operands[i], indent, continuation + kIndentStep);
      } else {
        layout(*operands[i], continuation, continuation + kIndentStep);
      }
    }
    return;
  }
  if (const auto* e = expr.as<ParenExpr>()) {
    writer_.token("(", expr.range.begin);
    if (is_chain(*e->inner)) {
      const int inner = indent + kIndentStep;
      writer_.newline(inner);
      layout(*e->inner, inner, inner);
      writer_.newline(indent);
    } else {
      layout(*e->inner, indent, continuation);
    }
    writer_.token(")", last_char(expr.range));
    return;
  }
  if (const auto* e = expr.as<NotExpr>()) {
    writer_.token("not", expr.range.begin);
    writer_.space();
    layout(*e->operand, indent, continuation);
    return;
  }
  if (const auto* e = expr.as<InExpr>()) {
    flat(*e->value, writer_);
    writer_.space();
    if (e->negated) {
      writer_.token("not", e->list->range.begin);
      writer_.space();
    }
    writer_.token("in", e->list->range.begin);
    writer_.space();
    list_layout(*e->list, indent);
    return;
  }
  if (const auto* e = expr.as<ContainsExpr>(); e && e->mode != ContainsMode::Single) {
    flat(*e->haystack, writer_);
    writer_.space();
    writer_.token("contains", e->needle->range.begin);
    writer_.space();
    writer_.token(e->mode == ContainsMode::Any ? "any" : "all", e->needle->range.begin);
    writer_.space();
    list_layout(*e->needle, indent);
    return;
  }
  // Nothing here breaks: one line, broken only where a comment ends it.
  flat(expr, writer_);
}

void Printer::list_layout(const Expr& expr, int indent) {
  const auto* list = expr.as<ListLiteral>();
  if (list == nullptr || list->elements.empty() ||
      (!has_interior_comment(expr) && fits(expr, room()))) {
    flat(expr, writer_);
    return;
  }
  // One element per line, each followed by a comma.
  writer_.token("[", expr.range.begin);
  for (const auto& element : list->elements) {
    writer_.newline(indent + kIndentStep);
    flat(*element, writer_);
    writer_.token(",", std::nullopt);
  }
  writer_.newline(indent);
  writer_.token("]", last_char(expr.range));
}

}  // namespace segc::format_detail
