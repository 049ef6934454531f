// Sizes over time for `segc report --history DIR...`: the member counts of
// earlier runs, read from the manifest.json that `segc run --out DIR` wrote
// (compiler/output/manifest.h), ordered by their as-of date.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace segc::report {

struct HistoryPoint {
  int32_t as_of = 0;  // days since 1970-01-01
  std::string source; // the folder or file it was read from, as given
  uint64_t rows = 0;
  std::map<std::string, uint64_t> members;  // segment, or PARTITION.GROUP
  std::vector<std::string> rule_hashes;     // SHA-256 of its rule files, sorted
  bool is_current = false;                  // the run that writes the report
};

// The manifest at `path` (a results folder, or the manifest file itself);
// nullopt with `error` set ("PATH: WHAT IS WRONG") when it cannot be read or
// is not a segc manifest.
std::optional<HistoryPoint> read_history_point(const std::string& path, std::string& error);

// Points sorted by date, those of one date in the order given; the current
// run is one of them.
void sort_history(std::vector<HistoryPoint>& points);

}  // namespace segc::report
