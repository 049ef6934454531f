#include "report/html_report.h"

#include <fmt/format.h>
#include <llvm/ADT/ArrayRef.h>
#include <llvm/Support/Base64.h>
#include <llvm/Support/SHA256.h>

#include <algorithm>
#include <numeric>
#include <set>

#include "report/html_text.h"
#include "report/svg_charts.h"
#include "runtime/calendar.h"

namespace segc::report {
namespace {

constexpr const char* kStyle = R"(:root{color-scheme:light;font-family:system-ui,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#202124;background:#fff}
body{margin:0 auto;max-width:1180px;padding:16px 24px 48px;line-height:1.45}
h1{font-size:1.6rem;margin:.2em 0}
h2{font-size:1.25rem;margin-top:2em;border-bottom:1px solid #dadce0;padding-bottom:.2em}
h3{font-size:1.05rem;margin:1.2em 0 .4em}
h4{font-size:.9rem;margin:.6em 0 .2em}
a{color:#0b57d0}
nav a{margin-right:1.2em}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:.5em 0}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.4em 0}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #e8eaed;vertical-align:middle}
th.num,td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.share,.tag,.meta{white-space:nowrap}
th[scope=row],td a,summary,code{overflow-wrap:anywhere}
th[scope=row]{min-width:12em}
thead th{position:sticky;top:0;background:#fff}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit}
th button:focus-visible,summary:focus-visible,a:focus-visible{outline:2px solid #0072B2;outline-offset:2px}
th[aria-sort=ascending] button::after{content:" \25B2"}
th[aria-sort=descending] button::after{content:" \25BC"}
.tag{display:inline-block;background:#e8f0fe;border-radius:3px;padding:0 6px;margin:1px 4px 1px 0;font-size:.8rem}
.meta{display:inline-block;background:#fef7e0;border-radius:3px;padding:0 6px;margin:1px 4px 1px 0;font-size:.8rem}
.muted{color:#5f6368}
.scroll{overflow-x:auto}
svg text{font-size:11px;fill:#202124}
svg.stacked{width:100%;height:36px;display:block}
svg.bar,svg.spark,svg.swatch,svg.legend{vertical-align:middle;margin-right:6px}
details{margin:.4em 0;border:1px solid #e8eaed;border-radius:4px;padding:.3em .8em}
summary{cursor:pointer}
.charts{display:flex;flex-wrap:wrap;gap:8px 40px}
ul.warnings li{margin:.3em 0}
code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85em}
@media print{details{break-inside:avoid}thead th{position:static}})";

constexpr const char* kScript = R"((function () {
  function key(cell) {
    var value = cell.getAttribute("data-sort");
    return value === null ? cell.textContent.trim() : parseFloat(value);
  }
  function compare(a, b) {
    return typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var headers = table.querySelectorAll("thead th");
    headers.forEach(function (header, column) {
      var button = header.querySelector("button");
      if (!button) return;
      button.addEventListener("click", function () {
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var order = compare(key(a.cells[column]), key(b.cells[column]));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();)";

// 'sha256-BASE64' of `text`, for the Content-Security-Policy.
std::string csp_hash(std::string_view text) {
  const auto digest = llvm::SHA256::hash(
      llvm::ArrayRef<uint8_t>(reinterpret_cast<const uint8_t*>(text.data()), text.size()));
  return "'sha256-" + llvm::encodeBase64(digest) + "'";
}

std::string sortable_header(std::string_view text, bool number = false) {
  return fmt::format(R"(<th scope="col"{}><button type="button">{}</button></th>)", number ? R"( class="num")" : "",
                     html_escape(text));
}

std::string swatch(const std::string& colour) {
  return fmt::format(R"(<svg class="swatch" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><rect width="12" height="12" fill="{}"/></svg>)",
                     colour);
}

// A share for the page's text ("<0.1%" escaped).
std::string share_html(uint64_t part, uint64_t whole) { return html_escape(format_share(part, whole)); }

std::string segment_anchor(size_t segment) { return fmt::format("segment-{}", segment + 1); }
// Partition groups are numbered across partitions, in order.
std::string group_anchor(size_t group) { return fmt::format("group-{}", group + 1); }

std::string facts(const ReportData& data) {
  std::string files;
  for (const RuleFile& file : data.rule_files) {
    files += fmt::format(R"({}<code>{}</code> <span class="muted">sha256 {}</span>)", files.empty() ? "" : "<br>",
                         html_escape(file.path), file.sha256.substr(0, 12));
  }
  const std::string left_out =
      data.rejected_rows == 0
          ? ""
          : fmt::format("; {} with bad values left out (<code>--on-error skip</code>)", count_of(data.rejected_rows, "row"));
  return fmt::format(R"(<dl class="facts"><dt>Customers</dt><dd>{}, from <code>{}</code>{}</dd>)"
                     R"(<dt>As of</dt><dd>{}</dd><dt>Segments</dt><dd>{}</dd><dt>Partitions</dt><dd>{}</dd>)"
                     R"(<dt>Rule files</dt><dd>{}</dd></dl>)",
                     format_count(data.rows), html_escape(data.data_path), left_out, calendar::format_iso_date(data.as_of),
                     data.segments.size(), data.partitions.size(), files);
}

std::string warnings_section(const ReportData& data) {
  if (data.warnings.empty()) return "";
  std::string items;
  for (const WarningSummary& warning : data.warnings) {
    items += fmt::format("<li><strong>{}</strong> {}{}{}</li>", html_escape(warning.code),
                         warning.location.empty() ? "" : "<code>" + html_escape(warning.location) + "</code>: ",
                         html_escape(warning.message),
                         warning.help.empty() ? "" : R"( <span class="muted">()" + html_escape(warning.help) + ")</span>");
  }
  return fmt::format(R"(<section id="warnings" aria-labelledby="warnings-title"><h2 id="warnings-title">Data warnings ({})</h2>)"
                     R"(<p>What the rules do on this data that is likely a mistake (codes in <code>docs/diagnostics.md</code>).</p>)"
                     R"(<ul class="warnings">{}</ul></section>)",
                     data.warnings.size(), items);
}

// Each segment's share of the customers at each point of the history (-1
// where the segment was not in that run).
std::vector<double> shares_over_time(const ReportData& data, const std::string& name) {
  std::vector<double> shares;
  for (const HistoryPoint& point : data.history) {
    auto found = point.members.find(name);
    shares.push_back(found == point.members.end() || point.rows == 0
                         ? -1.0
                         : static_cast<double>(found->second) / static_cast<double>(point.rows));
  }
  return shares;
}

std::string segments_section(const ReportData& data) {
  const bool history = !data.history.empty();
  std::string rows;
  for (size_t i = 0; i < data.segments.size(); ++i) {
    const SegmentSummary& segment = data.segments[i];
    const double fraction = data.rows == 0 ? 0 : static_cast<double>(segment.members) / static_cast<double>(data.rows);
    const std::string share = format_share(segment.members, data.rows);  // plain: escaped where used
    std::string tags, meta;
    for (const std::string& tag : segment.properties.tags) tags += R"(<span class="tag">)" + html_escape(tag) + "</span>";
    for (const auto& [key, value] : segment.properties.meta) {
      meta += fmt::format(R"(<span class="meta">{}: {}</span>)", html_escape(key), html_escape(value));
    }
    std::string trend;
    if (history) {
      const std::vector<double> shares = shares_over_time(data, segment.name);
      std::vector<std::string> described;
      for (size_t p = 0; p < shares.size(); ++p) {
        if (shares[p] >= 0) {
          described.push_back(fmt::format("{} {}", calendar::format_iso_date(data.history[p].as_of),
                                          format_fraction(shares[p])));
        }
      }
      trend = "<td>" + sparkline(shares, fmt::format("share over time: {}", fmt::join(described, ", "))) + "</td>";
    }
    rows += fmt::format(
        R"(<tr><th scope="row"><a href="#{}">{}</a></th><td class="num" data-sort="{}">{}</td>)"
        R"(<td class="share" data-sort="{}">{}{}</td>{}<td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>)",
        segment_anchor(i), html_escape(segment.name), segment.members, format_count(segment.members),
        segment.members, share_bar(fraction), html_escape(share), trend,
        html_escape(segment.properties.owner), tags, meta, html_escape(segment.properties.description));
  }
  if (data.segments.empty()) {
    return R"(<section id="segments" aria-labelledby="segments-title"><h2 id="segments-title">Segments</h2>)"
           R"(<p>No segments were asked for (<code>--segments</code> named partitions only).</p></section>)";
  }
  return fmt::format(
      R"(<section id="segments" aria-labelledby="segments-title"><h2 id="segments-title">Segments</h2>)"
      R"(<p>{}Members of each segment and their share of all {} customers. Select a column heading to sort.</p>)"
      R"(<div class="scroll"><table class="sortable"><thead><tr>{}{}{}{}{}{}{}{}</tr></thead><tbody>{}</tbody></table></div></section>)",
      data.rows == 0 ? "<strong>The data has no customers</strong>, so every segment is empty. " : "",
      format_count(data.rows), sortable_header("Segment"), sortable_header("Members", true), sortable_header("Share"),
      history ? R"(<th scope="col">Trend</th>)" : "", sortable_header("Owner"), sortable_header("Tags"),
      sortable_header("Offers and meta"), sortable_header("Description"), rows);
}

std::string partitions_section(const ReportData& data) {
  if (data.partitions.empty()) return "";
  std::string body;
  size_t group_index = 0;  // numbers the groups' profiles
  for (const PartitionSummary& partition : data.partitions) {
    std::vector<ChartPart> parts;
    std::string rows;
    for (size_t g = 0; g < partition.groups.size(); ++g) {
      const GroupSummary& group = partition.groups[g];
      parts.push_back({group.name, group.members, part_colour(g, group.is_else)});
      rows += fmt::format(R"(<tr><th scope="row">{}<a href="#{}">{}</a>{}</th><td class="num">{}</td><td class="num">{}</td></tr>)",
                          swatch(parts.back().colour), group_anchor(group_index++), html_escape(group.name),
                          group.is_else ? R"( <span class="muted">(else)</span>)" : "",
                          format_count(group.members), share_html(group.members, data.rows));
    }
    body += fmt::format(R"(<h3>{} <span class="muted">({})</span></h3>{})"
                        R"(<table><thead><tr><th scope="col">Group, in priority order</th><th scope="col" class="num">Members</th>)"
                        R"(<th scope="col" class="num">Share</th></tr></thead><tbody>{}</tbody></table>)",
                        html_escape(partition.name), html_escape(partition.file),
                        stacked_bar(parts, data.rows, "Shares of " + partition.name), rows);
  }
  return fmt::format(R"(<section id="partitions" aria-labelledby="partitions-title"><h2 id="partitions-title">Partitions</h2>)"
                     R"(<p>Every customer is in exactly one group of each partition: the first listed segment that holds them, else the last group.</p>{}</section>)",
                     body);
}

struct Pair {
  size_t a = 0, b = 0;
  double jaccard = 0;
  uint64_t both = 0;
};

// The pairs that share members, most overlapping (Jaccard) first.
std::vector<Pair> overlapping_pairs(const ReportData& data) {
  std::vector<Pair> pairs;
  const OverlapMatrix& matrix = data.overlaps;
  for (size_t a = 0; a < matrix.size(); ++a) {
    for (size_t b = a + 1; b < matrix.size(); ++b) {
      if (matrix.both(a, b) != 0) pairs.push_back({a, b, matrix.jaccard(a, b), matrix.both(a, b)});
    }
  }
  std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) {
    return x.jaccard != y.jaccard ? x.jaccard > y.jaccard : x.both > y.both;
  });
  return pairs;
}

std::string overlaps_section(const ReportData& data, const std::vector<Pair>& pairs, const PageOptions& options) {
  const size_t count = data.segments.size();
  if (count < 2) return "";
  std::vector<std::string> names;
  for (const SegmentSummary& segment : data.segments) names.push_back(segment.name);
  // The largest segments when there are too many to show, in declaration order.
  std::vector<size_t> shown(count);
  std::iota(shown.begin(), shown.end(), 0);
  std::string which = fmt::format("all {} segments", count);
  std::string more;
  if (count > options.heat_map_limit) {
    std::stable_sort(shown.begin(), shown.end(),
                     [&](size_t x, size_t y) { return data.segments[x].members > data.segments[y].members; });
    shown.resize(options.heat_map_limit);
    std::sort(shown.begin(), shown.end());
    which = fmt::format("the {} largest of the {} segments", options.heat_map_limit, count);
    more = " (<code>--heat-map N</code> shows more)";
  }
  std::string rows;
  for (size_t p = 0; p < pairs.size() && p < options.top_pairs; ++p) {
    const Pair& pair = pairs[p];
    rows += fmt::format(R"(<tr><td><a href="#{}">{}</a></td><td><a href="#{}">{}</a></td><td class="num">{}</td>)"
                        R"(<td class="num">{}</td><td class="num">{}</td><td class="num">{}</td></tr>)",
                        segment_anchor(pair.a), html_escape(names[pair.a]), segment_anchor(pair.b),
                        html_escape(names[pair.b]), format_count(pair.both), html_escape(format_jaccard(pair.jaccard)),
                        share_html(pair.both, data.segments[pair.a].members),
                        share_html(pair.both, data.segments[pair.b].members));
  }
  const std::string table =
      pairs.empty() ? "<p>No two segments share a customer.</p>"
                    : fmt::format(R"(<h3>Most overlapping pairs</h3><table><thead><tr><th scope="col">Segment A</th>)"
                                  R"(<th scope="col">Segment B</th><th scope="col" class="num">In both</th>)"
                                  R"(<th scope="col" class="num">Jaccard</th><th scope="col" class="num">Share of A</th>)"
                                  R"(<th scope="col" class="num">Share of B</th></tr></thead><tbody>{}</tbody></table>)",
                                  rows);
  return fmt::format(
      R"(<section id="overlaps" aria-labelledby="overlaps-title"><h2 id="overlaps-title">Overlaps</h2>)"
      R"(<figure><div class="scroll">{}</div><figcaption>Overlap of {}{}: the Jaccard index, customers in both)"
      R"( divided by customers in either, from white (none) to dark blue (the same customers): {}. Hover a cell for the)"
      R"( counts; the table below lists the pairs with the most overlap.</figcaption></figure>{}</section>)",
      heat_map(names, shown, data.overlaps, "Overlap heat map of " + which), which, more, heat_map_legend(), table);
}

// One segment's or group's profile: `subject` indexes FieldProfile::per_segment.
std::string profile_details(const ReportData& data, const std::string& anchor, const std::string& name,
                            uint64_t members, size_t subject, const std::string& notes_html) {
  std::string charts;
  if (members != 0) {
    for (const FieldProfile& profile : data.profiles) {
      charts += fmt::format(R"(<div class="chart"><h4>{}</h4>{}</div>)", html_escape(profile.field),
                            profile_chart(profile, subject, members, data.rows, name));
    }
  }
  return fmt::format(
      R"(<details id="{}"><summary><strong>{}</strong> — {} ({})</summary>{}{}<div class="charts">{}</div></details>)",
      anchor, html_escape(name), count_of(members, "member"), share_html(members, data.rows), notes_html,
      members == 0           ? "<p>No members, so no profile.</p>"
      : data.profiles.empty() ? ""
                              : "<p>Bars: share of the members in each value; dark marks and the figure in "
                                "brackets: share of all customers.</p>",
      charts);
}

std::string profiles_section(const ReportData& data) {
  if (data.segments.empty() && data.partitions.empty()) return "";
  std::string body;
  for (size_t i = 0; i < data.segments.size(); ++i) {
    const SegmentSummary& segment = data.segments[i];
    std::vector<std::pair<double, size_t>> closest;
    for (size_t j = 0; j < data.segments.size(); ++j) {
      if (j != i && data.overlaps.both(i, j) != 0) closest.emplace_back(data.overlaps.jaccard(i, j), j);
    }
    std::stable_sort(closest.begin(), closest.end(),
                     [](const auto& x, const auto& y) { return x.first > y.first; });
    std::vector<std::string> nearest;
    for (size_t k = 0; k < closest.size() && k < 3; ++k) {
      nearest.push_back(fmt::format(R"(<a href="#{}">{}</a> (Jaccard {}))", segment_anchor(closest[k].second),
                                    html_escape(data.segments[closest[k].second].name),
                                    html_escape(format_jaccard(closest[k].first))));
    }
    std::string notes = fmt::format(R"(<p class="muted">{}Defined in <code>{}:{}</code></p>)",
                                    segment.properties.description.empty()
                                        ? ""
                                        : html_escape(segment.properties.description) + ". ",
                                    html_escape(segment.file), segment.line);
    if (!nearest.empty()) notes += fmt::format("<p>Overlaps most with {}.</p>", fmt::join(nearest, ", "));
    body += profile_details(data, segment_anchor(i), segment.name, segment.members, i, notes);
  }
  size_t group_index = 0;
  for (const PartitionSummary& partition : data.partitions) {
    for (const GroupSummary& group : partition.groups) {
      const std::string notes = fmt::format(
          R"(<p class="muted">{} of partition <code>{}</code>: the customers it gets{}.</p>)",
          group.is_else ? "The <code>else</code> group" : "A group", html_escape(partition.name),
          group.is_else ? ", those no earlier group took" : ", not those an earlier group took");
      body += profile_details(data, group_anchor(group_index), partition.name + "." + group.name, group.members,
                              data.segments.size() + group_index, notes);
      ++group_index;
    }
  }
  return fmt::format(R"(<section id="profiles" aria-labelledby="profiles-title"><h2 id="profiles-title">Profiles</h2>)"
                     R"(<p>Who the members of each segment and partition group are, against the whole customer )"
                     R"(base. Open one to see it.{}</p>{}</section>)",
                     data.profiles.empty()
                         ? " The schema has no field a profile shows by default: name enum, bool, string, int or "
                           "decimal fields with <code>--profile</code>."
                         : "",
                     body);
}

std::string history_section(const ReportData& data) {
  if (data.history.empty()) return "";
  std::vector<std::string> dates;
  for (const HistoryPoint& point : data.history) dates.push_back(calendar::format_iso_date(point.as_of));
  // The lines of the largest segments; the table has every one.
  std::vector<size_t> order(data.segments.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t x, size_t y) { return data.segments[x].members > data.segments[y].members; });
  std::vector<Series> series;
  for (size_t k = 0; k < order.size() && k < kPalette.size(); ++k) {
    const std::string& name = data.segments[order[k]].name;
    series.push_back({name, shares_over_time(data, name)});
  }
  std::string legend;
  for (size_t s = 0; s < series.size(); ++s) legend += "<li>" + swatch(part_colour(s)) + html_escape(series[s].name) + "</li>";
  std::string header;
  for (const HistoryPoint& point : data.history) {
    header += fmt::format(R"(<th scope="col" class="num" title="{}">{}</th>)", html_escape(point.source),
                          calendar::format_iso_date(point.as_of));
  }
  std::string rows;
  auto add_row = [&](const std::string& name) {
    std::string cells;
    for (const HistoryPoint& point : data.history) {
      auto found = point.members.find(name);
      cells += found == point.members.end()
                   ? R"(<td class="num muted">—</td>)"
                   : fmt::format(R"(<td class="num">{} <span class="muted">({})</span></td>)", format_count(found->second),
                                 share_html(found->second, point.rows));
    }
    rows += fmt::format(R"(<tr><th scope="row">{}</th>{}</tr>)", html_escape(name), cells);
  };
  for (const SegmentSummary& segment : data.segments) add_row(segment.name);
  for (const PartitionSummary& partition : data.partitions) {
    for (const GroupSummary& group : partition.groups) add_row(partition.name + "." + group.name);
  }
  // Runs of other rules, and what they had that these rules do not: sizes
  // that moved because the rules changed are not drift in the data.
  std::vector<std::string> other_rules;
  std::set<std::string> shown_names;
  for (const SegmentSummary& segment : data.segments) shown_names.insert(segment.name);
  for (const PartitionSummary& partition : data.partitions) {
    for (const GroupSummary& group : partition.groups) shown_names.insert(partition.name + "." + group.name);
  }
  std::set<std::string> gone;
  const HistoryPoint* now = nullptr;
  for (const HistoryPoint& point : data.history) {
    if (point.is_current) now = &point;
  }
  for (const HistoryPoint& point : data.history) {
    if (now != nullptr && &point != now && point.rule_hashes != now->rule_hashes) {
      other_rules.push_back(fmt::format("{} (<code>{}</code>)", calendar::format_iso_date(point.as_of),
                                        html_escape(point.source)));
    }
    for (const auto& [name, count] : point.members) {
      if (!shown_names.contains(name)) gone.insert(html_escape(name));
    }
  }
  std::string notes;
  if (!other_rules.empty()) {
    notes += fmt::format("<p><strong>The rules were not these</strong> in the run{} of {}: their rule files' SHA-256 "
                         "differ, so sizes may have moved because a rule changed, not the customers.</p>",
                         other_rules.size() == 1 ? "" : "s", fmt::join(other_rules, ", "));
  }
  if (!gone.empty()) {
    notes += fmt::format("<p>In earlier runs but not in these rules (not shown): {}.</p>", fmt::join(gone, ", "));
  }
  return fmt::format(
      R"(<section id="history" aria-labelledby="history-title"><h2 id="history-title">Sizes over time</h2>)"
      R"(<p>Shares of the customers in {} runs, this one included (<code>--history</code>).</p>{})"
      R"(<figure><div class="scroll">{}</div><figcaption>The {} largest segments.</figcaption></figure>)"
      R"(<ul class="legend">{}</ul><div class="scroll"><table><thead><tr><th scope="col">Segment or group</th>{}</tr></thead>)"
      R"(<tbody>{}</tbody></table></div></section>)",
      data.history.size(), notes, line_chart(dates, series, "Share of customers over time"), series.size(), legend,
      header, rows);
}

}  // namespace

std::string render_html_report(const ReportData& data, const PageOptions& options) {
  const std::vector<Pair> pairs = overlapping_pairs(data);
  std::string nav;
  if (!data.warnings.empty()) nav += fmt::format(R"(<a href="#warnings">Data warnings ({})</a>)", data.warnings.size());
  nav += R"(<a href="#segments">Segments</a>)";
  if (!data.partitions.empty()) nav += R"(<a href="#partitions">Partitions</a>)";
  if (data.segments.size() >= 2) nav += R"(<a href="#overlaps">Overlaps</a>)";
  if (!data.segments.empty() || !data.partitions.empty()) nav += R"(<a href="#profiles">Profiles</a>)";
  if (!data.history.empty()) nav += R"(<a href="#history">Sizes over time</a>)";
  const std::string title = fmt::format("Segment report: {} as of {}", data.data_path, calendar::format_iso_date(data.as_of));
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      R"(<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src {}; script-src {}; img-src data:; base-uri 'none'; form-action 'none'">)"
      R"(<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="generator" content="segc {}">)"
      "<title>{}</title><style>{}</style></head>\n<body><header><h1>Segment report</h1>{}<nav aria-label=\"Sections\">{}</nav></header>\n"
      "<main>{}{}{}{}{}{}</main>\n<footer class=\"muted\"><p>Written by segc {}. The page is self-contained: it loads nothing "
      "from the network.</p></footer><script>{}</script></body></html>\n",
      csp_hash(kStyle), csp_hash(kScript), SEGC_VERSION, html_escape(title), kStyle, facts(data), nav,
      warnings_section(data), segments_section(data), partitions_section(data), overlaps_section(data, pairs, options),
      profiles_section(data), history_section(data), SEGC_VERSION, kScript);
}

}  // namespace segc::report
