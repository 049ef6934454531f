// Tests: `test "name" as of DATE { given {...} expect ... }`.
#include "format/printer.h"
#include "syntax/literal_decoding.h"

namespace segc::format_detail {

using namespace segc::ast;

void Printer::test_decl(const TestDecl& test, const SourceRange& range) {
  const Position close = last_char(range);
  writer_.token("test", range.begin);
  writer_.space();
  writer_.token(quote_string(test.name.value), test.name.range.begin);
  if (test.as_of) {
    writer_.space();
    writer_.token("as", test.as_of_range.begin);
    writer_.space();
    writer_.token("of", test.as_of_range.begin);
    writer_.space();
    writer_.token(iso_date(*test.as_of), test.as_of_range.begin);
  }
  writer_.space();
  writer_.token("{", std::nullopt);
  if (test.givens.empty() && !has_comment_between(test.name.range.begin, close)) {
    writer_.token("}", close);
    return;
  }
  for (size_t i = 0; i < test.givens.size(); ++i) {
    writer_.newline(kIndentStep, item_blank_lines(i));
    given_clause(test.givens[i], kIndentStep);
  }
  close_block(close, test.givens.empty());
}

void Printer::expectations(const GivenClause& given, TokenSink& out) const {
  out.space();
  out.token("expect", given.expectations.empty() ? std::optional<Position>()
                                                 : given.expectations.front().range.begin);
  for (size_t i = 0; i < given.expectations.size(); ++i) {
    const Expectation& expectation = given.expectations[i];
    if (i > 0) out.token(",", std::nullopt);
    out.space();
    if (expectation.negated) {
      out.token("not", expectation.range.begin);
      out.space();
    }
    out.token(expectation.segment.name, expectation.segment.range.begin);
  }
}

void Printer::given_flat(const GivenClause& given, Position close_brace, TokenSink& out) const {
  out.token("given", given.range.begin);
  out.space();
  out.token("{", std::nullopt);
  for (size_t i = 0; i < given.fields.size() && !out.full(); ++i) {
    const GivenField& field = given.fields[i];
    if (i > 0) out.token(",", std::nullopt);
    out.space();
    out.token(field.field.name, field.field.range.begin);
    out.token(":", std::nullopt);
    out.space();
    flat(*field.value, out);
  }
  if (!given.fields.empty()) out.space();
  out.token("}", close_brace);
  expectations(given, out);
}

void Printer::given_clause(const GivenClause& given, int indent) {
  // `}` lies between the last field and `expect`. Only a comment there makes
  // its exact position matter (and is worth reading the line for).
  const Position after_fields =
      given.fields.empty() ? given.range.begin : given.fields.back().range.end;
  const Position close_brace =
      !given.expectations.empty() &&
              !has_comment_between(after_fields, given.expectations.front().range.begin)
          ? after_fields
          : find_char(after_fields, '}');
  Measure measure(room());
  given_flat(given, close_brace, measure);
  if (given.fields.empty() ||
      (measure.fits() && !has_comment_between(given.range.begin, close_brace))) {
    given_flat(given, close_brace, writer_);
    return;
  }
  // One field per line, each followed by a comma.
  writer_.token("given", given.range.begin);
  writer_.space();
  writer_.token("{", std::nullopt);
  for (const GivenField& field : given.fields) {
    writer_.newline(indent + kIndentStep);
    writer_.token(field.field.name, field.field.range.begin);
    writer_.token(":", std::nullopt);
    writer_.space();
    flat(*field.value, writer_);
    writer_.token(",", std::nullopt);
  }
  writer_.newline(indent);
  writer_.token("}", close_brace);
  expectations(given, writer_);
}

Position Printer::find_char(Position from, char target) const {
  uint32_t line = from.line;
  std::string_view text = file_.line_text(line);
  size_t i = 0;
  uint32_t column = 1;
  while (i < text.size() && column < from.column) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    ++column;
  }
  while (true) {
    if (i >= text.size()) {
      if (++line > file_.line_count()) return from;
      text = file_.line_text(line);
      i = 0;
      column = 1;
      continue;
    }
    if (text[i] == '#') {
      i = text.size();
      continue;
    }
    if (text[i] == target) return Position{line, column};
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    ++column;
  }
}

}  // namespace segc::format_detail
