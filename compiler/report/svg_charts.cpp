#include "report/svg_charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/html_text.h"

namespace segc::report {
namespace {

double share(uint64_t part, uint64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

std::string percent(double fraction) { return format_fraction(fraction); }
// For text and titles written straight into the page ("<0.1%").
std::string percent_html(double fraction) { return html_escape(format_fraction(fraction)); }

// Coordinates with two decimals at most: the page stays small and the same
// numbers always print the same.
std::string at(double value) { return format_decimal(value, 2); }

// Light (no overlap) to dark blue (the same customers); the square root
// makes small overlaps visible.
std::string heat_colour(double jaccard) {
  const double t = std::sqrt(std::clamp(jaccard, 0.0, 1.0));
  auto channel = [&](int from, int to) { return static_cast<int>(std::lround(from + (to - from) * t)); };
  return fmt::format("#{:02x}{:02x}{:02x}", channel(0xf4, 0x08), channel(0xf8, 0x30), channel(0xfc, 0x6b));
}

}  // namespace

std::string part_colour(size_t index, bool is_else) {
  if (is_else) return "#9aa0a6";
  const std::string base = kPalette[index % kPalette.size()];
  const size_t round = index / kPalette.size();
  if (round == 0) return base;
  // Past the eight colours, lighter ones: mixed with white, more each round.
  const double white = std::min(0.8, 0.45 * static_cast<double>(round));
  auto mix = [&](size_t at) {
    const int channel = std::stoi(base.substr(at, 2), nullptr, 16);
    return static_cast<int>(std::lround(channel + (255 - channel) * white));
  };
  return fmt::format("#{:02x}{:02x}{:02x}", mix(1), mix(3), mix(5));
}

std::string share_bar(double fraction) {
  constexpr double kWidth = 120, kHeight = 12;
  return fmt::format(
      R"(<svg class="bar" width="{0}" height="{1}" viewBox="0 0 {0} {1}" aria-hidden="true">)"
      R"(<rect width="{0}" height="{1}" fill="#e8eaed"/><rect width="{2}" height="{1}" fill="{3}"/></svg>)",
      kWidth, kHeight, at(kWidth * std::clamp(fraction, 0.0, 1.0)), kPalette[0]);
}

std::string stacked_bar(const std::vector<ChartPart>& parts, uint64_t total, std::string_view title) {
  constexpr double kWidth = 1000, kHeight = 36;
  std::vector<std::string> described;
  std::string marks;
  double x = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    const ChartPart& part = parts[i];
    const std::string text = fmt::format("{}: {} ({})", part.label, format_count(part.count),
                                         format_share(part.count, total));
    described.push_back(text);
    const double width = kWidth * share(part.count, total);
    if (width > 0) {
      marks += fmt::format(R"(<rect x="{}" width="{}" height="{}" fill="{}"><title>{}</title></rect>)", at(x),
                           at(width), kHeight, part.colour, html_escape(text));
    }
    x += width;
  }
  return fmt::format(
      R"(<svg class="stacked" viewBox="0 0 {} {}" preserveAspectRatio="none" role="img" aria-label="{}">{}</svg>)",
      kWidth, kHeight, html_escape(fmt::format("{}: {}", title, fmt::join(described, "; "))), marks);
}

std::string heat_map(const std::vector<std::string>& names, const std::vector<size_t>& shown,
                     const OverlapMatrix& matrix, std::string_view title) {
  constexpr size_t kLabelCharacters = 24;
  // Room for the longest label shown (about 6.5 px a character at 11 px).
  size_t longest = 0;
  for (size_t index : shown) {
    const std::string label = shorten(names[index], kLabelCharacters);
    size_t characters = 0;
    for (char c : label) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    longest = std::max(longest, characters);
  }
  const double label_room = std::clamp(6.5 * static_cast<double>(longest) + 10, 40.0, 170.0);
  // Cells as large as fit a laptop screen's 640 px, between 12 and 28 px.
  const double cell = std::clamp(std::floor(640.0 / static_cast<double>(std::max<size_t>(shown.size(), 1))), 12.0, 28.0);
  const double side = label_room + cell * static_cast<double>(shown.size());
  std::string marks;
  for (size_t row = 0; row < shown.size(); ++row) {
    const std::string label = html_escape(shorten(names[shown[row]], kLabelCharacters));
    const double offset = label_room + cell * static_cast<double>(row);
    marks += fmt::format(R"(<text x="{}" y="{}" text-anchor="end">{}<title>{}</title></text>)", at(label_room - 4),
                         at(offset + cell - 4), label, html_escape(names[shown[row]]));
    marks += fmt::format(R"svg(<text transform="translate({},{}) rotate(-90)" text-anchor="start">{}<title>{}</title></text>)svg",
                         at(offset + cell - 4), at(label_room - 4), label, html_escape(names[shown[row]]));
  }
  for (size_t row = 0; row < shown.size(); ++row) {
    for (size_t column = 0; column < shown.size(); ++column) {
      const size_t a = shown[row], b = shown[column];
      const double jaccard = matrix.jaccard(a, b);
      const std::string tip =
          row == column ? fmt::format("{}: {}", names[a], count_of(matrix.set_size(a), "member"))
                        : fmt::format("{} and {}: {} in both, Jaccard {}", names[a], names[b],
                                      format_count(matrix.both(a, b)), format_jaccard(jaccard));
      marks += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}</title></rect>)",
                           at(label_room + cell * static_cast<double>(column)),
                           at(label_room + cell * static_cast<double>(row)), cell - 1, cell - 1,
                           row == column ? "#9aa0a6" : heat_colour(jaccard), html_escape(tip));
    }
  }
  return fmt::format(R"(<svg class="heat" width="{0}" height="{0}" viewBox="0 0 {0} {0}" role="img" aria-label="{1}">{2}</svg>)",
                     at(side), html_escape(fmt::format("{}; the table of most overlapping pairs below gives the numbers", title)),
                     marks);
}

std::string heat_map_legend() {
  std::string marks;
  const double steps[] = {0, 0.05, 0.1, 0.25, 0.5, 1};
  for (size_t i = 0; i < std::size(steps); ++i) {
    const double x = 56.0 * static_cast<double>(i);
    marks += fmt::format(R"(<rect x="{}" y="0.5" width="13" height="13" fill="{}" stroke="#9aa0a6"/><text x="{}" y="11">{}</text>)", at(x),
                         heat_colour(steps[i]), at(x + 18), format_decimal(steps[i], 2));
  }
  const size_t width = 56 * (std::size(steps) - 1) + 30;
  return fmt::format(R"(<svg class="legend" width="{0}" height="14" viewBox="0 0 {0} 14" aria-hidden="true">{1}</svg>)",
                     width, marks);
}

std::string profile_chart(const FieldProfile& profile, size_t segment, uint64_t members, uint64_t rows,
                          std::string_view segment_name) {
  constexpr double kLabelWidth = 130, kBarWidth = 200, kValueWidth = 150, kRow = 18;
  const std::vector<uint64_t>& counts = profile.per_segment[segment];
  double largest = 0;
  for (size_t b = 0; b < profile.labels.size(); ++b) {
    largest = std::max({largest, share(counts[b], members), share(profile.base[b], rows)});
  }
  const double scale = largest == 0 ? 0 : kBarWidth / largest;
  std::string marks;
  std::vector<std::string> described;
  for (size_t b = 0; b < profile.labels.size(); ++b) {
    const double y = kRow * static_cast<double>(b);
    const double member_share = share(counts[b], members), base_share = share(profile.base[b], rows);
    const std::string label = html_escape(profile.labels[b]);
    const std::string values = fmt::format("{} of members, {} of all", percent(member_share), percent(base_share));
    described.push_back(fmt::format("{} {}", profile.labels[b], values));
    marks += fmt::format(R"(<text x="{}" y="{}" text-anchor="end">{}<title>{}</title></text>)", at(kLabelWidth - 6),
                         at(y + 13), html_escape(shorten(profile.labels[b], 18)), label);
    marks += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="12" fill="{}"><title>{}: {} ({})</title></rect>)",
                         at(kLabelWidth), at(y + 3), at(scale * member_share), kPalette[0], label,
                         html_escape(count_of(counts[b], "member")), percent_html(member_share));
    marks += fmt::format(R"(<rect x="{}" y="{}" width="2" height="16" fill="#202124"><title>{}: {} of all ({})</title></rect>)",
                         at(kLabelWidth + scale * base_share - 1), at(y + 1), label,
                         html_escape(count_of(profile.base[b], "customer")), percent_html(base_share));
    marks += fmt::format(R"(<text x="{}" y="{}">{}</text>)", at(kLabelWidth + kBarWidth + 8), at(y + 13),
                         html_escape(fmt::format("{} (all {})", percent(member_share), percent(base_share))));
  }
  const double width = kLabelWidth + kBarWidth + kValueWidth;
  const double height = kRow * static_cast<double>(profile.labels.size());
  return fmt::format(R"(<svg class="profile" width="{0}" height="{1}" viewBox="0 0 {0} {1}" role="img" aria-label="{2}">{3}</svg>)",
                     at(width), at(height),
                     html_escape(fmt::format("{} of the members of {} against all customers: {}", profile.field,
                                             segment_name, fmt::join(described, "; "))),
                     marks);
}

std::string sparkline(const std::vector<double>& values, std::string_view label) {
  constexpr double kWidth = 80, kHeight = 20;
  double largest = 0;
  for (double value : values) largest = std::max(largest, value);
  std::string points;
  std::string dots;
  const double step = values.size() > 1 ? kWidth / static_cast<double>(values.size() - 1) : 0;
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i] < 0) continue;
    const double x = values.size() > 1 ? step * static_cast<double>(i) : kWidth / 2;
    const double y = kHeight - 2 - (largest == 0 ? 0 : (kHeight - 4) * values[i] / largest);
    points += fmt::format("{}{},{}", points.empty() ? "" : " ", at(x), at(y));
    if (i + 1 == values.size()) dots = fmt::format(R"(<circle cx="{}" cy="{}" r="2" fill="{}"/>)", at(x), at(y), kPalette[0]);
  }
  return fmt::format(
      R"(<svg class="spark" width="{0}" height="{1}" viewBox="-2 0 {2} {1}" role="img" aria-label="{3}">)"
      R"(<polyline points="{4}" fill="none" stroke="{5}" stroke-width="1.5"/>{6}</svg>)",
      kWidth, kHeight, kWidth + 4, html_escape(label), points, kPalette[0], dots);
}

std::string line_chart(const std::vector<std::string>& dates, const std::vector<Series>& series,
                       std::string_view title) {
  constexpr double kWidth = 760, kHeight = 260, kLeft = 52, kRight = 16, kTop = 12, kBottom = 40;
  const double plot_width = kWidth - kLeft - kRight, plot_height = kHeight - kTop - kBottom;
  double largest = 0;
  for (const Series& line : series) {
    for (double value : line.values) largest = std::max(largest, value);
  }
  // Four gridlines a round step apart (1, 2, 2.5, 5, 10, 20 or 25 percent)
  // above the largest share.
  double step = 0.25;
  for (double round_step : {0.0025, 0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25}) {
    if (4 * round_step >= largest) {
      step = round_step;
      break;
    }
  }
  const double top = 4 * step;
  auto x_of = [&](size_t i) {
    return dates.size() > 1 ? kLeft + plot_width * static_cast<double>(i) / static_cast<double>(dates.size() - 1)
                            : kLeft + plot_width / 2;
  };
  auto y_of = [&](double value) { return kTop + plot_height * (1.0 - value / top); };
  std::string marks;
  for (int tick = 0; tick <= 4; ++tick) {
    const double value = top * tick / 4.0;
    marks += fmt::format(R"(<line x1="{0}" x2="{1}" y1="{2}" y2="{2}" stroke="#dadce0"/><text x="{3}" y="{4}" text-anchor="end">{5}</text>)",
                         at(kLeft), at(kWidth - kRight), at(y_of(value)), at(kLeft - 6), at(y_of(value) + 4),
                         percent_html(value));
  }
  for (size_t i = 0; i < dates.size(); ++i) {
    // The first and last dates end at the plot's edges rather than past them.
    const char* anchor = dates.size() > 1 && i == 0 ? "start" : dates.size() > 1 && i + 1 == dates.size() ? "end" : "middle";
    marks += fmt::format(R"(<text x="{}" y="{}" text-anchor="{}">{}</text>)", at(x_of(i)), at(kHeight - kBottom + 18), anchor,
                         html_escape(dates[i]));
  }
  std::vector<std::string> described;
  std::string dots;  // drawn over the lines
  for (size_t s = 0; s < series.size(); ++s) {
    const Series& line = series[s];
    const char* colour = kPalette[s % kPalette.size()];
    std::string points;
    std::vector<std::string> values;
    for (size_t i = 0; i < line.values.size() && i < dates.size(); ++i) {
      if (line.values[i] < 0) continue;
      points += fmt::format("{}{},{}", points.empty() ? "" : " ", at(x_of(i)), at(y_of(line.values[i])));
      dots += fmt::format(R"(<circle cx="{}" cy="{}" r="3" fill="{}"><title>{}, {}: {}</title></circle>)", at(x_of(i)),
                           at(y_of(line.values[i])), colour, html_escape(line.name), html_escape(dates[i]),
                           percent_html(line.values[i]));
      values.push_back(fmt::format("{} {}", dates[i], percent(line.values[i])));
    }
    marks += fmt::format(R"(<polyline points="{}" fill="none" stroke="{}" stroke-width="2"/>)", points, colour);
    described.push_back(fmt::format("{}: {}", line.name, fmt::join(values, ", ")));
  }
  marks += dots;
  return fmt::format(R"(<svg class="lines" width="{0}" height="{1}" viewBox="0 0 {0} {1}" role="img" aria-label="{2}">{3}</svg>)",
                     at(kWidth), at(kHeight),
                     html_escape(fmt::format("{}. {}", title, fmt::join(described, ". "))), marks);
}

}  // namespace segc::report
