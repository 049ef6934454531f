// What several fuzz targets share: checking rule text in memory, one JIT
// engine per process (its caches are kept across inputs), and comparing the
// JIT's members with the reference interpreter's.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "codegen/jit_engine.h"
#include "diagnostics/diagnostic.h"
#include "evaluate/reference_interpreter.h"
#include "semantic/checked_program.h"
#include "semantic/module_loader.h"
#include "source/source_file.h"

namespace segc::fuzz {

struct CheckedText {
  SourceManager sources;
  DiagnosticList diagnostics;  // sorted
  std::optional<CheckedProgram> program;
};

// `text` as the file `name` in tests/golden/check (so that
// `import "common/schema.seg"` resolves), checked and linted.
std::unique_ptr<CheckedText> check_rule_text(const std::string& text, const std::string& name = "fuzz.seg");

// Imports resolve inside tests/golden/check (the rules' root) and the stdlib.
LoaderOptions loader_options();

codegen::JitEngine& jit_engine();

// Interprets and JIT-compiles every segment of `program` over `table` and
// calls fuzz_failure, naming the first differing segment and row, unless
// both agree on every thread count from 1 to `max_threads`. Returns the
// interpreter's membership.
evaluate::SegmentMembership require_engines_agree(const CheckedProgram& program, const runtime::Table& table,
                                                  const evaluate::EvaluationContext& context, unsigned max_threads,
                                                  const std::string& what);

// `segc explain` on a few customers of `table` (first, middle, last): one
// customer evaluated alone must be a member of exactly the segments
// `expected` (the interpreter over the table) says, and each explanation's
// root must say the same; fuzz_failure otherwise.
void require_explanations_agree(const CheckedProgram& program, const SourceManager& sources,
                                const runtime::Table& table, const evaluate::EvaluationContext& context,
                                const evaluate::SegmentMembership& expected, const std::string& what);

}  // namespace segc::fuzz
