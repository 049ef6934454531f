// Rule text through everything `segc check` and `segc fmt` do with it: load
// (imports resolve beside tests/golden/check, so `import "common/schema.seg"`
// finds a schema), parse, check, lint, render the diagnostics in every
// format; and, for a file that parses, formatting must keep the AST and the
// comments and be idempotent.
#include <algorithm>
#include <string>
#include <vector>

#include "diagnostics/render.h"
#include "format/formatter.h"
#include "fuzz/fuzz_support.h"
#include "fuzz/fuzz_target.h"
#include "semantic/lints.h"
#include "semantic/module_loader.h"
#include "semantic/type_checker.h"
#include "support/ast_dump.h"
#include "syntax/parser.h"

namespace {

using segc::fuzz::fuzz_failure;

const std::string kFolder = SEGC_SOURCE_DIR "/tests/golden/check/";

void check_and_render(const std::string& text) {
  segc::SourceManager sources;
  segc::DiagnosticList diagnostics;
  const segc::SourceFile& file = sources.add("fuzz.seg", kFolder + "fuzz.seg", text);
  auto parsed = segc::load_program({&file}, sources, diagnostics, segc::fuzz::loader_options());
  if (!parsed) fuzz_failure("load_program failed", llvm::toString(parsed.takeError()));
  const segc::CheckedProgram program = segc::check_program(std::move(*parsed), sources, diagnostics);
  segc::run_lints(program, sources, diagnostics);
  segc::apply_allow_comments(program, diagnostics);
  diagnostics.sort_and_deduplicate();
  diagnostics.apply_limit(segc::kDefaultErrorLimit);  // as every command does
  segc::RenderOptions options;
  options.checked_files = {file.id()};
  for (auto format : {segc::DiagnosticFormat::Text, segc::DiagnosticFormat::Json, segc::DiagnosticFormat::Sarif,
                      segc::DiagnosticFormat::Github, segc::DiagnosticFormat::Junit}) {
    (void)segc::render_diagnostics(format, diagnostics.items(), sources, options);
  }
}

// The AST with segment properties in the order `segc fmt` prints them, and
// the comments' texts: formatting may move a comment (to the property it
// stayed with, or to its own line), never drop or change one, except for
// the trailing blanks it removes from every line (docs/formatting.md).
std::string shape_of(const segc::ast::Module& module) {
  segc::testing::AstDumpOptions options;
  options.canonical_property_order = true;
  std::vector<std::string> comments;
  for (const auto& comment : module.comments) {
    const size_t end = comment.text.find_last_not_of(" \t");
    comments.push_back(comment.text.substr(0, end == std::string::npos ? 0 : end + 1));
  }
  std::sort(comments.begin(), comments.end());
  std::string out = segc::testing::dump_module(module, options);
  for (const std::string& comment : comments) out += comment + "\n";
  return out;
}

void check_formatting(const std::string& text) {
  segc::SourceManager sources;
  const segc::SourceFile& file = sources.add("fuzz.seg", kFolder + "fuzz.seg", text);
  auto parsed = segc::parse_module(file);
  if (!parsed) fuzz_failure("parse_module failed", llvm::toString(parsed.takeError()));
  if (parsed->has_syntax_errors || !parsed->diagnostics.empty()) return;  // segc fmt refuses these
  const std::string formatted = segc::format_module(parsed->module, file);
  const segc::SourceFile& again = sources.add("formatted.seg", kFolder + "formatted.seg", formatted);
  auto reparsed = segc::parse_module(again);
  if (!reparsed) fuzz_failure("parse_module failed", llvm::toString(reparsed.takeError()));
  if (reparsed->has_syntax_errors || !reparsed->diagnostics.empty()) {
    fuzz_failure("the formatted file does not parse", formatted);
  }
  const std::string before = shape_of(parsed->module);
  const std::string after = shape_of(reparsed->module);
  if (before != after) fuzz_failure("formatting changed the AST or the comments", before + "\n---\n" + after);
  const std::string twice = segc::format_module(reparsed->module, again);
  if (twice != formatted) fuzz_failure("formatting is not idempotent", formatted + "\n---\n" + twice);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return 0;  // the linear-time limits have their own tests
  const std::string text(segc::fuzz::as_text(data, size));
  check_and_render(text);
  check_formatting(text);
  return 0;
}
