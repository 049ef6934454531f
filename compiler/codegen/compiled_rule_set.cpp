#include "codegen/compiled_rule_set.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <thread>

#include "codegen/interpreter_fallback.h"
#include "evaluate/reference_interpreter.h"
#include "runtime/bitmap_arena.h"

namespace segc::codegen {
namespace {

// Words per call of the entry: all segments of a block are computed before
// the next block, so the rows' data stays in cache between segments.
constexpr uint64_t kBlockWords = 64;
static_assert(kBlockWords * 64 == runtime::kBlockRows, "a call covers one statistics block");

// Every call into JIT-compiled code goes through here. Clang's UBSan
// function check (-fsanitize=function, part of "undefined") reads a type
// signature from the 8 bytes before the target of an indirect call; compiled
// rules have none, and where a function starts its mapping those bytes are
// unmapped: the sanitized fuzz build crashed there, before any rule ran.
#if defined(__clang__)
__attribute__((no_sanitize("function")))
#endif
void call_compiled(RuleSetEntry function, const SegcRunArgs* args, uint64_t first_word, uint64_t end_word) {
  function(args, first_word, end_word);
}

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
                                 RuleSetEntry entry, std::vector<GroupCode> groups,
                                 std::string ir)
    : program_(program),
      segments_(std::move(segments)),
      context_(context),
      shape_(std::move(shape)),
      host_(std::move(host)),
      code_(code),
      entry_(entry),
      groups_(std::move(groups)),
      ir_(std::move(ir)) {
  for (const GroupCode& group : groups_) {
    skippable_.push_back(group.skippable());
    fillable_.push_back(group.fillable());
    skipping_ = skipping_ || skippable_.back() || fillable_.back();
  }
}

bool GroupCode::skippable() const {
  for (const SegmentRanges& ranges : segment_ranges) {
    if (ranges.ranges.empty()) return false;
  }
  return !segment_ranges.empty();
}

bool GroupCode::fillable() const {
  for (const SegmentRanges& ranges : segment_ranges) {
    if (!ranges.exact) return false;
  }
  return !segment_ranges.empty();
}

bool GroupCode::may_match(const runtime::Table& table, size_t block) const {
  for (const SegmentRanges& ranges : segment_ranges) {
    if (block_may_match(ranges.ranges, table, block)) return true;
  }
  return false;
}

bool GroupCode::always_matches(const runtime::Table& table, size_t block) const {
  for (const SegmentRanges& ranges : segment_ranges) {
    if (!block_always_matches(ranges, table, block)) return false;
  }
  return true;
}

CompiledRuleSet::~CompiledRuleSet() {
  llvm::consumeError(code_->getExecutionSession().removeJITDylib(*code_));
}

evaluate::SegmentMembership CompiledRuleSet::evaluate(const runtime::Table& table,
                                                      unsigned threads) const {
  evaluate::SegmentMembership result;
  evaluate_into(table, threads, result);
  return result;
}

void CompiledRuleSet::evaluate_into(const runtime::Table& table, unsigned threads,
                                    evaluate::SegmentMembership& result) const {
  if (auto error = check_table(program_, table)) {
    // Not a table of this schema at all: a caller's bug. Nothing is computed
    // rather than reading past arrays.
    llvm::consumeError(std::move(error));
    result = evaluate::SegmentMembership{};
    result.members.resize(program_.segments.size());
    result.computed.assign(program_.segments.size(), false);
    return;
  }
  if (shape_of(table, shape_.fields) != shape_) {
    result = evaluate::interpret_segments(program_, table, segments_, context_);
    return;
  }
  // Reused only when every bitmap to be written is there at the right size;
  // the generated code and block skipping expect zeroed words.
  const size_t count = program_.segments.size();
  bool reuse = result.members.size() == count;
  for (size_t segment : segments_) reuse = reuse && result.members[segment].size() == table.row_count;
  std::vector<runtime::Bitmap> zeroed;
  if (!reuse) {
    result.members.assign(count, runtime::Bitmap{});
    zeroed = runtime::zeroed_bitmaps(segments_.size(), table.row_count);
  }
  result.computed.assign(count, false);
  std::vector<uint64_t*> members(count, nullptr);
  for (size_t i = 0; i < segments_.size(); ++i) {
    const size_t segment = segments_[i];
    runtime::Bitmap& bitmap = result.members[segment];
    if (reuse) {
      std::fill(bitmap.words(), bitmap.words() + bitmap.word_count(), uint64_t{0});
    } else {
      bitmap = std::move(zeroed[i]);
    }
    result.computed[segment] = true;
    members[segment] = bitmap.words();
  }
  // A segment this rule set does not compute keeps no earlier bitmap.
  for (size_t segment = 0; segment < count; ++segment) {
    if (!result.computed[segment]) result.members[segment] = runtime::Bitmap{};
  }
  const std::vector<const void*> columns = column_pointers(table);
  const RunState state{&program_, &table, &result};
  const SegcRunArgs args{columns.data(), members.data(), table.row_count, &state};

  // Full words on threads, then a last, partial word.
  evaluate_full_words(table, args, members, table.row_count / 64, threads);
  if (table.row_count % 64 != 0) evaluate_partial_word(table, args, table.row_count / 64);
  for (size_t segment : segments_) result.members[segment].clear_tail();
}

void CompiledRuleSet::evaluate_full_words(const runtime::Table& table, const SegcRunArgs& args,
                                          const std::vector<uint64_t*>& members, uint64_t words,
                                          unsigned threads) const {
  if (words == 0) return;
  const uint64_t workers = std::clamp<uint64_t>(threads, 1, words);
  // Whole blocks per thread, so that every call covers one block of the
  // statistics (runtime::kBlockRows rows).
  const uint64_t share = ((words + workers - 1) / workers + kBlockWords - 1) / kBlockWords * kBlockWords;
  auto run = [&](uint64_t first, uint64_t end) {
    if (!skipping_) {
      for (uint64_t block = first; block < end; block += kBlockWords) {
        entry_(&args, block, std::min(end, block + kBlockWords));
      }
      return;
    }
    // Every block's decision for every group first, then the calls. Checked
    // between the calls, the statistics took only ~65 ns a block, yet the
    // calls then took longer: rfm over 10M rows (segc_bench) 4.7-5.8 ms that
    // way, 2.8-3.4 ms with the same calls and no checks, 3.0-3.4 ms with the
    // decisions made first.
    enum Decision : uint8_t { kEvaluate, kSkip, kFill };
    const size_t groups = groups_.size();
    std::vector<uint8_t> decisions;
    decisions.reserve((end - first + kBlockWords - 1) / kBlockWords * groups);
    for (uint64_t block = first; block < end; block += kBlockWords) {
      for (size_t g = 0; g < groups; ++g) {
        const GroupCode& group = groups_[g];
        const size_t stats_block = block / kBlockWords;
        decisions.push_back(skippable_[g] && !group.may_match(table, stats_block)    ? kSkip
                            : fillable_[g] && group.always_matches(table, stats_block) ? kFill
                                                                                       : kEvaluate);
      }
    }
    uint64_t skipped = 0;
    uint64_t filled = 0;
    const uint8_t* decision = decisions.data();
    for (uint64_t block = first; block < end; block += kBlockWords) {
      const uint64_t stop = std::min(end, block + kBlockWords);
      // A skipped group's words stay zero (none of its segments holds there)
      // or are set to ones (all rows are members; the tail past the last row
      // is cleared below); later groups read them as such.
      for (size_t g = 0; g < groups; ++g, ++decision) {
        const GroupCode& group = groups_[g];
        if (*decision == kEvaluate) {
          call_compiled(group.function, &args, block, stop);
          continue;
        }
        ++skipped;
        if (*decision == kFill) {
          for (size_t segment : group.segments) {
            std::fill(members[segment] + block, members[segment] + stop, ~uint64_t{0});
          }
          ++filled;
        }
      }
    }
    skipped_ += skipped;
    filled_ += filled;
  };
  std::vector<std::thread> helpers;
  for (uint64_t worker = 1; worker < workers; ++worker) {
    const uint64_t first = worker * share;
    if (first >= words) break;
    helpers.emplace_back(run, first, std::min(words, first + share));
  }
  run(0, std::min(words, share));
  for (std::thread& helper : helpers) helper.join();
}

// Row code computes the last word in place, reading only its rows. Word
// code reads all 64 rows of every column it uses, which the arrays of the
// last word may not have: it gets copies of them padded with zeros (missing
// rows, as past the end of a bitmap), and the member words of the last word
// as its word 0. Bits past the last row are cleared afterwards.
void CompiledRuleSet::evaluate_partial_word(const runtime::Table& table, const SegcRunArgs& args,
                                            uint64_t word) const {
  std::vector<const void*> slots(args.columns, args.columns + table.columns.size() * kSlotsPerField);
  std::vector<std::array<uint64_t, 64>> copies(shape_.fields.size(), std::array<uint64_t, 64>{});
  const size_t first_row = word * 64;
  const size_t rows = table.row_count - first_row;
  for (size_t i = 0; i < shape_.fields.size(); ++i) {
    const size_t field = shape_.fields[i];
    const runtime::Column& column = table.columns[field];
    const void** slot = &slots[field * kSlotsPerField];
    slot[kPresenceSlot] = column.present.words() + word;
    slot[kOffsetsSlot] = nullptr;  // set offsets and codes: read by row code only
    slot[kCodesSlot] = nullptr;
    if (column.spec.kind == runtime::ColumnKind::Bool) {
      slot[kValuesSlot] = column.bools.words() + word;
      continue;
    }
    // Doubles, or storage (values, codes or set masks; none for sets without masks).
    const size_t width = column.spec.kind == runtime::ColumnKind::Float
                             ? sizeof(double)
                             : static_cast<size_t>(column.width);
    if (width == 0) continue;
    std::memcpy(copies[i].data(), static_cast<const char*>(slot[kValuesSlot]) + first_row * width,
                rows * width);
    slot[kValuesSlot] = copies[i].data();
  }
  std::vector<uint64_t*> members(args.members, args.members + program_.segments.size());
  for (uint64_t*& words : members) {
    if (words != nullptr) words += word;
  }
  const SegcRunArgs padded{slots.data(), members.data(), rows, nullptr};
  for (const GroupCode& group : groups_) {
    if (group.kind == GroupKind::WordCode) {
      call_compiled(group.function, &padded, 0, 1);
    } else {
      call_compiled(group.function, &args, word, word + 1);
    }
  }
}

}  // namespace segc::codegen
