// Word code (segment_function.cpp: a group's full words on 64 lanes at
// once) against the reference interpreter, and which groups get it: every
// straight-line construct a group can hold, missing values in every column,
// and groups that must fall back to row code because a segment calls a
// helper.
#include <catch2/catch.hpp>

#include "codegen/jit_test_support.h"
#include "evaluate/reference_interpreter.h"

namespace {

using segc::jit_test::check_source;
using segc::jit_test::TableBuilder;

constexpr const char* kSchema = R"(
schema customer {
  key id: int
  age: int
  points: int
  spent: decimal(2)
  ratio: float
  born: date
  flag: bool
  city: string
  tier: enum("bronze", "silver", "gold")
  labels: set<string>
}
)";

// Straight-line segments only: word code for all of them.
constexpr const char* kStraight = R"(
segment ages = age between 25 and 40
segment points_or_flag = points >= 300 or flag
segment not_flag = not flag and flag is present
segment flag_order = flag != (points > 500)
segment spent_big = spent >= 12.50 and spent < 900.00
segment ratio_low = ratio < 0.25 and ratio != 0.1
segment born_window = born between 1990-01-01 and 2000-12-31
segment born_recent = born + 30 days > 2005-06-01
segment cities = city in ["Москва", "Казань"] and not tier = "bronze"
segment tiers = tier != "gold" or tier is missing
segment labels_any = labels contains any ["cats", "fish"]
segment labels_all = labels contains all ["cats", "dogs"]
segment labels_size = size(labels) >= 2
segment arithmetic = age * 2 + points > 500 and abs(points - 400) < 150
segment chosen = coalesce(age, points) > 30 and min(age, points) < 50 and max(ratio, 0.5) > 0.6
segment old_weekday = days_since(born) > 9000 and day_of_week(born) <= 5
segment named = ages and not cities
)";

// A calendar helper makes its group row code.
constexpr const char* kHelper = R"(
segment aged = years_since(born) >= 30 and age > 20
)";

segc::runtime::Table table_of(const segc::CheckedProgram& program, size_t rows) {
  std::vector<std::optional<int64_t>> ages, points, spent, born;
  std::vector<std::optional<double>> ratios;
  std::vector<std::optional<bool>> flags;
  std::vector<std::optional<std::string>> cities, tiers;
  std::vector<std::optional<std::vector<std::string>>> labels;
  const std::vector<std::string> city_names = {"Москва", "Казань", "Омск", "Пермь"};
  const std::vector<std::string> tier_names = {"bronze", "silver", "gold"};
  const std::vector<std::string> tags = {"cats", "dogs", "fish", "birds"};
  uint64_t state = 0x5e9c;
  auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return state >> 33;
  };
  // Each value is missing in about one row in seven, at different rows per column.
  auto missing = [&] { return next() % 7 == 0; };
  for (size_t row = 0; row < rows; ++row) {
    ages.push_back(missing() ? std::nullopt : std::optional<int64_t>(10 + next() % 70));
    points.push_back(missing() ? std::nullopt : std::optional<int64_t>(next() % 1000));
    spent.push_back(missing() ? std::nullopt : std::optional<int64_t>(next() % 100000));
    born.push_back(missing() ? std::nullopt : std::optional<int64_t>(3000 + next() % 16000));
    ratios.push_back(missing() ? std::nullopt
                               : std::optional<double>(static_cast<double>(next() % 100) / 100));
    flags.push_back(missing() ? std::nullopt : std::optional<bool>(next() % 2 == 0));
    cities.push_back(missing() ? std::nullopt
                               : std::optional<std::string>(city_names[next() % city_names.size()]));
    tiers.push_back(missing() ? std::nullopt
                              : std::optional<std::string>(tier_names[next() % tier_names.size()]));
    if (missing()) {
      labels.push_back(std::nullopt);
    } else {
      std::vector<std::string> set;
      for (const std::string& tag : tags) {
        if (next() % 2 == 0) set.push_back(tag);
      }
      labels.push_back(set);
    }
  }
  return TableBuilder(program, rows)
      .ints("age", ages)
      .ints("points", points)
      .ints("spent", spent)
      .ints("born", born)
      .floats("ratio", ratios)
      .bools("flag", flags)
      .texts("city", cities)
      .texts("tier", tiers)
      .sets("labels", labels)
      .build();
}

// Compiles every segment of `rules`, checks them against the interpreter at
// 1 and 2 threads and returns the IR.
std::string check_against_interpreter(const std::string& rules, size_t rows) {
  auto outcome = check_source(std::string(kSchema) + rules);
  const segc::CheckedProgram& program = *outcome->program;
  const segc::runtime::Table table = table_of(program, rows);
  const auto wanted = segc::jit_test::all_segments(program);
  const segc::evaluate::EvaluationContext context{20000};
  const auto expected = segc::evaluate::interpret_segments(program, table, wanted, context);
  auto compiled = segc::jit_test::engine().compile(program, table, wanted, context,
                                                   segc::codegen::IrText::Keep);
  if (!compiled) FAIL(llvm::toString(compiled.takeError()));
  for (unsigned threads : {1u, 2u}) {
    INFO(threads << " threads, " << rows << " rows");
    segc::jit_test::check_same_members(program, (*compiled)->evaluate(table, threads), expected,
                                       wanted);
  }
  // Not vacuous: every segment has members and non-members.
  for (size_t segment : wanted) {
    INFO("segment " << program.segments[segment].name);
    CHECK(expected.members[segment].count() > 0);
    CHECK(expected.members[segment].count() < rows);
  }
  return (*compiled)->llvm_ir();
}

}  // namespace

TEST_CASE("word code agrees with the interpreter on every straight-line construct", "[jit]") {
  // Several blocks of 4096 rows, and a partial last word (row code).
  for (size_t rows : {size_t{640}, size_t{9000 + 37}}) {
    const std::string ir = check_against_interpreter(kStraight, rows);
    CHECK(ir.find("lanes.body") != std::string::npos);  // emit_word_code's loop
    CHECK(ir.find("full.row.body") == std::string::npos);  // no full word is row code
  }
}

TEST_CASE("a group with a helper call is row code and agrees with the interpreter", "[jit]") {
  const std::string ir = check_against_interpreter(kHelper, 1000);
  CHECK(ir.find("lanes.body") == std::string::npos);
  CHECK(ir.find("full.row.body") != std::string::npos);
  CHECK(ir.find("segc_years_since") != std::string::npos);
}
