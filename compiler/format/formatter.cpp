// Declarations: imports, schemas, segments, partitions and tests, one item per
// line, with the blank lines and comments of the source (docs/formatting.md).
#include "format/formatter.h"

#include <algorithm>

#include "format/printer.h"
#include "syntax/literal_decoding.h"

namespace segc {
namespace format_detail {
namespace {

using namespace segc::ast;

// Properties print in this order, metas among themselves as written, `where` last.
int property_rank(PropertyKind kind) {
  switch (kind) {
    case PropertyKind::Description: return 0;
    case PropertyKind::Owner: return 1;
    case PropertyKind::Tags: return 2;
    case PropertyKind::Meta: return 3;
  }
  return 3;
}
constexpr int kWhereRank = 4;

BlankLines item_blank_lines(size_t index) {
  return index == 0 ? BlankLines::KeepAfterFirst : BlankLines::Keep;
}

}  // namespace

Printer::Printer(const Module& module, const SourceFile& file)
    : module_(module), file_(file), writer_(file, module.comments) {}

std::string Printer::run() {
  const auto& declarations = module_.declarations;
  for (size_t i = 0; i < declarations.size(); ++i) {
    BlankLines blank = BlankLines::Force;
    if (i == 0) {
      blank = BlankLines::KeepAfterFirst;
    } else if (std::holds_alternative<ImportDecl>(declarations[i - 1].node) &&
               std::holds_alternative<ImportDecl>(declarations[i].node)) {
      blank = BlankLines::None;  // consecutive imports stay together
    }
    writer_.newline(0, blank);
    declaration(declarations[i]);
  }
  // Comments after the last declaration.
  writer_.newline(0, declarations.empty() ? BlankLines::KeepAfterFirst : BlankLines::Keep);
  writer_.set_pool(writer_.cursor(), writer_.comment_count());
  writer_.flush_pool();
  return writer_.finish();
}

void Printer::declaration(const Declaration& declaration) {
  if (const auto* d = std::get_if<ImportDecl>(&declaration.node)) {
    writer_.token("import", declaration.range.begin);
    writer_.space();
    writer_.token(quote_string(d->path), d->path_range.begin);
  } else if (const auto* d = std::get_if<SchemaDecl>(&declaration.node)) {
    schema_decl(*d, declaration.range);
  } else if (const auto* d = std::get_if<SegmentDecl>(&declaration.node)) {
    segment_decl(*d, declaration.range);
  } else if (const auto* d = std::get_if<PartitionDecl>(&declaration.node)) {
    partition_decl(*d, declaration.range);
  } else if (const auto* d = std::get_if<TestDecl>(&declaration.node)) {
    test_decl(*d, declaration.range);
  }
}

void Printer::close_block(Position close, bool empty) {
  writer_.newline(kIndentStep, empty ? BlankLines::KeepAfterFirst : BlankLines::Keep);
  writer_.flush_before(close);
  writer_.newline(0);
  writer_.token("}", close);
}

// ---- schema ----------------------------------------------------------------

void Printer::schema_decl(const SchemaDecl& schema, const SourceRange& range) {
  const Position close = last_char(range);
  writer_.token("schema", range.begin);
  writer_.space();
  writer_.token(schema.name.name, schema.name.range.begin);
  writer_.space();
  writer_.token("{", std::nullopt);
  if (schema.fields.empty() && !has_comment_between(schema.name.range.begin, close)) {
    writer_.token("}", close);
    return;
  }
  for (size_t i = 0; i < schema.fields.size(); ++i) {
    writer_.newline(kIndentStep, item_blank_lines(i));
    field(schema.fields[i], kIndentStep);
  }
  close_block(close, schema.fields.empty());
}

void Printer::field(const FieldDecl& field, int indent) {
  if (field.is_key) {
    writer_.token("key", field.range.begin);
    writer_.space();
  }
  writer_.token(field.name.name, field.name.range.begin);
  writer_.token(":", std::nullopt);
  writer_.space();
  type_layout(field.type, indent);
}

void Printer::type_flat(const TypeRef& type, TokenSink& out) const {
  out.token(type.name.name, type.name.range.begin);
  if (type.has_parens) {
    out.token("(", std::nullopt);
    for (size_t i = 0; i < type.arguments.size(); ++i) {
      if (i > 0) {
        out.token(",", std::nullopt);
        out.space();
      }
      const TypeArgument& argument = type.arguments[i];
      out.token(argument.is_string ? quote_string(argument.string_value) : argument.text,
                argument.range.begin);
    }
    out.token(")", last_char(type.range));
  } else if (type.element) {
    out.token("<", std::nullopt);
    type_flat(*type.element, out);
    out.token(">", last_char(type.range));
  }
}

void Printer::type_layout(const TypeRef& type, int indent) {
  const Position close = last_char(type.range);
  if (!type.has_parens && !type.element) {
    type_flat(type, writer_);
    return;
  }
  Measure measure(room());
  type_flat(type, measure);
  if (measure.fits() && !has_comment_between(type.range.begin, close)) {
    type_flat(type, writer_);
    return;
  }
  writer_.token(type.name.name, type.name.range.begin);
  if (type.element) {
    writer_.token("<", std::nullopt);
    type_layout(*type.element, indent);
    writer_.token(">", close);
    return;
  }
  // One argument per line, each followed by a comma.
  writer_.token("(", std::nullopt);
  for (const TypeArgument& argument : type.arguments) {
    writer_.newline(indent + kIndentStep);
    writer_.token(argument.is_string ? quote_string(argument.string_value) : argument.text,
                  argument.range.begin);
    writer_.token(",", std::nullopt);
  }
  writer_.newline(indent);
  writer_.token(")", close);
}

// ---- segments ----------------------------------------------------------------

void Printer::segment_decl(const SegmentDecl& segment, const SourceRange& range) {
  if (segment.block_form) {
    block_segment(segment, range);
  } else {
    short_segment(segment, range);
  }
}

void Printer::short_segment(const SegmentDecl& segment, const SourceRange& range) {
  writer_.token("segment", range.begin);
  writer_.space();
  writer_.token(segment.name.name, segment.name.range.begin);
  writer_.space();
  writer_.token("=", std::nullopt);
  if (!segment.where) return;
  const Expr& expr = *segment.where;
  // `segment NAME = EXPR` when it fits; else EXPR on the next line, broken
  // further if need be.
  if (!has_comment_between(range.begin, last_anchor(expr)) && fits(expr, room() - 1)) {
    writer_.space();
    flat(expr, writer_);
    return;
  }
  writer_.newline(kIndentStep);
  layout(expr, kIndentStep, kIndentStep);
}

void Printer::block_segment(const SegmentDecl& segment, const SourceRange& range) {
  const Position close = last_char(range);
  writer_.token("segment", range.begin);
  writer_.space();
  writer_.token(segment.name.name, segment.name.range.begin);
  writer_.space();
  writer_.token("{", std::nullopt);

  // The items in source order, each owning the comments from the end of the
  // previous one (after its trailing comment) to its own end (with its
  // trailing comment), so that comments move with the items they describe.
  struct Item {
    const Property* property;  // null for the where clause
    SourceRange range;
    int rank;
    size_t pool_begin = 0;
    size_t pool_end = 0;
  };
  std::vector<Item> items;
  for (const Property& property : segment.properties) {
    items.push_back(Item{&property, property.range, property_rank(property.kind)});
  }
  if (segment.where) items.push_back(Item{nullptr, segment.where_range, kWhereRank});
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return a.range.begin < b.range.begin;
  });

  const auto& comments = module_.comments;
  size_t next = writer_.cursor();
  if (!items.empty()) {
    // Comments on the `{` line stay there.
    size_t header_end = next;
    while (header_end < comments.size() && !comments[header_end].own_line &&
           comments[header_end].range.begin < items.front().range.begin) {
      ++header_end;
    }
    writer_.set_pool(next, header_end);
    writer_.flush_pool();
    next = header_end;
  }
  for (size_t i = 0; i < items.size(); ++i) {
    items[i].pool_begin = next;
    size_t end = std::max(next, first_comment_after(items[i].range.end));
    // Its trailing comment, unless the next item (or `}`) starts on the same
    // line before the comment, which then follows that one.
    const Position following = i + 1 < items.size() ? items[i + 1].range.begin : close;
    if (end < comments.size() && !comments[end].own_line &&
        comments[end].range.begin.line == items[i].range.end.line &&
        comments[end].range.begin < following) {
      ++end;
    }
    items[i].pool_end = end;
    next = end;
  }

  std::vector<const Item*> order;
  for (const Item& item : items) order.push_back(&item);
  std::stable_sort(order.begin(), order.end(),
                   [](const Item* a, const Item* b) { return a->rank < b->rank; });
  for (size_t i = 0; i < order.size(); ++i) {
    writer_.set_pool(order[i]->pool_begin, order[i]->pool_end);
    writer_.newline(kIndentStep, item_blank_lines(i));
    if (order[i]->property != nullptr) {
      property(*order[i]->property, kIndentStep);
    } else {
      where_clause(segment, kIndentStep);
    }
    writer_.flush_pool();
  }
  writer_.set_pool(next, comments.size());
  close_block(close, items.empty());
}

void Printer::property(const Property& property, int indent) {
  switch (property.kind) {
    case PropertyKind::Description:
    case PropertyKind::Owner:
      writer_.token(property.kind == PropertyKind::Description ? "description" : "owner",
                    property.range.begin);
      writer_.space();
      writer_.token(quote_string(property.text.value), property.text.range.begin);
      return;
    case PropertyKind::Meta:
      writer_.token("meta", property.range.begin);
      writer_.space();
      writer_.token(property.meta_key.name, property.meta_key.range.begin);
      writer_.space();
      writer_.token(quote_string(property.text.value), property.text.range.begin);
      return;
    case PropertyKind::Tags:
      writer_.token("tags", property.range.begin);
      writer_.space();
      string_list(property.tags, property.range.begin, last_char(property.range), indent);
      return;
  }
}

void Printer::string_list(const std::vector<StringItem>& items, Position open, Position close,
                          int indent) {
  Measure measure(room());
  measure.token("[", std::nullopt);
  for (size_t i = 0; i < items.size() && !measure.full(); ++i) {
    if (i > 0) measure.token(", ", std::nullopt);
    measure.token(quote_string(items[i].value), std::nullopt);
  }
  measure.token("]", std::nullopt);
  const bool broken = !items.empty() && (!measure.fits() || has_comment_between(open, close));
  writer_.token("[", std::nullopt);
  for (size_t i = 0; i < items.size(); ++i) {
    if (broken) {
      writer_.newline(indent + kIndentStep);
    } else if (i > 0) {
      writer_.space();
    }
    writer_.token(quote_string(items[i].value), items[i].range.begin);
    if (broken || i + 1 < items.size()) writer_.token(",", std::nullopt);
  }
  if (broken) writer_.newline(indent);
  writer_.token("]", close);
}

void Printer::where_clause(const SegmentDecl& segment, int indent) {
  writer_.token("where", segment.where_range.begin);
  writer_.space();
  layout(*segment.where, indent, indent + kIndentStep);
}

// ---- partitions ---------------------------------------------------------------

void Printer::partition_decl(const PartitionDecl& partition, const SourceRange& range) {
  writer_.token("partition", range.begin);
  writer_.space();
  writer_.token(partition.name.name, partition.name.range.begin);
  writer_.space();
  writer_.token("{", std::nullopt);
  for (size_t i = 0; i < partition.items.size(); ++i) {
    const PartitionItem& item = partition.items[i];
    writer_.newline(kIndentStep, item_blank_lines(i));
    if (item.is_else) {
      writer_.token("else", item.range.begin);
      writer_.space();
    }
    writer_.token(item.segment.name, item.segment.range.begin);
    if (i + 1 < partition.items.size()) writer_.token(",", std::nullopt);
  }
  close_block(last_char(range), partition.items.empty());
}

// ---- tests ----------------------------------------------------------------------

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
  const Position close_brace =
      find_char(given.fields.empty() ? given.range.begin : given.fields.back().range.end, '}');
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

}  // namespace format_detail

std::string format_module(const ast::Module& module, const SourceFile& file) {
  format_detail::Printer printer(module, file);
  return printer.run();
}

}  // namespace segc
