// Runs the warnings of LANGUAGE.md section 6 and holds the helpers the
// individual lints share: exact numbers, literal values, source snippets.
#include "semantic/lints.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "syntax/literal_decoding.h"

namespace segc {
namespace {

// The errors already reported, per file, sorted by start, so that a warning can
// ask in O(log n) whether it overlaps one. A warning on an expression that has
// an error is at best noise and at worst wrong (a mistyped enum value or an
// out-of-range literal leaves a placeholder value behind), so it is dropped.
class ErrorIndex {
 public:
  explicit ErrorIndex(const DiagnosticList& diagnostics) {
    for (const Diagnostic& diagnostic : diagnostics.items()) {
      if (diagnostic.severity != Severity::Error || !diagnostic.range.valid()) continue;
      SourceRange range = diagnostic.range;
      // An empty range still marks the spot it points at.
      if (range.end <= range.begin) range.end = Position{range.begin.line, range.begin.column + 1};
      files_[range.file].push_back(range);
    }
    for (auto& [file, ranges] : files_) {
      std::sort(ranges.begin(), ranges.end(),
                [](const SourceRange& a, const SourceRange& b) { return a.begin < b.begin; });
      Position furthest;
      std::vector<Position> ends;
      for (const SourceRange& range : ranges) {
        furthest = std::max(furthest, range.end);
        ends.push_back(furthest);
      }
      furthest_end_[file] = std::move(ends);
    }
  }

  bool overlaps(const SourceRange& range) const {
    auto found = files_.find(range.file);
    if (found == files_.end()) return false;
    const auto& ranges = found->second;
    // Errors that start before the range ends; one of them overlaps exactly when
    // the furthest end among them lies after the range's start.
    auto past =
        std::lower_bound(ranges.begin(), ranges.end(), range.end,
                         [](const SourceRange& r, const Position& p) { return r.begin < p; });
    if (past == ranges.begin()) return false;
    const size_t last = static_cast<size_t>(past - ranges.begin()) - 1;
    return furthest_end_.at(range.file)[last] > range.begin;
  }

  bool overlaps(const Diagnostic& warning) const {
    if (overlaps(warning.range)) return true;
    return std::any_of(warning.related.begin(), warning.related.end(),
                       [&](const RelatedLocation& related) { return overlaps(related.range); });
  }

 private:
  std::map<FileId, std::vector<SourceRange>> files_;
  std::map<FileId, std::vector<Position>> furthest_end_;
};

__int128 power_of_ten(int exponent) {
  __int128 result = 1;
  for (int i = 0; i < exponent; ++i) result *= 10;
  return result;
}

// Floor or ceiling of a / b for b > 0 (C++ division truncates toward zero).
__int128 divide(__int128 a, __int128 b, bool round_up) {
  __int128 quotient = a / b;
  const __int128 remainder = a % b;
  if (remainder != 0) {
    if (round_up && remainder > 0) ++quotient;
    if (!round_up && remainder < 0) --quotient;
  }
  return quotient;
}

}  // namespace

void run_lints(const CheckedProgram& program, const SourceManager& sources,
               DiagnosticList& diagnostics) {
  // Without a schema nothing was typed; the missing schema is the error to fix.
  if (program.schema.declaration == nullptr) return;
  DiagnosticList warnings;
  lint::check_missing_values(program, sources, warnings);
  lint::check_constant_comparisons(program, sources, warnings);
  lint::check_empty_ranges(program, sources, warnings);
  lint::check_contradictions(program, sources, warnings);
  lint::check_unused_imports(program, sources, diagnostics, warnings);

  const ErrorIndex errors(diagnostics);
  for (Diagnostic& warning : warnings.items()) {
    if (!errors.overlaps(warning)) diagnostics.add(std::move(warning));
  }
}

namespace lint {

const Type* usable_type(const CheckedProgram& program, const ast::Expr& expr) {
  auto found = program.types.find(&expr);
  if (found == program.types.end() || found->second.is_error()) return nullptr;
  return &found->second;
}

std::optional<size_t> field_index(const CheckedProgram& program, const ast::Expr& expr) {
  const ast::Expr& inner = ast::skip_parens(expr);
  if (inner.as<ast::NameRef>() == nullptr) return std::nullopt;
  auto meaning = program.names.find(&inner);
  if (meaning == program.names.end() || meaning->second.kind != NameMeaning::Kind::Field) {
    return std::nullopt;
  }
  if (meaning->second.index >= program.schema.fields.size()) return std::nullopt;
  return meaning->second.index;
}

std::optional<ExactNumber> number_constant(const ast::Expr& expr) {
  const ast::Expr& inner = ast::skip_parens(expr);
  if (const auto* negate = inner.as<ast::NegateExpr>()) {
    auto value = number_constant(*negate->operand);
    if (value) value->unscaled = -value->unscaled;
    return value;
  }
  LiteralError error;
  if (const auto* integer = inner.as<ast::IntLiteral>()) {
    std::string_view text = integer->text;
    const bool negative = text.starts_with('-');
    if (negative) text.remove_prefix(1);
    // A literal reported as out of range holds 0 as a placeholder.
    if (!decode_int(text, negative, error)) return std::nullopt;
    return ExactNumber{integer->value, 0};
  }
  if (const auto* decimal = inner.as<ast::DecimalLiteral>()) {
    std::string_view text = decimal->text;
    const bool negative = text.starts_with('-');
    if (negative) text.remove_prefix(1);
    if (!decode_decimal(text, negative, error)) return std::nullopt;
    return ExactNumber{decimal->unscaled, decimal->scale};
  }
  return std::nullopt;
}

__int128 rescale(const ExactNumber& value, int scale, bool round_up) {
  if (scale >= value.scale) return value.unscaled * power_of_ten(scale - value.scale);
  return divide(value.unscaled, power_of_ten(value.scale - scale), round_up);
}

std::strong_ordering compare_numbers(const ExactNumber& a, const ExactNumber& b) {
  const int scale = std::max(a.scale, b.scale);
  return rescale(a, scale, false) <=> rescale(b, scale, false);
}

int significant_scale(const ExactNumber& value) {
  __int128 unscaled = value.unscaled;
  int scale = value.scale;
  while (scale > 0 && unscaled % 10 == 0) {
    unscaled /= 10;
    --scale;
  }
  return scale;
}

namespace {

bool same_tree(const CheckedProgram& program, const ast::Expr& a, const ast::Expr& b,
               bool& reads_field) {
  if (a.node.index() != b.node.index()) return false;
  if (const auto* name = a.as<ast::NameRef>()) {
    if (name->name != b.as<ast::NameRef>()->name) return false;
    reads_field |= field_index(program, a).has_value();
    return true;
  }
  if (const auto* x = a.as<ast::IntLiteral>()) return x->value == b.as<ast::IntLiteral>()->value;
  if (const auto* x = a.as<ast::StringLiteral>()) {
    return x->value == b.as<ast::StringLiteral>()->value;
  }
  if (const auto* x = a.as<ast::DecimalLiteral>()) {
    const auto* y = b.as<ast::DecimalLiteral>();
    return x->unscaled == y->unscaled && x->scale == y->scale;
  }
  if (const auto* x = a.as<ast::CallExpr>()) {
    const auto* y = b.as<ast::CallExpr>();
    if (x->function.name != y->function.name || x->arguments.size() != y->arguments.size()) {
      return false;
    }
    for (size_t i = 0; i < x->arguments.size(); ++i) {
      if (!same_tree(program, ast::skip_parens(*x->arguments[i]),
                     ast::skip_parens(*y->arguments[i]), reads_field)) {
        return false;
      }
    }
    return true;
  }
  // Other forms (arithmetic, dates, today) are rare on both sides of one
  // comparison; they count as different rather than risk a wrong warning.
  return false;
}

}  // namespace

bool same_field_expression(const CheckedProgram& program, const ast::Expr& a, const ast::Expr& b) {
  bool reads_field = false;
  return same_tree(program, ast::skip_parens(a), ast::skip_parens(b), reads_field) && reads_field;
}

std::string source_snippet(const SourceManager& sources, const SourceRange& range) {
  constexpr uint32_t kMaxCodePoints = 60;
  if (!range.valid() || range.begin.line != range.end.line || range.file >= sources.size()) {
    return {};
  }
  const std::string_view line = sources.file(range.file).line_text(range.begin.line);
  // Columns count code points from 1; find the byte offsets of both ends.
  size_t begin = std::string_view::npos;
  size_t end = line.size();
  uint32_t column = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    const bool starts_code_point =
        i == line.size() || (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
    if (!starts_code_point) continue;
    ++column;
    if (column == range.begin.column) begin = i;
    if (column == range.end.column) {
      end = i;
      break;
    }
  }
  if (begin == std::string_view::npos || end <= begin) return {};
  const std::string_view text = line.substr(begin, end - begin);
  if (count_code_points(text) <= kMaxCodePoints) return std::string(text);
  // Shorten on a code point boundary.
  size_t cut = 0;
  uint32_t kept = 0;
  while (cut < text.size()) {
    if ((static_cast<unsigned char>(text[cut]) & 0xC0) != 0x80 && ++kept > kMaxCodePoints) break;
    ++cut;
  }
  return std::string(text.substr(0, cut)) + "...";
}

std::string describe_subject(const CheckedProgram& program, const SourceManager& sources,
                             const ast::Expr& expr, const std::string& fallback) {
  if (auto field = field_index(program, expr)) {
    return fmt::format("'{}'", program.schema.fields[*field].name);
  }
  std::string snippet = source_snippet(sources, ast::skip_parens(expr).range);
  if (!snippet.empty()) return fmt::format("`{}`", snippet);
  return fallback;
}

}  // namespace lint
}  // namespace segc
