// How segments are grouped into fused loops (segment_function.h): every
// segment exactly once, groups no larger than asked, a segment always in a
// later group than the segments it names, and helper-calling segments kept
// apart from vectorisable ones. Checked on the bundled retail rules, which
// have chains of references, set conditions and date helpers.
#include <catch2/catch.hpp>
#include <set>

#include "codegen/expression_dependencies.h"
#include "codegen/jit_test_support.h"
#include "codegen/segment_function.h"
#include "evaluate/reference_interpreter.h"

namespace {

const std::string kRetail = std::string(SEGC_SOURCE_DIR) + "/examples/retail/";

}  // namespace

TEST_CASE("fusion groups keep references in earlier groups", "[jit]") {
  auto outcome = segc::jit_test::check_files(
      {kRetail + "demographics.seg", kRetail + "engagement.seg", kRetail + "interests.seg",
       kRetail + "lifecycle.seg", kRetail + "campaign_november.seg"});
  const segc::CheckedProgram& program = *outcome->program;
  const auto segments =
      segc::evaluate::segments_to_evaluate(program, segc::jit_test::all_segments(program));
  REQUIRE(segments.size() > 20);
  const segc::runtime::Table table = segc::jit_test::TableBuilder(program, 0).build();
  for (size_t max_size : {1, 2, 3, 8, 64}) {
    INFO("groups of at most " << max_size);
    segc::codegen::DependencyMap dependencies(program);
    const auto groups = segc::codegen::fusion_groups(program, table, dependencies, segments, max_size);
    std::vector<size_t> group_of(program.segments.size(), SIZE_MAX);
    size_t placed = 0;
    for (size_t g = 0; g < groups.size(); ++g) {
      CHECK(!groups[g].empty());
      CHECK(groups[g].size() <= max_size);
      for (size_t segment : groups[g]) {
        CHECK(group_of[segment] == SIZE_MAX);
        group_of[segment] = g;
        ++placed;
      }
    }
    CHECK(placed == segments.size());
    size_t references = 0;
    for (size_t segment : segments) {
      for (size_t referenced : program.segments[segment].references) {
        INFO(program.segments[segment].name << " names " << program.segments[referenced].name);
        CHECK(group_of[referenced] < group_of[segment]);
        ++references;
      }
    }
    CHECK(references > 0);  // the rules do chain segments
    if (max_size >= 8) {
      // Fusing does happen: fewer groups than segments.
      CHECK(groups.size() < segments.size() / 2);
    }
  }
}

// Groups of byte columns and of doubles fill side by side; when the doubles'
// group is full and a new one opens, a byte segment naming one of the full
// group's segments must not join the byte group opened before it (which
// runs first), and the results must still agree with the interpreter.
TEST_CASE("fusion groups: a segment never joins a group that runs before one it names", "[jit]") {
  auto outcome = segc::jit_test::check_source(R"(
schema customer {
  key id: int
  age: int
  score: float
}
segment young = age < 30
segment s1 = score > 0.1
segment s2 = score > 0.2
segment s3 = score > 0.3
segment young_s1 = age < 40 and s1
segment young_s3 = age < 50 and s3 and young
)");
  const segc::CheckedProgram& program = *outcome->program;
  const size_t rows = 300;
  std::vector<std::optional<int64_t>> ids, ages;
  std::vector<std::optional<double>> scores;
  for (size_t row = 0; row < rows; ++row) {
    ids.push_back(static_cast<int64_t>(row));
    ages.push_back(static_cast<int64_t>(row % 70));
    scores.push_back(static_cast<double>(row % 10) / 10);
  }
  const segc::runtime::Table table = segc::jit_test::TableBuilder(program, rows)
                                         .ints("id", ids)
                                         .ints("age", ages)
                                         .floats("score", scores)
                                         .build();
  const auto wanted = segc::jit_test::all_segments(program);
  const auto segments = segc::evaluate::segments_to_evaluate(program, wanted);
  segc::codegen::DependencyMap dependencies(program);
  const auto groups = segc::codegen::fusion_groups(program, table, dependencies, segments, 2);
  std::vector<size_t> group_of(program.segments.size(), SIZE_MAX);
  for (size_t g = 0; g < groups.size(); ++g) {
    for (size_t segment : groups[g]) group_of[segment] = g;
  }
  for (size_t segment : segments) {
    for (size_t referenced : program.segments[segment].references) {
      INFO(program.segments[segment].name << " names " << program.segments[referenced].name);
      CHECK(group_of[referenced] < group_of[segment]);
    }
  }
  const segc::evaluate::EvaluationContext context{0};
  const auto expected = segc::evaluate::interpret_segments(program, table, wanted, context);
  auto compiled = segc::jit_test::engine().compile(program, table, wanted, context);
  if (!compiled) FAIL(llvm::toString(compiled.takeError()));
  segc::jit_test::check_same_members(program, (*compiled)->evaluate(table, 1), expected, wanted);
}

// Segments that read the same columns share groups even when the file
// interleaves them, so that a group loads each column once and computes a
// condition several of its segments test (here `channel = 1`) once.
TEST_CASE("fusion groups put segments reading the same columns together", "[jit]") {
  auto outcome = segc::jit_test::check_source(R"(
schema customer {
  key id: int
  age: int
  channel: int
}
segment a1 = age < 30
segment c1 = channel = 1
segment a2 = age > 60
segment c2 = channel = 1 or channel = 2
segment a3 = age between 40 and 50
segment c3 = channel = 1 or channel = 3
)");
  const segc::CheckedProgram& program = *outcome->program;
  const segc::runtime::Table table = segc::jit_test::TableBuilder(program, 0).build();
  const auto segments =
      segc::evaluate::segments_to_evaluate(program, segc::jit_test::all_segments(program));
  segc::codegen::DependencyMap dependencies(program);
  const auto groups = segc::codegen::fusion_groups(program, table, dependencies, segments, 3);
  std::vector<std::vector<std::string>> names;
  for (const auto& group : groups) {
    names.emplace_back();
    for (size_t segment : group) names.back().push_back(program.segments[segment].name);
  }
  CHECK(names == std::vector<std::vector<std::string>>{{"a1", "a2", "a3"}, {"c1", "c2", "c3"}});
}
