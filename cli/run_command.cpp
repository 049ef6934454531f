// segc run: evaluate segments and partitions over customer data (CLI.md,
// "Evaluation output").
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "codegen/expression_dependencies.h"
#include "command_support.h"
#include "commands.h"
#include "data_input.h"
#include "driver/run_selection.h"
#include "driver/segment_evaluator.h"
#include "evaluate/data_lints.h"
#include "evaluate/partition_groups.h"
#include "evaluate/table_schema.h"
#include "output/manifest.h"
#include "output/member_keys.h"
#include "output/result_folder.h"
#include "output/roaring_members.h"
#include "output/run_summary.h"
#include "output/staged_files.h"
#include "output_paths.h"
#include "runtime/columnar_file.h"

namespace segc::cli {
namespace {

output::SummaryFormat summary_format(const std::string& name) {
  if (name == "json") return output::SummaryFormat::Json;
  if (name == "csv") return output::SummaryFormat::Csv;
  return output::SummaryFormat::Table;
}

void print_stdout(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
}

output::MemberFormat member_format(const std::string& name) {
  if (name == "roaring") return output::MemberFormat::Roaring;
  if (name == "roaring64") return output::MemberFormat::Roaring64;
  return output::MemberFormat::Keys;
}

// Writes every member list, the manifest and the rejected rows into `folder`
// and swaps it in, then puts `with_results` (a --rejects file) in place; or
// leaves the results folder as it was and writes neither.
bool write_results(output::ResultFolder& folder, const CheckedProgram& program,
                   const evaluate::SegmentMembership& membership,
                   const output::ManifestContents& manifest, const runtime::Table& table,
                   const SourceManager& sources, const std::string& rejects,
                   output::StagedFiles* with_results) {
  const output::MemberFormat format = manifest.member_format;
  const output::KeyOrder keys(table);
  std::optional<output::RoaringMembers> bitmaps;
  if (format != output::MemberFormat::Keys) {
    bitmaps.emplace(table, keys,
                    format == output::MemberFormat::Roaring ? output::RoaringWidth::Bits32
                                                            : output::RoaringWidth::Bits64);
  }
  auto contents = [&](const runtime::Bitmap& members) {
    return bitmaps ? bitmaps->serialize(members) : keys.keys_text(members);
  };
  std::string error;
  auto stage = [&](const std::string& name, const std::string& text) {
    return folder.add(name, text, error);
  };
  bool ok = true;
  for (size_t segment : manifest.segments) {
    const std::string& name = program.segments[segment].name;
    ok = ok && stage(output::member_file_name(format, name),
                     contents(membership.members[segment]));
  }
  for (const output::PartitionResult& result : manifest.partitions) {
    const std::string& partition = program.partitions[result.partition].name;
    for (const evaluate::PartitionGroup& group : result.groups) {
      ok = ok && stage(output::member_file_name(format, partition, group.name),
                       contents(group.members));
    }
  }
  ok = ok && stage("manifest.json", output::render_manifest(manifest, program, membership, sources));
  if (!rejects.empty()) ok = ok && stage("rejects.csv", rejects);
  ok = ok && folder.commit(error, with_results);
  if (!ok) print_error(folder.committed() ? error : error + " (no result was written)");
  return ok;
}

}  // namespace

CLI::App* add_run_command(CLI::App& app, RunOptions& options) {
  CLI::App* command =
      app.add_subcommand("run", "Evaluate segments and partitions over customer data");
  add_rule_files_option(*command, options.inputs);
  add_data_flag(*command, options.data);
  add_date_flags(*command, options.as_of, options.timezone,
                 "The date `today` means, YYYY-MM-DD (default: the current date)");
  command->add_option("--segments", options.segments,
                      "Evaluate only these segments or partitions (and what they reference)")
      ->delimiter(',')
      ->check(not_empty("segment or partition names, separated by ','"));
  command->add_option("--threads", options.threads, "Worker threads (default: all cores)")
      ->transform(thread_count());
  add_choice_option(*command, "--format", options.format, {"table", "json", "csv"},
                    "Summary on stdout: table, json or csv");
  CLI::Option* out = command->add_option(
      "--out", options.out,
      "Write a member list per segment and partition group, and manifest.json, here");
  out->check(not_empty("a folder"));
  add_choice_option(*command, "--out-format", options.out_format, {"keys", "roaring", "roaring64"},
                    "Member lists as keys (NAME.keys, one a line), roaring (NAME.roaring, "
                    "32-bit portable Roaring bitmaps of int keys) or roaring64")
      ->needs(out);
  command->add_flag("--emit-llvm", options.emit_llvm,
                    "Print the optimised LLVM IR generated for the rules and stop");
  add_choice_option(*command, "--engine", options.engine, {"jit", "interpreter"},
                    "jit (default) or interpreter, the slow reference evaluator");
  command->add_flag("--no-cache", options.no_cache,
                    "Compile the rules afresh: neither read nor write the compile cache");
  command->add_flag("--werror", options.werror, "Treat warnings in the rules as errors");
  add_root_option(*command, options.root);
  add_error_limit_flag(*command, options.error_limit);
  add_csv_flags(*command, options.csv, "OUT/rejects.csv with --out, else rejects.csv");
  return command;
}

int run_run_command(const RunOptions& options) {
  // Every flag is checked before the rules are read: a bad flag is exit 2
  // with its message first, not after the rules' errors or warnings.
  const std::optional<DateAndData> checked =
      check_date_and_data(options.as_of, options.timezone, options.data, options.csv);
  if (!checked) return kExitUsage;
  const std::optional<int32_t> today = checked->today;
  const bool columnar = checked->columnar;
  if (std::string clash = run_output_clash(options); !clash.empty()) {
    print_error(clash);
    return kExitUsage;
  }
  // Locked before the data is read: a second run into the same folder stops
  // here, not after its evaluation. A run that stops leaves it as it was.
  std::unique_ptr<output::ResultFolder> results;
  if (!options.out.empty()) {
    std::string error;
    results = output::ResultFolder::open(options.out, error);
    if (!results) {
      print_error(error);
      return kExitUsage;
    }
  }

  CompiledRules rules = compile_rules(options.inputs, options.werror, options.root,
                                      options.error_limit);
  if (rules.exit_code) return *rules.exit_code;
  const CheckOutcome& outcome = *rules.outcome;
  const CheckedProgram& program = *outcome.program;

  RunSelection selection = select_for_run(program, options.segments);
  if (!selection.error.empty()) {
    print_error(selection.error);
    return kExitUsage;
  }
  const output::MemberFormat format = member_format(options.out_format);
  const runtime::TableSchema schema = evaluate::table_schema_for(program.schema);
  if (format != output::MemberFormat::Keys) {
    // Before the data is read: a string key can never be a Roaring bitmap.
    const std::string problem = output::roaring_schema_problem(schema);
    if (!problem.empty()) {
      print_error(fmt::format("--out-format {}: {}", options.out_format, problem));
      return kExitUsage;
    }
  }
  if (std::string clash = rejects_rule_file_clash(options, outcome.sources); !clash.empty()) {
    print_error(clash);
    return kExitUsage;
  }

  LoadedData data;
  if (columnar) {
    data = open_columnar_data(options.data, schema, fields_read(program, selection.to_compute));
  } else {
    CsvFlags flags = options.csv;
    flags.threads = options.threads;
    flags.error_limit = options.error_limit;
    data = load_csv_data(options.data, schema, flags);
  }
  if (data.exit_code) return *data.exit_code;
  if (format != output::MemberFormat::Keys) {
    // Before anything is evaluated or written, rejects included.
    const std::string problem = output::roaring_key_range_problem(
        data.table, format == output::MemberFormat::Roaring ? output::RoaringWidth::Bits32
                                                             : output::RoaringWidth::Bits64);
    if (!problem.empty()) {
      print_error(fmt::format("{}: --out-format {}: {}", options.data, options.out_format, problem));
      return kExitUsage;
    }
  }
  // Rejected rows go into the results folder with the results, unless
  // --rejects names another file: that one is staged now and put in place
  // after the results, never beside results of another run.
  std::string rejects_in_results;
  std::string rejects_path;
  output::StagedFiles rejects_file;
  if (!data.rejected.empty()) {
    if (results && options.csv.rejects.empty()) {
      rejects_in_results = runtime::render_rejects(data.rejected);
    } else {
      rejects_path = options.csv.rejects.empty() ? "rejects.csv" : options.csv.rejects;
      if (!stage_rejects(rejects_file, data.rejected, rejects_path)) return kExitUsage;
    }
  }
  const runtime::Table& table = data.table;

  SegmentEvaluator evaluator(
      options.engine == "interpreter" ? EngineKind::Interpreter : EngineKind::Jit, options.threads,
      options.no_cache ? CacheUse::None : CacheUse::Persistent);
  const evaluate::EvaluationContext context{*today};
  if (options.emit_llvm) {
    auto ir = evaluator.llvm_ir(program, table, selection.to_compute, context);
    if (!ir) throw std::runtime_error(llvm::toString(ir.takeError()));
    print_stdout(*ir);
    if (!rejects_path.empty() &&
        !commit_rejects(rejects_file, options.data, data.rejected.size(), rejects_path)) {
      return kExitUsage;
    }
    return kExitOk;
  }
  auto membership = evaluator.evaluate(program, table, selection.to_compute, context);
  if (!membership) throw std::runtime_error(llvm::toString(membership.takeError()));
  for (const std::string& warning : evaluator.take_warnings()) print_warning(warning);
  if (report_data_warnings(
          evaluate::data_lints(program, outcome.sources, table, options.data, selection.to_compute, &*membership),
          outcome.sources, options.werror, "nothing was written")) {
    return kExitProblems;
  }

  output::ManifestContents manifest{*today, options.data, table.row_count, data.rejected.size(),
                                    selection.segments, {}, format};
  output::RunSummary summary{*today, options.data, table.row_count, {}};
  for (size_t segment : selection.segments) {
    summary.entries.push_back(
        {program.segments[segment].name, "", membership->members[segment].count()});
  }
  for (size_t partition : selection.partitions) {
    output::PartitionResult result{partition,
                                   evaluate::partition_groups(program.partitions[partition],
                                                              program, *membership,
                                                              table.row_count)};
    for (const evaluate::PartitionGroup& group : result.groups) {
      summary.entries.push_back({program.partitions[partition].name + "." + group.name,
                                 program.partitions[partition].name, group.members.count()});
    }
    manifest.partitions.push_back(std::move(result));
  }
  if (results) {
    if (!write_results(*results, program, *membership, manifest, table, outcome.sources,
                       rejects_in_results, rejects_path.empty() ? nullptr : &rejects_file)) {
      return kExitUsage;
    }
    if (!data.rejected.empty()) {
      print_rejects_written(options.data, data.rejected.size(),
                            !rejects_path.empty()
                                ? rejects_path
                                : (std::filesystem::path(options.out) / "rejects.csv").string());
    }
  } else if (!rejects_path.empty() &&
             !commit_rejects(rejects_file, options.data, data.rejected.size(), rejects_path)) {
    return kExitUsage;
  }
  print_stdout(output::render_summary(summary, summary_format(options.format)));
  return data.rejected.empty() ? kExitOk : kExitProblems;
}

}  // namespace segc::cli
