// The report's charts as inline SVG: no script draws them, so the page shows
// them as written, prints them, and needs nothing from the network. Every
// chart is role="img" with a text alternative that states its numbers, and
// every mark has a <title> tooltip. Text passed in is escaped here.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "report/overlap_matrix.h"
#include "report/segment_profiles.h"

namespace segc::report {

// Okabe and Ito's eight colours, told apart with every common colour blindness.
inline constexpr std::array<const char*, 8> kPalette = {"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                                        "#56B4E9", "#D55E00", "#F0E442", "#000000"};

// A bar for a table cell, `fraction` (0..1) of it filled. Hidden from
// screen readers: the cell states the share as text beside it.
std::string share_bar(double fraction);

struct ChartPart {
  std::string label;
  uint64_t count = 0;
  std::string colour;  // CSS colour
};

// The colour of part `index` of a chart: the palette in turn, grey for a
// partition's `else` group (the customers no offer went to).
std::string part_colour(size_t index, bool is_else = false);

// One full-width bar split into `parts` of `total` (a partition's groups).
std::string stacked_bar(const std::vector<ChartPart>& parts, uint64_t total, std::string_view title);

// The Jaccard index of every two of the segments `shown` (indices into
// `names` and `matrix`) as coloured cells, darker for more overlap.
std::string heat_map(const std::vector<std::string>& names, const std::vector<size_t>& shown,
                     const OverlapMatrix& matrix, std::string_view title);

// The colours of the heat map for a few Jaccard values (the caption explains them).
std::string heat_map_legend();

// The share of segment `segment`'s `members` in each bucket of `profile`,
// against the share of all `rows` customers (a mark on each bar).
std::string profile_chart(const FieldProfile& profile, size_t segment, uint64_t members, uint64_t rows,
                          std::string_view segment_name);

// A small line of `values` (0..1) for a table cell; `label` is its text alternative.
std::string sparkline(const std::vector<double>& values, std::string_view label);

struct Series {
  std::string name;
  std::vector<double> values;  // per date, a share (0..1); negative where unknown
};

// Series over `dates` (ISO dates, ascending), with a legend.
std::string line_chart(const std::vector<std::string>& dates, const std::vector<Series>& series,
                       std::string_view title);

}  // namespace segc::report
