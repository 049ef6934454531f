// Partitions (LANGUAGE.md section 7): each customer goes to the first listed
// segment that contains it, or to the `else` group when none does.
#pragma once

#include <string>
#include <vector>

#include "evaluate/segment_membership.h"
#include "semantic/checked_program.h"

namespace segc::evaluate {

struct PartitionGroup {
  std::string name;        // the segment's name, or the `else` label
  bool is_else = false;
  runtime::Bitmap members;
};

// The groups of `partition`, in priority order (the `else` group last). Every
// listed segment must be computed in `membership`.
std::vector<PartitionGroup> partition_groups(const CheckedPartition& partition,
                                             const CheckedProgram& program,
                                             const SegmentMembership& membership, size_t row_count);

}  // namespace segc::evaluate
