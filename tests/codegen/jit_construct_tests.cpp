// Every construct the checker accepts compiles and agrees with the
// interpreter, including those the emitter hands to the interpreter per row
// (text functions over two columns, sets combined by coalesce) and a string
// key (bucket() tabulated over the key's dictionary). Values come from small
// domains so that equalities, ties and missing values are frequent.
#include <algorithm>
#include <catch2/catch.hpp>

#include "codegen/jit_test_support.h"
#include "evaluate/reference_interpreter.h"
#include "runtime/calendar.h"

namespace {

using segc::jit_test::TableBuilder;

constexpr const char* kRules = R"(
schema customer {
  key id: string
  age: int
  spent: decimal(2)
  fine: decimal(9)
  ratio: float
  flag: bool
  city: string
  email: string
  tier: enum("a", "b", "c")
  born: date
  signup: date
  interests: set<string>
  pets: set<string>
}
segment f1 = lower(coalesce(city, email)) = "москва"
segment f2 = length(coalesce(city, email)) > 5
segment f3 = upper(city) = upper(email)
segment f4 = interests contains city
segment f5 = coalesce(interests, pets) contains "cats"
segment f6 = size(coalesce(interests, pets)) >= 2
segment f7 = coalesce(interests, pets) is missing
segment s1 = city = email or city < email
segment s2 = starts_with(email, city) or email contains city or ends_with(email, tier)
segment s3 = matches(coalesce(city, email), "а$")
segment s4 = min(city, email) = "a" or max(city, email) >= "Москва"
segment s5 = coalesce(tier, "b") = "b" and tier in ["a", "b"] and tier not in ["c"]
segment s6 = bucket(10, "salt") < 3
segment s7 = city in ["Москва", "москва"] or lower(city) contains "ва"
segment n1 = coalesce(age, spent) > 10 or coalesce(spent, ratio) > 0.5
segment n2 = min(age, ratio) < 0 or max(spent, 1.005) > 2
segment n3 = age * spent * fine > 0 or (fine * fine) is missing
segment n4 = -spent < -5.5 or abs(spent) > 1 or abs(ratio) > 0.5 or abs(age) = 3
segment n5 = age in [1, 2.5, 3] or spent in [1, 2.50] or ratio in [0.5, 1]
segment n6 = (age > 5) is missing or (age / spent) is present
segment n7 = age / fine > ratio or age - spent + fine * 2 < ratio * 3
segment n8 = coalesce(flag, age > 3) and flag != true
segment n9 = (age + 9223372036854775800) is missing or age * age * age * age > 100
segment d1 = born + 1 month between signup and signup + 1 year
segment d2 = born within next 3 months or born within this week or born within previous month
segment d3 = born within last 2 years or signup within this month or signup within previous week
segment d4 = days_since(born) > days_since(signup) or years_since(born) = 3
segment d5 = days_until_birthday(born) < 50 or day_of_week(signup) = 7
segment d6 = born in [2024-02-29, 2025-02-28] or born - 1 year = 2023-02-28
segment d7 = 2026-01-31 + 1 month = 2026-02-28 and coalesce(born, today) <= 10 days ago
segment d8 = min(born, signup) = max(born, signup) or year_of(signup) = 2025
segment r1 = f1 or s1 and not n1
segment r2 = not r1 and (d1 or flag)
)";

uint64_t next(uint64_t& state) {
  state = state * 6364136223846793005ULL + 1442695040888963407ULL;
  return state >> 33;
}

segc::runtime::Table random_table(const segc::CheckedProgram& program, size_t rows) {
  uint64_t state = 42;
  auto pick = [&](uint64_t n) { return next(state) % n; };
  auto maybe = [&]() { return pick(5) != 0; };
  std::vector<std::optional<int64_t>> age, spent, fine, born, signup;
  std::vector<std::optional<double>> ratio;
  std::vector<std::optional<bool>> flag;
  std::vector<std::optional<std::string>> id, city, email, tier;
  std::vector<std::optional<std::vector<std::string>>> interests, pets;
  const std::vector<std::string> cities = {"Москва", "москва", "Казань", "a", "ва", "b@a"};
  const std::vector<std::string> words = {"cats", "dogs", "Москва", "a", "fish"};
  const int32_t base = segc::calendar::days_from_civil({2024, 2, 1});
  for (size_t row = 0; row < rows; ++row) {
    id.push_back("c" + std::to_string(row));
    age.push_back(maybe() ? std::optional<int64_t>(static_cast<int64_t>(pick(9)) - 3)
                          : std::nullopt);
    spent.push_back(maybe() ? std::optional<int64_t>(static_cast<int64_t>(pick(7)) * 125 - 300)
                            : std::nullopt);
    fine.push_back(
        maybe() ? std::optional<int64_t>(static_cast<int64_t>(pick(3)) * 4000000000000000000LL -
                                         4000000000000000000LL)
                : std::nullopt);
    ratio.push_back(maybe() ? std::optional<double>(static_cast<double>(pick(5)) * 0.25 - 0.5)
                            : std::nullopt);
    flag.push_back(maybe() ? std::optional<bool>(pick(2) == 1) : std::nullopt);
    city.push_back(maybe() ? std::optional<std::string>(cities[pick(cities.size())])
                           : std::nullopt);
    email.push_back(maybe() ? std::optional<std::string>(cities[pick(cities.size())] + "a")
                            : std::nullopt);
    tier.push_back(maybe() ? std::optional<std::string>(std::string(1, char('a' + pick(3))))
                           : std::nullopt);
    born.push_back(maybe() ? std::optional<int64_t>(base + static_cast<int64_t>(pick(1200)))
                           : std::nullopt);
    signup.push_back(maybe() ? std::optional<int64_t>(base + static_cast<int64_t>(pick(1200)))
                             : std::nullopt);
    for (auto* set : {&interests, &pets}) {
      std::vector<std::string> elements;
      for (size_t i = pick(4); i > 0; --i) elements.push_back(words[pick(words.size())]);
      set->push_back(maybe() ? std::optional(elements) : std::nullopt);
    }
  }
  return TableBuilder(program, rows)
      .texts("id", id)
      .ints("age", age)
      .ints("spent", spent)
      .ints("fine", fine)
      .floats("ratio", ratio)
      .bools("flag", flag)
      .texts("city", city)
      .texts("email", email)
      .texts("tier", tier)
      .ints("born", born)
      .ints("signup", signup)
      .sets("interests", interests)
      .sets("pets", pets)
      .build();
}

}  // namespace

TEST_CASE("JIT compiles every construct and agrees with the interpreter", "[jit]") {
  auto outcome = segc::jit_test::check_source(kRules);
  const segc::CheckedProgram& program = *outcome->program;
  auto table = random_table(program, 300);
  table.columns[program.schema.key_index].present = segc::runtime::Bitmap(300, true);
  const auto wanted = segc::jit_test::all_segments(program);
  for (int32_t today : {segc::calendar::days_from_civil({2026, 3, 1}),
                        segc::calendar::days_from_civil({2025, 2, 28})}) {
    const segc::evaluate::EvaluationContext context{today};
    const auto expected = segc::evaluate::interpret_segments(program, table, wanted, context);
    auto compiled = segc::jit_test::engine().compile(program, table, wanted, context);
    if (!compiled) FAIL(llvm::toString(compiled.takeError()));
    const auto actual = (*compiled)->evaluate(table, 2);
    for (size_t segment : wanted) {
      INFO("segment " << program.segments[segment].name);
      CHECK(segc::jit_test::rows_of(actual.members[segment]) ==
            segc::jit_test::rows_of(expected.members[segment]));
      // Not vacuous: the tables hit both outcomes of most rules.
    }
    size_t non_empty = 0;
    for (size_t segment : wanted) non_empty += expected.members[segment].count() > 0 ? 1 : 0;
    CHECK(non_empty > wanted.size() / 2);
  }
}

TEST_CASE("JIT compile rejects a table that does not fit the schema", "[jit]") {
  auto outcome = segc::jit_test::check_source(kRules);
  const segc::CheckedProgram& program = *outcome->program;
  auto table = random_table(program, 10);
  table.columns.pop_back();
  auto compiled = segc::jit_test::engine().compile(program, table, {0}, {});
  REQUIRE(!compiled);
  CHECK(llvm::toString(compiled.takeError()).find("columns") != std::string::npos);
}

TEST_CASE("JIT code given a table of another shape falls back to the interpreter", "[jit]") {
  auto outcome = segc::jit_test::check_source(kRules);
  const segc::CheckedProgram& program = *outcome->program;
  const auto bound = random_table(program, 40);
  auto other = bound;
  // Different dictionaries: the codes the compiled code resolved mean other strings.
  auto city = program.schema.index_of("city");
  REQUIRE(city.has_value());
  std::vector<std::string> reversed = other.columns[*city].dictionary.to_vector();
  std::reverse(reversed.begin(), reversed.end());
  other.columns[*city].dictionary = reversed;
  const auto wanted = segc::jit_test::all_segments(program);
  const segc::evaluate::EvaluationContext context{segc::calendar::days_from_civil({2026, 3, 1})};
  auto compiled = segc::jit_test::engine().compile(program, bound, wanted, context);
  if (!compiled) FAIL(llvm::toString(compiled.takeError()));
  const auto expected = segc::evaluate::interpret_segments(program, other, wanted, context);
  const auto actual = (*compiled)->evaluate(other, 1);
  for (size_t segment : wanted) {
    INFO("segment " << program.segments[segment].name);
    CHECK(actual.members[segment] == expected.members[segment]);
  }
  auto broken = bound;
  broken.columns[*city].present = segc::runtime::Bitmap(3);
  const auto nothing = (*compiled)->evaluate(broken, 1);
  CHECK(std::find(nothing.computed.begin(), nothing.computed.end(), true) ==
        nothing.computed.end());
}
