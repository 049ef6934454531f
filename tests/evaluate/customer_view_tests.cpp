// `segc explain` evaluates one customer on demand (CustomerView): on
// generated rules and tables, every segment's membership for every customer
// must equal the reference interpreter's over the whole table, and the
// explanation's root must say the same.
#include <catch2/catch.hpp>

#include "differential/random_rules.h"
#include "differential/random_table.h"
#include "evaluate/customer_view.h"
#include "evaluate/explain.h"
#include "support/check_text.h"

namespace segc {

TEST_CASE("explain: one customer evaluated alone agrees with the table interpreter", "[explain]") {
  uint64_t compared = 0;
  for (uint64_t seed = 7100; seed < 7112; ++seed) {
    const std::string rules = testing::random_rules(seed, 12);
    INFO("seed " << seed << "\n" << rules);
    auto outcome = testing::check_text(rules);
    REQUIRE(outcome->program);
    REQUIRE_FALSE(outcome->diagnostics.has_errors());
    const CheckedProgram& program = *outcome->program;
    const runtime::Table table = testing::random_table(seed, 40 + seed % 30);
    const evaluate::EvaluationContext context{testing::random_today(seed)};
    std::vector<size_t> all(program.segments.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    const evaluate::SegmentMembership expected = evaluate::interpret_segments(program, table, all, context);
    for (size_t row = 0; row < table.row_count; ++row) {
      // Segments asked in reverse order: referenced ones are then evaluated
      // on demand, not found already known.
      const evaluate::CustomerView view(program, table, row, context);
      for (size_t segment = program.segments.size(); segment-- > 0;) {
        INFO("row " << row << ", segment " << program.segments[segment].name);
        const bool member = expected.members[segment].test(row);
        REQUIRE(view.member(segment) == member);
        const evaluate::ExplainNode tree = evaluate::explain_tree(program, outcome->sources, segment, view, context);
        CHECK(tree.kind == evaluate::ExplainNode::Kind::Segment);
        CHECK(tree.text == program.segments[segment].name);
        CHECK(tree.value == (member ? "true" : "false"));
        ++compared;
      }
    }
  }
  CHECK(compared > 5000);
}

TEST_CASE("explain: the tree holds every sub-expression's value, and limits cut it", "[explain]") {
  auto outcome = testing::check_text(R"(schema customer {
  key id: int
  age: int
  city: string
}
segment adults = age >= 18
segment local_adults = adults and lower(city) = "казань"
)");
  REQUIRE(outcome->program);
  const CheckedProgram& program = *outcome->program;
  // age 17, city "Казань"
  struct Row final : evaluate::RowView {
    evaluate::Value field(size_t index) const override {
      if (index == 1) return int64_t{17};
      if (index == 2) return std::string("Казань");
      return int64_t{1};
    }
    bool member(size_t) const override { return false; }  // adults: 17 < 18
  } row;
  const evaluate::EvaluationContext context{0};
  const size_t segment = *program.segment_index("local_adults");
  CHECK(evaluate::explain_segment(program, outcome->sources, segment, row, context) ==
        "local_adults → not a member\n"
        "  adults and lower(city) = \"казань\" → false\n"
        "    adults → not a member\n"
        "      age >= 18 → false\n"
        "        age → 17\n"
        "    lower(city) = \"казань\" → true\n"
        "      lower(city) → \"казань\"\n"
        "        city → \"Казань\"\n");
  evaluate::ExplainLimits shallow;
  shallow.max_segment_depth = 1;
  shallow.name_depth_flag = true;
  const evaluate::ExplainNode tree = evaluate::explain_tree(program, outcome->sources, segment, row, context, shallow);
  REQUIRE(tree.children.size() == 1);
  REQUIRE(tree.children[0].children.size() == 2);
  const evaluate::ExplainNode& adults = tree.children[0].children[0];
  CHECK(adults.text == "adults");
  REQUIRE(adults.children.size() == 1);
  CHECK(adults.children[0].kind == evaluate::ExplainNode::Kind::Cut);
  CHECK(adults.children[0].text == "... (--depth 2 explains it)");
  evaluate::ExplainLimits short_text;
  short_text.max_lines = 3;
  CHECK(evaluate::explain_segment(program, outcome->sources, segment, row, context, 0, short_text) ==
        "local_adults → not a member\n"
        "  adults and lower(city) = \"казань\" → false\n"
        "    ...\n");
}

}  // namespace segc
