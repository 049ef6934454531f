// Conditions tabulated over one dictionary column become arithmetic on the
// code (ir_emit_code_sets.cpp): runs of codes (equality and range tests, or
// those of the complement), a 64-bit mask or a byte table, depending on which codes hold and how many entries there are.
// Each dictionary size below crosses one of those choices; every rule must
// agree with the interpreter, missing values included.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <random>

#include "codegen/jit_test_support.h"
#include "evaluate/reference_interpreter.h"

namespace {

constexpr const char* kRules = R"(
schema customer {
  key id: int
  city: string
  tier: enum("t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7")
}
segment one_code = city = "c003"
segment run_of_codes = city >= "c002" and city < "c006"
segment three_codes = city in ["c001", "c004", "c009"]
segment many_codes = city in ["c000", "c002", "c004", "c007", "c011", "c013", "c017", "c019"]
segment ten_runs = city in ["c000", "c002", "c004", "c006", "c008", "c010", "c012", "c014", "c016", "c018"]
segment many_high_codes = city in ["c030", "c041", "c063", "c064", "c099", "c150", "c299"]
segment all_but_two = city not in ["c001", "c005"]
segment prefix = starts_with(city, "c01") or ends_with(city, "7")
segment absent_literal = city = "nowhere"
segment is_missing = city is missing
segment missing_or_code = city is missing or city = "c002"
segment negated = not city in ["c000", "c003", "c005", "c008", "c010"]
segment enum_mask = tier in ["t0", "t2", "t3", "t5", "t7"]
segment enum_not = not tier = "t4"
segment enum_order = tier > "t1" and tier <= "t6"
)";

}  // namespace

TEST_CASE("JIT conditions on dictionary codes agree with the interpreter", "[jit]") {
  auto outcome = segc::jit_test::check_source(kRules);
  const segc::CheckedProgram& program = *outcome->program;
  const auto wanted = segc::jit_test::all_segments(program);
  for (size_t entries : {1, 5, 12, 40, 63, 64, 65, 200, 300}) {
    const size_t rows = 700;
    std::mt19937_64 random(entries);
    std::vector<std::optional<int64_t>> ids;
    std::vector<std::optional<std::string>> cities, tiers;
    for (size_t row = 0; row < rows; ++row) {
      ids.push_back(static_cast<int64_t>(row));
      // Every code appears (the dictionary has exactly `entries` strings),
      // then random ones; about one row in eight is missing.
      const size_t pick = row < entries ? row : random() % entries;
      if (row >= entries && random() % 8 == 0) {
        cities.push_back(std::nullopt);
      } else {
        cities.push_back(fmt::format("c{:03}", pick));
      }
      if (random() % 9 == 0) {
        tiers.push_back(std::nullopt);
      } else {
        tiers.push_back(fmt::format("t{}", random() % 8));
      }
    }
    const segc::runtime::Table table = segc::jit_test::TableBuilder(program, rows)
                                           .ints("id", ids)
                                           .texts("city", cities)
                                           .texts("tier", tiers)
                                           .build();
    const segc::evaluate::EvaluationContext context{0};
    const auto expected = segc::evaluate::interpret_segments(program, table, wanted, context);
    auto compiled = segc::jit_test::engine().compile(program, table, wanted, context);
    if (!compiled) FAIL(llvm::toString(compiled.takeError()));
    INFO(entries << " entries");
    segc::jit_test::check_same_members(program, (*compiled)->evaluate(table, 1), expected, wanted);
    // Not vacuous: the larger dictionaries reach the mask and the byte table.
    if (entries >= 65) {
      for (size_t segment : wanted) {
        if (program.segments[segment].name == "many_high_codes") {
          CHECK(expected.members[segment].count() > 0);
        }
      }
    }
  }
}
