// `# segc: allow CODE` comments (LANGUAGE.md section 6, "Warnings").
//
// A warning is sometimes right about the rule and wrong about the intent:
// `channel != "sms"` may be meant to leave out customers without a channel.
// The comment records that decision next to the rule, where a reviewer sees it,
// instead of turning the warning off for the whole rule set.
//
// Placement:
// - after code, the comment silences warnings that start on its own line:
//     segment not_sms = channel != "sms"   # segc: allow W0601
// - on a line of its own, it silences warnings that start on the line directly
//   below it (a long condition leaves no room at the end of its line).
//   Several such comments on consecutive lines all apply to the first line of
//   code below them.
// Syntax: `segc: allow` followed by one or more codes separated by commas or
// spaces; anything after the codes (a reason, say) is ignored:
//     # segc: allow W0601, W0604 -- the campaign wants these left out
// Only warnings are silenced, never errors, so `--werror` (which runs after)
// still fails on every warning that was not allowed explicitly.
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "semantic/lints.h"

namespace segc {
namespace {

std::string_view trim_start(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  return text;
}

bool consume(std::string_view& text, std::string_view word) {
  if (!text.starts_with(word)) return false;
  text.remove_prefix(word.size());
  return true;
}

// A diagnostic code: a letter and four digits ("W0601").
bool is_code(std::string_view token) {
  if (token.size() != 5 || !std::isalpha(static_cast<unsigned char>(token[0]))) return false;
  for (char c : token.substr(1)) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// The codes a comment allows; empty when it is not an allow comment.
std::vector<std::string> allowed_codes(std::string_view comment) {
  std::vector<std::string> codes;
  consume(comment, "#");
  comment = trim_start(comment);
  if (!consume(comment, "segc:")) return codes;
  comment = trim_start(comment);
  if (!consume(comment, "allow")) return codes;
  if (!comment.empty() && comment.front() != ' ' && comment.front() != '\t') return codes;
  while (true) {
    comment = trim_start(comment);
    size_t length = 0;
    while (length < comment.size() && comment[length] != ',' && comment[length] != ' ' &&
           comment[length] != '\t') {
      ++length;
    }
    const std::string_view token = comment.substr(0, length);
    if (!is_code(token)) break;
    std::string code(token);
    code[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(code[0])));
    codes.push_back(std::move(code));
    comment.remove_prefix(length);
    comment = trim_start(comment);
    consume(comment, ",");  // optional: codes may be separated by spaces only
  }
  return codes;
}

}  // namespace

void apply_allow_comments(const CheckedProgram& program, DiagnosticList& diagnostics) {
  // (file, line) -> the codes allowed there.
  std::map<std::pair<FileId, uint32_t>, std::set<std::string, std::less<>>> allowed;
  for (const ast::Module& module : program.parsed.modules) {
    const auto& comments = module.comments;
    // Walk backwards so that an own-line comment knows the target of an
    // own-line comment directly below it.
    std::map<uint32_t, uint32_t> own_line_target;  // comment line -> line it applies to
    for (size_t i = comments.size(); i-- > 0;) {
      const ast::Comment& comment = comments[i];
      const uint32_t line = comment.range.begin.line;
      uint32_t target = line;
      if (comment.own_line) {
        auto below = own_line_target.find(line + 1);
        target = below != own_line_target.end() ? below->second : line + 1;
        own_line_target[line] = target;
      }
      for (std::string& code : allowed_codes(comment.text)) {
        allowed[{module.file, target}].insert(std::move(code));
      }
    }
  }
  if (allowed.empty()) return;
  std::erase_if(diagnostics.items(), [&](const Diagnostic& diagnostic) {
    if (diagnostic.severity != Severity::Warning) return false;
    auto found = allowed.find({diagnostic.range.file, diagnostic.range.begin.line});
    return found != allowed.end() && found->second.contains(diagnostic.code);
  });
}

}  // namespace segc
