// The many-segments case of the bench (README.md): every segment of a
// generated rule file (many_segments.mjs) compiled into one rule set and
// evaluated in one fused pass, against the time to read each referenced
// column once; the interpreter checks the JIT on the first rows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "compile_cache_timing.h"
#include "runtime/table.h"

namespace segc::bench {

struct ManySettings {
  std::string rules;  // the generated .seg file
  int32_t today = 0;
  unsigned reps = 5;
  unsigned threads = 2;  // the multi-threaded row besides 1 thread
  std::filesystem::path cache_root;  // where the compile-cache folders are made
};

struct ManyResult {
  size_t segments = 0;
  size_t fields = 0;          // columns the rules read
  size_t column_bytes = 0;    // bytes of those columns
  double compile_ms = 0;      // JitEngine::compile of all segments (median)
  double jit_ms = 0;          // evaluate, 1 thread (median)
  double jit_threads_ms = 0;  // evaluate, `threads` threads (median)
  double jit_reused_ms = 0;   // evaluate_into the previous result's bitmaps, 1 thread (median)
  double read_once_ms = 0;    // read_columns_once (median)
  CacheTimes cache;           // compiles with the persistent cache, cold and warm
  std::vector<std::string> names;
  std::vector<size_t> members;  // per segment, as `names`
  bool agree = true;  // cached code as fresh, JIT == interpreter on the prefix
};

// Throws std::runtime_error when the rules do not compile.
ManyResult bench_many(const ManySettings& settings, const runtime::Table& table,
                      const runtime::Table& prefix);

}  // namespace segc::bench
