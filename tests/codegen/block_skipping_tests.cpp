// Block skipping (block_skipping.h): groups whose segments cannot hold in a
// block of 4096 rows, by the block statistics, are not evaluated there. The
// table is sorted by age and its cities change per block, so whole blocks
// are decided by min/max; results must equal the interpreter's at every
// thread count, and skipping must actually happen where it can.
#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "codegen/jit_test_support.h"
#include "evaluate/reference_interpreter.h"

namespace {

constexpr size_t kRows = 3 * 4096 + 100;

constexpr const char* kSchema = R"(
schema customer {
  key id: int
  age: int
  city: string
  score: int
}
)";

// Block b holds ages about 41 b .. 41 b + 40 and city "c<b>"; block 0 has
// no score; every 7th row has no age.
segc::runtime::Table clustered_table(const segc::CheckedProgram& program) {
  std::vector<std::optional<int64_t>> ids, ages, scores;
  std::vector<std::optional<std::string>> cities;
  for (size_t row = 0; row < kRows; ++row) {
    ids.push_back(static_cast<int64_t>(row));
    ages.push_back(row % 7 == 3 ? std::nullopt : std::optional<int64_t>(row / 100));
    cities.push_back(fmt::format("c{}", row / 4096));
    scores.push_back(row < 4096 ? std::nullopt : std::optional<int64_t>(row % 10));
  }
  return segc::jit_test::TableBuilder(program, kRows)
      .ints("id", ids)
      .ints("age", ages)
      .texts("city", cities)
      .ints("score", scores)
      .build();
}

struct Skipped {
  uint64_t blocks = 0;  // (block, group) evaluations saved
  uint64_t filled = 0;  // of which set to all members
};

Skipped check_skipping(const std::string& rules) {
  auto outcome = segc::jit_test::check_source(std::string(kSchema) + rules);
  const segc::CheckedProgram& program = *outcome->program;
  const auto table = clustered_table(program);
  const auto wanted = segc::jit_test::all_segments(program);
  const segc::evaluate::EvaluationContext context{0};
  const auto expected = segc::evaluate::interpret_segments(program, table, wanted, context);
  auto compiled = segc::jit_test::engine().compile(program, table, wanted, context);
  if (!compiled) FAIL(llvm::toString(compiled.takeError()));
  size_t members = 0;
  for (unsigned threads : {1u, 2u, 3u}) {
    const auto actual = (*compiled)->evaluate(table, threads);
    for (size_t segment : wanted) {
      INFO(threads << " threads, segment " << program.segments[segment].name);
      CHECK(segc::jit_test::rows_of(actual.members[segment]) ==
            segc::jit_test::rows_of(expected.members[segment]));
      members += expected.members[segment].count();
    }
  }
  CHECK(members > 0);  // not vacuous
  // Into a previous result whose words are all ones (evaluate_into): every
  // word, skipped and filled blocks' included, must be written again.
  for (unsigned threads : {1u, 2u}) {
    segc::evaluate::SegmentMembership reused;
    reused.members.assign(program.segments.size(), segc::runtime::Bitmap(kRows, true));
    (*compiled)->evaluate_into(table, threads, reused);
    for (size_t segment : wanted) {
      INFO(threads << " threads into all ones, segment " << program.segments[segment].name);
      CHECK(reused.computed[segment]);
      CHECK(segc::jit_test::rows_of(reused.members[segment]) == segc::jit_test::rows_of(expected.members[segment]));
    }
  }
  return {(*compiled)->skipped_group_blocks(), (*compiled)->filled_group_blocks()};
}

uint64_t check_against_interpreter(const std::string& rules) { return check_skipping(rules).blocks; }

}  // namespace

TEST_CASE("JIT skips blocks whose statistics rule every segment of a group out", "[jit]") {
  const uint64_t skipped = check_against_interpreter(R"(
segment middle_aged = age between 45 and 50
segment old = age >= 100 and score > 2
segment in_c2 = city = "c2" and age > 0
segment scored = score <= 3 and age < 60
)");
  // Block 0 has no score and no middle age, block 3 none of the first and
  // last: each skipped at every thread count.
  CHECK(skipped >= 3);
}

TEST_CASE("JIT evaluates every block when a segment gives no range", "[jit]") {
  const uint64_t skipped = check_against_interpreter(R"(
segment middle_aged = age between 45 and 50
segment either = age < 10 or city = "c1"
segment unknown_age = age is missing
segment not_c0 = not city = "c0"
)");
  CHECK(skipped == 0);
}

TEST_CASE("JIT block skipping with segment references and empty ranges", "[jit]") {
  check_against_interpreter(R"(
segment middle_aged = age between 45 and 50
segment never = age > 9223372036854775807
segment none_below = age < -9223372036854775807 - 1
segment refers = middle_aged and age >= 46
segment refers_or = middle_aged or city = "c3"
segment absent_city = city = "nowhere" and score > 0
segment c_range = city in ["c1", "c3"] and age != 50
)");
}

// Age 40 is the greatest of block 0 and the least of block 1, 122 the least
// of block 3: the bounds of a range are inclusive.
TEST_CASE("JIT block skipping keeps blocks whose min or max is a bound", "[jit]") {
  const uint64_t skipped = check_against_interpreter(R"(
segment at_forty = age = 40
segment from_122 = age >= 122 and city = "c3"
segment up_to_40 = age <= 40 and city = "c0"
)");
  CHECK(skipped >= 1);  // block 2 has none of them
}

// Every block holds one city and, past block 0, a score in every row: a
// block where every segment of a group holds in every row is set without
// evaluating it. Ages have missing rows, so age ranges never fill.
TEST_CASE("JIT sets blocks where every segment of a group holds in every row", "[jit]") {
  const Skipped skipped = check_skipping(R"(
segment in_c2 = city = "c2"
segment c1_or_c2 = city in ["c1", "c2"]
segment scored_in_c2 = score >= 0 and city = "c2" and score between 0 and 9
)");
  // Block 2: all three hold in every row; at every thread count.
  CHECK(skipped.filled >= 3);
  CHECK(skipped.blocks >= skipped.filled);
}

TEST_CASE("JIT evaluates blocks that only seem full: gaps in code ranges, !=, missing values",
          "[jit]") {
  const Skipped skipped = check_skipping(R"(
segment in_c1 = city = "c1"
segment c0_or_c2 = city in ["c0", "c2"]
)");
  CHECK(skipped.filled == 0);  // c1 lies inside c0_or_c2's code range
  CHECK(check_skipping(R"(
segment in_c2 = city = "c2" and score != 5
)").filled == 0);
  CHECK(check_skipping(R"(
segment in_c2 = city = "c2" and age >= 0
)").filled == 0);
  CHECK(check_skipping(R"(
segment in_c2 = city = "c2" and (score >= 0 or age > 1)
)").filled == 0);
}
