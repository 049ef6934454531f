// What a run of some segments computes and reads: the fields whose columns a
// columnar file must verify include those of every segment evaluated on the
// way, referenced segments too, or unverified bytes would decide results.
#include <catch2/catch.hpp>

#include "driver/run_selection.h"
#include "support/check_text.h"

namespace {

std::vector<std::string> names_of(const segc::CheckedProgram& program, const std::vector<size_t>& fields) {
  std::vector<std::string> names;
  for (size_t field : fields) names.push_back(program.schema.fields[field].name);
  return names;
}

constexpr const char* kRules = R"(schema customer {
  key id: int
  age: int
  city: string
  labels: set<string>
  score: float
}
segment local = city = "Москва"
segment tagged = labels contains "vip"
segment adult_local = age >= 18 and local
segment top = adult_local or tagged
segment scored = score > 0.5
partition tiers { top, scored }
)";

}  // namespace

TEST_CASE("fields_read: the key and the fields of every segment evaluated, references included",
          "[run_selection]") {
  auto outcome = segc::testing::check_text(kRules);
  REQUIRE(outcome->program);
  REQUIRE_FALSE(outcome->diagnostics.has_errors());
  const segc::CheckedProgram& program = *outcome->program;
  auto read = [&](std::vector<std::string> names) {
    const segc::RunSelection selection = segc::select_for_run(program, names);
    REQUIRE(selection.error.empty());
    return names_of(program, segc::fields_read(program, selection.to_compute));
  };
  CHECK(read({"local"}) == std::vector<std::string>{"id", "city"});
  CHECK(read({"adult_local"}) == std::vector<std::string>{"id", "age", "city"});
  CHECK(read({"top"}) == std::vector<std::string>{"id", "age", "city", "labels"});
  CHECK(read({"tiers"}) == std::vector<std::string>{"id", "age", "city", "labels", "score"});
  CHECK(read({}) == std::vector<std::string>{"id", "age", "city", "labels", "score"});
}
