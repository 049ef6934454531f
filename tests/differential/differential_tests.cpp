// The JIT against the reference interpreter on generated rules and tables:
// every segment's membership must agree bit for bit. One program in five has
// a table of 2 or 3 blocks of 4096 rows (and a rest) clustered by block, and
// rules mostly of conditions block statistics decide, evaluated on 1 to 3
// threads: the skipping, filling and thread-splitting paths. Reproduce a
// failure with the printed seed: SEGC_DIFF_SEED=<seed> SEGC_DIFF_PROGRAMS=1
// segc_tests "[differential]". SEGC_DIFF_PROGRAMS=unlimited runs until a
// difference. A seed gives the same program and table whatever compiler built
// the test (generator_stability_tests.cpp), so a seed from the clang fuzz
// build (tools/fuzz.sh) replays in the GCC build too.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "codegen/jit_engine.h"
#include "codegen/table_check.h"
#include "differential/random_rules.h"
#include "differential/random_table.h"
#include "evaluate/reference_interpreter.h"
#include "runtime/calendar.h"
#include "runtime/columnar_file.h"
#include "support/check_text.h"

namespace {

using namespace segc;

uint64_t environment_number(const char* name, uint64_t fallback) {
  const char* text = std::getenv(name);
  if (text == nullptr || *text == '\0') return fallback;
  if (std::string(text) == "unlimited") return UINT64_MAX;
  return std::strtoull(text, nullptr, 10);
}

// The first segment and row where the engines disagree, with every field's
// value; empty when every segment agrees.
std::string first_difference(const CheckedProgram& program, const runtime::Table& table,
                             const evaluate::SegmentMembership& expected,
                             const evaluate::SegmentMembership& actual) {
  for (size_t segment = 0; segment < expected.members.size(); ++segment) {
    if (expected.members[segment] == actual.members[segment]) continue;
    for (size_t row = 0; row < table.row_count; ++row) {
      if (expected.members[segment].test(row) == actual.members[segment].test(row)) continue;
      const evaluate::TableRowView view(program, table, expected, row);
      std::string text = fmt::format("segment {} differs at row {}: interpreter {}, JIT {}\n",
                                     program.segments[segment].name, row,
                                     expected.members[segment].test(row),
                                     actual.members[segment].test(row));
      for (size_t field = 0; field < program.schema.fields.size(); ++field) {
        text += fmt::format("  {} = {}\n", program.schema.fields[field].name,
                            evaluate::show_value(view.field(field)));
      }
      return text;
    }
    return fmt::format("segment {}: bitmaps differ past the last row",
                       program.segments[segment].name);
  }
  return "";
}

// `table` written to a columnar file and mapped back, every column verified.
runtime::ColumnarFile through_columnar_file(const runtime::Table& table, uint64_t seed) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            fmt::format("segc-differential-{}-{}.segcol", ::getpid(), seed))
                               .string();
  const std::string written = runtime::write_columnar_file(path, table, "test");
  runtime::ColumnarFile file;
  if (!written.empty()) FAIL(written);
  const runtime::ColumnarProblem opened = runtime::open_columnar_file(path, file);
  std::filesystem::remove(path);  // the mapping stays valid
  if (opened) FAIL(opened.message);
  if (auto problem = runtime::verify_all_columns(file)) FAIL(problem.message);
  return file;
}

}  // namespace

TEST_CASE("the JIT agrees with the reference interpreter on random rules and tables",
          "[differential]") {
  const uint64_t first_seed = environment_number("SEGC_DIFF_SEED", 20261123);
  const uint64_t programs = environment_number("SEGC_DIFF_PROGRAMS", 150);
  constexpr int kSegmentsPerProgram = 12;

  auto engine = codegen::JitEngine::create();
  if (!engine) FAIL("cannot create the JIT: " << llvm::toString(engine.takeError()));
  uint64_t segments_compared = 0;
  // Programs over several blocks clustered by block (random_table.h), and
  // the (block, group) evaluations block skipping saved in them.
  uint64_t clustered_programs = 0;
  uint64_t skipped = 0;
  uint64_t filled = 0;
  for (uint64_t n = 0; n < programs; ++n) {
    const uint64_t seed = first_seed + n;
    const bool clustered = seed % 10 == 3 || seed % 10 == 6;
    const std::string rules = testing::random_rules(
        seed, kSegmentsPerProgram,
        clustered ? testing::RuleMix::MostlyRanges : testing::RuleMix::Any);
    INFO("seed " << seed << " (SEGC_DIFF_SEED=" << seed << " SEGC_DIFF_PROGRAMS=1)\n" << rules);
    auto outcome = testing::check_text(rules);
    INFO(testing::diagnostics_text(*outcome));
    REQUIRE(outcome->program);
    REQUIRE_FALSE(outcome->diagnostics.has_errors());
    const CheckedProgram& program = *outcome->program;

    // Row counts that are not multiples of 64, and sometimes tiny; clustered
    // tables have 2 or 3 whole blocks and a rest, which 1 to 3 threads share
    // unevenly (in whole blocks, the last thread sometimes none).
    const size_t rows = clustered      ? (2 + seed % 2) * runtime::kBlockRows + seed % 157
                        : seed % 10 == 0 ? seed % 5
                                         : 100 + seed % 157;
    const runtime::Table table = testing::random_table(
        seed, rows, clustered ? testing::Clustering::PerBlock : testing::Clustering::None);
    const evaluate::EvaluationContext context{testing::random_today(seed)};
    INFO("today " << calendar::format_iso_date(context.today) << ", " << rows << " rows");

    std::vector<size_t> all(program.segments.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    const evaluate::SegmentMembership expected =
        evaluate::interpret_segments(program, table, all, context);
    auto compiled = (*engine)->compile(program, table, all, context);
    if (!compiled) FAIL("JIT compile failed: " << llvm::toString(compiled.takeError()));
    for (unsigned threads = 1 + seed % 2; threads <= (clustered ? 3u : 1 + seed % 2); ++threads) {
      INFO(threads << " threads");
      const std::string difference =
          first_difference(program, table, expected, (*compiled)->evaluate(table, threads));
      if (!difference.empty()) FAIL(difference);
      segments_compared += all.size();
    }
    if (clustered) {
      // Into bitmaps of the right size full of ones (a caller's last
      // result): evaluate_into must clear what it skips.
      evaluate::SegmentMembership reused;
      reused.members.assign(all.size(), runtime::Bitmap(rows, true));
      (*compiled)->evaluate_into(table, 2, reused);
      const std::string difference = first_difference(program, table, expected, reused);
      if (!difference.empty()) FAIL("into reused bitmaps, " << difference);
      ++clustered_programs;
      skipped += (*compiled)->skipped_group_blocks();
      filled += (*compiled)->filled_group_blocks();
    }

    // Some tables also go through the columnar file: both engines read the
    // mapping, and code compiled for the in-memory table runs on it unchanged
    // (same widths and dictionary fingerprints).
    if (seed % 5 != 1) continue;
    const runtime::ColumnarFile file = through_columnar_file(table, seed);
    std::vector<size_t> fields(table.columns.size());
    for (size_t i = 0; i < fields.size(); ++i) fields[i] = i;
    REQUIRE(codegen::shape_of(file.table, fields) == codegen::shape_of(table, fields));
    const evaluate::SegmentMembership mapped_expected =
        evaluate::interpret_segments(program, file.table, all, context);
    const evaluate::SegmentMembership reused = (*compiled)->evaluate(file.table, 1 + seed % 2);
    auto recompiled = (*engine)->compile(program, file.table, all, context);
    if (!recompiled) FAIL("JIT compile failed: " << llvm::toString(recompiled.takeError()));
    const evaluate::SegmentMembership mapped_actual = (*recompiled)->evaluate(file.table, 2);
    for (size_t segment = 0; segment < all.size(); ++segment) {
      INFO("columnar file, segment " << program.segments[segment].name);
      CHECK(mapped_expected.members[segment] == expected.members[segment]);
      CHECK(reused.members[segment] == expected.members[segment]);
      CHECK(mapped_actual.members[segment] == expected.members[segment]);
    }
  }
  // The clustered programs must reach the skipping and filling paths, else
  // they test nothing more than the others (with the default 150 programs,
  // 30 are clustered).
  const std::string coverage =
      fmt::format("{} clustered programs: {} group blocks skipped, {} of them filled",
                  clustered_programs, skipped, filled);
  INFO(coverage);
  if (clustered_programs >= 20) {
    REQUIRE(skipped > filled);
    REQUIRE(filled > 0);
  }
  SUCCEED(segments_compared << " segments compared; " << coverage);
}
