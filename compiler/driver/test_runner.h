// `segc test`: every `test` block runs through the chosen engine, one table
// row per `given`, and each failed expectation is reported with the values
// that decided it.
#pragma once

#include <llvm/Support/Error.h>

#include <cstdint>
#include <string>
#include <vector>

#include "driver/segment_evaluator.h"
#include "semantic/checked_program.h"
#include "source/source_file.h"

namespace segc {

struct TestFailure {
  SourceRange location;     // the expectation
  std::string test_name;
  size_t customer = 0;      // 1-based position of the `given` in its block
  std::string message;      // one line
  std::string explanation;  // indented lines: the given values and sub-expression values
};

struct TestReport {
  size_t blocks = 0;
  size_t expectations = 0;
  std::vector<TestFailure> failures;
};

// `default_today` is used for blocks without `as of`.
llvm::Expected<TestReport> run_tests(const CheckedProgram& program, const SourceManager& sources,
                                     SegmentEvaluator& evaluator, int32_t default_today);

}  // namespace segc
