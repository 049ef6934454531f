#include "evaluate/partition_groups.h"

namespace segc::evaluate {

std::vector<PartitionGroup> partition_groups(const CheckedPartition& partition,
                                             const CheckedProgram& program,
                                             const SegmentMembership& membership,
                                             size_t row_count) {
  std::vector<PartitionGroup> groups;
  // Rows already given to a higher-priority group.
  runtime::Bitmap taken(row_count);
  for (size_t segment : partition.segments) {
    const runtime::Bitmap& members = membership.members[segment];
    PartitionGroup group{program.segments[segment].name, false, runtime::Bitmap(row_count)};
    for (size_t word = 0; word < taken.word_count(); ++word) {
      group.members.words()[word] = members.words()[word] & ~taken.words()[word];
      taken.words()[word] |= members.words()[word];
    }
    groups.push_back(std::move(group));
  }
  if (partition.else_group) {
    PartitionGroup rest{*partition.else_group, true, runtime::Bitmap(row_count)};
    for (size_t word = 0; word < taken.word_count(); ++word) {
      rest.members.words()[word] = ~taken.words()[word];
    }
    rest.members.clear_tail();
    groups.push_back(std::move(rest));
  }
  return groups;
}

}  // namespace segc::evaluate
