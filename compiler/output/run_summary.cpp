#include "output/run_summary.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "diagnostics/terminal_text.h"
#include "runtime/calendar.h"

namespace segc::output {
namespace {

// 1234567 -> "1,234,567", as a reader scans a column of sizes.
std::string grouped(size_t number) {
  std::string digits = std::to_string(number);
  std::string result;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) result.push_back(',');
    result.push_back(digits[i]);
  }
  return result;
}

size_t code_points(const std::string& text) {
  return static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// For a terminal: the data path (and, to be safe, the names) escaped.
std::string render_table(const RunSummary& summary) {
  size_t name_width = 7;  // "segment"
  for (const SummaryEntry& entry : summary.entries) {
    name_width = std::max(name_width, code_points(terminal_safe(entry.name)));
  }
  std::string text = fmt::format("as of {}, {} customer{} in {}\n\n",
                                 calendar::format_iso_date(summary.as_of), grouped(summary.rows),
                                 summary.rows == 1 ? "" : "s", terminal_safe(summary.data_path));
  auto row = [&](const std::string& name, const std::string& members, const std::string& share) {
    text += name;
    text.append(name_width - code_points(name) + 2, ' ');
    text += fmt::format("{:>12}  {:>8}\n", members, share);
  };
  row("segment", "members", "share");
  for (const SummaryEntry& entry : summary.entries) {
    row(terminal_safe(entry.name), grouped(entry.members),
        format_share(entry.members, summary.rows));
  }
  return text;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  return quoted + "\"";
}

std::string render_csv(const RunSummary& summary) {
  std::string text = "segment,partition,members,share\n";
  for (const SummaryEntry& entry : summary.entries) {
    const double share = summary.rows == 0 ? 0.0
                                           : static_cast<double>(entry.members) /
                                                 static_cast<double>(summary.rows);
    text += fmt::format("{},{},{},{:.6f}\n", csv_field(entry.name), csv_field(entry.partition),
                        entry.members, share);
  }
  return text;
}

std::string render_json(const RunSummary& summary) {
  nlohmann::ordered_json segments = nlohmann::ordered_json::array();
  for (const SummaryEntry& entry : summary.entries) {
    nlohmann::ordered_json item;
    item["name"] = entry.name;
    if (!entry.partition.empty()) item["partition"] = entry.partition;
    item["members"] = entry.members;
    // Rounded so that the text is the same on every platform.
    const double share = summary.rows == 0 ? 0.0
                                           : static_cast<double>(entry.members) /
                                                 static_cast<double>(summary.rows);
    item["share"] = std::round(share * 1e6) / 1e6;
    segments.push_back(std::move(item));
  }
  nlohmann::ordered_json root;
  root["format_version"] = 1;
  root["as_of"] = calendar::format_iso_date(summary.as_of);
  root["data"] = summary.data_path;
  root["rows"] = summary.rows;
  root["segments"] = std::move(segments);
  // The data path is whatever the user typed, perhaps not UTF-8: replaced, not thrown.
  return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string format_share(size_t members, size_t rows) {
  if (rows == 0) return "-";
  return fmt::format("{:.2f}%",
                     100.0 * static_cast<double>(members) / static_cast<double>(rows));
}

std::string render_summary(const RunSummary& summary, SummaryFormat format) {
  switch (format) {
    case SummaryFormat::Json: return render_json(summary);
    case SummaryFormat::Csv: return render_csv(summary);
    case SummaryFormat::Table: break;
  }
  return render_table(summary);
}

}  // namespace segc::output
