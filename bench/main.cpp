// segc_bench: times the reference segments (reference_segments.seg) over one
// CSV file with segc's JIT, the reference interpreter and hand-written loops
// over the same columns, checks that all agree, prints a table of medians and
// writes it as TSV for duckdb_counts.mjs, which adds DuckDB (see README.md).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "codegen/jit_engine.h"
#include "check_rules.h"
#include "evaluate/reference_interpreter.h"
#include "evaluate/table_schema.h"
#include "hand_loops.h"
#include "many_segments.h"
#include "runtime/calendar.h"
#include "runtime/csv_loader.h"
#include "table_prefix.h"
#include "timing.h"

namespace {

using namespace segc;

struct Options {
  std::string data, rules, as_of = "2026-11-01", tsv, many_rules, many_tsv;
  std::string cache_root = std::filesystem::temp_directory_path().string();
  unsigned threads = 2;
  unsigned reps = 5, interpreter_reps = 3;
  size_t interpreter_rows = 1'000'000;
};

struct Row {
  std::string segment;
  size_t members = 0;
  double hand_ms = 0, jit_ms = 0, jit_compile_ms = 0, interpreter_ms_scaled = 0;
  bool agree = true;
};

size_t segment_index(const CheckedProgram& program, const std::string& name) {
  for (size_t i = 0; i < program.segments.size(); ++i) {
    if (program.segments[i].name == name) return i;
  }
  throw std::runtime_error("no segment " + name + " in the rules");
}

void report_mismatch(const std::string& segment, const char* engine, size_t got, size_t expected) {
  fmt::print(stderr, "MISMATCH {}: {} counts {} members, the hand-written loop {}\n", segment,
             engine, got, expected);
}

Row bench_segment(const Options& options, const bench::HandLoop& loop,
                  const CheckedProgram& program, const runtime::Table& table,
                  const runtime::Table& prefix, codegen::JitEngine& jit, int32_t today) {
  Row row{loop.segment};
  const size_t segment = segment_index(program, loop.segment);
  const evaluate::EvaluationContext context{today};

  std::unique_ptr<codegen::CompiledRuleSet> compiled;
  row.jit_compile_ms = bench::time_once([&] {
    auto result = jit.compile(program, table, {segment}, context);
    if (!result) throw std::runtime_error(llvm::toString(result.takeError()));
    compiled = std::move(*result);
  });
  // The hand-written loop and the JIT in turn (timing.h).
  auto [hand, jitted] = bench::time_runs_in_turn(
      options.reps, [&] { return loop.run(table, table.row_count, today); },
      [&] { return std::move(compiled->evaluate(table, 1).members[segment]); });
  row.hand_ms = hand.median_ms;
  row.members = hand.members.count();
  row.jit_ms = jitted.median_ms;
  if (!(jitted.members == hand.members)) {
    report_mismatch(loop.segment, "segc JIT", jitted.members.count(), row.members);
    row.agree = false;
  }

  // The interpreter runs on the first rows only; its time is scaled to all rows.
  bench::Timing interpreted = bench::time_runs(options.interpreter_reps, [&] {
    return std::move(
        evaluate::interpret_segments(program, prefix, {segment}, context).members[segment]);
  });
  row.interpreter_ms_scaled = interpreted.median_ms * static_cast<double>(table.row_count) /
                              static_cast<double>(std::max<size_t>(prefix.row_count, 1));
  const runtime::Bitmap hand_prefix = loop.run(prefix, prefix.row_count, today);
  if (!(interpreted.members == hand_prefix)) {
    report_mismatch(loop.segment, "the interpreter (prefix)", interpreted.members.count(),
                    hand_prefix.count());
    row.agree = false;
  }
  return row;
}

// All reference segments in one compiled rule set, evaluated in one call;
// `hand_ms` is the sum of the separate hand-written loops, `members` the sum
// of the segments' members.
Row bench_fused(const Options& options, const CheckedProgram& program, const runtime::Table& table,
                const runtime::Table& prefix, codegen::JitEngine& jit, int32_t today,
                const std::vector<Row>& separate) {
  Row row{"all_fused"};
  std::vector<size_t> segments;
  for (const bench::HandLoop& loop : bench::hand_loops()) {
    segments.push_back(segment_index(program, loop.segment));
  }
  for (const Row& r : separate) {
    row.hand_ms += r.hand_ms;
    row.members += r.members;
  }
  const evaluate::EvaluationContext context{today};
  std::unique_ptr<codegen::CompiledRuleSet> compiled;
  row.jit_compile_ms = bench::time_once([&] {
    auto result = jit.compile(program, table, segments, context);
    if (!result) throw std::runtime_error(llvm::toString(result.takeError()));
    compiled = std::move(*result);
  });
  evaluate::SegmentMembership jitted, interpreted;
  std::vector<double> times;
  for (unsigned i = 0; i < std::max(options.reps, 1u); ++i) {
    times.push_back(bench::time_once([&] { jitted = compiled->evaluate(table, 1); }));
  }
  row.jit_ms = bench::median(times);
  times.clear();
  for (unsigned i = 0; i < std::max(options.interpreter_reps, 1u); ++i) {
    times.push_back(bench::time_once(
        [&] { interpreted = evaluate::interpret_segments(program, prefix, segments, context); }));
  }
  row.interpreter_ms_scaled = bench::median(times) * static_cast<double>(table.row_count) /
                              static_cast<double>(std::max<size_t>(prefix.row_count, 1));
  for (size_t i = 0; i < segments.size(); ++i) {
    const bench::HandLoop& loop = bench::hand_loops()[i];
    const runtime::Bitmap hand = loop.run(table, table.row_count, today);
    if (!(jitted.members[segments[i]] == hand)) {
      report_mismatch(loop.segment + " (fused)", "segc JIT", jitted.members[segments[i]].count(),
                      hand.count());
      row.agree = false;
    }
    const runtime::Bitmap hand_prefix = loop.run(prefix, prefix.row_count, today);
    if (!(interpreted.members[segments[i]] == hand_prefix)) {
      report_mismatch(loop.segment + " (fused)", "the interpreter (prefix)",
                      interpreted.members[segments[i]].count(), hand_prefix.count());
      row.agree = false;
    }
  }
  return row;
}

void print_rows(const std::vector<Row>& rows, size_t row_count, size_t interpreter_rows) {
  fmt::print("{} rows, 1 thread, medians in ms; (x) = time / hand-written loop\n", row_count);
  fmt::print("{:<13} {:>10} {:>8} {:>18} {:>12} {:>22}\n", "segment", "members", "hand",
             "segc JIT", "JIT compile", "interpreter*");
  for (const Row& r : rows) {
    fmt::print(
        "{:<13} {:>10} {:>8.2f} {:>9.2f} ({:>6.2f}x) {:>12.1f} {:>11.0f} "
        "({:>6.0f}x)\n",
        r.segment, r.members, r.hand_ms, r.jit_ms, r.jit_ms / r.hand_ms,
        r.jit_compile_ms, r.interpreter_ms_scaled,
        r.interpreter_ms_scaled / r.hand_ms);
  }
  fmt::print(
      "all_fused: every segment in one compiled rule set and one call; hand = the sum of "
      "the separate loops, members = the sum of the segments' members\n");
  fmt::print("* interpreter timed on the first {} rows and scaled linearly to {} rows\n",
             interpreter_rows, row_count);
}

void write_tsv(const std::string& path, const std::vector<Row>& rows, size_t row_count,
               size_t interpreter_rows) {
  std::ofstream out(path);
  out << "segment\trows\tmembers\thand_ms\tjit_ms\tjit_compile_ms\tinterpreter_ms_scaled\t"
         "interpreter_rows\n";
  for (const Row& r : rows) {
    out << fmt::format("{}\t{}\t{}\t{:.4f}\t{:.4f}\t{:.3f}\t{:.1f}\t{}\n", r.segment,
                       row_count, r.members, r.hand_ms, r.jit_ms, r.jit_compile_ms,
                       r.interpreter_ms_scaled, interpreter_rows);
  }
  if (!out) throw std::runtime_error("cannot write " + path);
}

void print_many(const bench::ManyResult& many, size_t row_count, unsigned threads) {
  fmt::print(
      "\n{} segments in one rule set over {} rows ({} columns, {:.1f} MB): one fused pass\n",
      many.segments, row_count, many.fields, static_cast<double>(many.column_bytes) / 1e6);
  fmt::print("  read each referenced column once: {:>9.2f} ms\n", many.read_once_ms);
  fmt::print("  segc JIT, 1 thread:               {:>9.2f} ms ({:.2f}x the read)\n", many.jit_ms,
             many.jit_ms / many.read_once_ms);
  fmt::print("  segc JIT, {} threads:              {:>9.2f} ms ({:.2f}x the read)\n", threads,
             many.jit_threads_ms, many.jit_threads_ms / many.read_once_ms);
  fmt::print("  segc JIT, 1 thread, bitmaps reused: {:>7.2f} ms ({:.2f}x the read; evaluate_into the last result)\n",
             many.jit_reused_ms, many.jit_reused_ms / many.read_once_ms);
  fmt::print("  JIT compile of all segments:      {:>9.1f} ms (median of 3, no compile cache)\n",
             many.compile_ms);
  fmt::print("  new engine + compile, cold cache: {:>9.1f} ms (empty cache folder; {} entries written)\n",
             many.cache.cold_ms, many.cache.entries);
  fmt::print("  new engine + compile, warm cache: {:>9.1f} ms (every module loaded from the cache)\n",
             many.cache.warm_ms);
}

// Summary line, then one line per segment: what duckdb_counts.mjs compares.
void write_many_tsv(const std::string& path, const bench::ManyResult& many) {
  std::ofstream out(path);
  out << "segments\tread_once_ms\tjit_ms\tjit_threads_ms\tcompile_ms\tcold_cache_compile_ms\t"
         "warm_cache_compile_ms\tcolumn_bytes\tjit_reused_ms\n";
  out << fmt::format("{}\t{:.4f}\t{:.4f}\t{:.4f}\t{:.3f}\t{:.3f}\t{:.3f}\t{}\t{:.4f}\n", many.segments,
                     many.read_once_ms, many.jit_ms, many.jit_threads_ms, many.compile_ms,
                     many.cache.cold_ms, many.cache.warm_ms, many.column_bytes, many.jit_reused_ms);
  for (size_t i = 0; i < many.names.size(); ++i) {
    out << many.names[i] << '\t' << many.members[i] << '\n';
  }
  if (!out) throw std::runtime_error("cannot write " + path);
}

int run(const Options& options) {
  const auto today = calendar::parse_iso_date(options.as_of);
  if (!today) throw std::runtime_error("--as-of: not a date: " + options.as_of);
  std::unique_ptr<CheckOutcome> outcome = bench::check_rules(options.rules);
  const CheckedProgram& program = *outcome->program;

  runtime::CsvLoadResult data;
  const double load_ms = bench::time_once([&] {
    data = runtime::load_csv_file(options.data, evaluate::table_schema_for(program.schema), {});
  });
  if (!data.ok()) {
    throw std::runtime_error(fmt::format("{}: cannot load ({} problems) {}", options.data,
                                         data.error_count, data.fatal));
  }
  const runtime::Table& table = data.table;
  fmt::print("loaded {} rows from {} in {:.0f} ms (runtime::load_csv_file)\n", table.row_count,
             options.data, load_ms);
  const runtime::Table prefix = bench::table_prefix(table, options.interpreter_rows);

  auto jit = codegen::JitEngine::create();
  if (!jit) throw std::runtime_error(llvm::toString(jit.takeError()));
  std::vector<Row> rows;
  bool agree = true;
  for (const bench::HandLoop& loop : bench::hand_loops()) {
    rows.push_back(bench_segment(options, loop, program, table, prefix, **jit, *today));
    agree = agree && rows.back().agree;
  }
  rows.push_back(bench_fused(options, program, table, prefix, **jit, *today, rows));
  agree = agree && rows.back().agree;
  print_rows(rows, table.row_count, prefix.row_count);
  if (!options.tsv.empty()) {
    write_tsv(options.tsv, rows, table.row_count, prefix.row_count);
  }
  if (!options.many_rules.empty()) {
    const bench::ManyResult many = bench::bench_many(
        {options.many_rules, *today, options.reps, options.threads, options.cache_root}, table,
        prefix);
    agree = agree && many.agree;
    print_many(many, table.row_count, options.threads);
    if (!options.many_tsv.empty()) write_many_tsv(options.many_tsv, many);
  }
  fmt::print("{}\n",
             agree ? "all counts agree (JIT, interpreter, hand-written loops)" : "COUNTS DISAGREE");
  return agree ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Times segc's JIT, the reference interpreter and hand-written loops", "segc_bench"};
  Options options;
  app.add_option("--data", options.data, "customer CSV (segc-datagen)")->required();
  app.add_option("--rules", options.rules, "bench/reference_segments.seg")->required();
  app.add_option("--as-of", options.as_of, "the date `today` means")->capture_default_str();
  app.add_option("--reps", options.reps, "timed runs per engine")->capture_default_str();
  app.add_option("--interpreter-rows", options.interpreter_rows, "rows the interpreter is timed on")
      ->capture_default_str();
  app.add_option("--interpreter-reps", options.interpreter_reps, "timed interpreter runs")
      ->capture_default_str();
  app.add_option("--tsv", options.tsv, "also write the results here as TSV");
  app.add_option("--many-rules", options.many_rules,
                 "also time every segment of this rule file in one pass (many_segments.mjs)");
  app.add_option("--many-tsv", options.many_tsv, "write the many-segments results here as TSV");
  app.add_option("--cache-root", options.cache_root,
                 "where the many-segments case makes its compile-cache folders (deleted after)")
      ->capture_default_str();
  app.add_option("--threads", options.threads, "threads of the multi-threaded many-segments row")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    return run(options);
  } catch (const std::exception& error) {
    fmt::print(stderr, "segc_bench: {}\n", error.what());
    return 2;
  }
}
