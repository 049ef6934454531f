// The summary `segc run` prints: every requested segment and partition group
// with its member count and share of the customers (CLI.md, --format).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace segc::output {

enum class SummaryFormat { Table, Json, Csv };

struct SummaryEntry {
  std::string name;       // "young_urban", or "november.vip_lapsed" for a group
  std::string partition;  // empty for a segment
  size_t members = 0;
};

struct RunSummary {
  int32_t as_of = 0;  // days since 1970-01-01
  std::string data_path;
  size_t rows = 0;
  std::vector<SummaryEntry> entries;
};

std::string render_summary(const RunSummary& summary, SummaryFormat format);

// "12.34%" of `rows`, or "-" when there are no rows.
std::string format_share(size_t members, size_t rows);

}  // namespace segc::output
