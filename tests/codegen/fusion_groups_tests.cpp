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
