// The JIT against hand-computed memberships: one small table with edge cases
// (missing values, overflow, the largest int, 29 February, Cyrillic text)
// and one segment per construct.
#include <catch2/catch.hpp>
#include <limits>

#include "codegen/jit_test_support.h"
#include "runtime/calendar.h"

namespace {

using segc::jit_test::check_source;
using segc::jit_test::TableBuilder;

constexpr const char* kSchema = R"(
schema customer {
  key id: int
  age: int
  spent: decimal(2)
  ratio: float
  born: date
  flag: bool
  city: string
  tier: enum("bronze", "silver", "gold")
  labels: set<string>
}
)";

int32_t day(int year, unsigned month, unsigned day_of_month) {
  return segc::calendar::days_from_civil({year, month, day_of_month});
}

segc::runtime::Table sample_table(const segc::CheckedProgram& program) {
  const auto none = std::nullopt;
  using Texts = std::vector<std::optional<std::string>>;
  using Tags = std::vector<std::string>;
  return TableBuilder(program, 6)
      .ints("age", {30, 17, none, std::numeric_limits<int64_t>::max(), -5, 18})
      .ints("spent", {1001, 1000, none, 0, -100, 1234500})
      .floats("ratio", {0.1, 0.05, none, 1e308, -0.2, 0.1})
      .ints("born", {day(2000, 2, 29), day(1990, 1, 31), none, day(1970, 1, 1), day(2010, 12, 31),
                     day(2008, 6, 15)})
      .bools("flag", {true, false, none, true, false, true})
      .texts("city", Texts{"Москва", "Казань", none, "москва", "Москва", "Санкт-Петербург"})
      .texts("tier", Texts{"gold", "bronze", none, "silver", "gold", none})
      .sets("labels", {Tags{"cats", "dogs"}, Tags{}, none, Tags{"cats"}, Tags{"fish"}, none})
      .build();
}

struct Case {
  const char* rule;
  std::vector<size_t> rows;
};

void check_cases(const std::vector<Case>& cases) {
  std::string source = kSchema;
  for (size_t i = 0; i < cases.size(); ++i) {
    source += "segment s" + std::to_string(i) + " = " + cases[i].rule + "\n";
  }
  auto outcome = check_source(source);
  const segc::CheckedProgram& program = *outcome->program;
  const auto table = sample_table(program);
  const int32_t today = day(2011, 1, 10);
  for (size_t i = 0; i < cases.size(); ++i) {
    INFO(cases[i].rule);
    CHECK(segc::jit_test::jit_rows(program, table, "s" + std::to_string(i), today) ==
          cases[i].rows);
  }
}

}  // namespace

TEST_CASE("JIT numbers: ints, decimals, floats, overflow and division", "[jit]") {
  check_cases({
      {"age >= 18", {0, 3, 5}},
      {"age < 18 or age is missing", {1, 2, 4}},
      {"spent > 10.005", {0, 5}},
      {"ratio >= 0.1", {0, 3, 5}},
      {"(age + 1) is missing", {2, 3}},
      {"-age < 0", {0, 1, 3, 5}},
      {"spent * 2 + age >= 50", {0, 5}},
      {"age / 2 = 15", {0}},
      {"(spent / 0) is missing", {0, 1, 2, 3, 4, 5}},
      {"(ratio * 10) is missing", {2, 3}},
      {"spent * 0.000000001 * 0.000000001 = 0.00000000000000001", {0, 1}},
      {"age between spent and 40", {0, 1}},
      {"coalesce(age, 0) = 0", {2}},
      {"max(age, 21) = 21", {1, 4, 5}},
      {"min(spent, 5) = 5", {0, 1, 5}},
      {"abs(age) = 5", {4}},
      {"abs(ratio) = 0.2", {4}},
      {"length(lower(city)) + age > 30", {0, 5}},
      {"age in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 17, 30]", {0, 1}},
      {"age not in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 17, 30]", {3, 4, 5}},
  });
}

TEST_CASE("JIT logic: Kleene and, or, not, segment references", "[jit]") {
  check_cases({
      {"flag and age > 20", {0, 3}},
      {"not flag", {1, 4}},
      {"flag is missing", {2}},
      {"flag or age > 100", {0, 3, 5}},
      {"not (flag and age < 20)", {0, 1, 3, 4}},
      {"flag = (age > 20)", {0, 1, 3, 4}},
      {"true and not false", {0, 1, 2, 3, 4, 5}},
      {"not s0", {1, 2, 4, 5}},
      {"s0 or s1", {0, 1, 3, 4}},
  });
}

TEST_CASE("JIT dates: arithmetic with clamping, within, calendar functions", "[jit]") {
  check_cases({
      {"born + 1 year = 2001-02-28", {0}},
      {"born + 1 month = 1990-02-28", {1}},
      {"born - 2 weeks = 2010-12-17", {4}},
      {"born within last 30 days", {4}},
      {"born within this year", {}},
      {"born within previous year", {4}},
      {"born < 30 years ago", {3}},
      {"years_since(born) >= 18", {1, 3}},
      {"days_since(born) = 10", {4}},
      {"day_of_week(born) = 4", {3}},
      {"month_of(born) = 2 and day_of_month(born) = 29", {0}},
      {"year_of(born) = 2008", {5}},
      {"days_until_birthday(born) = 21", {1}},
      {"born in [2001-01-01, 2002-01-01, 2003-01-01, 2004-01-01, 2005-01-01, 2006-01-01, "
       "2007-01-01, 2008-06-15, 1970-01-01]",
       {3, 5}},
  });
}

TEST_CASE("JIT text, enums and sets", "[jit]") {
  check_cases({
      {"city = \"Москва\"", {0, 4}},
      {"lower(city) = \"москва\"", {0, 3, 4}},
      {"city in [\"Казань\", \"Санкт-Петербург\"]", {1, 5}},
      {"city not in [\"Казань\"]", {0, 3, 4, 5}},
      {"city contains \"ква\"", {0, 3, 4}},
      {"starts_with(city, \"Са\")", {5}},
      {"matches(city, \"^К\")", {1}},
      {"tier >= \"silver\"", {0, 3, 4}},
      {"tier != \"gold\"", {1, 3}},
      {"labels contains \"cats\"", {0, 3}},
      {"labels contains any [\"dogs\", \"fish\"]", {0, 4}},
      {"labels contains all [\"cats\", \"dogs\"]", {0}},
      {"size(labels) = 0", {1}},
      {"not (labels contains \"unicorn\")", {0, 1, 3, 4}},
      {"labels is missing", {2, 5}},
      {"city < \"Москва\"", {1}},
  });
}
