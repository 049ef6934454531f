// The module, imports, schemas and partitions (segments: segment_layout.cpp,
// tests: test_layout.cpp). Blocks hold one item per line, with the blank lines
// and comments of the source (docs/formatting.md).
#include "format/formatter.h"

#include <algorithm>
#include <string_view>

#include "format/printer.h"
#include "syntax/literal_decoding.h"

namespace segc {
namespace format_detail {
using namespace segc::ast;

namespace {

// `# segc: allow CODE...` (semantic/allow_comments.cpp reads the codes).
bool is_allow_comment(std::string_view text) {
  auto skip_blanks = [&text] {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  };
  if (text.starts_with("#")) text.remove_prefix(1);
  skip_blanks();
  if (!text.starts_with("segc:")) return false;
  text.remove_prefix(5);
  skip_blanks();
  if (!text.starts_with("allow")) return false;
  text.remove_prefix(5);
  return text.empty() || text.front() == ' ' || text.front() == '\t';
}

}  // namespace

Printer::Printer(const Module& module, const SourceFile& file)
    : module_(module), file_(file), writer_(file, module.comments) {
  for (const Comment& comment : module.comments) {
    if (comment.own_line || !is_allow_comment(comment.text)) continue;
    // The end of the code before the comment: the comment's column, less the
    // blanks in front of it.
    const std::string_view line = file.line_text(comment.range.begin.line);
    size_t offset = 0;
    for (uint32_t column = 1; column < comment.range.begin.column && offset < line.size();
         ++column) {
      ++offset;
      while (offset < line.size() && (static_cast<unsigned char>(line[offset]) & 0xC0) == 0x80) {
        ++offset;
      }
    }
    uint32_t column = comment.range.begin.column;
    while (offset > 0 && (line[offset - 1] == ' ' || line[offset - 1] == '\t')) {
      --offset;
      --column;
    }
    pin_ends_.push_back(Position{comment.range.begin.line, column});
  }
}

bool Printer::pinned_expression(const Expr& expr) const {
  return expr.range.begin.line == expr.range.end.line &&
         std::binary_search(pin_ends_.begin(), pin_ends_.end(), expr.range.end);
}

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

}  // namespace format_detail

std::string format_module(const ast::Module& module, const SourceFile& file) {
  format_detail::Printer printer(module, file);
  return printer.run();
}

}  // namespace segc
