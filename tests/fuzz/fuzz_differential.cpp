// Structure-aware: the bytes choose a program and a table of the
// differential test's generators (tests/differential/random_*.h), and the
// JIT must agree with the reference interpreter on 1 to 3 threads, and
// `segc explain` of a few customers with both. Bytes
// 0-7: the seed; byte 8: the rows (0-255, or 2-3 blocks clustered by block
// when its top bit and byte 9's are set); byte 9: the rule mix.
#include <fmt/format.h>

#include <cstring>

#include "differential/random_rules.h"
#include "differential/random_table.h"
#include "fuzz/fuzz_support.h"
#include "fuzz/fuzz_target.h"
#include "runtime/block_stats.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace segc;
  if (size < 10) return 0;
  uint64_t seed = 0;
  std::memcpy(&seed, data, sizeof seed);
  const bool clustered = (data[8] & 0x80) != 0 && (data[9] & 0x80) != 0;
  const size_t rows = clustered ? (2 + data[8] % 2) * runtime::kBlockRows + data[9] % 157 : data[8];
  const auto mix = (data[9] & 1) != 0 ? testing::RuleMix::MostlyRanges : testing::RuleMix::Any;
  const std::string rules = testing::random_rules(seed, 6, mix);
  auto checked = fuzz::check_rule_text(rules, "differential.seg");
  if (!checked->program || checked->diagnostics.has_errors()) {
    fuzz::fuzz_failure("a generated program does not check", rules);
  }
  const runtime::Table table =
      testing::random_table(seed, rows, clustered ? testing::Clustering::PerBlock : testing::Clustering::None);
  const evaluate::EvaluationContext context{testing::random_today(seed)};
  const std::string what = fmt::format("seed {} rows {}\n{}", seed, rows, rules);
  const evaluate::SegmentMembership expected =
      fuzz::require_engines_agree(*checked->program, table, context, clustered ? 3 : 1, what);
  fuzz::require_explanations_agree(*checked->program, checked->sources, table, context, expected, what);
  return 0;
}
