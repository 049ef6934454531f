// Per-construct evaluation tests: every tests/golden/eval/*.seg is a
// self-contained rule file whose `test` blocks hold expectations computed by
// hand from LANGUAGE.md and docs/evaluation.md. Each block becomes a table
// (one row per `given`) that every engine below evaluates with today = the
// block's `as of`; every expectation must hold for every engine.
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>

#include "diagnostics/render.h"
#include "driver/check_driver.h"
#include "codegen/jit_engine.h"
#include "evaluate/given_table.h"
#include "evaluate/reference_interpreter.h"
#include "support/golden_files.h"

namespace {

namespace fs = std::filesystem;
using segc::CheckedProgram;
using segc::evaluate::EvaluationContext;
using segc::evaluate::SegmentMembership;

using Engine = std::function<SegmentMembership(const CheckedProgram&, const segc::runtime::Table&,
                                               const std::vector<size_t>&,
                                               const EvaluationContext&)>;

struct NamedEngine {
  const char* name;
  Engine run;
};

SegmentMembership run_jit(const CheckedProgram& program, const segc::runtime::Table& table,
                          const std::vector<size_t>& wanted, const EvaluationContext& context) {
  static std::unique_ptr<segc::codegen::JitEngine> engine = [] {
    auto created = segc::codegen::JitEngine::create();
    if (!created) FAIL(llvm::toString(created.takeError()));
    return std::move(*created);
  }();
  auto compiled = engine->compile(program, table, wanted, context);
  if (!compiled) FAIL(llvm::toString(compiled.takeError()));
  return (*compiled)->evaluate(table, 1);
}

// A new engine joins the golden tests with one line here.
const std::vector<NamedEngine>& engines() {
  static const std::vector<NamedEngine> list = {
      {"interpreter", segc::evaluate::interpret_segments},
      {"jit", run_jit},
  };
  return list;
}

std::vector<fs::path> eval_cases(const fs::path& folder) {
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.is_regular_file() && entry.path().extension() == ".seg") cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

// "age: 30, city: "Москва"": what the engine was given for one customer.
std::string describe_customer(const CheckedProgram& program, const segc::runtime::Table& table,
                              const SegmentMembership& membership, size_t row) {
  const segc::evaluate::TableRowView view(program, table, membership, row);
  std::string out;
  for (size_t field = 0; field < program.schema.fields.size(); ++field) {
    const auto value = view.field(field);
    if (segc::evaluate::is_missing(value)) continue;
    out += (out.empty() ? "" : ", ") + program.schema.fields[field].name + ": " +
           segc::evaluate::show_value(value);
  }
  return "{ " + out + " }";
}

// Checks every expectation of `test`; returns how many there were.
size_t check_test_block(const CheckedProgram& program, const segc::SourceManager& sources,
                        const segc::ast::TestDecl& test, const NamedEngine& engine) {
  const std::string where = sources.file(test.range.file).display_path();
  INFO(where << ":" << test.range.begin.line << ": test \"" << test.name.value << "\"");
  REQUIRE(test.as_of.has_value());  // eval goldens must not depend on the clock
  const segc::runtime::Table table = segc::evaluate::table_from_givens(program, test);
  std::vector<size_t> wanted;
  for (const auto& given : test.givens) {
    for (const auto& expectation : given.expectations) {
      wanted.push_back(*program.segment_index(expectation.segment.name));
    }
  }
  const SegmentMembership membership = engine.run(program, table, wanted, {*test.as_of});
  size_t checked = 0;
  for (size_t row = 0; row < test.givens.size(); ++row) {
    for (const auto& expectation : test.givens[row].expectations) {
      const size_t segment = *program.segment_index(expectation.segment.name);
      const bool member = membership.members[segment].test(row);
      INFO(engine.name << ": " << where << ":" << expectation.range.begin.line << ": given "
                       << describe_customer(program, table, membership, row) << " expect "
                       << (expectation.negated ? "not " : "") << expectation.segment.name);
      CHECK(member != expectation.negated);
      ++checked;
    }
  }
  return checked;
}

}  // namespace

TEST_CASE("evaluation goldens", "[eval-golden]") {
  const fs::path root = fs::path(SEGC_SOURCE_DIR);
  const auto cases = eval_cases(root / "tests/golden/eval");
  REQUIRE(!cases.empty());
  for (const fs::path& seg : cases) {
    const std::string relative = fs::relative(seg, root).string();
    DYNAMIC_SECTION(relative) {
      segc::testing::CurrentDirectory in_root(root);
      segc::CheckSettings settings;
      settings.stdlib_directory = (root / "stdlib").string();
      settings.rules_root = root.string();  // also without a .git entry (a source tarball)
      auto outcome = segc::run_check({relative}, settings);
      REQUIRE(static_cast<bool>(outcome));
      const auto& checked = **outcome;
      INFO(segc::render_diagnostics(segc::DiagnosticFormat::Text, checked.diagnostics.items(),
                                    checked.sources, {}));
      REQUIRE(checked.usage_error.empty());
      REQUIRE(!checked.diagnostics.has_errors());
      REQUIRE(checked.program.has_value());
      const CheckedProgram& program = *checked.program;
      REQUIRE(!program.tests.empty());
      for (const NamedEngine& engine : engines()) {
        size_t expectations = 0;
        for (const auto& test : program.tests) {
          expectations += check_test_block(program, checked.sources, *test.declaration, engine);
        }
        CHECK(expectations > 0);
      }
    }
  }
}
