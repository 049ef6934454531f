#include "codegen/compiled_rule_set.h"

#include <algorithm>
#include <thread>

#include "codegen/interpreter_fallback.h"
#include "evaluate/reference_interpreter.h"

namespace segc::codegen {
namespace {

// Words per call of the entry: all segments of a block are computed before
// the next block, so the rows' data stays in cache between segments.
constexpr uint64_t kBlockWords = 64;

std::vector<const void*> column_pointers(const runtime::Table& table) {
  std::vector<const void*> slots;
  slots.reserve(table.columns.size() * kSlotsPerField);
  for (const runtime::Column& column : table.columns) {
    slots.push_back(column.present.words());
    switch (column.spec.kind) {
      case runtime::ColumnKind::Float:
        slots.push_back(column.floats.data());
        break;
      case runtime::ColumnKind::Bool:
        slots.push_back(column.bools.words());
        break;
      default:
        slots.push_back(column.data());
        break;
    }
    slots.push_back(column.set_offsets.data());
    slots.push_back(column.set_codes.data());
  }
  return slots;
}

}  // namespace

CompiledRuleSet::CompiledRuleSet(const CheckedProgram& program, std::vector<size_t> segments,
                                 evaluate::EvaluationContext context, TableShape shape,
                                 std::unique_ptr<HostData> host, llvm::orc::JITDylib* code,
                                 RuleSetEntry entry, std::string ir)
    : program_(program),
      segments_(std::move(segments)),
      context_(context),
      shape_(std::move(shape)),
      host_(std::move(host)),
      code_(code),
      entry_(entry),
      ir_(std::move(ir)) {}

CompiledRuleSet::~CompiledRuleSet() {
  llvm::consumeError(code_->getExecutionSession().removeJITDylib(*code_));
}

evaluate::SegmentMembership CompiledRuleSet::evaluate(const runtime::Table& table,
                                                      unsigned threads) const {
  if (auto error = check_table(program_, table)) {
    // Not a table of this schema at all: a caller's bug. Nothing is computed
    // rather than reading past arrays.
    llvm::consumeError(std::move(error));
    evaluate::SegmentMembership nothing;
    nothing.members.resize(program_.segments.size());
    nothing.computed.assign(program_.segments.size(), false);
    return nothing;
  }
  if (shape_of(table, shape_.fields) != shape_) {
    return evaluate::interpret_segments(program_, table, segments_, context_);
  }
  evaluate::SegmentMembership result;
  result.members.resize(program_.segments.size());
  result.computed.assign(program_.segments.size(), false);
  std::vector<uint64_t*> members(program_.segments.size(), nullptr);
  for (size_t segment : segments_) {
    result.members[segment] = runtime::Bitmap(table.row_count);
    result.computed[segment] = true;
    members[segment] = result.members[segment].words();
  }
  const std::vector<const void*> columns = column_pointers(table);
  const RunState state{&program_, &table, &result};
  const SegcRunArgs args{columns.data(), members.data(), table.row_count, &state};

  const uint64_t words = (table.row_count + 63) / 64;
  if (words == 0) return result;
  const uint64_t workers = std::clamp<uint64_t>(threads, 1, words);
  const uint64_t share = (words + workers - 1) / workers;
  auto run = [&](uint64_t first, uint64_t end) {
    for (uint64_t block = first; block < end; block += kBlockWords) {
      entry_(&args, block, std::min(end, block + kBlockWords));
    }
  };
  std::vector<std::thread> helpers;
  for (uint64_t worker = 1; worker < workers; ++worker) {
    const uint64_t first = worker * share;
    if (first >= words) break;
    helpers.emplace_back(run, first, std::min(words, first + share));
  }
  run(0, std::min(words, share));
  for (std::thread& helper : helpers) helper.join();
  for (size_t segment : segments_) result.members[segment].clear_tail();
  return result;
}

}  // namespace segc::codegen
