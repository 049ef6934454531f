#include "codegen/jit_test_support.h"

#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>

#include "diagnostics/render.h"
#include "evaluate/table_schema.h"
#include "runtime/set_masks.h"

namespace segc::jit_test {

std::unique_ptr<CheckOutcome> check_files(const std::vector<std::string>& paths) {
  auto outcome = run_check(paths, CheckSettings{});
  if (!outcome) FAIL(llvm::toString(outcome.takeError()));
  REQUIRE((*outcome)->program.has_value());
  INFO(render_diagnostics(DiagnosticFormat::Text, (*outcome)->diagnostics.items(),
                          (*outcome)->sources, RenderOptions{}));
  REQUIRE(!(*outcome)->diagnostics.has_errors());
  return std::move(*outcome);
}

std::unique_ptr<CheckOutcome> check_source(const std::string& source) {
  static int counter = 0;
  const auto path =
      std::filesystem::temp_directory_path() /
      ("segc-jit-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + ".seg");
  std::ofstream(path, std::ios::binary) << source;
  auto outcome = check_files({path.string()});
  std::filesystem::remove(path);
  return outcome;
}

codegen::JitEngine& engine() {
  static std::unique_ptr<codegen::JitEngine> instance = [] {
    auto created = codegen::JitEngine::create();
    if (!created) FAIL(llvm::toString(created.takeError()));
    return std::move(*created);
  }();
  return *instance;
}

TableBuilder::TableBuilder(const CheckedProgram& program, size_t rows) : program_(program) {
  table_.schema = evaluate::table_schema_for(program.schema);
  table_.row_count = rows;
  for (const runtime::ColumnSpec& spec : table_.schema.columns) {
    runtime::Column column;
    column.spec = spec;
    column.present = runtime::Bitmap(rows, spec.is_key);
    switch (spec.kind) {
      case runtime::ColumnKind::Float:
        column.floats.assign(rows, 0.0);
        break;
      case runtime::ColumnKind::Bool:
        column.bools = runtime::Bitmap(rows);
        break;
      case runtime::ColumnKind::String:
      case runtime::ColumnKind::Enum:
        column.dictionary = spec.enum_values;
        runtime::store_codes(column, std::vector<uint32_t>(rows, 0));
        break;
      case runtime::ColumnKind::StringSet:
        column.set_offsets.assign(rows + 1, 0);
        runtime::store_set_masks(column);
        break;
      default: {
        std::vector<int64_t> values(rows, 0);
        if (spec.is_key) {
          for (size_t row = 0; row < rows; ++row) values[row] = static_cast<int64_t>(row) + 1;
        }
        runtime::store_ints(column, values);
      }
    }
    table_.columns.push_back(std::move(column));
  }
}

runtime::Column& TableBuilder::column(const std::string& field) {
  auto index = program_.schema.index_of(field);
  REQUIRE(index.has_value());
  return table_.columns[*index];
}

TableBuilder& TableBuilder::ints(const std::string& field,
                                 const std::vector<std::optional<int64_t>>& values) {
  runtime::Column& target = column(field);
  REQUIRE(values.size() == table_.row_count);
  std::vector<int64_t> stored;
  for (size_t row = 0; row < values.size(); ++row) {
    target.present.set(row, values[row].has_value());
    stored.push_back(values[row].value_or(0));
  }
  runtime::store_ints(target, stored);
  return *this;
}

TableBuilder& TableBuilder::floats(const std::string& field,
                                   const std::vector<std::optional<double>>& values) {
  runtime::Column& target = column(field);
  REQUIRE(values.size() == table_.row_count);
  for (size_t row = 0; row < values.size(); ++row) {
    target.present.set(row, values[row].has_value());
    target.floats.edit()[row] = values[row].value_or(0.0);
  }
  return *this;
}

TableBuilder& TableBuilder::bools(const std::string& field,
                                  const std::vector<std::optional<bool>>& values) {
  runtime::Column& target = column(field);
  REQUIRE(values.size() == table_.row_count);
  for (size_t row = 0; row < values.size(); ++row) {
    target.present.set(row, values[row].has_value());
    target.bools.set(row, values[row].value_or(false));
  }
  return *this;
}

TableBuilder& TableBuilder::texts(const std::string& field,
                                  const std::vector<std::optional<std::string>>& values) {
  runtime::Column& target = column(field);
  REQUIRE(values.size() == table_.row_count);
  if (target.spec.kind == runtime::ColumnKind::String) {
    std::set<std::string> distinct;
    for (const auto& value : values) {
      if (value) distinct.insert(*value);
    }
    target.dictionary = std::vector<std::string>(distinct.begin(), distinct.end());
  }
  std::vector<uint32_t> codes;
  for (size_t row = 0; row < values.size(); ++row) {
    target.present.set(row, values[row].has_value());
    uint32_t code = 0;
    if (values[row]) {
      auto found = std::find(target.dictionary.begin(), target.dictionary.end(), *values[row]);
      REQUIRE(found != target.dictionary.end());
      code = static_cast<uint32_t>(found - target.dictionary.begin());
    }
    codes.push_back(code);
  }
  runtime::store_codes(target, codes);
  return *this;
}

TableBuilder& TableBuilder::sets(
    const std::string& field, const std::vector<std::optional<std::vector<std::string>>>& values) {
  runtime::Column& target = column(field);
  REQUIRE(values.size() == table_.row_count);
  std::set<std::string> distinct;
  for (const auto& value : values) {
    if (value) distinct.insert(value->begin(), value->end());
  }
  target.dictionary = std::vector<std::string>(distinct.begin(), distinct.end());
  target.set_offsets = {0};
  target.set_codes.clear();
  for (size_t row = 0; row < values.size(); ++row) {
    target.present.set(row, values[row].has_value());
    std::set<uint32_t> codes;
    for (const std::string& element : values[row].value_or(std::vector<std::string>{})) {
      auto found = std::lower_bound(target.dictionary.begin(), target.dictionary.end(), element);
      codes.insert(static_cast<uint32_t>(found - target.dictionary.begin()));
    }
    target.set_codes.edit().insert(target.set_codes.edit().end(), codes.begin(), codes.end());
    target.set_offsets.push_back(static_cast<uint32_t>(target.set_codes.size()));
  }
  runtime::store_set_masks(target);
  return *this;
}

std::vector<size_t> rows_of(const runtime::Bitmap& bitmap) {
  std::vector<size_t> rows;
  for (size_t row = 0; row < bitmap.size(); ++row) {
    if (bitmap.test(row)) rows.push_back(row);
  }
  return rows;
}

std::vector<size_t> all_segments(const CheckedProgram& program) {
  std::vector<size_t> segments;
  for (size_t i = 0; i < program.segments.size(); ++i) segments.push_back(i);
  return segments;
}

void check_same_members(const CheckedProgram& program, const evaluate::SegmentMembership& actual,
                        const evaluate::SegmentMembership& expected,
                        const std::vector<size_t>& segments) {
  for (size_t segment : segments) {
    INFO("segment " << program.segments[segment].name);
    CHECK(rows_of(actual.members[segment]) == rows_of(expected.members[segment]));
  }
}

std::vector<size_t> jit_rows(const CheckedProgram& program, const runtime::Table& table,
                             const std::string& segment, int32_t today, unsigned threads) {
  auto index = program.segment_index(segment);
  REQUIRE(index.has_value());
  auto compiled = engine().compile(program, table, {*index}, evaluate::EvaluationContext{today});
  if (!compiled) FAIL(llvm::toString(compiled.takeError()));
  const evaluate::SegmentMembership membership = (*compiled)->evaluate(table, threads);
  return rows_of(membership.members[*index]);
}

}  // namespace segc::jit_test
