#include "fuzz/fuzz_support.h"

#include <fmt/format.h>

#include <filesystem>

#include "evaluate/customer_view.h"
#include "evaluate/explain.h"
#include "fuzz/fuzz_target.h"
#include "semantic/lints.h"
#include "semantic/module_loader.h"
#include "semantic/type_checker.h"

namespace segc::fuzz {

std::unique_ptr<CheckedText> check_rule_text(const std::string& text, const std::string& name) {
  auto checked = std::make_unique<CheckedText>();
  const SourceFile& file =
      checked->sources.add(name, SEGC_SOURCE_DIR "/tests/golden/check/" + name, text);
  auto parsed = load_program({&file}, checked->sources, checked->diagnostics, loader_options());
  if (!parsed) fuzz_failure("load_program failed", llvm::toString(parsed.takeError()));
  checked->program = check_program(std::move(*parsed), checked->sources, checked->diagnostics);
  run_lints(*checked->program, checked->sources, checked->diagnostics);
  apply_allow_comments(*checked->program, checked->diagnostics);
  checked->diagnostics.sort_and_deduplicate();
  return checked;
}

LoaderOptions loader_options() {
  return LoaderOptions{SEGC_SOURCE_DIR "/stdlib", std::filesystem::canonical(SEGC_SOURCE_DIR "/tests/golden/check")};
}

codegen::JitEngine& jit_engine() {
  static std::unique_ptr<codegen::JitEngine> engine = [] {
    auto created = codegen::JitEngine::create();
    if (!created) fuzz_failure("cannot create the JIT", llvm::toString(created.takeError()));
    return std::move(*created);
  }();
  return *engine;
}

evaluate::SegmentMembership require_engines_agree(const CheckedProgram& program, const runtime::Table& table,
                                                  const evaluate::EvaluationContext& context, unsigned max_threads,
                                                  const std::string& what) {
  std::vector<size_t> all(program.segments.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  const evaluate::SegmentMembership expected = evaluate::interpret_segments(program, table, all, context);
  auto compiled = jit_engine().compile(program, table, all, context);
  if (!compiled) fuzz_failure("JIT compile failed", llvm::toString(compiled.takeError()) + "\n" + what);
  for (unsigned threads = 1; threads <= max_threads; ++threads) {
    const evaluate::SegmentMembership actual = (*compiled)->evaluate(table, threads);
    for (size_t segment = 0; segment < all.size(); ++segment) {
      if (expected.members[segment] == actual.members[segment]) continue;
      std::string text = fmt::format("segment {} on {} threads\n", program.segments[segment].name, threads);
      for (size_t row = 0; row < table.row_count; ++row) {
        if (expected.members[segment].test(row) == actual.members[segment].test(row)) continue;
        const evaluate::TableRowView view(program, table, expected, row);
        text += fmt::format("row {}: interpreter {}, JIT {}\n", row, expected.members[segment].test(row),
                            actual.members[segment].test(row));
        for (size_t field = 0; field < program.schema.fields.size(); ++field) {
          text += fmt::format("  {} = {}\n", program.schema.fields[field].name,
                              evaluate::show_value(view.field(field)));
        }
        break;
      }
      fuzz_failure("the JIT and the interpreter disagree", text + what);
    }
  }
  return expected;
}

void require_explanations_agree(const CheckedProgram& program, const SourceManager& sources,
                                const runtime::Table& table, const evaluate::EvaluationContext& context,
                                const evaluate::SegmentMembership& expected, const std::string& what) {
  if (table.row_count == 0) return;
  for (size_t row : {size_t{0}, table.row_count / 2, table.row_count - 1}) {
    const evaluate::CustomerView customer(program, table, row, context);
    for (size_t segment = program.segments.size(); segment-- > 0;) {  // references evaluated on demand
      const bool member = expected.members[segment].test(row);
      const evaluate::ExplainNode tree = evaluate::explain_tree(program, sources, segment, customer, context);
      if (customer.member(segment) != member || tree.value != (member ? "true" : "false")) {
        fuzz_failure("segc explain disagrees with the interpreter",
                     fmt::format("segment {}, row {}: table {}, alone {}, explained {}\n{}{}",
                                 program.segments[segment].name, row, member, customer.member(segment), tree.value,
                                 evaluate::render_explanation(tree), what));
      }
    }
  }
}

}  // namespace segc::fuzz
