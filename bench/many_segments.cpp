#include "many_segments.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "check_rules.h"
#include "codegen/jit_engine.h"
#include "compile_cache_timing.h"
#include "evaluate/reference_interpreter.h"
#include "read_columns.h"
#include "referenced_fields.h"
#include "timing.h"

namespace segc::bench {
namespace {

std::unique_ptr<codegen::CompiledRuleSet> compile(codegen::JitEngine& jit,
                                                  const CheckedProgram& program,
                                                  const runtime::Table& table,
                                                  const std::vector<size_t>& segments,
                                                  int32_t today) {
  auto compiled = jit.compile(program, table, segments, evaluate::EvaluationContext{today});
  if (!compiled) throw std::runtime_error(llvm::toString(compiled.takeError()));
  return std::move(*compiled);
}

template <typename Work>
double median_ms(unsigned reps, Work&& work) {
  std::vector<double> times;
  for (unsigned i = 0; i < std::max(reps, 1u); ++i) times.push_back(time_once(work));
  return median(std::move(times));
}

}  // namespace

ManyResult bench_many(const ManySettings& settings, const runtime::Table& table,
                      const runtime::Table& prefix) {
  std::unique_ptr<CheckOutcome> outcome = check_rules(settings.rules);
  const CheckedProgram& program = *outcome->program;
  ManyResult result;
  std::vector<size_t> segments;
  for (size_t i = 0; i < program.segments.size(); ++i) segments.push_back(i);
  result.segments = segments.size();
  const std::vector<size_t> fields = referenced_fields(program);
  result.fields = fields.size();
  result.column_bytes = column_bytes(table, fields);

  auto jit = codegen::JitEngine::create();
  if (!jit) throw std::runtime_error(llvm::toString(jit.takeError()));
  std::unique_ptr<codegen::CompiledRuleSet> compiled;
  result.compile_ms = median_ms(3, [&] {
    compiled.reset();
    compiled = compile(**jit, program, table, segments, settings.today);
  });

  evaluate::SegmentMembership members;
  result.jit_ms = median_ms(settings.reps, [&] { members = compiled->evaluate(table, 1); });
  result.jit_threads_ms =
      median_ms(settings.reps, [&] { members = compiled->evaluate(table, settings.threads); });
  result.jit_reused_ms = median_ms(settings.reps, [&] { compiled->evaluate_into(table, 1, members); });
  uint64_t sink = 0;
  result.read_once_ms =
      median_ms(settings.reps, [&] { sink ^= read_columns_once(table, fields); });
  if (sink == 0x5e9c) std::fputs("", stderr);  // keeps the reads
  result.cache = time_cached_compiles(program, table, segments, settings.today, settings.reps,
                                      settings.cache_root, members);
  result.agree = result.cache.valid;
  for (size_t segment : segments) {
    result.names.push_back(program.segments[segment].name);
    result.members.push_back(members.members[segment].count());
  }

  // The same rules compiled for the first rows, against the interpreter.
  auto on_prefix = compile(**jit, program, prefix, segments, settings.today);
  const auto jitted = on_prefix->evaluate(prefix, 1);
  const auto interpreted = evaluate::interpret_segments(program, prefix, segments,
                                                        evaluate::EvaluationContext{settings.today});
  for (size_t segment : segments) {
    if (!(jitted.members[segment] == interpreted.members[segment])) {
      fmt::print(stderr, "MISMATCH {}: the JIT and the interpreter differ on the first {} rows\n",
                 program.segments[segment].name, prefix.row_count);
      result.agree = false;
    }
  }
  return result;
}

}  // namespace segc::bench
