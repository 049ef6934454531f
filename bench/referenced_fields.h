// The fields (schema indices, ascending) that a program's segments read,
// directly or through the segments they refer to.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

#include "codegen/expression_dependencies.h"
#include "semantic/checked_program.h"

namespace segc::bench {

inline std::vector<size_t> referenced_fields(const CheckedProgram& program) {
  codegen::DependencyMap dependencies(program);
  std::vector<size_t> fields;
  for (const CheckedSegment& segment : program.segments) {
    const codegen::Dependencies& reads = dependencies.of(*segment.declaration->where);
    fields.insert(fields.end(), reads.fields.begin(), reads.fields.end());
  }
  std::sort(fields.begin(), fields.end());
  fields.erase(std::unique(fields.begin(), fields.end()), fields.end());
  return fields;
}

}  // namespace segc::bench
