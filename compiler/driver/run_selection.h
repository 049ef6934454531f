// What `segc run --segments a,b` asks for: segments and partitions by name.
// Without names every segment and every partition is wanted.
#pragma once

#include <string>
#include <vector>

#include "semantic/checked_program.h"

namespace segc {

struct RunSelection {
  std::vector<size_t> segments;    // reported, declaration order
  std::vector<size_t> partitions;  // reported, declaration order
  std::vector<size_t> to_compute;  // segments the engine must evaluate (incl. partitions')
  std::string error;               // an unknown name, with a suggestion
};

RunSelection select_for_run(const CheckedProgram& program, const std::vector<std::string>& names);

// The key and the fields read by `segments` and every segment they reference
// (all of them are evaluated), ascending: the columns of a columnar file that
// must be verified before they decide anything.
std::vector<size_t> fields_read(const CheckedProgram& program, const std::vector<size_t>& segments);

}  // namespace segc
