// segc_bench_member_output: how long `segc run --out` takes to turn member
// bitmaps into file contents, `.keys` text against Roaring bitmaps, on the
// same synthetic members in the same run (files are not written, so the disk
// does not blur the comparison). The members are 50 segments of densities
// from 0.01% to 95%, half scattered rows and half runs of rows, over a table
// whose keys are 1..N in row order (the layout of exported customer tables and
// of segc-datagen) and, for the slower general path, the same keys shuffled.
//
//   build-bench/bench/segc_bench_member_output --rows 10000000 --reps 3
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "output/member_keys.h"
#include "output/roaring_members.h"
#include "timing.h"

namespace {

using segc::runtime::Bitmap;

segc::runtime::Table table_with_keys(const std::vector<int64_t>& keys) {
  segc::runtime::Table table;
  table.schema.columns.push_back({"id", segc::runtime::ColumnKind::Int, 0, {}, true});
  table.row_count = keys.size();
  segc::runtime::Column key;
  key.spec = table.schema.columns[0];
  key.present = Bitmap(keys.size(), true);
  segc::runtime::store_ints(key, keys);
  table.columns.push_back(std::move(key));
  return table;
}

std::vector<Bitmap> synthetic_segments(size_t rows, size_t count) {
  std::mt19937_64 random(2026);
  std::vector<Bitmap> segments;
  for (size_t i = 0; i < count; ++i) {
    const double density = 0.0001 * std::pow(9500.0, static_cast<double>(i) / (count - 1));
    Bitmap members(rows);
    if (i % 2 == 0) {
      std::bernoulli_distribution member(density);
      for (size_t row = 0; row < rows; ++row) members.set(row, member(random));
    } else {
      // Runs of 1..2000 members with gaps sized to reach the density.
      std::uniform_int_distribution<size_t> run(1, 2000);
      size_t row = 0;
      while (row < rows) {
        const size_t length = run(random);
        for (size_t r = row; r < std::min(rows, row + length); ++r) members.set(r);
        row += static_cast<size_t>(static_cast<double>(length) / density) + 1;
      }
    }
    segments.push_back(std::move(members));
  }
  return segments;
}

// Median milliseconds of producing every segment's file contents; `bytes` gets their total size.
template <typename Contents>
double time_all(const std::vector<Bitmap>& segments, unsigned reps, Contents&& contents,
                size_t& bytes) {
  std::vector<double> times;
  for (unsigned rep = 0; rep < std::max(reps, 1u); ++rep) {
    bytes = 0;
    times.push_back(segc::bench::time_once([&] {
      for (const Bitmap& members : segments) bytes += contents(members).size();
    }));
  }
  return segc::bench::median(std::move(times));
}

}  // namespace

int main(int argc, char** argv) {
  size_t rows = 10'000'000;
  size_t segment_count = 50;
  unsigned reps = 3;
  bool roaring_only = false;
  CLI::App app("Member output: .keys text against Roaring bitmaps");
  app.add_option("--rows", rows, "Rows of the synthetic table")->capture_default_str();
  app.add_option("--segments", segment_count, "Segments")->capture_default_str();
  app.add_option("--reps", reps, "Repetitions; the median is printed")->capture_default_str();
  app.add_flag("--roaring-only", roaring_only, "Time only Roaring output of keys 1..N");
  CLI11_PARSE(app, argc, argv);
  segment_count = std::max<size_t>(segment_count, 2);

  std::vector<int64_t> keys(rows);
  std::iota(keys.begin(), keys.end(), 1);
  const std::vector<Bitmap> segments = synthetic_segments(rows, segment_count);
  size_t members = 0;
  for (const Bitmap& segment : segments) members += segment.count();
  fmt::print("{} segments over {} rows, {} members in all\n", segment_count, rows, members);
  fmt::print("{:<40} {:>10} {:>12} {:>8}\n", "output", "ms", "MB", "x keys");

  const segc::runtime::Table sorted = table_with_keys(keys);
  const segc::output::KeyOrder sorted_order(sorted);
  size_t bytes = 0;
  const double keys_ms =
      roaring_only ? 1.0
                   : time_all(
                         segments, reps, [&](const Bitmap& m) { return sorted_order.keys_text(m); },
                         bytes);
  auto row = [&](const char* name, double ms) {
    fmt::print("{:<40} {:>10.1f} {:>12.1f} {:>8.3f}\n", name, ms, bytes / 1e6, ms / keys_ms);
  };
  row(".keys text, keys 1..N in row order", keys_ms);

  const segc::output::RoaringMembers sorted_bitmaps(sorted, sorted_order,
                                                    segc::output::RoaringWidth::Bits32);
  row("roaring, keys 1..N in row order",
      time_all(segments, reps, [&](const Bitmap& m) { return sorted_bitmaps.serialize(m); },
               bytes));
  if (roaring_only) return 0;

  std::vector<int64_t> gapped(rows);
  for (size_t r = 0; r < rows; ++r) gapped[r] = 2 * static_cast<int64_t>(r) + 1;
  const segc::runtime::Table odd = table_with_keys(gapped);
  const segc::output::KeyOrder odd_order(odd);
  const segc::output::RoaringMembers odd_bitmaps(odd, odd_order,
                                                 segc::output::RoaringWidth::Bits32);
  row("roaring, odd keys in row order",
      time_all(segments, reps, [&](const Bitmap& m) { return odd_bitmaps.serialize(m); }, bytes));

  std::shuffle(keys.begin(), keys.end(), std::mt19937_64(7));
  const segc::runtime::Table shuffled = table_with_keys(keys);
  const segc::output::KeyOrder shuffled_order(shuffled);
  const segc::output::RoaringMembers shuffled_bitmaps(shuffled, shuffled_order,
                                                      segc::output::RoaringWidth::Bits32);
  row("roaring, keys 1..N shuffled",
      time_all(segments, reps, [&](const Bitmap& m) { return shuffled_bitmaps.serialize(m); },
               bytes));
  row(".keys text, keys 1..N shuffled",
      time_all(segments, reps, [&](const Bitmap& m) { return shuffled_order.keys_text(m); },
               bytes));
  return 0;
}
