#include "driver/explain_target.h"

#include <fmt/format.h>

#include "semantic/suggestions.h"

namespace segc {
namespace {

std::optional<size_t> partition_named(const CheckedProgram& program, std::string_view name) {
  for (size_t i = 0; i < program.partitions.size(); ++i) {
    if (program.partitions[i].name == name) return i;
  }
  return std::nullopt;
}

std::vector<std::string> known_names(const CheckedProgram& program) {
  std::vector<std::string> names;
  for (const CheckedSegment& segment : program.segments) names.push_back(segment.name);
  for (const CheckedPartition& partition : program.partitions) {
    names.push_back(partition.name);
    for (size_t segment : partition.segments) names.push_back(partition.name + "." + program.segments[segment].name);
    if (partition.else_group) names.push_back(partition.name + "." + *partition.else_group);
  }
  return names;
}

ExplainTarget unknown(const CheckedProgram& program, const std::string& name, const std::string& what) {
  ExplainTarget target;
  target.error = fmt::format("no {} is called '{}'", what, name);
  if (auto near = closest_match(name, known_names(program))) target.error += fmt::format(" (did you mean '{}'?)", *near);
  return target;
}

}  // namespace

ExplainTarget explain_target(const CheckedProgram& program, const std::string& name) {
  ExplainTarget target;
  target.name = name;
  if (auto segment = program.segment_index(name)) {
    target.segment = *segment;
    target.segments = {*segment};
    return target;
  }
  const size_t dot = name.find('.');
  const std::string partition_name = name.substr(0, dot);
  auto partition = partition_named(program, partition_name);
  if (!partition) return unknown(program, name, "segment, partition or PARTITION.GROUP");
  target.kind = dot == std::string::npos ? ExplainTarget::Kind::Partition : ExplainTarget::Kind::Group;
  target.name = partition_name;
  target.partition = *partition;
  target.segments = program.partitions[*partition].segments;
  if (target.kind == ExplainTarget::Kind::Group) {
    target.group = name.substr(dot + 1);
    const CheckedPartition& checked = program.partitions[*partition];
    bool listed = checked.else_group && *checked.else_group == target.group;
    for (size_t segment : checked.segments) listed = listed || program.segments[segment].name == target.group;
    if (!listed) return unknown(program, name, fmt::format("group of partition '{}'", partition_name));
  }
  return target;
}

PartitionOutcome partition_outcome(const CheckedProgram& program, size_t partition,
                                   const evaluate::RowView& customer) {
  const CheckedPartition& checked = program.partitions[partition];
  PartitionOutcome outcome;
  for (size_t segment : checked.segments) {
    outcome.decided_by.push_back(segment);
    if (customer.member(segment)) {
      outcome.group = program.segments[segment].name;
      return outcome;
    }
  }
  outcome.group = checked.else_group;
  return outcome;
}

}  // namespace segc
