#include "report/report_data.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "evaluate/partition_groups.h"
#include "output/manifest.h"

namespace segc::report {
namespace {

std::vector<RuleFile> rule_files(const CheckedProgram& program, const SourceManager& sources) {
  std::vector<RuleFile> files;
  std::set<size_t> seen;
  for (const ast::Module& module : program.parsed.modules) {
    if (!seen.insert(module.file).second) continue;
    const SourceFile& file = sources.file(module.file);
    files.push_back({file.display_path(), output::sha256_hex(file.text())});
  }
  return files;
}

std::vector<WarningSummary> warning_summaries(const DiagnosticList* warnings, const SourceManager& sources) {
  std::vector<WarningSummary> summaries;
  if (warnings == nullptr) return summaries;
  for (const Diagnostic& diagnostic : warnings->items()) {
    std::string location;
    if (diagnostic.range.valid()) {
      location = fmt::format("{}:{}:{}", sources.file(diagnostic.range.file).display_path(),
                             diagnostic.range.begin.line, diagnostic.range.begin.column);
    }
    summaries.push_back({location, diagnostic.code, diagnostic.message, diagnostic.help});
  }
  return summaries;
}

}  // namespace

ReportData build_report(const ReportRequest& request) {
  const CheckedProgram& program = *request.program;
  const SourceManager& sources = *request.sources;
  const runtime::Table& table = *request.table;
  const evaluate::SegmentMembership& membership = *request.membership;
  auto module_file = [&](size_t module) {
    return sources.file(program.parsed.modules[module].file).display_path();
  };

  ReportData data;
  data.data_path = request.data_path;
  data.rows = table.row_count;
  data.rejected_rows = request.rejected_rows;
  data.as_of = request.as_of;
  data.rule_files = rule_files(program, sources);
  data.warnings = warning_summaries(request.warnings, sources);

  std::vector<RowSet> sets;
  sets.reserve(request.segments.size());
  for (size_t index : request.segments) {
    const CheckedSegment& segment = program.segments[index];
    data.segments.push_back({segment.name, module_file(segment.module), segment.declaration->range.begin.line,
                             segment_properties(*segment.declaration), membership.members[index].count()});
    sets.emplace_back(membership.members[index]);
  }
  std::vector<const RowSet*> set_pointers;
  for (const RowSet& set : sets) set_pointers.push_back(&set);
  data.overlaps = OverlapMatrix(set_pointers, request.threads);

  HistoryPoint now{request.as_of, "this run", table.row_count, {}, {}, /*is_current=*/true};
  std::vector<RowSet> group_sets;  // profiled after the segments
  for (size_t index : request.partitions) {
    const CheckedPartition& partition = program.partitions[index];
    PartitionSummary summary{partition.name, module_file(partition.module), {}};
    for (const evaluate::PartitionGroup& group :
         evaluate::partition_groups(partition, program, membership, table.row_count)) {
      summary.groups.push_back({group.name, group.is_else, group.members.count()});
      now.members[partition.name + "." + group.name] = group.members.count();
      group_sets.emplace_back(group.members);
    }
    data.partitions.push_back(std::move(summary));
  }
  std::vector<const RowSet*> subjects = set_pointers;
  for (const RowSet& set : group_sets) subjects.push_back(&set);
  for (size_t column : request.profile_columns) {
    data.profiles.push_back(profile_field(table, column, subjects, request.threads));
  }
  if (!request.earlier.empty()) {
    for (const SegmentSummary& segment : data.segments) now.members[segment.name] = segment.members;
    for (const RuleFile& file : data.rule_files) now.rule_hashes.push_back(file.sha256);
    std::sort(now.rule_hashes.begin(), now.rule_hashes.end());
    data.history = request.earlier;
    data.history.push_back(std::move(now));
    sort_history(data.history);
  }
  return data;
}

}  // namespace segc::report
