#include "driver/test_runner.h"

#include <fmt/format.h>

#include "evaluate/explain.h"
#include "evaluate/given_table.h"
#include "evaluate/reference_interpreter.h"
#include "runtime/calendar.h"

namespace segc {
namespace {

std::vector<size_t> expected_segments(const CheckedProgram& program, const ast::TestDecl& test) {
  std::vector<size_t> segments;
  for (const ast::GivenClause& given : test.givens) {
    for (const ast::Expectation& expectation : given.expectations) {
      if (auto index = program.segment_index(expectation.segment.name)) {
        segments.push_back(*index);
      }
    }
  }
  return segments;
}

std::string given_text(const SourceManager& sources, const ast::GivenClause& given) {
  std::vector<std::string> fields;
  for (const ast::GivenField& field : given.fields) {
    fields.push_back(
        fmt::format("{}: {}", field.field.name, evaluate::source_text(sources, field.value->range)));
  }
  return fmt::format("given {{ {} }}", fmt::join(fields, ", "));
}

}  // namespace

llvm::Expected<TestReport> run_tests(const CheckedProgram& program, const SourceManager& sources,
                                     SegmentEvaluator& evaluator, int32_t default_today) {
  TestReport report;
  for (const CheckedTest& checked : program.tests) {
    const ast::TestDecl& test = *checked.declaration;
    ++report.blocks;
    const evaluate::EvaluationContext context{test.as_of.value_or(default_today)};
    const runtime::Table table = evaluate::table_from_givens(program, test);
    auto membership = evaluator.evaluate(program, table, expected_segments(program, test), context);
    if (!membership) return membership.takeError();
    for (size_t row = 0; row < test.givens.size(); ++row) {
      const ast::GivenClause& given = test.givens[row];
      for (const ast::Expectation& expectation : given.expectations) {
        ++report.expectations;
        auto segment = program.segment_index(expectation.segment.name);
        if (!segment) continue;  // the checker reported it
        const bool member = membership->members[*segment].test(row);
        if (member != expectation.negated) continue;
        TestFailure failure;
        failure.location = expectation.range;
        failure.test_name = test.name.value;
        failure.customer = row + 1;
        failure.message = fmt::format(
            "test \"{}\", customer {}: expected {}{}, but the customer is {}a member (as of {})",
            test.name.value, row + 1, expectation.negated ? "not " : "", expectation.segment.name,
            member ? "" : "not ", calendar::format_iso_date(context.today));
        const evaluate::TableRowView view(program, table, *membership, row);
        failure.explanation = "  " + given_text(sources, given) + "\n" +
                              evaluate::explain_segment(program, sources, *segment, view, context, 2);
        report.failures.push_back(std::move(failure));
      }
    }
  }
  return report;
}

}  // namespace segc
