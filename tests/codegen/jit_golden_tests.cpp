// The per-construct evaluation goldens (tests/golden/eval/*.seg) through the
// JIT: every `test` block's customers become a table (one row per `given`)
// and every segment must agree bit for bit with the reference interpreter,
// whose answers the golden runner checks against the hand-computed
// expectations. Small tables: each run also covers a partial last word.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "codegen/jit_test_support.h"
#include "evaluate/given_table.h"
#include "evaluate/reference_interpreter.h"

namespace {

namespace fs = std::filesystem;

std::vector<std::string> golden_files() {
  std::vector<std::string> files;
  for (const auto& entry :
       fs::directory_iterator(fs::path(SEGC_SOURCE_DIR) / "tests/golden/eval")) {
    if (entry.path().extension() == ".seg") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("JIT agrees with the interpreter on every evaluation golden", "[jit]") {
  const auto files = golden_files();
  REQUIRE(files.size() >= 10);
  for (const std::string& file : files) {
    auto outcome = segc::jit_test::check_files({file});
    const segc::CheckedProgram& program = *outcome->program;
    const auto wanted = segc::jit_test::all_segments(program);
    REQUIRE(!program.tests.empty());
    for (const segc::CheckedTest& test : program.tests) {
      const auto table = segc::evaluate::table_from_givens(program, *test.declaration);
      const segc::evaluate::EvaluationContext context{test.declaration->as_of.value_or(20000)};
      const auto expected = segc::evaluate::interpret_segments(program, table, wanted, context);
      auto compiled = segc::jit_test::engine().compile(program, table, wanted, context);
      if (!compiled) FAIL(file << ": " << llvm::toString(compiled.takeError()));
      const auto actual = (*compiled)->evaluate(table, 2);
      for (size_t segment : wanted) {
        INFO(fs::path(file).filename().string()
             << ", test \"" << test.declaration->name.value << "\", segment "
             << program.segments[segment].name);
        CHECK(segc::jit_test::rows_of(actual.members[segment]) ==
              segc::jit_test::rows_of(expected.members[segment]));
      }
    }
  }
}
