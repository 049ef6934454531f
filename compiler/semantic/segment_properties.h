// A segment's properties (LANGUAGE.md: description, owner, tags, meta) as
// plain values, for the outputs that show them: the manifest and the report.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "syntax/ast.h"

namespace segc {

struct SegmentProperties {
  std::string description;  // "" when not given
  std::string owner;
  std::vector<std::string> tags;
  std::vector<std::pair<std::string, std::string>> meta;  // first-given order; a repeated key keeps the last value
};

SegmentProperties segment_properties(const ast::SegmentDecl& declaration);

}  // namespace segc
