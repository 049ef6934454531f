// Everything `segc report` shows, computed from one evaluation: sizes and
// properties of the segments, partition shares, the overlap matrix, the
// profiles of the members against the whole base, earlier sizes, and the
// data warnings. html_report renders it; nothing here knows about HTML.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "diagnostics/diagnostic.h"
#include "evaluate/segment_membership.h"
#include "report/manifest_history.h"
#include "report/overlap_matrix.h"
#include "report/segment_profiles.h"
#include "runtime/table.h"
#include "semantic/checked_program.h"
#include "semantic/segment_properties.h"
#include "source/source_file.h"

namespace segc::report {

struct SegmentSummary {
  std::string name;
  std::string file;  // the rule file, as the user named it
  uint32_t line = 0;
  SegmentProperties properties;
  uint64_t members = 0;
};

struct GroupSummary {
  std::string name;
  bool is_else = false;
  uint64_t members = 0;
};

struct PartitionSummary {
  std::string name;
  std::string file;
  std::vector<GroupSummary> groups;
};

struct RuleFile {
  std::string path;
  std::string sha256;
};

// A data warning, as text: "FILE:LINE:COL", the code, message and help.
struct WarningSummary {
  std::string location;
  std::string code;
  std::string message;
  std::string help;
};

struct ReportData {
  std::string data_path;
  uint64_t rows = 0;
  uint64_t rejected_rows = 0;  // bad rows left out (--on-error skip)
  int32_t as_of = 0;
  std::vector<RuleFile> rule_files;
  std::vector<SegmentSummary> segments;  // the order of the request
  std::vector<PartitionSummary> partitions;
  OverlapMatrix overlaps;             // of `segments`, same order
  // per_segment: the `segments`, then every group of `partitions`, in order
  std::vector<FieldProfile> profiles;
  std::vector<HistoryPoint> history;  // by date, this run included; empty without --history
  std::vector<WarningSummary> warnings;
};

struct ReportRequest {
  const CheckedProgram* program = nullptr;
  const SourceManager* sources = nullptr;
  const runtime::Table* table = nullptr;
  const evaluate::SegmentMembership* membership = nullptr;  // `segments` and partitions computed
  std::vector<size_t> segments;          // shown, declaration order
  std::vector<size_t> partitions;
  std::vector<size_t> profile_columns;   // table columns (segment_profiles.h)
  std::vector<HistoryPoint> earlier;     // read from --history
  const DiagnosticList* warnings = nullptr;
  std::string data_path;
  uint64_t rejected_rows = 0;
  int32_t as_of = 0;
  unsigned threads = 1;
};

ReportData build_report(const ReportRequest& request);

}  // namespace segc::report
