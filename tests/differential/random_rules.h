// Random well-typed Seg rules over the fixed schema of random_table.h, for
// the differential test. Every construct of LANGUAGE.md sections 5 and 6 can
// appear; the generator knows the type rules, so the checker accepts every
// file it writes (a rejection is a generator bug and fails the test).
#pragma once

#include <cstdint>
#include <string>

namespace segc::testing {

// The schema declaration the rules and tables use.
extern const char* const kDifferentialSchema;

// Any: every segment's condition is drawn from the whole language.
// MostlyRanges: most are a top-level `and` of comparisons that block
// statistics decide (codegen/block_skipping.h), for tables clustered by block.
enum class RuleMix { Any, MostlyRanges };

// A rule file (schema included) with `segments` segments seg0..seg{n-1}; later
// segments may reference earlier ones.
std::string random_rules(uint64_t seed, int segments, RuleMix mix = RuleMix::Any);

}  // namespace segc::testing
