// The member words of a run big enough for one arena (runtime/bitmap_arena.h)
// are written in place by the generated code: on full words from several
// threads, on the last, partial word, and on blocks skipped by their
// statistics (which must read as zero).
#include <catch2/catch.hpp>

#include <algorithm>

#include <fmt/format.h>

#include "codegen/jit_test_support.h"
#include "runtime/bitmap_arena.h"

TEST_CASE("a run's member words in one arena are each segment's own", "[jit]") {
  constexpr size_t kSegments = 64;
  constexpr size_t kRows = 600'001;  // 64 bitmaps of 75 KB: past kMinMappedBytes
  static_assert(kSegments * (kRows / 8) >= segc::runtime::kMinMappedBytes);
  std::string source = "schema customer {\n  key id: int\n  x: int\n}\n";
  // Segment k: x < k, where x is the row number modulo 100 for the first half of
  // the rows and 1000 (beyond every k) for the second, so that blocks there
  // are skipped by their maximum.
  for (size_t k = 0; k < kSegments; ++k) source += fmt::format("segment below_{} = x < {}\n", k, k);
  auto outcome = segc::jit_test::check_source(source);
  const segc::CheckedProgram& program = *outcome->program;
  std::vector<std::optional<int64_t>> ids, xs;
  for (size_t row = 0; row < kRows; ++row) {
    ids.push_back(static_cast<int64_t>(row));
    xs.push_back(row < kRows / 2 ? static_cast<int64_t>(row % 100) : 1000);
  }
  const segc::runtime::Table table =
      segc::jit_test::TableBuilder(program, kRows).ints("id", ids).ints("x", xs).build();
  const auto wanted = segc::jit_test::all_segments(program);
  auto compiled = segc::jit_test::engine().compile(program, table, wanted, segc::evaluate::EvaluationContext{0});
  if (!compiled) FAIL(llvm::toString(compiled.takeError()));
  // Fresh bitmaps, then (evaluate_into) the same arena's words again, first
  // set to all ones so that every word, skipped blocks' too, must be rewritten.
  segc::evaluate::SegmentMembership result;
  for (int round = 0; round < 4; ++round) {
    const unsigned threads = 1 + round % 2;
    INFO(threads << " threads, round " << round);
    const uint64_t* words_before = round > 0 ? result.members[0].words() : nullptr;
    if (round > 0) {
      for (size_t k = 0; k < kSegments; ++k) {
        uint64_t* words = result.members[k].words();
        std::fill(words, words + result.members[k].word_count(), ~uint64_t{0});
      }
    }
    if (round < 2) {
      result = (*compiled)->evaluate(table, threads);
    } else {
      (*compiled)->evaluate_into(table, threads, result);
      CHECK(result.members[0].words() == words_before);  // reused, not allocated
    }
    for (size_t k = 0; k < kSegments; ++k) {
      INFO("below_" << k);
      const segc::runtime::Bitmap& members = result.members[k];
      REQUIRE(members.size() == kRows);
      // Whole hundreds in the first half: k members per hundred rows.
      CHECK(members.count() == (kRows / 2) / 100 * k);
      CHECK(members.test(0) == (k > 0));
      CHECK(members.test(99) == (k > 99));
      CHECK_FALSE(members.test(kRows - 1));
    }
  }
  // A rule set of half the segments, into that result: its segments' words
  // are reused, the other segments are neither computed nor left holding
  // the earlier bitmaps.
  const std::vector<size_t> half(wanted.begin(), wanted.begin() + kSegments / 2);
  auto some = segc::jit_test::engine().compile(program, table, half, segc::evaluate::EvaluationContext{0});
  if (!some) FAIL(llvm::toString(some.takeError()));
  const uint64_t* words_before = result.members[0].words();
  (*some)->evaluate_into(table, 1, result);
  CHECK(result.members[0].words() == words_before);
  REQUIRE(result.members.size() == kSegments);
  for (size_t k = 0; k < kSegments; ++k) {
    INFO("below_" << k);
    if (k < kSegments / 2) {
      CHECK(result.computed[k]);
      CHECK(result.members[k].count() == (kRows / 2) / 100 * k);
    } else {
      CHECK_FALSE(result.computed[k]);
      CHECK(result.members[k].size() == 0);
    }
  }
}
