// segc diff: the rule files as they are against the same files at a git
// revision, evaluated over the same customers (docs/diff.md).
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>

#include "command_support.h"
#include "commands.h"
#include "data_input.h"
#include "driver/git_revision.h"
#include "driver/run_selection.h"
#include "driver/segment_diff.h"
#include "driver/segment_evaluator.h"
#include "evaluate/table_schema.h"
#include "output/diff_report.h"
#include "runtime/calendar.h"

namespace segc::cli {
namespace {

namespace fs = std::filesystem;

// `path` (an input or --root) as it lies in the revision's copy; empty when
// it is not inside the repository.
std::string in_copy(const RevisionFiles& revision, const std::string& path) {
  std::error_code error;
  const fs::path absolute = fs::weakly_canonical(fs::absolute(path), error);
  const fs::path top = fs::weakly_canonical(revision.repository(), error);
  const fs::path relative = absolute.lexically_relative(top);
  if (error || relative.empty() || *relative.begin() == "..") return {};
  return (revision.folder() / relative).lexically_normal().string();
}

bool same_schema(const runtime::TableSchema& a, const runtime::TableSchema& b) {
  return a.columns == b.columns && a.key_index == b.key_index;
}

bool same_customers(const runtime::Table& a, const runtime::Table& b) {
  if (a.row_count != b.row_count || a.key().spec.kind != b.key().spec.kind) return false;
  for (size_t row = 0; row < a.row_count; ++row) {
    const bool string_keys = a.key().spec.kind == runtime::ColumnKind::String;
    if (string_keys ? a.key().dictionary[a.key().code_at(row)] != b.key().dictionary[b.key().code_at(row)]
                    : a.key().int_at(row) != b.key().int_at(row)) {
      return false;
    }
  }
  return true;
}

LoadedData load(const DiffOptions& options, bool columnar, const CheckedProgram& program) {
  const runtime::TableSchema schema = evaluate::table_schema_for(program.schema);
  if (columnar) {
    // Only the columns the rules read (and the key) are verified: the rest
    // decide nothing.
    std::vector<size_t> every_segment(program.segments.size());
    for (size_t i = 0; i < every_segment.size(); ++i) every_segment[i] = i;
    return open_columnar_data(options.data, schema, fields_read(program, every_segment));
  }
  CsvFlags flags = options.csv;
  flags.threads = options.threads;
  flags.error_limit = options.error_limit;
  return load_csv_data(options.data, schema, flags, {}, "nothing was compared");
}

}  // namespace

CLI::App* add_diff_command(CLI::App& app, DiffOptions& options) {
  CLI::App* command = app.add_subcommand(
      "diff", "Compare segment sizes and members under the rules as they are and at a git revision");
  add_rule_files_option(*command, options.inputs);
  command->add_option("--base", options.base, "The git revision to compare with, e.g. main or HEAD~1")
      ->required()
      ->check(not_empty("a git revision such as main"));
  add_data_flag(*command, options.data);
  add_date_flags(*command, options.as_of, options.timezone,
                 "The date `today` means, YYYY-MM-DD (default: the current date)");
  add_choice_option(*command, "--format", options.format, {"text", "json", "markdown"},
                    "text (default), json or markdown");
  command->add_option("--fail-on-change", options.fail_on_change,
                      "Exit 1 when a segment or group that exists on both sides grows or shrinks by more than "
                      "this many percent")
      ->check(CLI::NonNegativeNumber);
  command->add_option("--examples", options.examples, "Keys listed per segment that entered or left (default 5)")
      ->check(CLI::Range(0, 1000))
      ->capture_default_str();
  command->add_flag("--all", options.all, "List unchanged segments and groups too (text and markdown)");
  command->add_option("--threads", options.threads, "Worker threads (default: all cores)")->transform(thread_count());
  add_root_option(*command, options.root);
  add_error_limit_flag(*command, options.error_limit);
  add_csv_format_flags(*command, options.csv);
  add_on_error_flag(*command, options.csv, "leave them out on both sides (segc run --on-error skip lists them)");
  return command;
}

int run_diff_command(const DiffOptions& options) {
  const std::optional<DateAndData> checked =
      check_date_and_data(options.as_of, options.timezone, options.data, options.csv);
  if (!checked) return kExitUsage;
  const std::optional<int32_t> today = checked->today;
  const bool columnar = checked->columnar;
  auto revision = RevisionFiles::read(options.inputs.front(), options.base);
  if (!revision) {
    print_error(llvm::toString(revision.takeError()));
    return kExitUsage;
  }
  // The same inputs in the revision's copy; those that did not exist then are left out.
  std::vector<std::string> base_inputs;
  for (const std::string& input : options.inputs) {
    const std::string copy = in_copy(**revision, input);
    if (copy.empty()) {
      print_error(fmt::format("{} is not inside the repository at {}, so --base cannot name its past", input,
                              (*revision)->repository().string()));
      return kExitUsage;
    }
    std::error_code error;
    if (fs::exists(copy, error)) base_inputs.push_back(copy);
  }
  const std::string base_root =
      options.root.empty() ? (*revision)->folder().string() : in_copy(**revision, options.root);

  CompiledRules after = compile_rules(options.inputs, /*werror=*/false, options.root, options.error_limit,
                                      "nothing was compared");
  if (after.exit_code) return *after.exit_code;
  const std::string short_commit = (*revision)->commit().substr(0, 12);
  std::optional<CompiledRules> before;
  if (!base_inputs.empty()) {
    before = compile_rules(base_inputs, /*werror=*/false, base_root, options.error_limit,
                           fmt::format("in the rules at {} ({}), copied to {}: nothing was compared", options.base,
                                       short_commit, (*revision)->folder().string()),
                           /*print_warnings=*/false);
    if (before->exit_code) return *before->exit_code;
  }
  const CheckedProgram& after_program = *after.outcome->program;
  const CheckedProgram* before_program = before ? &*before->outcome->program : nullptr;

  LoadedData after_data = load(options, columnar, after_program);
  if (after_data.exit_code) return *after_data.exit_code;
  LoadedData before_data;
  const bool reload = before_program != nullptr &&
                      !same_schema(evaluate::table_schema_for(before_program->schema),
                                   evaluate::table_schema_for(after_program.schema));
  if (reload) {
    before_data = load(options, columnar, *before_program);
    if (before_data.exit_code) return *before_data.exit_code;
    if (!same_customers(before_data.table, after_data.table)) {
      print_error(fmt::format("{} reads as other customers under the schema at {}: the sides cannot be compared",
                              options.data, options.base));
      return kExitProblems;
    }
  }
  const runtime::Table& table = after_data.table;
  const evaluate::EvaluationContext context{*today};
  SegmentEvaluator evaluator(EngineKind::Jit, options.threads, CacheUse::Persistent);
  auto evaluate_all = [&](const CheckedProgram& program, const runtime::Table& data) {
    std::vector<size_t> all(program.segments.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    return evaluator.evaluate(program, data, all, context);
  };
  auto after_members = evaluate_all(after_program, table);
  if (!after_members) throw std::runtime_error(llvm::toString(after_members.takeError()));
  std::optional<evaluate::SegmentMembership> before_members;
  if (before_program != nullptr) {
    auto members = evaluate_all(*before_program, reload ? before_data.table : table);
    if (!members) throw std::runtime_error(llvm::toString(members.takeError()));
    before_members = std::move(*members);
  }
  for (const std::string& warning : evaluator.take_warnings()) print_warning(warning);

  const DiffSide before_side{before_program, before ? &before->outcome->sources : nullptr,
                             before_members ? &*before_members : nullptr};
  const DiffSide after_side{&after_program, &after.outcome->sources, &*after_members};
  const DiffReport report = diff_rules(before_side, after_side, table, options.examples);
  const output::DiffHeading heading{options.base, (*revision)->commit(), options.data,
                                    calendar::format_iso_date(*today)};
  const std::string out = options.format == "json"       ? output::render_diff_json(report, heading)
                          : options.format == "markdown" ? output::render_diff_markdown(report, heading, options.all)
                                                         : output::render_diff_text(report, heading, options.all);
  std::fputs(out.c_str(), stdout);
  if (!options.fail_on_change) return kExitOk;
  std::vector<std::string> moved;
  for (const auto* entries : {&report.segments, &report.partitions}) {
    for (const DiffEntry& entry : *entries) {
      if (moved_more_than(entry, *options.fail_on_change)) {
        moved.push_back(fmt::format("{} ({} → {})", entry.name, entry.before, entry.after));
      }
    }
  }
  if (moved.empty()) return kExitOk;
  print_error(fmt::format("--fail-on-change {}: {} moved by more than {}%: {}", *options.fail_on_change,
                          moved.size() == 1 ? "1 segment or group" : fmt::format("{} segments or groups", moved.size()),
                          *options.fail_on_change, fmt::join(moved, ", ")));
  return kExitProblems;
}

}  // namespace segc::cli
