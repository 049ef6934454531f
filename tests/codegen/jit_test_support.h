// Shared by the JIT tests: checking Seg source text, building small tables
// by hand (every field missing unless set), and comparing engines.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "codegen/jit_engine.h"
#include "driver/check_driver.h"
#include "runtime/table.h"

namespace segc::jit_test {

// Checks `source` (one rule file, schema included); fails the test on errors.
std::unique_ptr<CheckOutcome> check_source(const std::string& source);
// Checks rule files on disk (with their imports).
std::unique_ptr<CheckOutcome> check_files(const std::vector<std::string>& paths);

// One engine per test binary: LLJIT start-up is not free.
codegen::JitEngine& engine();

class TableBuilder {
 public:
  TableBuilder(const CheckedProgram& program, size_t rows);
  TableBuilder& ints(const std::string& field, const std::vector<std::optional<int64_t>>& values);
  TableBuilder& floats(const std::string& field, const std::vector<std::optional<double>>& values);
  TableBuilder& bools(const std::string& field, const std::vector<std::optional<bool>>& values);
  // String and Enum fields alike.
  TableBuilder& texts(const std::string& field,
                      const std::vector<std::optional<std::string>>& values);
  TableBuilder& sets(const std::string& field,
                     const std::vector<std::optional<std::vector<std::string>>>& values);
  runtime::Table build() const { return table_; }

 private:
  runtime::Column& column(const std::string& field);
  const CheckedProgram& program_;
  runtime::Table table_;
};

// The rows of a membership bitmap, for readable failures.
std::vector<size_t> rows_of(const runtime::Bitmap& bitmap);

// Segment indices of every segment of the program.
std::vector<size_t> all_segments(const CheckedProgram& program);

// Checks, segment by segment (named in the failure), that `actual` has the
// members `expected` has.
void check_same_members(const CheckedProgram& program, const evaluate::SegmentMembership& actual,
                        const evaluate::SegmentMembership& expected,
                        const std::vector<size_t>& segments);

// Runs the JIT (with `threads`) and returns the members of `segment` by name.
std::vector<size_t> jit_rows(const CheckedProgram& program, const runtime::Table& table,
                             const std::string& segment, int32_t today = 0, unsigned threads = 1);

}  // namespace segc::jit_test
