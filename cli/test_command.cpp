// segc test: run the `test` blocks of rule files (LANGUAGE.md section 8).
#include <fmt/format.h>

#include <cstdio>

#include "command_support.h"
#include "commands.h"
#include "diagnostics/terminal_text.h"
#include "driver/test_runner.h"

namespace segc::cli {

CLI::App* add_test_command(CLI::App& app, TestOptions& options) {
  CLI::App* command = app.add_subcommand(
      "test", "Run the test blocks of rule files and report failed expectations");
  add_rule_files_option(*command, options.inputs);
  add_date_flags(*command, options.as_of, options.timezone,
                 "The date `today` means in test blocks without `as of` (default: the current date)");
  add_choice_option(*command, "--engine", options.engine, {"jit", "interpreter"},
                    "jit (default) or interpreter, the slow reference evaluator");
  command->add_flag("--no-cache", options.no_cache,
                    "Compile the rules afresh: neither read nor write the compile cache");
  command->add_flag("--werror", options.werror, "Treat warnings in the rules as errors");
  add_root_option(*command, options.root);
  add_error_limit_flag(*command, options.error_limit);
  return command;
}

int run_test_command(const TestOptions& options) {
  // Before the rules are read: a bad flag is exit 2 with its message first.
  std::optional<int32_t> today = evaluation_date(options.as_of, options.timezone);
  if (!today) return kExitUsage;
  CompiledRules rules = compile_rules(options.inputs, options.werror, options.root,
                                      options.error_limit);
  if (rules.exit_code) return *rules.exit_code;
  const CheckOutcome& outcome = *rules.outcome;

  SegmentEvaluator evaluator(
      options.engine == "interpreter" ? EngineKind::Interpreter : EngineKind::Jit, 1,
      options.no_cache ? CacheUse::None : CacheUse::Persistent);
  auto report = run_tests(*outcome.program, outcome.sources, evaluator, *today);
  if (!report) throw std::runtime_error(llvm::toString(report.takeError()));
  for (const std::string& warning : evaluator.take_warnings()) print_warning(warning);

  for (const TestFailure& failure : report->failures) {
    const SourceRange& at = failure.location;
    // Test names and given values come from the rules: escaped, and written
    // whole even if they hold a NUL.
    const std::string text =
        fmt::format("{}:{}:{}: error: {}\n",
                    terminal_safe(outcome.sources.file(at.file).display_path()), at.begin.line,
                    at.begin.column, terminal_safe(failure.message)) +
        terminal_safe(failure.explanation, LineBreaks::Keep);
    std::fwrite(text.data(), 1, text.size(), stderr);
  }
  const size_t failed = report->failures.size();
  std::string summary = fmt::format("{} test block{}, {} expectation{}: ", report->blocks,
                                    report->blocks == 1 ? "" : "s", report->expectations,
                                    report->expectations == 1 ? "" : "s");
  summary += failed == 0 ? "all passed" : fmt::format("{} failed", failed);
  std::printf("%s\n", summary.c_str());
  std::fflush(stdout);
  return failed == 0 ? kExitOk : kExitProblems;
}

}  // namespace segc::cli
