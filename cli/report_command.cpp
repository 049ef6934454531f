// segc report: one self-contained HTML page about the segments on the data:
// sizes and properties, partition shares, overlaps, member profiles, sizes
// over time and data warnings (docs/report.md).
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "command_support.h"
#include "commands.h"
#include "data_input.h"
#include "driver/run_selection.h"
#include "driver/segment_evaluator.h"
#include "diagnostics/terminal_text.h"
#include "evaluate/data_lints.h"
#include "evaluate/table_schema.h"
#include "output/staged_files.h"
#include "output_paths.h"
#include "report/html_report.h"
#include "report/report_data.h"
#include "runtime/calendar.h"
#include "semantic/suggestions.h"

namespace segc::cli {
namespace {

// The columns --profile names, or, without it, every column a default
// profile may pick (evaluated once the data is loaded); nullopt after
// printing why a name is wrong.
std::optional<std::vector<size_t>> profile_candidates(const ReportOptions& options,
                                                      const runtime::TableSchema& schema) {
  std::vector<size_t> columns;
  if (options.profile.empty()) {
    for (size_t i = 0; i < schema.columns.size(); ++i) {
      const runtime::ColumnSpec& spec = schema.columns[i];
      if (!spec.is_key && (spec.kind == runtime::ColumnKind::Enum || spec.kind == runtime::ColumnKind::Int ||
                           spec.kind == runtime::ColumnKind::String)) {
        columns.push_back(i);
      }
    }
    return columns;
  }
  std::vector<std::string> names;
  for (const runtime::ColumnSpec& spec : schema.columns) names.push_back(spec.name);
  for (const std::string& name : options.profile) {
    auto found = std::find(names.begin(), names.end(), name);
    if (found == names.end()) {
      const std::optional<std::string> near = closest_match(name, names);
      print_error(fmt::format("--profile: the schema has no field '{}'{}", name,
                              near ? fmt::format("; did you mean '{}'?", *near) : ""));
      return std::nullopt;
    }
    const size_t column = static_cast<size_t>(found - names.begin());
    if (const std::string problem = report::unprofilable_column(schema.columns[column]); !problem.empty()) {
      print_error(fmt::format("--profile: {}; profiles show enum, bool, string, int and decimal fields", problem));
      return std::nullopt;
    }
    if (std::find(columns.begin(), columns.end(), column) == columns.end()) columns.push_back(column);
  }
  return columns;
}

// Why the page may not be written to --output, or "", known before any
// work: it must not be a folder, nor lie in a folder that does not exist,
// nor replace the data.
std::string output_problem(const ReportOptions& options) {
  if (options.out == "-") return "";
  std::error_code error;
  if (std::filesystem::is_directory(options.out, error)) {
    return fmt::format("-o {}: is a folder; give the file to write, e.g. {}/report.html", options.out, options.out);
  }
  // Known now rather than after all the work.
  const std::filesystem::path folder = std::filesystem::path(options.out).parent_path();
  if (!folder.empty() && !std::filesystem::is_directory(folder, error)) {
    return fmt::format("-o {}: {} is not a folder{}", options.out, folder.string(),
                       std::filesystem::exists(folder, error) ? "" : " (it does not exist; create it first)");
  }
  if (same_file(options.out, options.data)) {
    return fmt::format("-o {}: is the customer data (--data); the report would replace it", options.out);
  }
  return "";
}

}  // namespace

CLI::App* add_report_command(CLI::App& app, ReportOptions& options) {
  CLI::App* command = app.add_subcommand(
      "report", "Write one self-contained HTML page: segment sizes, partition shares, overlaps and member profiles");
  add_rule_files_option(*command, options.inputs);
  add_data_flag(*command, options.data);
  command->add_option("-o,--output", options.out, "The HTML file to write, - for standard output")
      ->required()
      ->check(not_empty("the HTML file to write, e.g. report.html"));
  add_date_flags(*command, options.as_of, options.timezone,
                 "The date `today` means, YYYY-MM-DD (default: the current date)");
  command->add_option("--segments", options.segments, "Only these segments and partitions (comma-separated)")
      ->delimiter(',')
      ->check(not_empty("segment names"));
  command->add_option("--profile", options.profile,
                      "Fields whose distribution each segment's profile shows (comma-separated; default: the first "
                      "8 enum, int and string fields, a string field when its 8 commonest values hold half the "
                      "customers)")
      ->delimiter(',')
      ->check(not_empty("field names"));
  command->add_option("--history", options.history,
                      "Folders of earlier `segc run --out` results (their manifest.json), for sizes over time")
      ->check(not_empty("a results folder"));
  command->add_option("--heat-map", options.heat_map,
                      "Segments shown in the overlap heat map, the largest when there are more (default 40)")
      ->check(CLI::Range(2, 500))
      ->capture_default_str();
  command->add_option("--threads", options.threads, "Worker threads (default: all cores)")->transform(thread_count());
  command->add_flag("--werror", options.werror, "Treat data warnings as errors: nothing is written");
  add_root_option(*command, options.root);
  add_error_limit_flag(*command, options.error_limit);
  add_csv_format_flags(*command, options.csv);
  add_on_error_flag(*command, options.csv,
                    "leave them out, say how many on the page (segc run --on-error skip lists them)");
  return command;
}

int run_report_command(const ReportOptions& options) {
  const std::optional<DateAndData> checked =
      check_date_and_data(options.as_of, options.timezone, options.data, options.csv);
  if (!checked) return kExitUsage;
  if (const std::string problem = output_problem(options); !problem.empty()) {
    print_error(problem);
    return kExitUsage;
  }
  std::vector<report::HistoryPoint> earlier;
  for (size_t i = 0; i < options.history.size(); ++i) {
    const std::string& folder = options.history[i];
    for (size_t j = 0; j < i; ++j) {
      if (same_file(options.history[j], folder)) {
        print_error(fmt::format("--history {}: given twice (also as {}); each run counts once", folder,
                                options.history[j]));
        return kExitUsage;
      }
    }
    std::string error;
    std::optional<report::HistoryPoint> point = report::read_history_point(folder, error);
    if (!point) {
      print_error("--history " + error);
      return kExitUsage;
    }
    earlier.push_back(std::move(*point));
  }

  CompiledRules rules = compile_rules(options.inputs, options.werror, options.root, options.error_limit,
                                      "no report was written");
  if (rules.exit_code) return *rules.exit_code;
  const CheckOutcome& outcome = *rules.outcome;
  const CheckedProgram& program = *outcome.program;
  if (options.out != "-" && is_rule_file(options.out, outcome.sources)) {
    print_error(fmt::format("-o {}: is a rule file; the report would replace it", options.out));
    return kExitUsage;
  }
  const RunSelection selection = select_for_run(program, options.segments);
  if (!selection.error.empty()) {
    print_error(selection.error);
    return kExitUsage;
  }
  const runtime::TableSchema schema = evaluate::table_schema_for(program.schema);
  const std::optional<std::vector<size_t>> candidates = profile_candidates(options, schema);
  if (!candidates) return kExitUsage;

  LoadedData data;
  if (checked->columnar) {
    std::vector<size_t> columns = fields_read(program, selection.to_compute);
    columns.insert(columns.end(), candidates->begin(), candidates->end());
    std::sort(columns.begin(), columns.end());
    columns.erase(std::unique(columns.begin(), columns.end()), columns.end());
    data = open_columnar_data(options.data, schema, columns);
  } else {
    CsvFlags flags = options.csv;
    flags.threads = options.threads;
    flags.error_limit = options.error_limit;
    data = load_csv_data(options.data, schema, flags, {}, "no report was written");
  }
  if (data.exit_code) return *data.exit_code;
  const runtime::Table& table = data.table;
  if (table.row_count == 0) {
    print_warning(fmt::format("{} has no customers: every segment on the page is empty", options.data));
  }
  if (table.row_count > report::kMaxRowSetRows) {
    print_error(fmt::format("{}: {} customers; a report covers at most 4,294,967,296", options.data, table.row_count));
    return kExitUsage;
  }

  SegmentEvaluator evaluator(EngineKind::Jit, options.threads, CacheUse::Persistent);
  auto membership =
      evaluator.evaluate(program, table, selection.to_compute, evaluate::EvaluationContext{checked->today});
  if (!membership) throw std::runtime_error(llvm::toString(membership.takeError()));
  for (const std::string& warning : evaluator.take_warnings()) print_warning(warning);
  DiagnosticList warnings =
      evaluate::data_lints(program, outcome.sources, table, options.data, selection.to_compute, &*membership);
  if (report_data_warnings(warnings, outcome.sources, options.werror, "no report was written")) return kExitProblems;

  report::ReportRequest request;
  request.program = &program;
  request.sources = &outcome.sources;
  request.table = &table;
  request.membership = &*membership;
  request.segments = selection.segments;
  request.partitions = selection.partitions;
  if (options.profile.empty()) {
    request.profile_columns = report::default_profile_columns(table);
  } else {
    request.profile_columns = *candidates;
  }
  request.earlier = std::move(earlier);
  request.warnings = &warnings;
  request.data_path = options.data;
  request.rejected_rows = data.rejected.size();
  request.as_of = checked->today;
  request.threads = options.threads == 0 ? default_thread_count() : options.threads;
  const report::ReportData report_data = report::build_report(request);
  report::PageOptions page;
  page.heat_map_limit = options.heat_map;
  const std::string html = report::render_html_report(report_data, page);
  // As segc run: bad rows left out are reported, and the exit code is 1.
  const int done = data.rejected.empty() ? kExitOk : kExitProblems;
  if (!data.rejected.empty()) {
    const std::string message =
        fmt::format("{}: {} bad row{} left out (segc run --on-error skip --rejects FILE lists them)", options.data,
                    data.rejected.size(), data.rejected.size() == 1 ? "" : "s");
    std::fprintf(stderr, "%s\n", terminal_safe(message).c_str());
  }
  if (options.out == "-") {
    std::fwrite(html.data(), 1, html.size(), stdout);
    return done;
  }
  std::string error;
  if (!output::write_file_atomically(options.out, html, error)) {
    print_error(error);
    return kExitUsage;
  }
  auto plural = [](size_t count, const char* noun) {
    return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
  };
  std::printf("%s\n", terminal_safe(fmt::format("{}: {}, {} over {} as of {}", options.out,
                                                plural(report_data.segments.size(), "segment"),
                                                plural(report_data.partitions.size(), "partition"),
                                                plural(table.row_count, "customer"),
                                                calendar::format_iso_date(checked->today)))
                          .c_str());
  return done;
}

}  // namespace segc::cli
