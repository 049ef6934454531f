#include "output/diff_report.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "diagnostics/terminal_text.h"

namespace segc::output {
namespace {

struct Tally {
  size_t added = 0, removed = 0, renamed = 0, changed = 0, unchanged = 0;
};

Tally tally(const std::vector<DiffEntry>& entries) {
  Tally counts;
  for (const DiffEntry& entry : entries) {
    if (entry.status == "added") ++counts.added;
    if (entry.status == "removed") ++counts.removed;
    if (entry.status == "renamed") ++counts.renamed;
    if (entry.status == "changed") ++counts.changed;
    if (entry.status == "unchanged") ++counts.unchanged;
  }
  return counts;
}

std::string summary_line(const DiffReport& report) {
  const Tally segments = tally(report.segments);
  return fmt::format("{} customers: {} segment{} changed, {} added, {} removed, {} renamed, {} unchanged",
                     report.customers, segments.changed, segments.changed == 1 ? "" : "s", segments.added,
                     segments.removed, segments.renamed, segments.unchanged);
}

std::string change_percent(const DiffEntry& entry) {
  if (entry.status == "added" || entry.status == "removed") return "";
  if (entry.before == 0) return entry.after == 0 ? "0%" : "new";
  const double change =
      (static_cast<double>(entry.after) - static_cast<double>(entry.before)) / static_cast<double>(entry.before) * 100;
  return fmt::format("{:+.1f}%", change);
}

std::string shown_name(const DiffEntry& entry) {
  return entry.renamed_from.empty() ? entry.name : entry.renamed_from + " → " + entry.name;
}

// Markdown table cells: characters that would start markup are escaped.
std::string md(const std::string& text) {
  std::string out;
  for (char c : terminal_safe(text)) {
    if (std::string_view("\\`*_[]<>|#~").find(c) != std::string_view::npos) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

size_t listed_count(const std::vector<DiffEntry>& entries, bool all) {
  size_t listed = 0;
  for (const DiffEntry& entry : entries) listed += all || entry.status != "unchanged" ? 1 : 0;
  return listed;
}

void text_table(std::string& out, const char* title, const std::vector<DiffEntry>& entries, bool all) {
  if (listed_count(entries, all) == 0) {
    out += fmt::format("{}s: {} unchanged\n", title, entries.size());
    return;
  }
  size_t width = std::string_view(title).size();
  for (const DiffEntry& entry : entries) {
    if (all || entry.status != "unchanged") width = std::max(width, shown_name(entry).size());
  }
  out += fmt::format("{:<{}}  {:<9}  {:>10}  {:>10}  {:>8}  {:>10}  {:>10}\n", title, width, "status", "before",
                     "after", "change", "entered", "left");
  size_t hidden = 0;
  for (const DiffEntry& entry : entries) {
    if (!all && entry.status == "unchanged") {
      ++hidden;
      continue;
    }
    out += fmt::format("{:<{}}  {:<9}  {:>10}  {:>10}  {:>8}  {:>10}  {:>10}\n", shown_name(entry), width,
                       entry.status, entry.before, entry.after, change_percent(entry), entry.entered, entry.left);
  }
  if (hidden > 0) out += fmt::format("({} unchanged not listed; --all lists them)\n", hidden);
}

void text_examples(std::string& out, const std::vector<DiffEntry>& entries) {
  for (const DiffEntry& entry : entries) {
    if (entry.examples_entered.empty() && entry.examples_left.empty()) continue;
    std::vector<std::string> parts;
    if (!entry.examples_entered.empty()) parts.push_back(fmt::format("entered {}", fmt::join(entry.examples_entered, ", ")));
    if (!entry.examples_left.empty()) parts.push_back(fmt::format("left {}", fmt::join(entry.examples_left, ", ")));
    out += fmt::format("  {}: {}\n", entry.name, fmt::join(parts, "; "));
  }
}

nlohmann::ordered_json json_entries(const std::vector<DiffEntry>& entries) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const DiffEntry& entry : entries) {
    nlohmann::ordered_json item{{"name", entry.name}, {"status", entry.status}};
    if (!entry.renamed_from.empty()) item["renamed_from"] = entry.renamed_from;
    item["before"] = entry.before;
    item["after"] = entry.after;
    item["entered"] = entry.entered;
    item["left"] = entry.left;
    item["examples_entered"] = entry.examples_entered;
    item["examples_left"] = entry.examples_left;
    list.push_back(std::move(item));
  }
  return list;
}

void markdown_table(std::string& out, const char* title, const std::vector<DiffEntry>& entries, bool all) {
  if (listed_count(entries, all) == 0) {
    out += fmt::format("{}s: all {} unchanged.\n", title, entries.size());
    return;
  }
  out += fmt::format("| {} | Status | Before | After | Change | Entered | Left |\n", title);
  out += "| --- | --- | ---: | ---: | ---: | ---: | ---: |\n";
  for (const DiffEntry& entry : entries) {
    if (!all && entry.status == "unchanged") continue;
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", md(shown_name(entry)), entry.status, entry.before,
                       entry.after, change_percent(entry), entry.entered, entry.left);
  }
}

}  // namespace

std::string render_diff_text(const DiffReport& report, const DiffHeading& heading, bool all) {
  std::string out = fmt::format("segc diff against {} ({}), {}, as of {}\n{}\n\n", heading.base,
                                heading.commit.substr(0, 12), heading.data, heading.as_of, summary_line(report));
  text_table(out, "segment", report.segments, all);
  if (!report.partitions.empty()) {
    out += "\n";
    text_table(out, "partition group", report.partitions, all);
  }
  std::string examples;
  text_examples(examples, report.segments);
  text_examples(examples, report.partitions);
  if (!examples.empty()) out += "\nexample customers\n" + examples;
  return terminal_safe(out, LineBreaks::Keep);
}

std::string render_diff_json(const DiffReport& report, const DiffHeading& heading) {
  const nlohmann::ordered_json out{{"base", heading.base},
                                   {"commit", heading.commit},
                                   {"data", heading.data},
                                   {"as_of", heading.as_of},
                                   {"customers", report.customers},
                                   {"segments", json_entries(report.segments)},
                                   {"partitions", json_entries(report.partitions)}};
  return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string render_diff_markdown(const DiffReport& report, const DiffHeading& heading, bool all) {
  std::string out = fmt::format("### segc diff against {} ({})\n\n{}, as of {}, on {}.\n\n", md(heading.base),
                                heading.commit.substr(0, 12), summary_line(report), heading.as_of, md(heading.data));
  const Tally segments = tally(report.segments), groups = tally(report.partitions);
  if (segments.unchanged == report.segments.size() && groups.unchanged == report.partitions.size() && !all) {
    return out + "No segment or partition group changed.\n";
  }
  markdown_table(out, "Segment", report.segments, all);
  if (!report.partitions.empty()) {
    out += "\n";
    markdown_table(out, "Partition group", report.partitions, all);
  }
  std::string rows;
  for (const auto* entries : {&report.segments, &report.partitions}) {
    for (const DiffEntry& entry : *entries) {
      if (entry.examples_entered.empty() && entry.examples_left.empty()) continue;
      std::vector<std::string> entered, left;
      for (const std::string& key : entry.examples_entered) entered.push_back(md(key));
      for (const std::string& key : entry.examples_left) left.push_back(md(key));
      rows += fmt::format("| {} | {} | {} |\n", md(entry.name), fmt::join(entered, ", "), fmt::join(left, ", "));
    }
  }
  if (!rows.empty()) {
    out += "\n<details><summary>Example customers</summary>\n\n| Name | Entered | Left |\n| --- | --- | --- |\n" +
           rows + "\n</details>\n";
  }
  return out;
}

}  // namespace segc::output
