// Internals of the formatter, shared by its source files; not a public API.
//
// Text is produced token by token. A token may carry an *anchor*: the source
// position at which it (or the token it is glued to) starts. Before a token
// with an anchor is written, every comment that starts before the anchor is
// written first: a trailing comment at the end of the line that is still open,
// an own-line comment on a line of its own. Tokens whose position the AST does
// not record (`,`, `:`, `is`, units) carry no anchor and never move comments.
// Because comments are placed only in front of anchored tokens, and anchors are
// exact or borrowed from the next anchored token, formatting the output again
// places every comment in front of the same token: the layout is idempotent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "format/formatter.h"
#include "source/source_file.h"
#include "syntax/ast.h"

namespace segc::format_detail {

inline constexpr int kIndentStep = 2;
inline constexpr int kContinuationIndent = 4;  // a line broken only to end a comment

// Where text goes: the output, or a ruler measuring a one-line layout.
class TokenSink {
 public:
  virtual ~TokenSink() = default;
  virtual void token(std::string_view text, std::optional<Position> anchor) = 0;
  // One space before the next token, unless that token starts a new line.
  virtual void space() = 0;
  // True once the measured text is known not to fit (printing may stop early).
  virtual bool full() const { return false; }
};

// Measures the width of text printed on one line, giving up past `limit`.
class Measure final : public TokenSink {
 public:
  explicit Measure(int64_t limit) : limit_(limit) {}
  void token(std::string_view text, std::optional<Position> anchor) override;
  void space() override { pending_space_ = true; }
  bool full() const override { return width_ > limit_; }
  bool fits() const { return width_ <= limit_; }

 private:
  int64_t limit_;
  int64_t width_ = 0;
  bool pending_space_ = false;
};

// How blank lines before the next line are decided.
enum class BlankLines {
  None,            // never
  Keep,            // one when the source had at least one before that comment or token
  KeepAfterFirst,  // like Keep, except before the first line (right after `{`)
  Force,           // always one before the first line, then Keep
};

// Blank lines before the item `index` (from 0) of a block.
inline BlankLines item_blank_lines(size_t index) {
  return index == 0 ? BlankLines::KeepAfterFirst : BlankLines::Keep;
}

// Builds the output line by line and places comments (see the file comment).
// Line breaks are requested with newline() and happen lazily at the next
// comment or token, so that a trailing comment can still join the open line.
class LineWriter final : public TokenSink {
 public:
  LineWriter(const SourceFile& file, const std::vector<ast::Comment>& comments);

  void token(std::string_view text, std::optional<Position> anchor) override;
  void space() override { pending_space_ = true; }

  // The next comment or token starts a new line indented by `indent`.
  void newline(int indent, BlankLines blank = BlankLines::None);
  // Writes the comments of the current pool that start before `position`.
  void flush_before(Position position);
  // Writes every remaining comment of the current pool.
  void flush_pool();
  // Comments are taken in order from [cursor, limit); reordered items set
  // their own range.
  void set_pool(size_t begin, size_t end);
  size_t cursor() const { return cursor_; }
  size_t comment_count() const { return comments_.size(); }
  // Column (in code points, from 0) at which the next token would start.
  int64_t column() const;
  // Ends the last line and returns the text; call after the last flush.
  std::string finish();

 private:
  void emit_comment(const ast::Comment& comment);
  void begin_line(bool source_had_blank_line);
  void close_line();
  void expect_continuation();
  void append(std::string_view text);
  bool blank_line_before(Position position, bool first_on_line) const;
  bool first_on_source_line(Position position) const;

  const SourceFile& file_;
  const std::vector<ast::Comment>& comments_;
  size_t cursor_ = 0;
  size_t limit_ = 0;

  std::string out_;
  std::string line_;  // the open line, indentation included
  int64_t line_columns_ = 0;
  bool line_open_ = false;
  bool line_has_code_ = false;
  bool line_has_trailing_comment_ = false;
  int base_indent_ = 0;  // indentation of the last line the layout asked for

  bool pending_newline_ = true;
  bool pending_continuation_ = false;  // a break forced by a comment
  int pending_indent_ = 0;
  BlankLines pending_blank_ = BlankLines::None;
  bool pending_space_ = false;
};

// The position of the last code point of a range (a closing bracket).
inline Position last_char(const SourceRange& range) {
  return Position{range.end.line, range.end.column > 1 ? range.end.column - 1 : 1};
}

std::string iso_date(int32_t days_since_epoch);
std::string_view unit_word(ast::TimeUnit unit, bool plural);

// One module being formatted. Expressions: expression_layout.cpp; segments:
// segment_layout.cpp; tests: test_layout.cpp; the rest: formatter.cpp.
class Printer {
 public:
  Printer(const ast::Module& module, const SourceFile& file);
  std::string run();

 private:
  // ---- declarations ----
  void declaration(const ast::Declaration& declaration);
  void import_decl(const ast::ImportDecl& import);
  void schema_decl(const ast::SchemaDecl& schema, const SourceRange& range);
  void field(const ast::FieldDecl& field, int indent);
  void type_flat(const ast::TypeRef& type, TokenSink& out) const;
  void type_layout(const ast::TypeRef& type, int indent);
  void segment_decl(const ast::SegmentDecl& segment, const SourceRange& range);
  void short_segment(const ast::SegmentDecl& segment, const SourceRange& range);
  void block_segment(const ast::SegmentDecl& segment, const SourceRange& range);
  void property(const ast::Property& property, int indent);
  void where_clause(const ast::SegmentDecl& segment, int indent);
  void string_list(const std::vector<ast::StringItem>& items, Position open,
                   Position close, int indent);
  void partition_decl(const ast::PartitionDecl& partition, const SourceRange& range);
  void test_decl(const ast::TestDecl& test, const SourceRange& range);
  void given_clause(const ast::GivenClause& given, int indent);
  void given_flat(const ast::GivenClause& given, Position close_brace, TokenSink& out) const;
  void expectations(const ast::GivenClause& given, TokenSink& out) const;
  // Blank lines and comments before `}`, then `}` on a line of its own.
  void close_block(Position close, bool empty);

  // ---- expressions ----
  void flat(const ast::Expr& expr, TokenSink& out) const;
  void duration(const ast::DurationLiteral& duration, Position at, TokenSink& out) const;
  void period(const ast::Period& period, TokenSink& out) const;
  bool fits(const ast::Expr& expr, int64_t width) const;
  // Prints `expr` from the current column, breaking what does not fit. Lines
  // it adds are indented by `indent` (the indentation of the line it starts
  // on) for brackets and by `continuation` for the operands of and/or chains.
  void layout(const ast::Expr& expr, int indent, int continuation);
  void list_layout(const ast::Expr& list, int indent);

  // ---- comments and source ----
  // The position of the last anchored token printed for `expr`.
  Position last_anchor(const ast::Expr& expr) const;
  // True when a comment starts after `after` and before `before`: printing the
  // tokens between those positions would place it.
  bool has_comment_between(Position after, Position before) const;
  bool has_interior_comment(const ast::Expr& expr) const;
  size_t first_comment_after(Position position) const;
  // A trailing `# segc: allow CODE` comment silences warnings that start on
  // its line, so the code it follows stays on one line with it: an expression
  // that ends right before such a comment (only blanks between) and lies on
  // its line is *pinned*: never broken, and the operands of an and/or chain
  // that share that line with it stay together.
  bool pinned_expression(const ast::Expr& expr) const;
  // The first `target` character at or after `from`, skipping comments; the
  // AST does not record the closing brace of a `given`.
  Position find_char(Position from, char target) const;
  int64_t room() const { return kFormatLineWidth - writer_.column(); }

  const ast::Module& module_;
  const SourceFile& file_;
  LineWriter writer_;
  // For each line ending with an allow comment: where the code before it ends.
  std::vector<Position> pin_ends_;  // sorted
};

}  // namespace segc::format_detail
