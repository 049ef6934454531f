// What `segc explain ... NAME` explains: a segment, a partition (which group
// the customer falls in, and why not the groups before it), or one group of a
// partition, `PARTITION.GROUP` (LANGUAGE.md section 7: the first listed
// segment that holds the customer wins, else the `else` group).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "evaluate/reference_interpreter.h"
#include "semantic/checked_program.h"

namespace segc {

struct ExplainTarget {
  enum class Kind { Segment, Partition, Group };
  Kind kind = Kind::Segment;
  std::string name;              // the segment's or the partition's
  std::string group;             // Group: the segment's name or the `else` label
  size_t segment = 0;            // Segment
  size_t partition = 0;          // Partition, Group
  std::vector<size_t> segments;  // what explaining it evaluates (before references)
  std::string error;             // an unknown name, with the nearest known one
};

ExplainTarget explain_target(const CheckedProgram& program, const std::string& name);

struct PartitionOutcome {
  std::optional<std::string> group;  // the customer's group; none without a winner or `else`
  std::vector<size_t> decided_by;    // the listed segments tried, in order, the winner last
};

PartitionOutcome partition_outcome(const CheckedProgram& program, size_t partition,
                                   const evaluate::RowView& customer);

}  // namespace segc
