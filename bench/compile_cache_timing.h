// Target 3 of the bench (README.md): how long a fresh process's compile of a
// rule set takes with the persistent compile cache, cold (an empty cache
// folder, so the time includes generating the code and writing the entries)
// and warm (every module's object code loaded from the folder). Each timed
// compile creates its own JitEngine and CompileCache, as `segc run` does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "evaluate/segment_membership.h"
#include "runtime/table.h"
#include "semantic/checked_program.h"

namespace segc::bench {

struct CacheTimes {
  double cold_ms = 0;  // median: JitEngine::create + compile, empty cache folder
  double warm_ms = 0;  // median: the same with the folder a previous compile filled
  uint64_t entries = 0;  // objects one compile stores (modules of the rule set)
  bool valid = true;     // the cache missed/hit as intended and the warm code agrees
};

// Times `reps` cold compiles, each in a new empty folder under `root`
// (deleted afterwards), then `reps` warm ones sharing one folder; the warm
// code's members over `table` must equal `expected`. Prints a line on
// stderr for each thing that is not as intended.
CacheTimes time_cached_compiles(const CheckedProgram& program, const runtime::Table& table,
                                const std::vector<size_t>& segments, int32_t today,
                                unsigned reps, const std::filesystem::path& root,
                                const evaluate::SegmentMembership& expected);

}  // namespace segc::bench
