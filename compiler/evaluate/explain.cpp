#include "evaluate/explain.h"

#include <fmt/format.h>

#include "syntax/ast_children.h"

namespace segc::evaluate {
namespace {

// The byte offset of code-point column `column` (1-based) in `line`.
size_t byte_offset(std::string_view line, uint32_t column) {
  size_t offset = 0;
  for (uint32_t seen = 1; seen < column && offset < line.size(); ++seen) {
    ++offset;
    while (offset < line.size() && (static_cast<unsigned char>(line[offset]) & 0xC0) == 0x80) {
      ++offset;
    }
  }
  return offset;
}

// A multi-line expression's text without the comments between its lines.
std::string_view without_comment(std::string_view text) {
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (in_string && text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      in_string = !in_string;
    } else if (!in_string && text[i] == '#') {
      return text.substr(0, i);
    }
  }
  return text;
}

bool is_constant(const ast::Expr& expr) {
  return std::holds_alternative<ast::IntLiteral>(expr.node) ||
         std::holds_alternative<ast::DecimalLiteral>(expr.node) ||
         std::holds_alternative<ast::StringLiteral>(expr.node) ||
         std::holds_alternative<ast::BoolLiteral>(expr.node) ||
         std::holds_alternative<ast::DateLiteral>(expr.node) ||
         std::holds_alternative<ast::DurationLiteral>(expr.node) ||
         std::holds_alternative<ast::ListLiteral>(expr.node);
}

class Explainer {
 public:
  Explainer(const CheckedProgram& program, const SourceManager& sources, const RowView& row,
            const EvaluationContext& context, const ExplainLimits& limits)
      : program_(program), sources_(sources), row_(row), context_(context), limits_(limits) {}

  // Adds the node of segment `index` to `siblings`.
  void segment(size_t index, std::vector<ExplainNode>& siblings, int depth) {
    const bool member = row_.member(index);
    ExplainNode* node = add(siblings, {ExplainNode::Kind::Segment, program_.segments[index].name,
                                       member ? "true" : "false", {}});
    if (node == nullptr) return;
    if (depth >= limits_.max_segment_depth) {
      ExplainNode more = cut();
      if (limits_.name_depth_flag) more.text = fmt::format("... (--depth {} explains it)", depth + 1);
      add(node->children, std::move(more));
      return;
    }
    expression(*program_.segments[index].declaration->where, node->children, depth);
  }

 private:
  static ExplainNode cut() { return {ExplainNode::Kind::Cut, "...", {}, {}}; }

  void expression(const ast::Expr& written, std::vector<ExplainNode>& siblings, int depth) {
    const ast::Expr& expr = ast::skip_parens(written);
    if (is_constant(expr)) return;
    if (expr.as<ast::NameRef>() != nullptr) {
      auto meaning = program_.names.find(&expr);
      if (meaning != program_.names.end() &&
          meaning->second.kind == NameMeaning::Kind::Segment) {
        segment(meaning->second.index, siblings, depth + 1);
        return;
      }
    }
    const Value value = evaluate_expression(program_, expr, row_, context_);
    // A condition without a value is "unknown" (LANGUAGE.md section 5), a field "missing".
    const bool unknown = is_missing(value) && program_.type_of(expr).is(TypeKind::Bool) &&
                         expr.as<ast::NameRef>() == nullptr;
    ExplainNode* node = add(siblings, {ExplainNode::Kind::Expression, source_text(sources_, expr.range),
                                       unknown ? std::string("unknown") : show_value(value), {}});
    if (node == nullptr) return;
    ast::for_each_child(expr, [&](const ast::Expr& child) { expression(child, node->children, depth); });
  }

  // The node added, to add children to; null when the explanation is at its
  // line limit (the last line it allows becomes "...").
  ExplainNode* add(std::vector<ExplainNode>& siblings, ExplainNode node) {
    if (lines_ >= limits_.max_lines) return nullptr;
    ++lines_;
    if (lines_ == limits_.max_lines) {
      siblings.push_back(cut());
      return nullptr;
    }
    siblings.push_back(std::move(node));
    return &siblings.back();
  }

  const CheckedProgram& program_;
  const SourceManager& sources_;
  const RowView& row_;
  const EvaluationContext& context_;
  const ExplainLimits& limits_;
  size_t lines_ = 0;
};

void render(const ExplainNode& node, int indent, std::string& out) {
  out.append(static_cast<size_t>(indent), ' ');
  switch (node.kind) {
    case ExplainNode::Kind::Segment:
      out += fmt::format("{} → {}", node.text, node.value == "true" ? "member" : "not a member");
      break;
    case ExplainNode::Kind::Expression: out += fmt::format("{} → {}", node.text, node.value); break;
    case ExplainNode::Kind::Cut: out += node.text; break;
  }
  out.push_back('\n');
  for (const ExplainNode& child : node.children) render(child, indent + 2, out);
}

}  // namespace

std::string source_text(const SourceManager& sources, const SourceRange& range) {
  if (!range.valid()) return "?";
  const SourceFile& file = sources.file(range.file);
  std::string text;
  for (uint32_t line = range.begin.line; line <= range.end.line && line <= file.line_count();
       ++line) {
    std::string_view content = file.line_text(line);
    const size_t from = line == range.begin.line ? byte_offset(content, range.begin.column) : 0;
    const size_t to =
        line == range.end.line ? byte_offset(content, range.end.column) : content.size();
    if (!text.empty()) text.push_back(' ');
    if (from < to) text.append(without_comment(content.substr(from, to - from)));
  }
  // Collapse indentation of continuation lines and drop comments' effect on layout.
  std::string collapsed;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t';
    if (space && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed.push_back(space ? ' ' : c);
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return collapsed;
}

ExplainNode explain_tree(const CheckedProgram& program, const SourceManager& sources, size_t segment,
                         const RowView& row, const EvaluationContext& context, const ExplainLimits& limits) {
  Explainer explainer(program, sources, row, context, limits);
  std::vector<ExplainNode> root;
  explainer.segment(segment, root, 0);
  if (root.empty()) return {ExplainNode::Kind::Cut, "...", {}, {}};  // a limit of 0 lines
  return std::move(root.front());
}

std::string render_explanation(const ExplainNode& tree, int indent) {
  std::string out;
  render(tree, indent, out);
  return out;
}

std::string explain_segment(const CheckedProgram& program, const SourceManager& sources,
                            size_t segment, const RowView& row, const EvaluationContext& context,
                            int indent, const ExplainLimits& limits) {
  return render_explanation(explain_tree(program, sources, segment, row, context, limits), indent);
}

}  // namespace segc::evaluate
