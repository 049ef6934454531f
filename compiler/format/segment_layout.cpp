// Segments: `segment NAME = EXPR` and the block form with its properties.
#include <algorithm>
#include <vector>

#include "format/printer.h"
#include "syntax/literal_decoding.h"

namespace segc::format_detail {
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

}  // namespace

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
    writer_.newline(kIndentStep, BlankLines::KeepAfterFirst);
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
    // What is left of its comments: a trailing one joins its last line; an
    // own-line one (after its last anchored token, as in `x is # c` NL
    // `missing`) goes on the next line, where formatting again would find it.
    writer_.newline(kIndentStep, BlankLines::Keep);
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

}  // namespace segc::format_detail
