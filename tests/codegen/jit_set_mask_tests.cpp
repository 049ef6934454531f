// Set conditions on per-row masks (runtime/set_masks.h, ir_emit_text_sets.cpp):
// for every dictionary size crossing a mask width (1, 2, 4, 8 bytes, and none
// past 64 values), the JIT agrees with the interpreter, takes the mask path
// exactly when the column has masks, and fuses mask tests with the other
// vectorisable segments.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <random>

#include "codegen/expression_dependencies.h"
#include "codegen/jit_test_support.h"
#include "codegen/segment_function.h"
#include "evaluate/reference_interpreter.h"

namespace {

constexpr const char* kRules = R"(
schema customer {
  key id: int
  age: int
  labels: set<string>
  score: float
}
segment one = labels contains "v003"
segment highest = labels contains "v063"
segment any_of = labels contains any ["v000", "v005", "v031", "v032", "v063", "v064", "v099"]
segment all_of = labels contains all ["v001", "v002"]
segment all_wide = labels contains all ["v007", "v015", "v016"]
segment sized = size(labels) >= 3
segment empty = labels is present and size(labels) = 0
segment absent = labels contains "nowhere"
segment all_absent = labels contains all ["v001", "nowhere"]
segment negated = not labels contains any ["v002", "v004"]
segment mixed = age > 30 and labels contains "v001"
segment older = age > 40
segment scored = score > 0.5
)";

// `entries` distinct values v000..; every value appears; some sets are
// missing and some empty.
segc::runtime::Table tag_table(const segc::CheckedProgram& program, size_t entries, size_t rows) {
  std::mt19937_64 random(entries);
  std::vector<std::optional<int64_t>> ids, ages;
  std::vector<std::optional<double>> scores;
  std::vector<std::optional<std::vector<std::string>>> labels;
  for (size_t row = 0; row < rows; ++row) {
    ids.push_back(static_cast<int64_t>(row));
    ages.push_back(static_cast<int64_t>(random() % 60));
    scores.push_back(static_cast<double>(random() % 100) / 100);
    if (row >= entries && random() % 9 == 0) {
      labels.push_back(std::nullopt);
      continue;
    }
    std::vector<std::string> set;
    if (row < entries) set.push_back(fmt::format("v{:03}", row));
    const size_t more = row < entries ? 0 : random() % 6;
    for (size_t k = 0; k < more; ++k) set.push_back(fmt::format("v{:03}", random() % entries));
    if (row % 3 == 0 && entries > 2) {  // the low codes often, so `all` holds sometimes
      set.push_back("v001");
      set.push_back("v002");
    }
    labels.push_back(set);
  }
  return segc::jit_test::TableBuilder(program, rows)
      .ints("id", ids)
      .ints("age", ages)
      .floats("score", scores)
      .sets("labels", labels)
      .build();
}

}  // namespace

TEST_CASE("JIT set conditions on masks agree with the interpreter", "[jit]") {
  auto outcome = segc::jit_test::check_source(kRules);
  const segc::CheckedProgram& program = *outcome->program;
  const auto wanted = segc::jit_test::all_segments(program);
  for (size_t entries : {1, 3, 8, 9, 16, 17, 32, 33, 63, 64, 65, 100}) {
    INFO(entries << " distinct values");
    const segc::runtime::Table table = tag_table(program, entries, 900);
    const segc::runtime::Column& labels = table.columns[2];
    REQUIRE(labels.dictionary.size() == entries);
    const int width = entries <= 8 ? 1 : entries <= 16 ? 2 : entries <= 32 ? 4 : entries <= 64 ? 8 : 0;
    CHECK(labels.width == width);
    const segc::evaluate::EvaluationContext context{0};
    const auto expected = segc::evaluate::interpret_segments(program, table, wanted, context);
    auto compiled = segc::jit_test::engine().compile(program, table, wanted, context,
                                                     segc::codegen::IrText::Keep);
    if (!compiled) FAIL(llvm::toString(compiled.takeError()));
    // The helpers walk each row's codes; with masks no row needs them.
    const bool helpers = (*compiled)->llvm_ir().find("segc_set_contains") != std::string::npos;
    CHECK(helpers == (width == 0));
    for (unsigned threads : {1u, 2u}) {
      INFO(threads << " threads");
      segc::jit_test::check_same_members(program, (*compiled)->evaluate(table, threads), expected,
                                         wanted);
    }
    // Not vacuous: the widest code and `all` are reached where they exist.
    for (size_t segment : wanted) {
      const std::string& name = program.segments[segment].name;
      if ((name == "highest" && entries > 63) || (name == "all_of" && entries > 2) || (name == "sized" && entries >= 3)) {
        CHECK(expected.members[segment].count() > 0);
      }
    }
  }
}

TEST_CASE("set tests on masks fuse with the vectorisable segments", "[jit]") {
  auto outcome = segc::jit_test::check_source(kRules);
  const segc::CheckedProgram& program = *outcome->program;
  const auto segments = segc::evaluate::segments_to_evaluate(program, segc::jit_test::all_segments(program));
  for (size_t entries : {5, 64, 65}) {
    INFO(entries << " distinct values");
    const segc::runtime::Table table = tag_table(program, entries, 100);
    segc::codegen::DependencyMap dependencies(program);
    const auto groups = segc::codegen::fusion_groups(program, table, dependencies, segments, 64);
    // Vectorisable loops are grouped by their widest column: 1-byte masks go
    // with `older` (1-byte ages), 8-byte masks with `scored` (doubles);
    // without masks the set tests are a third group.
    auto group_of = [&](const std::string& name) {
      for (size_t g = 0; g < groups.size(); ++g) {
        for (size_t segment : groups[g]) {
          if (program.segments[segment].name == name) return g;
        }
      }
      return groups.size();
    };
    CHECK(groups.size() == (entries <= 64 ? 2u : 3u));
    CHECK(group_of("older") != group_of("scored"));
    if (entries <= 8) CHECK(group_of("one") == group_of("older"));
    if (entries > 8 && entries <= 64) CHECK(group_of("one") == group_of("scored"));
    if (entries > 64) CHECK(group_of("one") != group_of("scored"));
  }
}
