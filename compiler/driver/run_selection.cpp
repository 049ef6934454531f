#include "driver/run_selection.h"

#include <fmt/format.h>

#include <algorithm>

#include "codegen/expression_dependencies.h"
#include "evaluate/reference_interpreter.h"
#include "semantic/suggestions.h"

namespace segc {
namespace {

std::vector<std::string> declared_names(const CheckedProgram& program) {
  std::vector<std::string> names;
  for (const CheckedSegment& segment : program.segments) names.push_back(segment.name);
  for (const CheckedPartition& partition : program.partitions) names.push_back(partition.name);
  return names;
}

std::optional<size_t> partition_index(const CheckedProgram& program, const std::string& name) {
  for (size_t i = 0; i < program.partitions.size(); ++i) {
    if (program.partitions[i].name == name) return i;
  }
  return std::nullopt;
}

void sort_unique(std::vector<size_t>& indices) {
  std::sort(indices.begin(), indices.end());
  indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
}

}  // namespace

RunSelection select_for_run(const CheckedProgram& program, const std::vector<std::string>& names) {
  RunSelection selection;
  if (names.empty()) {
    for (size_t i = 0; i < program.segments.size(); ++i) selection.segments.push_back(i);
    for (size_t i = 0; i < program.partitions.size(); ++i) selection.partitions.push_back(i);
  } else {
    for (const std::string& name : names) {
      if (auto segment = program.segment_index(name)) {
        selection.segments.push_back(*segment);
      } else if (auto partition = partition_index(program, name)) {
        selection.partitions.push_back(*partition);
      } else {
        selection.error = fmt::format("--segments: no segment or partition is called '{}'", name);
        if (auto suggestion = closest_match(name, declared_names(program))) {
          selection.error += fmt::format(" (did you mean '{}'?)", *suggestion);
        }
        return selection;
      }
    }
    sort_unique(selection.segments);
    sort_unique(selection.partitions);
  }
  selection.to_compute = selection.segments;
  for (size_t partition : selection.partitions) {
    for (size_t segment : program.partitions[partition].segments) {
      selection.to_compute.push_back(segment);
    }
  }
  sort_unique(selection.to_compute);
  return selection;
}

std::vector<size_t> fields_read(const CheckedProgram& program, const std::vector<size_t>& segments) {
  codegen::DependencyMap dependencies(program);
  std::vector<size_t> fields{program.schema.key_index};
  for (size_t segment : evaluate::segments_to_evaluate(program, segments)) {
    const auto& read = dependencies.of(*program.segments[segment].declaration->where).fields;
    fields.insert(fields.end(), read.begin(), read.end());
  }
  sort_unique(fields);
  return fields;
}

}  // namespace segc
