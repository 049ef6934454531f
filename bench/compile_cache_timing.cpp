#include "compile_cache_timing.h"

#include <fmt/format.h>
#include <stdlib.h>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

#include "codegen/compile_cache.h"
#include "codegen/jit_engine.h"
#include "timing.h"

namespace segc::bench {
namespace {

// A new empty folder under `root` (mkdtemp: never one an earlier rep used).
std::filesystem::path fresh_folder(const std::filesystem::path& root) {
  std::filesystem::create_directories(root);
  std::string pattern = (root / "segc-bench-cache-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("cannot create a cache folder under " + root.string());
  }
  return pattern;
}

struct CachedCompile {
  std::unique_ptr<codegen::JitEngine> jit;  // owns the code: outlives `compiled`
  std::unique_ptr<codegen::CompiledRuleSet> compiled;
  codegen::CompileCache::Counts counts;
};

// The rule set before its engine (assigning a CachedCompile would not).
void release(CachedCompile& compile) {
  compile.compiled.reset();
  compile.jit.reset();
}

// What `segc run` does before evaluating: an engine with a cache in
// `folder`, then one compile.
CachedCompile compile_with_cache(const CheckedProgram& program, const runtime::Table& table,
                                 const std::vector<size_t>& segments, int32_t today,
                                 const std::filesystem::path& folder) {
  std::vector<std::string> warnings;
  auto cache = std::make_unique<codegen::CompileCache>(
      folder, codegen::CompileCache::default_size_limit(warnings));
  auto jit = codegen::JitEngine::create(std::move(cache));
  if (!jit) throw std::runtime_error(llvm::toString(jit.takeError()));
  CachedCompile result{std::move(*jit), nullptr, {}};
  auto compiled =
      result.jit->compile(program, table, segments, evaluate::EvaluationContext{today});
  if (!compiled) throw std::runtime_error(llvm::toString(compiled.takeError()));
  result.compiled = std::move(*compiled);
  result.counts = result.jit->cache()->counts();
  for (const std::string& warning : result.jit->cache()->take_warnings()) {
    fmt::print(stderr, "compile cache: {}\n", warning);
  }
  return result;
}

}  // namespace

CacheTimes time_cached_compiles(const CheckedProgram& program, const runtime::Table& table,
                                const std::vector<size_t>& segments, int32_t today,
                                unsigned reps, const std::filesystem::path& root,
                                const evaluate::SegmentMembership& expected) {
  CacheTimes result;
  std::vector<double> cold, warm;
  for (unsigned i = 0; i < std::max(reps, 1u); ++i) {
    const std::filesystem::path folder = fresh_folder(root);
    CachedCompile compile;
    cold.push_back(time_once([&] { compile = compile_with_cache(program, table, segments, today, folder); }));
    if (compile.counts.hits != 0 || compile.counts.stores == 0) {
      fmt::print(stderr, "CACHE cold compile: {} hits, {} stores (expected 0 hits, some stores)\n",
                 compile.counts.hits, compile.counts.stores);
      result.valid = false;
    }
    result.entries = compile.counts.stores;
    release(compile);
    std::filesystem::remove_all(folder);
  }

  const std::filesystem::path folder = fresh_folder(root);
  compile_with_cache(program, table, segments, today, folder);  // fills the folder
  CachedCompile compile;
  for (unsigned i = 0; i < std::max(reps, 1u); ++i) {
    release(compile);  // before timing the next, as a new process would not have it
    warm.push_back(time_once([&] { compile = compile_with_cache(program, table, segments, today, folder); }));
    if (compile.counts.misses != 0 || compile.counts.hits == 0) {
      fmt::print(stderr, "CACHE warm compile: {} hits, {} misses (expected no misses)\n",
                 compile.counts.hits, compile.counts.misses);
      result.valid = false;
    }
  }
  const evaluate::SegmentMembership members = compile.compiled->evaluate(table, 1);
  for (size_t segment : segments) {
    if (!(members.members[segment] == expected.members[segment])) {
      fmt::print(stderr, "MISMATCH {}: code from the compile cache differs from fresh code\n",
                 program.segments[segment].name);
      result.valid = false;
    }
  }
  release(compile);
  std::filesystem::remove_all(folder);
  result.cold_ms = median(std::move(cold));
  result.warm_ms = median(std::move(warm));
  return result;
}

}  // namespace segc::bench
