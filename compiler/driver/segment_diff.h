// `segc diff`: the same customers evaluated under two versions of the rules
// (the work tree and a git revision), compared per segment and per partition
// group: sizes before and after, who entered and who left, and whether the
// definition changed (docs/diff.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "evaluate/segment_membership.h"
#include "runtime/table.h"
#include "semantic/checked_program.h"
#include "source/source_file.h"

namespace segc {

// One version of the rules and what it computed over the data; `program` is
// null when that version has no rule files at all.
struct DiffSide {
  const CheckedProgram* program = nullptr;
  const SourceManager* sources = nullptr;
  const evaluate::SegmentMembership* membership = nullptr;  // every segment computed
};

struct DiffEntry {
  std::string name;          // a segment, or PARTITION.GROUP
  std::string status;        // added, removed, renamed, changed, unchanged
  std::string renamed_from;  // renamed: the name before
  uint64_t before = 0, after = 0, entered = 0, left = 0;
  std::vector<std::string> examples_entered, examples_left;  // keys, in data order
};

struct DiffReport {
  std::vector<DiffEntry> segments;    // the after side's order, then removed ones
  std::vector<DiffEntry> partitions;  // groups, likewise
  uint64_t customers = 0;
};

// Both sides evaluated over `table` (the same rows). `examples` keys at most
// per list.
DiffReport diff_rules(const DiffSide& before, const DiffSide& after, const runtime::Table& table, size_t examples);

// Whether `entry` moved by more than `percent` of its size before (entries
// that exist on both sides only; from 0 to anything counts as a move).
bool moved_more_than(const DiffEntry& entry, double percent);

}  // namespace segc
